"""What several GCP families share: the entry of a billable service the price book has no prices for."""
from __future__ import annotations

from ..registry import PricedType, no_data

UNPRICED = "pricing.yml has no prices for it"


def no_data_type(tokens: tuple[str, ...], price_type: str, what: str) -> PricedType:
    """Registered, so no free pattern may cover it, and unpriced, saying so."""
    return PricedType(tokens, price_type, no_data(what), (), (), f"unpriced ({UNPRICED})")
