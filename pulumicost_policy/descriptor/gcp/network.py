"""Cloud NAT, Cloud VPN tunnels, Cloud Load Balancing forwarding rules, Cloud DNS zones."""
from __future__ import annotations

from ..model import Mapped, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys, no_data
from ..values import Props
from .common import UNPRICED, no_data_type


def router_nat(p: Props) -> Mapped:
    """Cloud NAT bills each assigned VM by the hour up to 32 VMs (then a flat gateway), and data."""
    return Mapped("nat", [
        usage_based("Assigned VMs (first 32)", "compute:RouterNat", "vm", "per_hour", "assigned_vms", 1.0,
                    (0.0, 32.0)),
        usage_based("Data processed", "compute:RouterNat", "data-processed", "per_gb", "monthly_data_processed_gb"),
    ])


def vpn_tunnel(p: Props) -> Mapped:
    """A Cloud VPN tunnel (classic or HA) by the hour; its gateways are free (billed by tunnels)."""
    return Mapped("tunnel", [running("VPN tunnel", "compute:VpnTunnel", "tunnel")])


TYPES = (
    PricedType(("gcp:compute/routerNat:RouterNat",), "compute:RouterNat", router_nat,
               keys("compute:RouterNat vm", "compute:RouterNat data-processed"),
               (UsageKey("assigned_vms", "VMs", "VMs using the gateway (billed up to 32)"),
                UsageKey("monthly_data_processed_gb", "GB", "data processed per month")),
               "assigned VM hours (up to 32) and data processed (by usage)"),
    PricedType(("gcp:compute/vpnTunnel:VpnTunnel",), "compute:VpnTunnel", vpn_tunnel,
               keys("compute:VpnTunnel tunnel"), (MONTHLY_HRS,), "tunnel hours (egress not included)"),
    PricedType(("gcp:dns/managedZone:ManagedZone",), "dns:ManagedZone", no_data("Cloud DNS"), (), (),
               f"unpriced ({UNPRICED})"),
    no_data_type(("gcp:compute/forwardingRule:ForwardingRule", "gcp:compute/globalForwardingRule:GlobalForwardingRule"),
                 "compute:ForwardingRule", "Cloud Load Balancing forwarding rule"),
)
