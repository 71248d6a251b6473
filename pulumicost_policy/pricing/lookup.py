"""Pricing a descriptor from the price book: every component looked up exactly, or the honest reason.

Reasons show the values as given (a secret never gets here: the descriptor refuses it) with the
closest ones the book knows, so a typo reads "t3.mirco ... (did you mean t3.micro?)".
"""
from __future__ import annotations

from dataclasses import replace

from ..descriptor import CostComponent, ResourceDescriptor, Unpriced
from .arithmetic import Rate, assemble, component_quantity
from .estimate import Pricing
from ..suggest import as_typed, did_you_mean
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


# The clouds whose bundled data covers some regions only (Azure per service; AWS services whose feeds
# skip a region), and the flag that fetches the rest.
UPDATE_FLAGS = {"azure": "--azure", "aws": "--aws"}


def _update_hint(desc: ResourceDescriptor) -> str:
    """The bundled data covers some regions per service: the fix for the others is one command."""
    flag = UPDATE_FLAGS.get(desc.provider)
    return (f"; `pulumicost prices update {flag}` (python -m pulumicost_policy.prices update {flag}) on a machine "
            f"with network access fetches every region") if flag else ""


def _listed(regions: set[str], provider: str) -> str:
    """Up to 8 regions; every one for a cloud whose data covers some regions only (the list is the
    answer to "where can I get a price")."""
    names = sorted(regions)
    limit = len(names) if provider in UPDATE_FLAGS else 8
    return ", ".join(names[:limit]) + (f" and {len(names) - limit} more" if len(names) > limit else "")


def _missing_reason(book: PriceBook, desc: ResourceDescriptor, comp: CostComponent) -> str:
    """Why a line has no price, with the values as given and the closest ones the book knows.
    Values reach here only when no secret mark was on them (a secret is refused by the
    descriptor: "... is a secret"), so they are shown: a typo must be visible to be fixed."""
    where, sku = desc.region_of(comp), as_typed(comp.sku)
    origin = f" (from {desc.region_from})" if desc.region_from and where == desc.region else ""
    covered = book.regions_covered(desc.provider, comp.price_type)
    if not book.knows_region(desc.provider, where):
        return (f"region {as_typed(where)}{origin} is not one the price book has {desc.provider} prices in"
                f"{did_you_mean(where, covered)}{_update_hint(desc)}")
    known_regions = book.regions_for(desc.provider, comp.price_type, comp.sku)
    if known_regions:
        return (f"no price for {comp.price_type} {sku} in {where}{origin} "
                f"(the price book has it in {_listed(known_regions, desc.provider)}{_update_hint(desc)})")
    if covered and where not in covered:
        return (f"no {comp.price_type} prices for region {where}{origin} "
                f"(the price book has them in {_listed(covered, desc.provider)}{_update_hint(desc)})")
    return (f"{comp.price_type} SKU {sku} is not in the price book"
            f"{did_you_mean(comp.sku, book.skus_for(desc.provider, comp.price_type))}")
