"""The actual-cost result as data: groups, totals, normalised rates, variance and failures.

`to_json` is the stable, versioned document (`pulumicost.actual/v1`) that `--output json` prints
and NDJSON splits into lines. Money is rounded to cents for output only; totals are computed
from unrounded amounts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from .aggregate import Group, daily_cost, monthly_cost, total
from .dates import DateRange
from .query import Outcome

SCHEMA = "pulumicost.actual/v1"
NO_DATA = "no data: no plugin has actual costs for it"


@dataclass(frozen=True)
class Variance:
    """The seeds' "analyze variance" step for one resource: projected monthly vs actual run-rate."""

    resource: str
    type: str
    projected_monthly: Optional[float]   # None: unpriced (the reason says why)
    actual_monthly: Optional[float]      # None: no plugin had records for it, or asking failed
    reason: str = ""

    @property
    def difference(self) -> Optional[float]:
        if self.projected_monthly is None or self.actual_monthly is None:
            return None
        return self.actual_monthly - self.projected_monthly

    @property
    def percent(self) -> Optional[float]:
        if not self.projected_monthly or self.actual_monthly is None:
            return None
        return 100.0 * (self.actual_monthly - self.projected_monthly) / self.projected_monthly


@dataclass
class ActualReport:
    span: DateRange
    group_by: str
    groups: list[Group]
    outcome: Outcome
    variances: list[Variance] = field(default_factory=list)

    @property
    def currency(self) -> str:
        return self.groups[0].currency if self.groups else "USD"

    @property
    def total(self) -> float:
        return total(self.groups)

    @property
    def partial(self) -> bool:
        return bool(self.outcome.failures or (self.outcome.unanswered and self.outcome.answered))

    @property
    def daily_average(self) -> float:
        return daily_cost(self.total, self.span.first, self.span.last)

    @property
    def monthly_run_rate(self) -> float:
        return monthly_cost(self.total, self.span.first, self.span.last)


def failures_by_reason(failures: Sequence[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """Failures with the same reason together, in first-seen order: a plugin that refuses every
    resource for the same cause (a missing token) is one line naming them, not one line each."""
    grouped: dict[str, list[str]] = {}
    for resource, error in failures:
        grouped.setdefault(error, []).append(resource)
    return list(grouped.items())


def cents(amount: Optional[float]) -> Optional[float]:
    return None if amount is None or not math.isfinite(amount) else round(amount, 2)


def group_json(g: Group) -> dict[str, Any]:
    return {"key": g.key, "total_cost": cents(g.total), "currency": g.currency,
            "by_provider": {k: cents(v) for k, v in g.by_provider.items()},
            "by_day": {k: cents(v) for k, v in g.by_day.items()}}


def variance_json(v: Variance) -> dict[str, Any]:
    return {"resource": v.resource, "type": v.type, "projected_monthly": cents(v.projected_monthly),
            "actual_monthly": cents(v.actual_monthly), "variance": cents(v.difference),
            "variance_percent": None if v.percent is None else round(v.percent, 1),
            **({"reason": v.reason} if v.reason else {})}


def summary_json(report: ActualReport) -> dict[str, Any]:
    o = report.outcome
    return {"schema_version": SCHEMA, "start": report.span.first.isoformat(), "end": report.span.last.isoformat(),
            "days": report.span.days, "group_by": report.group_by, "currency": report.currency,
            "total_cost": cents(report.total), "daily_average": cents(report.daily_average),
            "monthly_run_rate": cents(report.monthly_run_rate), "partial": report.partial,
            "sources": sorted(o.sources),
            "failures": [{"resource": r, "error": e} for r, e in o.failures],
            "no_data": list(o.unanswered)}


def to_json(report: ActualReport) -> dict[str, Any]:
    doc = summary_json(report)
    doc["groups"] = [group_json(g) for g in report.groups]
    if report.variances:
        doc["variance"] = [variance_json(v) for v in report.variances]
    return doc


def ndjson_lines(report: ActualReport) -> Sequence[dict[str, Any]]:
    """One record a line: each group, each variance, then the summary (totals, failures)."""
    lines = [{"kind": "group", **group_json(g)} for g in report.groups]
    lines += [{"kind": "variance", **variance_json(v)} for v in report.variances]
    lines.append({"kind": "summary", **summary_json(report)})
    return lines
