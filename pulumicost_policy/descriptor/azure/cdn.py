"""CDN profiles, free or unpriced by their SKU: a classic Azure CDN profile (Standard_Microsoft,
Verizon, Akamai) has no charge of its own (its endpoints' traffic is billed); Azure Front Door
Standard/Premium profiles carry a monthly base fee, not in our data."""
from __future__ import annotations

from ..model import Free, Unpriced
from ..registry import PricedType
from ..values import Props
from .common import NO_AZURE, sku_name

CLASSIC_CDN = ("standard_microsoft", "standard_verizon", "premium_verizon", "standard_akamai",
               "standard_chinacdn")


def cdn_profile(p: Props) -> Free | Unpriced:
    sku = sku_name(p)
    if sku.lower() in CLASSIC_CDN:
        return Free("a classic CDN profile has no charge of its own (its endpoints' traffic is billed)")
    return Unpriced(f"Azure Front Door / CDN profile base fee and traffic: {NO_AZURE}")


TYPES = (
    PricedType(("azure:cdn/profile:Profile", "azure-native:cdn:Profile"), "cdn:Profile", cdn_profile, (), (),
               "classic CDN profiles free (endpoints' traffic billed); Front Door profiles unpriced (not in our data)"),
)
