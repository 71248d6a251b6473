"""Public IPs and virtual network (VPN) gateways."""
from __future__ import annotations

from ..registry import MONTHLY_HRS
from .common import unpriced_service

TYPES = (
    unpriced_service(("azure:network/publicIp:PublicIp", "azure-native:network:PublicIPAddress"),
                     "network:PublicIp", "public IP", (MONTHLY_HRS,)),
    unpriced_service(("azure:network/virtualNetworkGateway:VirtualNetworkGateway",
                      "azure-native:network:VirtualNetworkGateway"), "network:VirtualNetworkGateway",
                     "VPN gateway", (MONTHLY_HRS,)),
)
