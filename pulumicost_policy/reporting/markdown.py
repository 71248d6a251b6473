"""`--output markdown`: a pull-request comment. The total and its change first, then policy
verdicts, the top resources by cost and by change, what could not be priced, and every resource in
a collapsed section.

GitHub refuses a comment over 65,536 characters: the resource list is cut to fit, with a line
saying how many more there are (the JSON report has them all). Names are data: characters that
Markdown or HTML would read (`|`, `<`, backticks...) are escaped, control characters shown.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional, Sequence

from ..money import money, signed
from ..pricing.estimate import FREE, PRICED, UNPRICED, USAGE_BASED, CostEstimate
from .document import Projection, Row
from .text import printable

COMMENT_LIMIT = 65_536
TOP = 10
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: special characters escaped, one line."""
    return _MD_SPECIAL.sub(r"\\\1", printable(value)).replace("\n", " ")


def amount(est: Optional[CostEstimate], code: bool = False) -> str:
    if est is None:
        return "-"
    if est.status == UNPRICED:
        return "unpriced"
    if est.status == USAGE_BASED:
        return "usage-based"
    if est.status == FREE:
        return "free"
    return money(est.monthly or 0.0, est.currency) + (f" {est.currency}" if code else "")


def _resource_line(row: Row, compared: bool) -> str:
    e = row.estimate
    where = cell(f"{e.sku} {e.region}".strip()) or "-"
    money_cells = [amount(row.past), amount(row.after), signed(row.change, e.currency)] if compared \
        else [amount(e)]
    return "| " + " | ".join([cell(e.name), cell(e.type), row.op, where, *money_cells]) + " |"


def _header(compared: bool) -> list[str]:
    cols = ["Resource", "Type", "Op", "SKU / region", *(["Before", "After", "Change"] if compared else ["Monthly"])]
    return ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]


def _headline(projection: Projection, stack_name: str) -> list[str]:
    stack = projection.stack
    title = f"### Pulumi cost estimate{f' for {cell(stack_name)}' if stack_name else ''}"
    if stack.mixed_currencies:
        total = " + ".join(f"{money(v, c)} {c}" for c, v in stack.totals.items())
    else:
        total = f"{money(stack.total or 0.0, stack.currency)} {stack.currency or 'USD'}"
    line = f"**Monthly cost: {total}**"
    if projection.compared:
        past = projection.past
        currency = stack.currency or past.currency or "USD"
        line += (f" (was {money(past.total or 0.0, currency)}, **{signed(projection.diff, currency)}**)"
                 if projection.diff is not None else " (change not computable: mixed currencies)")
    cov = stack.coverage
    counts = (f"{cov.get(PRICED, 0)} priced, {cov.get(USAGE_BASED, 0)} usage-based, {cov.get(FREE, 0)} free, "
              f"{cov.get(UNPRICED, 0)} unpriced")
    partial = "  \n:warning: Partial: the total leaves out the unpriced resources below." if cov.get(UNPRICED) else ""
    return [title, "", line + "  ", counts + partial, ""]


def _policies(policies: list[dict[str, Any]]) -> list[str]:
    if not policies:
        return [":white_check_mark: **Policies:** all passed", ""]
    mandatory = any(p["enforcement_level"] == "mandatory" for p in policies)
    out = [f"{':x:' if mandatory else ':warning:'} **Policies:** {len(policies)} violation(s)"
           f"{' - the change is blocked' if mandatory else ''}", ""]
    for p in policies[:TOP]:
        where = f" ({cell(p['resource'])})" if p.get("resource") else ""
        first = printable(p["message"]).splitlines()[0] if p["message"] else ""
        out.append(f"- **[{p['enforcement_level']}] {cell(p['policy'])}**{where}: {cell(first)}")
    if len(policies) > TOP:
        out.append(f"- ... and {len(policies) - TOP} more")
    return out + [""]


def _top(title: str, rows: Iterable[Row], compared: bool) -> list[str]:
    rows = list(rows)
    if not rows:
        return []
    return [f"#### {title}", "", *_header(compared), *(_resource_line(r, compared) for r in rows), ""]


def _unpriced(projection: Projection, budget: int) -> list[str]:
    items = [e for e in projection.stack.estimates.values() if e.status == UNPRICED]
    if not items:
        return []
    out = [f"<details><summary>Unpriced resources ({len(items)})</summary>", ""]
    used = 0
    for i, e in enumerate(items):
        line = f"- {cell(e.name)} ({cell(e.type)}): {cell(e.reason)}"
        if used + len(line) > budget:
            out.append(f"- ... and {len(items) - i} more (see the JSON report)")
            break
        out.append(line)
        used += len(line) + 1
    return out + ["", "</details>", ""]


def to_markdown(projection: Projection, policies: list[dict[str, Any]], stack_name: str = "",
                limit: int = COMMENT_LIMIT, sections: Sequence[str] = ()) -> str:
    """The comment, at most `limit` characters; `sections` (lines) follow the policies (savings.py's)."""
    compared = projection.compared
    rows = [r for r in projection.rows + projection.savings if r.estimate.status != FREE or r.change]
    head = _headline(projection, stack_name) + _policies(policies) + list(sections)
    by_cost = sorted((r for r in rows if r.op != "delete" and r.estimate.monthly),
                     key=lambda r: -(r.estimate.monthly or 0.0))[:TOP]
    head += _top("Most expensive resources", by_cost, compared)
    if compared:
        changed = sorted((r for r in rows if r.change), key=lambda r: -abs(r.change or 0.0))[:TOP]
        head += _top("Largest changes", changed, compared)
    tail = ["<sub>pulumicost-policy: list prices, 730 hours a month; usage-based lines need a usage file.</sub>"]
    fixed = len("\n".join(head + tail)) + 2
    unpriced = _unpriced(projection, max(0, (limit - fixed) // 4))
    fixed += len("\n".join(unpriced)) + 1
    body = [f"<details><summary>All resources with a cost ({len(rows)})</summary>", "", *_header(compared)]
    closing = ["", "</details>", ""]
    room = limit - fixed - len("\n".join(body + closing)) - 200   # 200: the "N more" line and joins
    for i, row in enumerate(rows):
        line = _resource_line(row, compared)
        if len(line) + 1 > room:
            body.append("")
            body.append(f"... and {len(rows) - i} more resources (the JSON report lists them all)")
            break
        body.append(line)
        room -= len(line) + 1
    return "\n".join(head + unpriced + body + closing + tail) + "\n"
