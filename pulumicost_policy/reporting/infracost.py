"""`--output infracost-json`: the projection in Infracost's JSON format (version "0.2"), so the tools
teams already run on Infracost output (`infracost comment`, `infracost output --format ...`, OPA /
conftest policies) read a Pulumi change too.

The format's rules, as Infracost publishes them: every amount is a decimal string (or null when not
known); a project has a `pastBreakdown` (the stack as it is now), a `breakdown` (as it will be) and
a `diff` (the changed resources, after minus before); resources carry `costComponents` with
hourly/monthly quantities, unit price and costs. Resources with no cost (free) and resources we
could not price are not listed as resources: they are counted in `summary`, as Infracost counts
its free and unsupported resources. Component resources own nothing and are left out.
"""
from __future__ import annotations

import math
import os
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Iterable, Optional

from ..pricing.estimate import FREE, HOURS_PER_MONTH, PRICED, UNPRICED, USAGE_BASED, ComponentCost, CostEstimate
from .components import monthly_quantity, unit_text
from .document import Projection
from .text import omitted_line

VERSION = "0.2"


def decimal_text(value: Optional[float]) -> Optional[str]:
    """A float as Infracost writes amounts: a plain decimal string; None (null) when unknown or not
    finite (JSON and Infracost's readers have no Infinity). 15 significant digits, all a float
    holds exactly, so sums carry no binary noise (4.05, never 4.050000000000001)."""
    if value is None or not math.isfinite(value):
        return None
    text = format(Decimal(format(float(value), ".15g")).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _component(comp: ComponentCost) -> dict[str, Any]:
    monthly_qty = monthly_quantity(comp)
    return {
        "name": comp.label,
        "unit": unit_text(comp),
        "hourlyQuantity": decimal_text(None if monthly_qty is None else monthly_qty / HOURS_PER_MONTH),
        "monthlyQuantity": decimal_text(monthly_qty),
        "price": decimal_text(comp.rate),
        "hourlyCost": decimal_text(None if comp.monthly is None else comp.monthly / HOURS_PER_MONTH),
        "monthlyCost": decimal_text(comp.monthly),
    }


def resource_name(est: CostEstimate) -> str:
    """`aws:ec2/instance:Instance::web-1` (with its parents' types, as the URN has it): unique in a
    stack, as Infracost's resource addresses are."""
    return est.urn.split("::", 2)[-1] if est.urn.count("::") >= 2 else est.name


def _metadata(est: CostEstimate, op: str) -> dict[str, Any]:
    return {"urn": est.urn, "type": est.type, "op": op, "status": est.status, "sku": est.sku or None,
            "region": est.region or None, "source": est.source or None}


def _resource(est: CostEstimate, op: str) -> dict[str, Any]:
    return {"name": resource_name(est), "metadata": _metadata(est, op),
            "hourlyCost": decimal_text(est.hourly), "monthlyCost": decimal_text(est.monthly),
            "costComponents": [_component(c) for c in est.components], "subresources": []}


def _listed(est: Optional[CostEstimate]) -> bool:
    return est is not None and est.status in (PRICED, USAGE_BASED) and not est.component


def _breakdown(estimates: Iterable[tuple[CostEstimate, str]], total: Optional[float]) -> dict[str, Any]:
    resources = [_resource(est, op) for est, op in estimates if _listed(est)]
    return {"resources": sorted(resources, key=lambda r: r["name"]),
            "totalHourlyCost": decimal_text(None if total is None else total / HOURS_PER_MONTH),
            "totalMonthlyCost": decimal_text(total)}


def _diff_components(before: Optional[CostEstimate], after: Optional[CostEstimate]) -> list[dict[str, Any]]:
    """Each cost line's change, matched by name (a line only on one side changes from/to nothing)."""
    was = {c.label: c for c in (before.components if _listed(before) else ())}
    now = {c.label: c for c in (after.components if _listed(after) else ())}
    out = []
    for label in list(now) + [k for k in was if k not in now]:
        a, b = now.get(label), was.get(label)
        ref = a or b
        qty = None if (a and a.quantity is None) or (b and b.quantity is None) else \
            (a.quantity if a else 0.0) - (b.quantity if b else 0.0)
        cost = None if (a and a.monthly is None) or (b and b.monthly is None) else \
            (a.monthly if a else 0.0) - (b.monthly if b else 0.0)
        out.append(_component(ComponentCost(label, ref.rate, ref.unit, ref.currency, qty, cost)))
    return out


def _diff(projection: Projection) -> dict[str, Any]:
    resources = []
    for row in projection.rows + projection.savings:
        change = row.change
        if not change:
            continue
        before, after = row.past, row.after
        ref = after or before
        resources.append({"name": resource_name(ref), "metadata": _metadata(ref, row.op),
                          "hourlyCost": decimal_text(change / HOURS_PER_MONTH), "monthlyCost": decimal_text(change),
                          "costComponents": _diff_components(before, after), "subresources": []})
    diff = projection.diff
    return {"resources": sorted(resources, key=lambda r: r["name"]),
            "totalHourlyCost": decimal_text(None if diff is None else diff / HOURS_PER_MONTH),
            "totalMonthlyCost": decimal_text(diff)}


def _summary(projection: Projection) -> dict[str, Any]:
    def counts(status: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for est in projection.stack.estimates.values():
            if est.status == status and not est.component:
                out[est.type] = out.get(est.type, 0) + 1
        return dict(sorted(out.items()))

    supported, usage, free, unsupported = counts(PRICED), counts(USAGE_BASED), counts(FREE), counts(UNPRICED)
    for token, n in usage.items():
        supported[token] = supported.get(token, 0) + n
    detected = sum(supported.values()) + sum(free.values()) + sum(unsupported.values())
    return {"totalResources": detected, "totalDetectedResources": detected,
            "totalSupportedResources": sum(supported.values()),
            "totalUnsupportedResources": sum(unsupported.values()),
            "totalUsageBasedResources": sum(usage.values()), "totalNoPriceResources": sum(free.values()),
            "supportedResourceCounts": dict(sorted(supported.items())), "unsupportedResourceCounts": unsupported,
            "noPriceResourceCounts": free}


def relative_path(path: str) -> str:
    """The input's path relative to the working directory (the repository in CI), as Infracost
    writes project paths; a file outside it is named by its file name (no home directory leaks)."""
    rel = os.path.relpath(os.path.abspath(path))
    return os.path.basename(path) if rel == ".." or rel.startswith(".." + os.sep) else rel


def to_infracost(projection: Projection, project_name: str, source_path: str, source_type: str,
                 now: Optional[datetime] = None) -> dict[str, Any]:
    """The whole document for one Pulumi stack (one Infracost project). Amounts in several
    currencies cannot be one total: the totals are then null and `currency` is the first one."""
    stack, past = projection.stack, projection.past
    currency = stack.currency or past.currency or next(iter(stack.totals), "USD")
    compared = projection.compared
    current_rows: list[tuple[CostEstimate, str]] = [(r.estimate, r.op) for r in projection.rows]
    past_rows: list[tuple[CostEstimate, str]] = \
        [(r.before, r.op) for r in projection.rows if r.before is not None] + \
        [(r.estimate, r.op) for r in projection.savings] if compared else []
    breakdown = _breakdown(current_rows, stack.total)
    past_breakdown = _breakdown(past_rows, past.total if compared else 0.0)
    diff = _diff(projection) if compared else breakdown
    summary = _summary(projection)
    generated = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    metadata: dict[str, Any] = {"path": relative_path(source_path), "type": source_type}
    if stack.omitted:  # a plan without its unchanged resources: the totals are partial (issue #22)
        metadata["warnings"] = [{"code": "partial_plan", "message": omitted_line(stack)}]
    project = {"name": project_name,
               "metadata": metadata,
               "pastBreakdown": past_breakdown, "breakdown": breakdown, "diff": diff, "summary": summary}
    return {
        "version": VERSION, "currency": currency, "projects": [project],
        "totalHourlyCost": breakdown["totalHourlyCost"], "totalMonthlyCost": breakdown["totalMonthlyCost"],
        "pastTotalHourlyCost": past_breakdown["totalHourlyCost"],
        "pastTotalMonthlyCost": past_breakdown["totalMonthlyCost"],
        "diffTotalHourlyCost": diff["totalHourlyCost"], "diffTotalMonthlyCost": diff["totalMonthlyCost"],
        "timeGenerated": generated, "summary": summary,
    }
