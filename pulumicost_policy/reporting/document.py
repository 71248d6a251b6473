"""The machine-readable report of a projected run: stable, versioned, with honest coverage.

Modelled on Infracost's JSON: a schema version, per-resource rows, totals per currency (never
summed across currencies) and a coverage summary that counts what we could not price.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable, Mapping, Optional

import jsonschema

from ..paths import SCHEMAS_DIR
from ..quoting import printable
from ..pricing.change import resource_change, total_change
from ..pricing.estimate import HOURS_PER_MONTH, PRICED, CostEstimate
from ..pricing.finite import as_finite
from ..pricing.rollup import StackCost, rollup

SCHEMA_VERSION = "pulumicost.report/v1"


@dataclass
class Row:
    op: str
    estimate: CostEstimate                 # as it will be (for a delete: as it is, the saving)
    before: Optional[CostEstimate] = None  # as it is now, when known (None: created, or no past)

    @property
    def past(self) -> Optional[CostEstimate]:
        """The resource as it is now: a deleted one's own estimate; None for a create or no past."""
        return self.estimate if self.op == "delete" else self.before

    @property
    def after(self) -> Optional[CostEstimate]:
        """The resource as it will be: None for a delete (a saving row)."""
        return None if self.op == "delete" else self.estimate

    @property
    def change(self) -> Optional[float]:
        """after - past; a deleted resource (a saving row) goes from its cost to nothing."""
        if self.before is self.estimate and self.op != "delete":  # kept, priced once: no change
            return 0.0
        return resource_change(self.past, self.after)


@dataclass
class Projection:
    """Costed rows plus deleted resources (savings). `compared`: the stack as it is now is known
    (a digest's old states, or `--compare-to`), so past totals and changes are shown."""

    rows: list[Row]
    savings: list[Row]
    compared: bool = False
    omitted: int = 0   # resources the input counts but does not list (a digest without its sames)

    @cached_property
    def stack(self) -> StackCost:
        """Rolled up once: the gate, the budgets, the report and the table all read it."""
        return rollup((r.estimate for r in self.rows), self.omitted)

    @cached_property
    def saved(self) -> StackCost:
        return rollup(r.estimate for r in self.savings)

    @cached_property
    def past(self) -> StackCost:
        """The stack as it is now: kept, changed and deleted resources before the change."""
        return rollup([r.before for r in self.rows if r.before is not None] + [r.estimate for r in self.savings])

    @property
    def diff(self) -> Optional[float]:
        """The change of the total, or None when it is not one amount: mixed currencies, or a resource
        on both sides whose change is unknown (a line known on one side only would claim a change)."""
        if not self.compared or any(r.before is not None and r.op != "delete" and r.change is None
                                    and r.before.status == r.estimate.status == PRICED for r in self.rows):
            return None
        return total_change(self.past, self.stack)


def stack_and_project(urn: str) -> Optional[tuple[str, str]]:
    """`urn:pulumi:STACK::PROJECT::...` -> (STACK, PROJECT); None for anything else."""
    if not urn.startswith("urn:pulumi:"):
        return None
    parts = urn[len("urn:pulumi:"):].split("::")
    return (parts[0], parts[1]) if len(parts) >= 3 else None


def _in_stack(urn: str) -> str:
    """The URN without its stack and project: what names the resource inside any stack."""
    return urn.split("::", 2)[2] if stack_and_project(urn) else urn


def other_stack(new_urns: Iterable[str], old_urns: Iterable[str]) -> Optional[str]:
    """Why the two sides are not one stack (URNs of different stacks or projects), or None."""
    new = {sp for sp in map(stack_and_project, new_urns) if sp}
    old = {sp for sp in map(stack_and_project, old_urns) if sp}
    if not new or not old or new & old:
        return None
    return f"it holds {_stacks(old)}, the input {_stacks(new)}"


def _stacks(pairs: set[tuple[str, str]]) -> str:
    return " and ".join(f"stack {stack} of project {project}" for stack, project in sorted(pairs))


