"""Human output of the offline run: a table per resource, totals and coverage (rich)."""
from __future__ import annotations

import json
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from ..money import money
from ..pricing.estimate import FREE, PRICED, UNPRICED, USAGE_BASED
from ..policies.messages import summary_message
from ..reporting.document import Projection, estimate_row
from ..reporting.text import plain, width


def _cost_cell(status: str, monthly: float | None, currency: str | None) -> str:
    if status == UNPRICED:
        return "unpriced"
    if status == USAGE_BASED:
        return "usage-based"
    if status == PRICED:
        return f"{money(monthly or 0.0)} {currency}"
    return "free"


def table(projection: Projection, out: IO[str], show_free: bool = False) -> None:
    console = Console(file=out, width=width(), no_color=True, highlight=False)
    t = Table(title="Projected monthly cost", show_footer=False)
    for col, justify in (("Resource", "left"), ("Type", "left"), ("Op", "left"), ("SKU / region", "left")):
        t.add_column(col, justify=justify, overflow="fold")
    t.add_column("Monthly", justify="right", no_wrap=True)  # money is never wrapped or cut
    t.add_column("Source / reason", overflow="fold")
    free = 0
    for row in projection.rows:
        e = row.estimate
        if e.status == FREE and not show_free:
            free += 1
            continue
        where = f"{e.sku} {e.region}".strip()
        detail = e.source if e.status in (PRICED, USAGE_BASED) else e.reason
        t.add_row(*map(plain, (e.name, e.type, row.op, where, _cost_cell(e.status, e.monthly, e.currency), detail)))
    for row in projection.savings:
        e = row.estimate
        cell = f"-{money(e.monthly)} {e.currency}" if e.monthly and e.currency else _cost_cell(e.status, e.monthly, e.currency)
        t.add_row(*map(plain, (e.name, e.type, row.op, f"{e.sku} {e.region}".strip(), cell, "saving (deleted)")))
    console.print(t)
    if free:
        console.print(f"{free} resources with no direct cost not shown (--show-free lists them)")
    console.print(plain(summary_message(projection.stack), newlines=True))
    saved = projection.saved
    if saved.totals:
        console.print("Savings from deletes: " + ", ".join(f"-{money(v)} {c}/month" for c, v in saved.totals.items()))


def ndjson(projection: Projection, out: IO[str], summary: dict[str, Any]) -> None:
    for row in projection.rows:
        out.write(json.dumps({"kind": "resource", **estimate_row(row.estimate, row.op)}) + "\n")
    for row in projection.savings:
        out.write(json.dumps({"kind": "saving", **estimate_row(row.estimate, row.op)}) + "\n")
    out.write(json.dumps({"kind": "summary", **summary}) + "\n")


