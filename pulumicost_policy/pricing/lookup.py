"""Pricing a descriptor from the price book: every component looked up exactly, or the honest reason.

Reasons may name only what the book knows (a SKU it prices somewhere, regions it covers): any other
property value might be a secret, since the engine strips secret markers before a policy sees it.
"""
from __future__ import annotations

from dataclasses import replace

from ..descriptor import CostComponent, ResourceDescriptor, Unpriced
from .arithmetic import Rate, assemble, component_quantity
from .estimate import Pricing
from .pricebook import PriceBook


def price_from_book(book: PriceBook, desc: ResourceDescriptor, usage: dict[str, float]) -> Pricing | Unpriced:
    """Price every component from the book; any missing component makes the whole resource unpriced.

    A partial price shown as the price would understate the cost, so we refuse it. The exception is
    a by-usage line whose usage is not given: with no price either it changes no total, so it is
    left out rather than refusing the lines that are priced. The source names the dates of the
    prices in the total (a by-usage line's unit price, shown but not counted, does not make a
    2025 instance price look like 2020's); with nothing counted, those of the unit prices shown.
    """
    rates: list[Rate] = []
    dates: set[str] = set()
    shown: set[str] = set()
    kept: list[CostComponent] = []
    for comp in desc.components:
        spec = book.get(desc.provider, comp.price_type, comp.sku, desc.region_of(comp))
        counted = bool(component_quantity(comp, usage))
        if spec is None and not counted:
            continue  # a line with no quantity (usage not given, an empty tier) and no price adds nothing
        if spec is None:
            return Unpriced(_missing_reason(book, desc, comp))
        if spec.billing_mode != comp.billing_mode:
            return Unpriced(f"price book bills {comp.price_type} {comp.sku} {spec.billing_mode}, "
                            f"expected {comp.billing_mode}; fix the spec")
        rates.append(Rate(spec.rate_per_unit, spec.currency, spec.billing_mode))
        (dates if counted else shown).add(spec.effective_date)
        kept.append(comp)
    if not kept:
        return Unpriced(_missing_reason(book, desc, desc.components[0]))
    if len(kept) < len(desc.components):
        desc = replace(desc, components=tuple(kept))
    return assemble(desc, usage, rates, "specs " + ", ".join(sorted(dates or shown)))


# The clouds whose bundled data covers some regions only, and the flag that fetches the rest.
UPDATE_FLAGS = {"azure": "--azure"}


def _update_hint(desc: ResourceDescriptor) -> str:
    """The bundled Azure data covers some regions per service: the fix for the others is one command."""
    flag = UPDATE_FLAGS.get(desc.provider)
    return (f"; `pulumicost prices update {flag}` (python -m pulumicost_policy.prices update {flag}) on a machine "
            f"with network access fetches every region") if flag else ""


def _listed(regions: set[str], provider: str) -> str:
    """Up to 8 regions; every one for a cloud whose data covers some regions only (the list is the
    answer to "where can I get a price")."""
    shown = sorted(regions)
    limit = len(shown) if provider in UPDATE_FLAGS else 8
    return ", ".join(shown[:limit]) + (f" and {len(shown) - limit} more" if len(shown) > limit else "")


def _missing_reason(book: PriceBook, desc: ResourceDescriptor, comp: CostComponent) -> str:
    # Only what the book knows is echoed: a SKU it prices somewhere, a region it has prices in (for
    # Azure the disk table covers 67 regions, so a real region is named). A value passing the
    # region-name check may still be a secret ("easthunter"), so the shape alone is not enough.
    # Labels are built from property values, so they never appear here.
    where = desc.region_of(comp)
    if not book.knows_region(desc.provider, where):
        where = "its region (not one the price book knows)"
    known_regions = book.regions_for(desc.provider, comp.price_type, comp.sku)
    if known_regions:
        return (f"no price for {comp.price_type} {comp.sku} in {where} "
                f"(the price book has it in {_listed(known_regions, desc.provider)}{_update_hint(desc)})")
    covered = book.regions_covered(desc.provider, comp.price_type)
    if covered and desc.region_of(comp) not in covered:
        return (f"no {comp.price_type} prices for region {where} "
                f"(the price book has them in {_listed(covered, desc.provider)}{_update_hint(desc)})")
    return f"a {comp.price_type} SKU the price book does not know (value not shown: it may be a secret)"
