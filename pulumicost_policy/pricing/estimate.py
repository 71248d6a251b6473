"""Step 2 of the flow: a description becomes a CostEstimate (priced, free, usage-based or unpriced).

Monthly cost = hourly rate x 730 (the seeds' constant: 365.25 days / 12 x 24 h) for per-hour
components, rate x monthly quantity for the rest. Nothing unknown is ever shown as $0: an
unpriced resource has `monthly=None` and a reason.
"""
from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..descriptor import CostComponent, Description, Free, ResourceDescriptor, Unpriced
from .finite import as_finite, total
from .pricebook import BILLING_UNITS, PriceBook

HOURS_PER_MONTH = 730.0

PRICED, FREE, USAGE_BASED, UNPRICED = "priced", "free", "usage_based", "unpriced"


@dataclass(frozen=True)
class ComponentCost:
    label: str
    rate: float
    unit: str
    currency: str
    quantity: Optional[float]       # None: usage not given
    monthly: Optional[float]        # None: usage not given


@dataclass(frozen=True)
class Pricing:
    """The price of one descriptor from one source: what the cache stores and sources return."""

    monthly: float
    currency: str
    source: str
    unit_price: str
    components: tuple[ComponentCost, ...] = ()
    usage_notes: tuple[str, ...] = ()

    @property
    def usage_only(self) -> bool:
        """All of its cost depends on usage that was not given."""
        return bool(self.components) and all(c.monthly is None for c in self.components)


@dataclass(frozen=True)
class CostEstimate:
    """One resource's projected cost, keyed by URN, ready for diagnostics and reports."""

    urn: str
    name: str
    type: str
    status: str
    monthly: Optional[float]
    currency: Optional[str]
    source: str = ""
    unit_price: str = ""
    reason: str = ""
    sku: str = ""
    region: str = ""
    components: tuple[ComponentCost, ...] = ()
    usage_notes: tuple[str, ...] = field(default=())
    pending: bool = False  # unpriced only because a value is unknown until apply
    tags: tuple[tuple[str, str], ...] = ()  # for tag budgets

    @property
    def hourly(self) -> Optional[float]:
        return None if self.monthly is None else self.monthly / HOURS_PER_MONTH

    @property
    def provider(self) -> str:
        return self.type.split(":", 1)[0]


def internal_error(urn: str, name: str, type_token: str, err: Exception, doing: str) -> CostEstimate:
    """A bug on one resource: logged with its URN (never its values) and shown as unpriced, so the
    rest of the run is still produced."""
    print(f"pulumicost: internal error {doing} {urn}: {type(err).__name__}", file=sys.stderr)
    return CostEstimate(urn, name, type_token, UNPRICED, None, None,
                        reason=f"internal error ({type(err).__name__}); please report it")


def money(amount: float) -> str:
    """`$1,234.56`: two decimals, thousands separators (display only; sums use raw floats)."""
    return f"${amount:,.2f}"


def rate_text(rate: float) -> str:
    """Unit rates keep their significant digits ($0.0104, $0.0000166667)."""
    return "$" + (f"{rate:.10f}".rstrip("0").rstrip(".") if rate < 1 else f"{rate:,.4f}".rstrip("0").rstrip("."))


@dataclass(frozen=True)
class Rate:
    """One component's unit price as a source states it."""

    rate_per_unit: float
    currency: str
    billing_mode: str


def price_from_book(book: PriceBook, desc: ResourceDescriptor, usage: dict[str, float]) -> Pricing | Unpriced:
    """Price every component from the book; any missing component makes the whole resource unpriced.

    A partial price shown as the price would understate the cost, so we refuse it.
    """
    rates: list[Rate] = []
    dates: set[str] = set()
    for comp in desc.components:
        spec = book.get(desc.provider, comp.price_type, comp.sku, desc.region)
        if spec is None:
            return Unpriced(_missing_reason(book, desc, comp))
        if spec.billing_mode != comp.billing_mode:
            return Unpriced(f"price book bills {comp.price_type} {comp.sku} {spec.billing_mode}, "
                            f"expected {comp.billing_mode}; fix the spec")
        rates.append(Rate(spec.rate_per_unit, spec.currency, spec.billing_mode))
        dates.add(spec.effective_date)
    return assemble(desc, usage, rates, "specs " + ", ".join(sorted(dates)))


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
            costs.append(ComponentCost(comp.label, rate.rate_per_unit, unit, rate.currency, None, None))
            notes.append(f"{comp.label}: {rate_text(rate.rate_per_unit)} per {unit} "
                         f"(set {comp.usage_key.replace('*', ' and ')} in the usage file)")
            continue
        hours = HOURS_PER_MONTH if comp.billing_mode == "per_hour" else 1.0
        monthly = rate.rate_per_unit * quantity * hours
        if as_finite(quantity) is None or as_finite(monthly) is None:
            return Unpriced(f"{comp.price_type}: the monthly cost is not a finite number (check the "
                            f"resource's sizes and counts and the usage file quantities)")
        costs.append(ComponentCost(comp.label, rate.rate_per_unit, unit, rate.currency, quantity, monthly))
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
        unit_price=f"{rate_text(first.rate)} {first.currency} per {first.unit}",
        components=tuple(costs),
        usage_notes=tuple(notes),
    )


def component_quantity(comp: CostComponent, usage: dict[str, float]) -> Optional[float]:
    """The component's monthly quantity, or None when it comes from usage that was not given."""
    if comp.usage_key is None:
        return comp.quantity
    product = 1.0
    for key in comp.usage_key.split("*"):
        if key not in usage:
            return None
        product *= usage[key]
    return product * comp.usage_scale


def _missing_reason(book: PriceBook, desc: ResourceDescriptor, comp: CostComponent) -> str:
    # Echo the SKU only when the book knows it somewhere: an arbitrary property value might be a
    # secret (the engine strips secret markers before a policy sees them).
    known_regions = book.regions_for(desc.provider, comp.price_type, comp.sku)
    if known_regions:
        return (f"no price for {comp.price_type} {comp.sku} in {desc.region} "
                f"(the price book has it in {', '.join(sorted(known_regions))})")
    covered = book.regions_covered(desc.provider, comp.price_type)
    if covered and desc.region not in covered:
        return (f"no {comp.price_type} prices for region {desc.region} "
                f"(the price book covers {', '.join(sorted(covered))})")
    return f"{comp.label}: this {comp.price_type} SKU is not in the price book"


def to_estimate(urn: str, name: str, type_token: str, description: Description,
                pricing: Pricing | Unpriced | None) -> CostEstimate:
    """Combine a description and its pricing into the estimate the policies and reports show."""
    if isinstance(description, Free):
        return CostEstimate(urn, name, type_token, FREE, 0.0, None, reason=description.reason)
    if isinstance(description, Unpriced):
        return CostEstimate(urn, name, type_token, UNPRICED, None, None, reason=description.reason,
                            pending=description.pending)
    if isinstance(pricing, Unpriced) or pricing is None:
        reason = pricing.reason if isinstance(pricing, Unpriced) else "no cost source knows this price"
        # No SKU: no source knows it, so it is an arbitrary property value (possibly a secret).
        return CostEstimate(urn, name, type_token, UNPRICED, None, None, reason=reason, region=description.region)
    status = USAGE_BASED if pricing.usage_only else PRICED
    return CostEstimate(urn, name, type_token, status, pricing.monthly, pricing.currency, pricing.source,
                        pricing.unit_price, "", description.sku, description.region, pricing.components,
                        pricing.usage_notes, tags=tuple(sorted(description.tags.items())))
