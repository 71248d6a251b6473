"""Human output of the offline run: a table per resource, totals and coverage (rich)."""
from __future__ import annotations

import json
from typing import IO, Any

from rich.console import Console

from ..money import money
from ..pricing.estimate import FREE
from ..policies.messages import change_message, summary_message
from ..reporting.document import Projection, Row, estimate_row
from ..reporting.text import plain, plural, width
from .table import write_table


def _show(row: Row, show_free: bool) -> bool:
    """Free resources are one count line unless asked for; a change to or from a cost is shown."""
    return show_free or row.estimate.status != FREE or bool(row.change)


def table(projection: Projection, out: IO[str], show_free: bool = False, components: bool = True) -> None:
    """The resources (with their cost components unless `components` is False), then the totals."""
    columns = width()
    rows = [row for row in projection.rows + projection.savings if _show(row, show_free)]
    write_table(projection, rows, out, columns, components)
    console = Console(file=out, width=columns, no_color=True, highlight=False)
    free = len(projection.rows) + len(projection.savings) - len(rows)
    if free:
        console.print(f"{plural(free, 'resource')} with no direct cost not shown (--show-free lists them)")
    console.print(plain(summary_message(projection.stack), newlines=True))
    if projection.compared:
        console.print(plain(change_message(projection.past, projection.stack, projection.diff)))
    saved = projection.saved
    if saved.totals:
        # A saving is an amount saved: positive ("Savings from deletes: $7.59"), not "-$7.59".
        console.print("Savings from deletes: " + ", ".join(f"{money(v, c)} {c}/month" for c, v in saved.totals.items()))


def ndjson(projection: Projection, out: IO[str], summary: dict[str, Any]) -> None:
    for row in projection.rows:
        out.write(json.dumps({"kind": "resource", **estimate_row(row.estimate, row.op)}) + "\n")
    for row in projection.savings:
        out.write(json.dumps({"kind": "saving", **estimate_row(row.estimate, row.op)}) + "\n")
    out.write(json.dumps({"kind": "summary", **summary}) + "\n")
