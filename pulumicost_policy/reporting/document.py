"""The machine-readable report of a projected run: stable, versioned, with honest coverage.

Modelled on Infracost's JSON: a schema version, per-resource rows, totals per currency (never
summed across currencies) and a coverage summary that counts what we could not price.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Optional

from ..pricing.estimate import HOURS_PER_MONTH, CostEstimate
from ..pricing.rollup import StackCost, rollup

SCHEMA_VERSION = "pulumicost.report/v1"


@dataclass
class Row:
    op: str
    estimate: CostEstimate


@dataclass
class Projection:
    """Costed rows plus deleted resources (savings)."""

    rows: list[Row]
    savings: list[Row]

    @cached_property
    def stack(self) -> StackCost:
        """Rolled up once: the gate, the budgets, the report and the table all read it."""
        return rollup(r.estimate for r in self.rows)

    @cached_property
    def saved(self) -> StackCost:
        return rollup(r.estimate for r in self.savings)


def _round(value: Optional[float], places: int = 6) -> Optional[float]:
    """Rounded for JSON; None for a sum that is not finite (JSON has no Infinity or NaN)."""
    return None if value is None or not math.isfinite(value) else round(value, places)


def estimate_row(est: CostEstimate, op: str) -> dict[str, Any]:
    return {
        "urn": est.urn, "name": est.name, "type": est.type, "op": op, "status": est.status,
        "monthly": _round(est.monthly), "hourly": _round(est.hourly), "currency": est.currency,
        "source": est.source or None, "unit_price": est.unit_price or None, "sku": est.sku or None,
        "region": est.region or None, "unpriced_reason": est.reason if est.status == "unpriced" else None,
        "usage_notes": list(est.usage_notes),
        "components": [{"label": c.label, "rate": c.rate, "unit": c.unit, "currency": c.currency,
                        "quantity": _round(c.quantity), "monthly": _round(c.monthly)} for c in est.components],
    }


def totals_block(stack: StackCost) -> dict[str, Any]:
    return {
        "currency": stack.currency,
        "monthly": _round(stack.total),
        "hourly": _round(None if stack.total is None else stack.total / HOURS_PER_MONTH),
        "by_currency": {c: _round(v) for c, v in stack.totals.items()},
        "by_provider": {c: {k: _round(v) for k, v in d.items()} for c, d in stack.by_provider.items()},
        "by_type": {c: {k: _round(v) for k, v in d.items()} for c, d in stack.by_type.items()},
        "mixed_currencies": stack.mixed_currencies,
        "not_finite": sorted(c for c, v in stack.totals.items() if not math.isfinite(v)),
    }


def to_report(projection: Projection, stack_name: str = "", project: str = "",
              extra: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    stack = projection.stack
    report = {
        "schema_version": SCHEMA_VERSION,
        "stack": stack_name or None,
        "project": project or None,
        "hours_per_month": HOURS_PER_MONTH,
        "totals": totals_block(stack),
        "coverage": {**stack.coverage, "unpriced_types": stack.unpriced_types},
        "resources": [estimate_row(r.estimate, r.op) for r in projection.rows],
        "savings": {"totals": totals_block(projection.saved),
                    "resources": [estimate_row(r.estimate, r.op) for r in projection.savings]},
    }
    report.update(extra or {})
    return report
