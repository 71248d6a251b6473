"""What the top of a report says, shared by Markdown and HTML: which project and stack (from the
URNs when `--stack` is not given: `urn:pulumi:STACK::PROJECT::...`), the change as an amount and a
percent, and where the prices come from and how old they are (reviewers see it, not only stderr)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable, Optional

from ..money import signed
from ..pricing.estimate import PRICED, USAGE_BASED, CostEstimate
from ..pricing.freshness import price_dates
from .document import Projection, Row

_URN = re.compile(r"^urn:pulumi:([^:]+)::([^:]+)::")
_SOURCE_DATE = re.compile(r"[\s,;]*\d{4}-\d{2}-\d{2}\b")


def project_and_stack(projection: Projection, stack_name: str = "") -> tuple[str, str]:
    """The project and stack most URNs name (a plan is one stack); `stack_name` wins when given."""
    seen: Counter[tuple[str, str]] = Counter()
    for row in projection.rows + projection.savings:
        match = _URN.match(row.estimate.urn)
        if match:
            seen[(match.group(2), match.group(1))] += 1
    project, stack = seen.most_common(1)[0][0] if seen else ("", "")
    return project, stack_name or stack


def title_of(project: str, stack: str) -> str:
    """`shop/dev`, or whichever part is known."""
    return "/".join(part for part in (project, stack) if part)


def percent_text(diff: Optional[float], past: Optional[float]) -> str:
    """`+12.5%` of the past total; `new` from nothing; '' when either is unknown or nothing changed."""
    if diff is None or past is None or not diff:
        return ""
    if not past:
        return "new"
    return f"{'+' if diff > 0 else ''}{diff / past * 100:,.1f}%"


def change_text(projection: Projection, currency: str) -> str:
    """`+$112.42 (+25.0%)`, or `?` when the change is not known."""
    diff = projection.diff
    pct = percent_text(diff, projection.past.totals.get(currency, 0.0) if diff is not None else None)
    return signed(diff, currency) + (f" ({pct})" if pct else "")


def price_sources(estimates: Iterable[CostEstimate]) -> str:
    """`specs (2024-09-28 to 2025-10-22)`: the sources of the prices used and their dates."""
    estimates = list(estimates)
    names = sorted({_SOURCE_DATE.sub("", e.source).strip(" ,;") or e.source
                    for e in estimates if e.status in (PRICED, USAGE_BASED) and e.source})
    dates = sorted(price_dates(estimates))
    if not names:
        return ""
    when = "" if not dates else f" ({dates[0]})" if len(dates) == 1 else f" ({dates[0]} to {dates[-1]})"
    return ", ".join(names) + when



_ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")
NO_CURRENCY = "XXX"   # ISO 4217's code for "no currency"


def _iso(currency: Optional[str]) -> Optional[str]:
    return currency if currency is None or _ISO_CURRENCY.match(currency) else NO_CURRENCY


def _iso_estimate(est: Optional[CostEstimate]) -> Optional[CostEstimate]:
    if est is None or (_iso(est.currency) == est.currency and all(_iso(c.currency) == c.currency
                                                                     for c in est.components)):
        return est
    return replace(est, currency=_iso(est.currency),
                   components=tuple(replace(c, currency=_iso(c.currency) or NO_CURRENCY) for c in est.components))


def iso_currencies(projection: Projection) -> Projection:
    """The projection with any currency that is not an ISO 4217 code shown as XXX: a currency is
    printed next to amounts in a comment or page, so text from an input file must never get there."""
    def row(r: Row) -> Row:
        est = _iso_estimate(r.estimate)
        before = est if r.before is r.estimate else _iso_estimate(r.before)
        return Row(r.op, est, before)
    return Projection([row(r) for r in projection.rows], [row(r) for r in projection.savings], projection.compared,
                      projection.omitted)
