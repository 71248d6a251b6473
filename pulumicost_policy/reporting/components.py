"""A resource's cost components as people read them, shared by the table, Markdown and HTML: the
monthly quantity and its unit ("730 hours", "100 GB-month"), the monthly cost, and for a line whose
quantity comes from usage not given, its unit price and the usage-file key to set (Infracost's
"Monthly cost depends on usage: $0.20 per 1M requests")."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Optional

from ..money import money, rate_text
from ..pricing.estimate import HOURS_PER_MONTH, ComponentCost

HOURLY_UNIT = "hour"   # our per-hour components: the quantity is a count, billed every hour


def monthly_quantity(comp: ComponentCost) -> Optional[float]:
    """The quantity billed in a month (a per-hour count x 730 h); None when usage was not given."""
    if comp.quantity is None:
        return None
    return comp.quantity * HOURS_PER_MONTH if comp.unit == HOURLY_UNIT else comp.quantity


def unit_text(comp: ComponentCost) -> str:
    """The unit of the monthly quantity: `hours` for a per-hour line, else the price's unit."""
    return comp.unit + "s" if comp.unit == HOURLY_UNIT else comp.unit


def quantity_text(value: Optional[float]) -> str:
    """A quantity with thousands separators and at most 4 decimals, without trailing zeros."""
    if value is None:
        return ""
    try:
        text = f"{Decimal(repr(value)).quantize(Decimal('0.0001')).normalize():,f}"
    except InvalidOperation:  # too many digits for 4 decimals (or not finite): scientific form
        return f"{value:.4g}"
    return "0" if text in ("-0", "0") else text


def usage_keys(comp: ComponentCost) -> str:
    """`monthly_requests` / `monthly_requests and request_duration_ms` (a product of keys)."""
    return comp.usage_key.replace("*", " and ")


def depends_text(comp: ComponentCost) -> str:
    """`depends on usage: $0.20 per 1M requests (set monthly_requests)`."""
    keys = usage_keys(comp)
    return (f"depends on usage: {rate_text(comp.rate, comp.currency)} per {comp.unit}"
            + (f" (set {keys})" if keys else ""))


def cost_text(comp: ComponentCost) -> str:
    """The component's monthly cost, or how it depends on usage."""
    return depends_text(comp) if comp.monthly is None else money(comp.monthly, comp.currency)
