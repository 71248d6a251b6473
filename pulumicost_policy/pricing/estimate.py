"""Step 2 of the flow, its results: a description and its pricing become a CostEstimate (priced, free,
usage-based or unpriced). Nothing unknown is ever shown as $0: an unpriced resource has
`monthly=None` and a reason. The arithmetic is in arithmetic.py, the price-book lookup in lookup.py.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Optional

from ..descriptor import Description, Free, ResourceInput, Unpriced, provider_of
from ..descriptor.model import Component
from ..descriptor.tags import resource_tags

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
    usage_key: str = ""             # the usage-file key(s) that set the quantity ("a*b": their product)


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
    component: bool = False  # a component resource: shown as free, left out of the counts
    region_from: str = ""  # where the region came from when not the resource's own ("the provider")
    # The resource as priced, for policies that read its properties (tags, cheaper equivalents)
    # and re-price a changed copy; None for estimates read back from an earlier report.
    resource: Optional[ResourceInput] = field(default=None, compare=False, repr=False)

    @property
    def hourly(self) -> Optional[float]:
        return None if self.monthly is None else self.monthly / HOURS_PER_MONTH

    @property
    def provider(self) -> str:
        return provider_of(self.type)


def internal_error(urn: str, name: str, type_token: str, err: Exception, doing: str) -> CostEstimate:
    """A bug on one resource: logged with its URN (never its values) and shown as unpriced, so the
    rest of the run is still produced."""
    print(f"pulumicost: internal error {doing} {urn}: {type(err).__name__}", file=sys.stderr)
    return CostEstimate(urn, name, type_token, UNPRICED, None, None,
                        reason=f"internal error ({type(err).__name__}); please report it")


def to_estimate(urn: str, name: str, type_token: str, description: Description,
                pricing: Pricing | Unpriced | None, resource: Optional[ResourceInput] = None) -> CostEstimate:
    """Combine a description and its pricing into the estimate the policies and reports show."""
    if isinstance(description, Free):
        return CostEstimate(urn, name, type_token, FREE, 0.0, None, reason=description.reason,
                            component=isinstance(description, Component), resource=resource)
    if isinstance(description, Unpriced):
        # Billable but not priced: its tags still count for tag policies (never for budgets: no cost).
        tags = tuple(sorted(resource_tags(resource).items())) if resource is not None else ()
        return CostEstimate(urn, name, type_token, UNPRICED, None, None, reason=description.reason,
                            pending=description.pending, tags=tags, resource=resource)
    if isinstance(pricing, Unpriced) or pricing is None:
        reason = pricing.reason if isinstance(pricing, Unpriced) else "no cost source knows this price"
        # No SKU and no region: no source priced them, so they are arbitrary property values (possibly
        # secrets); the reason names them only when the price book knows them.
        return CostEstimate(urn, name, type_token, UNPRICED, None, None, reason=reason,
                            region_from=description.region_from, tags=tuple(sorted(description.tags.items())),
                            resource=resource)
    status = USAGE_BASED if pricing.usage_only else PRICED
    return CostEstimate(urn, name, type_token, status, pricing.monthly, pricing.currency, pricing.source,
                        pricing.unit_price, "", description.sku, description.region, pricing.components,
                        pricing.usage_notes, tags=tuple(sorted(description.tags.items())),
                        region_from=description.region_from, resource=resource)
