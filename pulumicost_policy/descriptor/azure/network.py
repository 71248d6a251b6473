"""Public IPs, virtual network (VPN) gateways and load balancers (a Basic one has no charge; a
Standard one bills rules and data processed, not in our data)."""
from __future__ import annotations

from ..model import Free, Unpriced
from ..registry import MONTHLY_HRS, PricedType
from ..values import Props
from .common import NO_AZURE, sku_name, unpriced_service


def load_balancer(p: Props) -> Free | Unpriced:
    sku = sku_name(p) or "Basic"
    if sku.lower() == "basic":
        return Free("a Basic load balancer has no charge")
    return Unpriced(f"Azure Standard/Gateway load balancer rules and data processed: {NO_AZURE}")


TYPES = (
    unpriced_service(("azure:network/publicIp:PublicIp", "azure-native:network:PublicIPAddress"),
                     "network:PublicIp", "public IP", (MONTHLY_HRS,)),
    unpriced_service(("azure:network/virtualNetworkGateway:VirtualNetworkGateway",
                      "azure-native:network:VirtualNetworkGateway"), "network:VirtualNetworkGateway",
                     "VPN gateway", (MONTHLY_HRS,)),
    PricedType(("azure:lb/loadBalancer:LoadBalancer", "azure-native:network:LoadBalancer"), "lb:LoadBalancer",
               load_balancer, (), (), "Basic free; Standard and Gateway unpriced (not in our data)"),
)
