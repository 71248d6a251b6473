"""The arithmetic of a price: each component's monthly cost from its rate and quantity, and the sum.

Monthly = hourly rate x 730 (the seeds' constant: 365.25 days / 12 x 24 h) for per-hour components,
rate x monthly quantity for the rest. A quantity that comes from usage not given is None: the
component shows its unit price and is left out of the sum, never counted as $0.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

from ..descriptor import CostComponent, ResourceDescriptor, Unpriced
from ..money import rate_text
from .finite import as_finite, total
from .estimate import HOURS_PER_MONTH, ComponentCost, Pricing
from .pricebook import BILLING_UNITS


@dataclass(frozen=True)
class Rate:
    """One component's unit price as a source states it."""

    rate_per_unit: float
    currency: str
    billing_mode: str


def assemble(desc: ResourceDescriptor, usage: dict[str, float], rates: Sequence[Rate], source: str) -> Pricing | Unpriced:
    """Monthly cost of each component from its rate (x 730 h for per-hour) and the resource's total.

    `rates` match `desc.components` one to one and have been checked against their billing modes.
    """
    costs: list[ComponentCost] = []
    notes: list[str] = []
    for comp, rate in zip(desc.components, rates, strict=True):
        unit = BILLING_UNITS.get(rate.billing_mode, rate.billing_mode)
        quantity = component_quantity(comp, usage)
        if quantity is None:
            costs.append(ComponentCost(comp.label, rate.rate_per_unit, unit, rate.currency, None, None,
                                       comp.usage_key or ""))
            notes.append(f"{comp.label}: {rate_text(rate.rate_per_unit, rate.currency)} per {unit} "
                         f"(set {comp.usage_key.replace('*', ' and ')} in the usage file)")
            continue
        hours = HOURS_PER_MONTH if comp.billing_mode == "per_hour" else 1.0
        monthly = rate.rate_per_unit * quantity * hours
        if as_finite(quantity) is None or as_finite(monthly) is None:
            return Unpriced(f"{comp.price_type}: the monthly cost is not a finite number (check the "
                            f"resource's sizes and counts and the usage file quantities)")
        costs.append(ComponentCost(comp.label, rate.rate_per_unit, unit, rate.currency, quantity, monthly,
                                   comp.usage_key or ""))
    currencies = {r.currency for r in rates}
    if len(currencies) != 1:
        return Unpriced(f"the prices for this resource mix currencies ({', '.join(sorted(currencies))})")
    first = costs[0]
    monthly = total(c.monthly for c in costs if c.monthly is not None)
    if not math.isfinite(monthly):
        return Unpriced("the monthly cost is not a finite number (check the resource's sizes and counts)")
    return Pricing(
        monthly=monthly,
        currency=first.currency,
        source=source,
        unit_price=f"{rate_text(first.rate, first.currency)} {first.currency} per {first.unit}",
        components=tuple(costs),
        usage_notes=tuple(notes),
    )


def component_quantity(comp: CostComponent, usage: dict[str, float]) -> Optional[float]:
    """The component's monthly quantity, or None when it comes from usage that was not given."""
    if comp.usage_key is None:
        return _in_tier(comp, comp.quantity)
    defaults = dict(comp.usage_defaults)
    product = comp.usage_scale  # scaled first: count x 730 h x (1/730) must not overflow on the way
    for key in comp.usage_key.split("*"):
        value = usage.get(key, defaults.get(key))
        if value is None:
            return None
        product *= value
    return _in_tier(comp, product)


def _in_tier(comp: CostComponent, quantity: Optional[float]) -> Optional[float]:
    """The part of `quantity` that falls in the component's tier (all of it without a tier), or the
    sum of its steps' factors x the parts of it in each step."""
    if quantity is not None and comp.steps:
        return sum(factor * max(0.0, min(quantity, high) - low) for low, high, factor in comp.steps)
    if quantity is None or comp.tier is None:
        return quantity
    low, high = comp.tier
    return max(0.0, min(quantity, high) - low)
