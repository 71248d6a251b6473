"""Aggregating actual cost records: by resource, type, provider, day or month, and across providers.

The rules are the seeds' (cost calculation algorithms): sums per group; cross-provider
aggregation validates (empty results, mixed currencies, end after start, time-based group-by
only) and normalises each provider's period total to daily or monthly amounts; the provider is
the package of the type token (`aws:ec2:Instance` -> `aws`).
"""
from __future__ import annotations

import calendar
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Iterable, Sequence

from ..descriptor import provider_of

DAYS_PER_MONTH = 30.4375  # 365.25 / 12, the seeds' month
GROUP_BYS = ("resource", "type", "provider", "daily", "monthly")


class AggregationError(Exception):
    """One of the seeds' validation errors; `code` is stable for callers and tests."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code


@dataclass(frozen=True)
class CostRecord:
    """One actual cost entry as a plugin returns it (a day or a month of one resource)."""

    resource_id: str
    resource_type: str
    timestamp: datetime
    cost: float
    currency: str = "USD"
    source: str = ""
    provider_hint: str = ""  # for whole-scope records whose type is unknown

    @property
    def provider(self) -> str:
        return provider_of(self.resource_type) if self.resource_type else (self.provider_hint or "unknown")


@dataclass
class Group:
    key: str
    total: float
    currency: str
    by_day: dict[str, float] = field(default_factory=dict)
    by_provider: dict[str, float] = field(default_factory=dict)


def _currency(records: Sequence[CostRecord]) -> str:
    currencies = sorted({r.currency for r in records})
    if len(currencies) > 1:
        raise AggregationError("mixed currencies", f"records are in {', '.join(currencies)}; no conversion is done")
    return currencies[0]


def group(records: Iterable[CostRecord], by: str) -> list[Group]:
    """Sum records per group (sorted by key; time groups chronologically), with per-day and
    per-provider breakdowns.

    One pass adds each record's cost to its (group, day, provider) cell; the breakdowns and totals
    are math.fsum over cells. A cell holds the few records of one group, day and provider, so its
    plain float sum is exact to far below a cent. Days and providers are computed once per
    distinct timestamp and type, not once per record.
    """
    if by not in GROUP_BYS:
        raise AggregationError("invalid group-by", f"{by!r}; use one of {', '.join(GROUP_BYS)}")
    records = records if isinstance(records, (list, tuple)) else list(records)
    if not records:
        raise AggregationError("empty results", "no cost records to aggregate")
    currency = _currency(records)
    days: dict[datetime, str] = {}
    providers: dict[tuple[str, str], str] = {}
    cells: dict[tuple[str, str, str], float] = {}
    for r in records:
        day = days.get(r.timestamp)
        if day is None:
            day = days[r.timestamp] = r.timestamp.astimezone(timezone.utc).date().isoformat()
        ptype = (r.resource_type, r.provider_hint)
        provider = providers.get(ptype)
        if provider is None:
            provider = providers[ptype] = r.provider
        key = (r.resource_id if by == "resource" else r.resource_type if by == "type" else provider
               if by == "provider" else day if by == "daily" else day[:7])
        cell = (key, day, provider)
        cells[cell] = cells.get(cell, 0.0) + r.cost
    amounts: dict[str, list[float]] = defaultdict(list)
    by_day: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    by_provider: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for (key, day, provider), cost in cells.items():
        amounts[key].append(cost)
        by_day[key][day].append(cost)
        by_provider[key][provider].append(cost)
    return [Group(k, math.fsum(v), currency, _fsums(by_day[k]), _fsums(by_provider[k]))
            for k, v in sorted(amounts.items())]


def _fsums(parts: dict[str, list[float]]) -> dict[str, float]:
    return {k: math.fsum(v) for k, v in sorted(parts.items())}


def total(groups: Iterable[Group]) -> float:
    return math.fsum(g.total for g in groups)


# --- period normalisation -------------------------------------------------------------------

def days_in_period(start: date, end: date) -> int:
    """Inclusive of the end date's whole day: 2024-01-01..2024-01-31 is 31 days."""
    if end < start:
        raise AggregationError("invalid date range", f"end {end} is before start {start}")
    return (end - start).days + 1


def whole_months(start: date, end: date) -> int:
    """The number of calendar months the range covers exactly, or 0 if it is not whole months."""
    if start.day != 1 or end.day != calendar.monthrange(end.year, end.month)[1]:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def daily_cost(total_cost: float, start: date, end: date) -> float:
    """Daily = total / days in the period (a one-day period is its own daily cost)."""
    return total_cost / days_in_period(start, end)


def monthly_cost(total_cost: float, start: date, end: date) -> float:
    """Monthly = total / months (whole calendar months); under a month, total x 30.4375 / days."""
    days = days_in_period(start, end)
    months = whole_months(start, end)
    if months:
        return total_cost / months
    if days < DAYS_PER_MONTH:
        return total_cost * DAYS_PER_MONTH / days
    return total_cost / (days / DAYS_PER_MONTH)
