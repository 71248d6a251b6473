"""`--output html`: one self-contained page (inline style, no scripts, nothing fetched) with the
total and its change, policy verdicts, every resource and what could not be priced. Every value is
HTML-escaped: a resource name is data, never markup."""
from __future__ import annotations

from html import escape
from typing import Any

from ..money import money, signed
from ..pricing.estimate import FREE, PRICED, UNPRICED, USAGE_BASED
from .document import Projection
from .markdown import amount
from .text import printable

STYLE = """body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}th{background:#f3f3f3}
.up{color:#b00}.down{color:#070}.mandatory{color:#b00;font-weight:bold}.advisory{color:#a60}"""


def _e(value: object) -> str:
    return escape(printable(value))


def _change_class(value: float | None) -> str:
    return "" if not value else " up" if value > 0 else " down"


def to_html(projection: Projection, policies: list[dict[str, Any]], stack_name: str = "",
            section: str = "") -> str:
    """The page; `section` (HTML, escaped by its maker: savings.py's) follows the policies."""
    stack, compared = projection.stack, projection.compared
    currency = stack.currency or projection.past.currency
    total = " + ".join(f"{amount_text(v, c)}" for c, v in stack.totals.items()) or "$0.00"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>Pulumi cost estimate{' - ' + _e(stack_name) if stack_name else ''}</title>",
             f"<style>{STYLE}</style></head><body>",
             f"<h1>Pulumi cost estimate{' for ' + _e(stack_name) if stack_name else ''}</h1>",
             f"<p><strong>Monthly cost: {_e(total)}</strong>"]
    if compared:
        parts.append(f" (was {_e(amount_text(projection.past.total or 0.0, currency))}, "
                     f"<span class='{_change_class(projection.diff).strip()}'>"
                     f"{_e(signed(projection.diff, currency))}</span>)")
    cov = stack.coverage
    parts.append(f"</p><p>{cov.get(PRICED, 0)} priced, {cov.get(USAGE_BASED, 0)} usage-based, "
                 f"{cov.get(FREE, 0)} free, {cov.get(UNPRICED, 0)} unpriced</p>")
    parts.append("<h2>Policies</h2>")
    if not policies:
        parts.append("<p>All passed.</p>")
    else:
        parts.append("<ul>" + "".join(
            f"<li><span class='{_e(p['enforcement_level'])}'>[{_e(p['enforcement_level'])}]</span> "
            f"<strong>{_e(p['policy'])}</strong>{' (' + _e(p['resource']) + ')' if p.get('resource') else ''}: "
            f"<pre>{_e(p['message'])}</pre></li>" for p in policies) + "</ul>")
    parts.append(section)
    cols = ["Resource", "Type", "Op", "SKU / region", *(["Before", "After", "Change"] if compared else ["Monthly"]),
            "Source / reason"]
    parts.append("<h2>Resources</h2><table><thead><tr>" + "".join(f"<th>{c}</th>" for c in cols)
                 + "</tr></thead><tbody>")
    for row in projection.rows + projection.savings:
        e = row.estimate
        if e.status == FREE and not row.change:
            continue
        money_cells = [amount(row.past), amount(row.after)] if compared else [amount(e)]
        cells = [f"<td>{_e(v)}</td>" for v in (e.name, e.type, row.op, f"{e.sku} {e.region}".strip())]
        cells += [f"<td class='n'>{_e(v)}</td>" for v in money_cells]
        if compared:
            cells.append(f"<td class='n{_change_class(row.change)}'>{_e(signed(row.change, e.currency))}</td>")
        cells.append(f"<td>{_e(e.source if e.status in (PRICED, USAGE_BASED) else e.reason)}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    free = sum(1 for r in projection.rows if r.estimate.status == FREE and not r.change)
    parts.append(f"<p>{free} resources with no direct cost are not listed.</p></body></html>")
    return "\n".join(parts) + "\n"


def amount_text(value: float, currency: str | None) -> str:
    return f"{money(value, currency)} {currency or 'USD'}"
