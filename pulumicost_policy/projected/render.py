"""Human output of the offline run: a table per resource, totals and coverage (rich)."""
from __future__ import annotations

import json
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from ..money import money, signed
from ..pricing.estimate import FREE, PRICED, UNPRICED, USAGE_BASED
from ..policies.messages import change_message, summary_message
from ..reporting.document import Projection, Row, estimate_row
from ..reporting.text import plain, width


def _cost_cell(status: str, monthly: float | None, currency: str | None, code: bool = True) -> str:
    if status == UNPRICED:
        return "unpriced"
    if status == USAGE_BASED:
        return "usage-based"
    if status == PRICED:
        return money(monthly or 0.0, currency) + (f" {currency}" if code else "")
    return "free"


def _one_currency(projection: Projection) -> str | None:
    """The one currency of every amount in the table (then cells leave the code to the header)."""
    seen = {c for stack in (projection.stack, projection.past, projection.saved) for c in stack.totals}
    return next(iter(seen)) if len(seen) == 1 else None


# A replacement shows as one step (the digest's create-replacement/replace pair is costed once).
OP_NAMES = {"create-replacement": "replace", "import-replacement": "import"}


def _was_cell(row: Row, code: bool) -> str:
    """The cost before the change: `-` for a create."""
    before = row.past
    if before is None:
        return "-"
    return _cost_cell(before.status, before.monthly, before.currency, code)


def _show(row: Row, show_free: bool) -> bool:
    """Free resources are one count line unless asked for; a change to or from a cost is shown."""
    return show_free or row.estimate.status != FREE or bool(row.change)


def table(projection: Projection, out: IO[str], show_free: bool = False) -> None:
    """One row per resource; under 120 columns the source/reason column is left out (the reasons
    of unpriced resources are listed under the table) so names and money keep their room."""
    columns = width()
    console = Console(file=out, width=columns, no_color=True, highlight=False)
    compared, wide = projection.compared, columns >= 120
    one = _one_currency(projection)
    unit = f" ({one})" if one else ""
    t = Table(title="Projected monthly cost" + (" and change" if compared else ""), show_footer=False)
    for col in ("Resource", "Type", "Op", "SKU / region"):
        t.add_column(col, overflow="fold")
    if compared:
        t.add_column("Before" + unit, justify="right", no_wrap=True)
    t.add_column("Monthly" + unit, justify="right", no_wrap=True)  # money is never wrapped or cut
    if compared:
        t.add_column("Change", justify="right", no_wrap=True)
    if wide:
        t.add_column("Source / reason", overflow="fold")
    free = 0
    for row in projection.rows + projection.savings:
        e = row.estimate
        if not _show(row, show_free):
            free += 1
            continue
        if row.op == "delete":
            now, detail = "-" if compared else _saving_cell(e, not one), "saving (deleted)"
        else:
            now = _cost_cell(e.status, e.monthly, e.currency, not one)
            detail = e.source if e.status in (PRICED, USAGE_BASED) else e.reason
        currency = e.currency or (row.before.currency if row.before else None)
        cells = [e.name, e.type if wide else short_type(e.type), OP_NAMES.get(row.op, row.op),
                 f"{e.sku} {e.region}".strip(), *([_was_cell(row, not one)] if compared else []), now,
                 *([signed(row.change, currency)] if compared else []), *([detail] if wide else [])]
        t.add_row(*map(plain, cells))
    console.print(t)
    if free:
        console.print(f"{free} resources with no direct cost not shown (--show-free lists them)")
    console.print(plain(summary_message(projection.stack), newlines=True))
    if compared:
        console.print(plain(change_message(projection.past, projection.stack, projection.diff)))
    saved = projection.saved
    if saved.totals:
        # A saving is an amount saved: positive ("Savings from deletes: $7.59"), not "-$7.59".
        console.print("Savings from deletes: " + ", ".join(f"{money(v, c)} {c}/month" for c, v in saved.totals.items()))


def short_type(token: str) -> str:
    """`aws:ec2/instance:Instance` -> `aws:ec2/instance` (the class name repeats the module's)."""
    parts = token.split(":")
    return ":".join(parts[:2]) if len(parts) == 3 and "/" in parts[1] else token


def _saving_cell(e, code: bool) -> str:
    return money(-e.monthly, e.currency) + (f" {e.currency}" if code else "") if e.monthly and e.currency \
        else _cost_cell(e.status, e.monthly, e.currency, code)


def ndjson(projection: Projection, out: IO[str], summary: dict[str, Any]) -> None:
    for row in projection.rows:
        out.write(json.dumps({"kind": "resource", **estimate_row(row.estimate, row.op)}) + "\n")
    for row in projection.savings:
        out.write(json.dumps({"kind": "saving", **estimate_row(row.estimate, row.op)}) + "\n")
    out.write(json.dumps({"kind": "summary", **summary}) + "\n")
