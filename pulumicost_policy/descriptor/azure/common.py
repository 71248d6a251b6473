"""What several Azure families share: the entry of a billable service the price book has no Azure
prices for yet (unpriced, never free)."""
from __future__ import annotations

from ..registry import PricedType, UsageKey, no_data

NO_AZURE = "no Azure prices for it in the book (no public data file covers it; `prices update --azure` does not fetch it either)"


def unpriced_service(tokens: tuple[str, ...], resource_type: str, what: str,
                     usage: tuple[UsageKey, ...] = ()) -> PricedType:
    return PricedType(tokens, resource_type, no_data(f"Azure {what}"), (), usage, f"unpriced ({NO_AZURE})")