def compared_to(projection: Projection, old: Mapping[str, CostEstimate], across_stacks: bool = False) -> Projection:
    """The projection as a change from `old` (estimates by URN): kept resources are `same` or
    `update` (their cost moved), new ones `create`, and those only in `old` deletes (savings).
    `across_stacks` (a forced comparison of two stacks) matches resources by their URN without
    the stack and project, so dev's `web` is compared with prod's `web`."""
    key = _in_stack if across_stacks else (lambda urn: urn)
    by_key = {key(urn): est for urn, est in old.items()}
    rows = []
    for row in projection.rows:
        before = by_key.get(key(row.estimate.urn))
        op = "create" if before is None else "same" if Row("same", row.estimate, before).change == 0 else "update"
        rows.append(Row(op, row.estimate, before))
    kept = {key(row.estimate.urn) for row in projection.rows + projection.savings}
    savings = [Row("delete", est) for k, est in by_key.items() if k not in kept]
    return Projection(rows, projection.savings + savings, compared=True, omitted=projection.omitted)


def _round(value: Optional[float], places: int = 6) -> Optional[float]:
    """Rounded for JSON; None for a sum that is not finite (JSON has no Infinity or NaN)."""
    return None if value is None or not math.isfinite(value) else round(value, places)


def _exact(value: Optional[float]) -> Optional[float]:
    """A unit rate at the 15 significant digits a float holds exactly (0.0004, not
    0.00039999999999999996); None when not finite."""
    return None if value is None or not math.isfinite(value) else float(f"{value:.15g}")


def change_fields(row: Row) -> dict[str, Any]:
    """Before and change of one row (only in a report of a change)."""
    before = row.past
    return {"past_monthly": _round(before.monthly) if before is not None else 0.0,
            "monthly_change": _round(row.change)}


def estimate_row(est: CostEstimate, op: str) -> dict[str, Any]:
    return {
        "urn": est.urn, "name": est.name, "type": est.type, "op": op, "status": est.status,
        "monthly": _round(est.monthly), "hourly": _round(est.hourly), "currency": est.currency,
        "source": est.source or None, "unit_price": est.unit_price or None, "sku": est.sku or None,
        "region": est.region or None, "region_from": est.region_from or None,
        "unpriced_reason": est.reason if est.status == "unpriced" else None,
        "usage_notes": list(est.usage_notes),
        "components": [{"label": c.label, "rate": _exact(c.rate), "unit": c.unit, "currency": c.currency,
                        "quantity": _round(c.quantity), "monthly": _round(c.monthly),
                        "usage_key": c.usage_key or None} for c in est.components],
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
        "partial": stack.unknown_count > 0,
        "unpriced": stack.coverage.get("unpriced", 0),
        "omitted": stack.omitted,
    }


def _row(row: Row, compared: bool) -> dict[str, Any]:
    return {**estimate_row(row.estimate, row.op), **(change_fields(row) if compared else {})}


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
        "resources": [_row(r, projection.compared) for r in projection.rows],
        "savings": {"totals": totals_block(projection.saved),
                    "resources": [_row(r, projection.compared) for r in projection.savings]},
    }
    if projection.compared:
        report["past_totals"] = totals_block(projection.past)
        report["diff_monthly"] = _round(projection.diff)
    report.update(extra or {})
    return report


class ReportError(ValueError):
    """An earlier report that cannot be read back; the message says which field is wrong."""


def is_report(doc: Any) -> bool:
    return isinstance(doc, Mapping) and doc.get("schema_version") == SCHEMA_VERSION


def estimates_from_report(doc: Mapping[str, Any]) -> dict[str, CostEstimate]:
    """The resources of an earlier JSON report (this tool's `--output json` / `--report`), by URN,
    as they were priced then: the "before" of a comparison. Checked against the report schema."""
    schema = json.loads((SCHEMAS_DIR / "report.schema.json").read_text())
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as err:
        where = "/".join(str(p) for p in err.absolute_path) or "the document"
        raise ReportError(f"not a valid {SCHEMA_VERSION} report ({where}: {err.message[:200]})") from None
    out = {}
    for row in doc["resources"]:
        if row["urn"] in out:  # as in a state: counting it once would hide a cost, twice double one
            raise ReportError(f"resource {printable(row['urn'])} appears twice in resources; a report lists each "
                              "URN once: write it again with --report or --output json")
        monthly = None if row["monthly"] is None else as_finite(row["monthly"])
        if row["monthly"] is not None and monthly is None:
            raise ReportError(f"resource {row['urn']}: monthly is not a finite number")
        out[row["urn"]] = CostEstimate(row["urn"], row["name"], row["type"], row["status"], monthly,
                                       row["currency"], source=row.get("source") or "",
                                       reason=row.get("unpriced_reason") or "")
    return out
