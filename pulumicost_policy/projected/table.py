"""The offline run's table, laid out for the terminal's width without ever splitting a word or a number.

Money sits in right-aligned columns sized to their widest cell (never wrapped or cut); everything
else shares the room left of them and wraps only between words: the resource's name on its first
line, its short type, SKU and region after it or on the next line, and its cost components as a
tree under it, as Infracost prints them (quantity, unit, monthly cost; a line that depends on usage
shows the unit price and the usage-file key to set). Quantity and unit get columns of their own
when the terminal has room, else they follow the component's label. A word longer than a whole
line (a 90-character name at 80 columns) is the only thing ever broken.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import IO, Optional

from ..money import money, signed
from ..pricing.estimate import FREE, PRICED, UNPRICED, USAGE_BASED, ComponentCost, CostEstimate
from ..reporting.components import cost_text, monthly_quantity, quantity_text, unit_text
from ..reporting.document import Projection, Row
from ..reporting.text import one_line

# A replacement shows as one step (the digest's create-replacement/replace pair is costed once).
OP_NAMES = {"create-replacement": "replace", "import-replacement": "import"}
GAP = "  "
NBSP = "\u00a0"       # joins a quantity to its unit while wrapping (textwrap splits on ASCII spaces only)
MIN_LEFT = 24          # the tree keeps at least this much room, even if a line then runs long
QTY_COLUMNS_FROM = 50  # left-hand room from which quantity and unit get their own columns
WIDE = 120             # from this width a resource's line also names its price source


def short_type(token: str) -> str:
    """`aws:ec2/instance:Instance` -> `aws:ec2/instance` (the class name repeats the module's)."""
    parts = token.split(":")
    return ":".join(parts[:2]) if len(parts) == 3 and "/" in parts[1] else token


def cost_cell(status: str, monthly: Optional[float], currency: Optional[str], code: bool = True) -> str:
    if status == UNPRICED:
        return "unpriced"
    if status == USAGE_BASED:
        return "usage-based"
    if status == PRICED:
        return money(monthly or 0.0, currency) + (f" {currency}" if code else "")
    return "free"


@dataclass
class _Line:
    """One output line: the text on the left, and the money cells (one per money column, '' blank)."""

    left: str
    cells: list[str] = field(default_factory=list)
    qty: str = ""
    unit: str = ""
    full: bool = False   # the left text may use the whole width (no money on this line)
    prefix: tuple[str, str] = ("", "  ")  # before the first line, before each continuation line
    detail: str = ""     # a resource's type, SKU and region: after its name if they fit, else below


class TableLayout:
    """Lines for the resources of a projection at a given width."""

    def __init__(self, projection: Projection, columns: int, components: bool = True):
        self.projection, self.columns, self.components = projection, columns, components
        self.compared = projection.compared
        self.one = one_currency(projection)
        self.code = not self.one

    def headers(self) -> list[str]:
        """The money columns (one currency: the title names it, the cells leave it out)."""
        return ["Before", "Monthly", "Change"] if self.compared else ["Monthly"]

    def resource_cells(self, row: Row) -> list[str]:
        e = row.estimate
        if row.op == "delete":
            now = "-" if self.compared else _saving_cell(e, self.code)
        else:
            now = cost_cell(e.status, e.monthly, e.currency, self.code)
        if not self.compared:
            return [now]
        before = row.past
        was = "-" if before is None else cost_cell(before.status, before.monthly, before.currency, self.code)
        currency = e.currency or (row.before.currency if row.before else None)
        return [was, now, signed(row.change, currency)]

    def component_cells(self, comp: ComponentCost, deleted: bool) -> list[str]:
        """A component's cost in the Monthly column (a deleted resource's: in Before, what goes away)."""
        cost = money(comp.monthly or 0.0, comp.currency) + (f" {comp.currency}" if self.code else "")
        if not self.compared:
            return [cost]
        return [cost, "", ""] if deleted else ["", cost, ""]

    def render(self, rows: list[Row], ops_vary: bool) -> list[str]:
        resources = [self._resource(row, ops_vary) for row in rows]
        headers = self.headers()
        widths = [max([len(h)] + [len(l.cells[i]) for lines in resources for l in lines if l.cells])
                  for i, h in enumerate(headers)]
        money_width = sum(w + len(GAP) for w in widths)
        left = max(MIN_LEFT, self.columns - money_width)
        qty_w = unit_w = 0
        if self.components:
            qty_w = max([3] + [len(l.qty) for lines in resources for l in lines])
            unit_w = max([4] + [len(l.unit) for lines in resources for l in lines])
            if left - qty_w - unit_w - 2 * len(GAP) >= QTY_COLUMNS_FROM:
                left -= qty_w + unit_w + 2 * len(GAP)
            else:
                qty_w = unit_w = 0
        # On a wide terminal the money stays next to the longest name rather than at the far edge.
        left = min(left, max([len("Resource")] + [_needed(lines, inline=not qty_w) for lines in resources]))
        out = [self._join("Resource", headers, widths, left, ("Qty", "Unit") if qty_w else None, qty_w, unit_w)]
        out.append("─" * min(self.columns, left + money_width + (qty_w + unit_w + 2 * len(GAP) if qty_w else 0)))
        for lines in resources:
            for line in _placed(lines, left):
                out += self._emit(line, widths, left, qty_w, unit_w)
            if self.components:
                out.append("")
        return out

    def _join(self, text: str, cells: list[str], widths: list[int], left: int,
              qty_unit: Optional[tuple[str, str]], qty_w: int, unit_w: int) -> str:
        parts = [text.ljust(left)]
        if qty_w:
            q, u = qty_unit or ("", "")
            parts.append(GAP + q.rjust(qty_w) + GAP + u.ljust(unit_w))
        parts += [GAP + c.rjust(w) for c, w in zip(cells, widths)]
        return "".join(parts).rstrip()

    def _emit(self, line: _Line, widths: list[int], left: int, qty_w: int, unit_w: int) -> list[str]:
        first_indent, rest_indent = line.prefix
        label = line.left
        if not qty_w and (line.qty or line.unit):
            label = f"{label}:{NBSP}{line.qty}{NBSP}{line.unit}".rstrip()
        room = (self.columns if line.full else left) - len(first_indent)
        wrapped = [piece.replace(NBSP, " ") for piece in _wrap(label, max(8, room))] or [""]
        out = []
        for i, piece in enumerate(wrapped):
            prefix = first_indent if i == 0 else rest_indent
            if i == 0 and line.cells:
                out.append(self._join(prefix + piece, line.cells, widths, left,
                                      (line.qty, line.unit) if qty_w else None, qty_w, unit_w))
            else:
                out.append((prefix + piece).rstrip())
        return out

    def _resource(self, row: Row, ops_vary: bool) -> list[_Line]:
        e = row.estimate
        op = OP_NAMES.get(row.op, row.op)
        title = one_line(e.name) + (f"  [{op}]" if ops_vary else "")
        detail = [short_type(e.type), one_line(e.sku), one_line(e.region)]
        if self.columns >= WIDE and e.status in (PRICED, USAGE_BASED) and e.source:
            detail.append(one_line(e.source))
        detail_text = "  ".join(d for d in detail if d)
        lines = [_Line(title, self.resource_cells(row), detail=detail_text)]
        if not self.components:
            return lines
        tree: list[_Line] = []
        if e.status == UNPRICED and e.reason:
            tree.append(_Line("unpriced: " + one_line(e.reason), full=True))
        elif e.status == FREE and e.reason:
            tree.append(_Line("free: " + one_line(e.reason), full=True))
        for comp in e.components:
            label = one_line(comp.label)
            if comp.monthly is None:
                tree.append(_Line(f"{label}: {cost_text(comp)}", full=True))
            else:
                tree.append(_Line(label, self.component_cells(comp, row.op == "delete"), quantity_text(monthly_quantity(comp)),
                                  unit_text(comp)))
        for i, item in enumerate(tree):
            last = i == len(tree) - 1
            item.prefix = ("└─ ", "     ") if last else ("├─ ", "│    ")
        return lines + tree


def _needed(lines: list[_Line], inline: bool) -> int:
    """The left-hand room the resource's lines with money would use unwrapped (`inline`: with
    quantity and unit after the label)."""
    first = lines[0]
    widest = len(first.left) + (len(GAP) + len(first.detail) if first.detail else 0)
    for line in lines[1:]:
        if line.cells:
            widest = max(widest, len(line.prefix[0]) + len(line.left)
                         + (len(line.qty) + len(line.unit) + 3 if inline else 0))
    return widest


def _placed(lines: list[_Line], left: int) -> list[_Line]:
    """The resource's detail after its name when both fit the left-hand room, else on a line below."""
    first = lines[0]
    if not first.detail:
        return lines
    if len(first.left) + len(GAP) + len(first.detail) <= left:
        return [_Line(f"{first.left}{GAP}{first.detail}", first.cells), *lines[1:]]
    return [_Line(first.left, first.cells), _Line(first.detail, full=True, prefix=("  ", "  ")), *lines[1:]]


def _wrap(text: str, room: int) -> list[str]:
    """Between words only; a word longer than the whole room is the one thing broken."""
    return textwrap.wrap(text, room, break_on_hyphens=False, break_long_words=True)


def one_currency(projection: Projection) -> str | None:
    """The one currency of every amount in the table (then cells leave the code to the header)."""
    seen = {c for stack in (projection.stack, projection.past, projection.saved) for c in stack.totals}
    return next(iter(seen)) if len(seen) == 1 else None


def _saving_cell(e: CostEstimate, code: bool) -> str:
    return money(-e.monthly, e.currency) + (f" {e.currency}" if code else "") if e.monthly and e.currency \
        else cost_cell(e.status, e.monthly, e.currency, code)


def write_table(projection: Projection, rows: list[Row], out: IO[str], columns: int, components: bool) -> None:
    """The title, then the resources' lines; ops are a column only when they differ."""
    ops = {OP_NAMES.get(r.op, r.op) for r in rows}
    ops_vary = len(ops) > 1
    layout = TableLayout(projection, columns, components)
    notes = [layout.one] if layout.one else []
    if len(ops) == 1 and ops != {"same"}:
        notes.append(f"every resource: {next(iter(ops))}")
    title = "Projected monthly cost" + (" and change" if projection.compared else "") \
        + (f" ({'; '.join(notes)})" if notes else "")
    out.write(title + "\n\n")
    out.write("\n".join(layout.render(rows, ops_vary)).rstrip("\n") + "\n\n")
