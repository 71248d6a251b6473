"""VPC connectivity: NAT gateways, VPC endpoints, site-to-site VPN, Transit Gateway attachments and
Client VPN.

These bill by the hour they exist (a gateway, a connection, an attachment) plus traffic that only
the usage file can say. A transit gateway itself costs nothing (free.py): its attachments carry
the cost.
"""
from __future__ import annotations

from typing import Callable

from ..model import Free, Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

DATA_PROCESSED = UsageKey("monthly_data_processed_gb", "GB", "data sent through the attachment per month")


def nat_gateway(p: Props) -> Mapped:
    return Mapped("standard", [
        running("NAT gateway", "ec2:NatGateway", "standard"),
        usage_based("Data processed", "ec2:NatGateway", "data-processed", "per_gb", "monthly_data_processed_gb"),
    ])


def vpc_endpoint(p: Props) -> Mapped | Free | Unpriced:
    kind = (p.str("vpcEndpointType", "Gateway") or "Gateway").lower()
    if kind == "gateway":
        return Free("gateway endpoints (S3, DynamoDB) have no charge")
    if kind not in ("interface", "gatewayloadbalancer"):
        return Unpriced("vpcEndpointType should be Interface, Gateway or GatewayLoadBalancer")
    zones = float(p.count("subnetIds") or 1) if kind == "interface" else 1.0
    name = "Interface" if kind == "interface" else "GatewayLoadBalancer"
    return Mapped(kind, [
        running(f"Endpoint ({name})", "vpc:Endpoint", kind, zones),
        usage_based("Data processed", "vpc:Endpoint", f"{kind}-data", "per_gb", "monthly_data_processed_gb"),
    ])


def vpn_connection(p: Props) -> Mapped:
    """A site-to-site VPN connection; on a transit gateway it is also a TGW attachment."""
    comps = [running("VPN connection", "vpc:VpnConnection", "site-to-site")]
    if p.has("transitGatewayId"):
        comps += [running("Transit gateway attachment (VPN)", "vpc:TransitGateway", "vpn-attachment"),
                  usage_based("Transit gateway data processed", "vpc:TransitGateway", "vpn-data", "per_gb",
                              DATA_PROCESSED.name)]
    return Mapped("site-to-site", comps)


def tgw_attachment(kind: str, label: str, data: bool) -> Callable[[Props], Mapped]:
    """A mapper for one kind of transit gateway attachment: hours, and data processed when billed."""
    def mapper(p: Props) -> Mapped:
        comps = [running(f"Transit gateway attachment ({label})", "vpc:TransitGateway", f"{kind}-attachment")]
        if data:
            comps.append(usage_based("Data processed", "vpc:TransitGateway", f"{kind}-data", "per_gb",
                                     DATA_PROCESSED.name))
        return Mapped(f"{kind}-attachment", comps)
    mapper.__doc__ = f"A transit gateway {label} attachment."
    return mapper


def client_vpn_endpoint(p: Props) -> Mapped:
    """Connection-hours (by usage); the hourly charge is per subnet association, its own resource."""
    return Mapped("connection", [usage_based("Connection hours", "vpc:ClientVpn", "connection", "per_hour",
                                             "monthly_connection_hrs", 1 / 730.0)])


def client_vpn_association(p: Props) -> Mapped:
    return Mapped("association", [running("Endpoint association", "vpc:ClientVpn", "association")])


TGW_KINDS = (("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "vpc", "VPC", True),
             ("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "peering", "peering", False),
             ("aws:ec2transitgateway/connect:Connect", "connect", "Connect", False))

TYPES = (
    PricedType(("aws:ec2/natGateway:NatGateway",), "ec2:NatGateway", nat_gateway,
               keys("ec2:NatGateway standard", "ec2:NatGateway data-processed"),
               (MONTHLY_HRS, UsageKey("monthly_data_processed_gb", "GB", "data processed per month")),
               "hours and data processed"),
    PricedType(("aws:ec2/vpcEndpoint:VpcEndpoint",), "vpc:Endpoint", vpc_endpoint,
               keys("vpc:Endpoint interface", "vpc:Endpoint interface-data", "vpc:Endpoint gatewayloadbalancer",
                    "vpc:Endpoint gatewayloadbalancer-data"),
               (MONTHLY_HRS, UsageKey("monthly_data_processed_gb", "GB", "data processed per month")),
               "interface endpoint hours per AZ and data processed; gateway endpoints free"),
    PricedType(("aws:ec2/vpnConnection:VpnConnection",), "vpc:VpnConnection", vpn_connection,
               keys("vpc:VpnConnection site-to-site", "vpc:TransitGateway vpn-attachment", "vpc:TransitGateway vpn-data",
                    example=("vpc:VpnConnection site-to-site",)),
               (MONTHLY_HRS, DATA_PROCESSED),
               "connection hours; on a transit gateway also the VPN attachment's hours and data processed (by usage)"),
    *(PricedType((token,), "vpc:TransitGateway", tgw_attachment(kind, label, data),
                 keys(f"vpc:TransitGateway {kind}-attachment", *([f"vpc:TransitGateway {kind}-data"] if data else []),
                      example=(f"vpc:TransitGateway {kind}-attachment",)),
                 (MONTHLY_HRS, *((DATA_PROCESSED,) if data else ())),
                 f"attachment hours{', data processed (by usage)' if data else ''}")
      for token, kind, label, data in TGW_KINDS),
    PricedType(("aws:ec2clientvpn/endpoint:Endpoint",), "vpc:ClientVpn", client_vpn_endpoint,
               keys("vpc:ClientVpn connection"),
               (UsageKey("monthly_connection_hrs", "hours", "client connection-hours per month (all users)"),),
               "connection-hours (by usage); associations are priced on their own resource"),
    PricedType(("aws:ec2clientvpn/networkAssociation:NetworkAssociation",), "vpc:ClientVpn", client_vpn_association,
               keys("vpc:ClientVpn association", example=("vpc:ClientVpn association",)), (MONTHLY_HRS,),
               "endpoint association hours"),
)
