"""What several Azure families share: the entry of a billable service the price book has no Azure
prices for yet (unpriced, never free)."""
from __future__ import annotations

from ..registry import PricedType, UsageKey, no_data
from ..values import Props

NO_AZURE = "no Azure prices for it in the book (no public data file covers it; `prices update --azure` does not fetch it either)"


def unpriced_service(tokens: tuple[str, ...], resource_type: str, what: str,
                     usage: tuple[UsageKey, ...] = ()) -> PricedType:
    return PricedType(tokens, resource_type, no_data(f"Azure {what}"), (), usage, f"unpriced ({NO_AZURE})")


def sku_name(p: Props) -> str:
    """`sku` as the classic provider writes it (a string) or azure-native (`sku.name`); "" when unset."""
    return (p.str("sku.name") if isinstance(p.value("sku"), dict) else p.str("sku")) or ""
