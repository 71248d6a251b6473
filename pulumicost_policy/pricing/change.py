"""The cost of a change: what a resource and the stack cost before and after, and the difference.

A resource that is created had no cost before; one that is deleted has none after. A difference
is only stated when both sides are known amounts in one currency: an unpriced or usage-only side,
or two currencies, leave it unknown (None) rather than guessed.
"""
from __future__ import annotations

from typing import Optional

from .estimate import FREE, PRICED, CostEstimate
from .rollup import StackCost


def known_monthly(est: Optional[CostEstimate]) -> tuple[Optional[float], Optional[str]]:
    """(monthly, currency) of one side: nothing is 0 in no currency; free is 0; unpriced or
    usage-only is unknown (None, None)."""
    if est is None or est.status == FREE:
        return 0.0, None
    if est.status == PRICED and est.monthly is not None:
        return est.monthly, est.currency
    return None, None


def resource_change(before: Optional[CostEstimate], after: Optional[CostEstimate]) -> Optional[float]:
    """after - before for one resource (None before: created; None after: deleted), or None when
    either side is unknown or the currencies differ."""
    (was, was_cur), (now, now_cur) = known_monthly(before), known_monthly(after)
    if was is None or now is None or (was_cur and now_cur and was_cur != now_cur):
        return None
    if before is not None and after is not None and _known_on_one_side(before, after):
        # A line known on one side and unknown on the other (a root volume whose size comes from
        # the AMI): its cost is in one total and not the other, so the difference would claim a
        # saving or a rise that may not exist.
        return None
    return now - was


def _lines(est: CostEstimate) -> dict[str, bool]:
    """Each cost line by what it bills ("root volume storage", whatever the detail in brackets):
    is its amount known?"""
    out: dict[str, bool] = {}
    for c in est.components:
        key = c.label.split(" (", 1)[0]
        out[key] = out.get(key, True) and c.monthly is not None
    return out


def _known_on_one_side(before: CostEstimate, after: CostEstimate) -> bool:
    was, now = _lines(before), _lines(after)
    return any(was[key] != now[key] for key in was.keys() & now.keys())


def total_change(past: StackCost, current: StackCost) -> Optional[float]:
    """current - past total, when both are in one and the same currency (an empty side is 0)."""
    currencies = set(past.totals) | set(current.totals)
    if len(currencies) > 1:
        return None
    currency = next(iter(currencies), None)
    return current.totals.get(currency, 0.0) - past.totals.get(currency, 0.0) if currency else 0.0
