"""`--output html`: one self-contained page (inline style and SVG, no scripts, nothing fetched) that
people can share: a header naming the project, stack, generation time and the prices' sources and
dates; the total and its change; where the money goes (totals by provider and by type, with a bar
chart); the policy verdicts; every resource with a cost, most expensive first, each with its cost
components; and what could not be priced. Every value is HTML-escaped: a name is data, never markup.
Long names and messages wrap inside the page width instead of widening it.

`section` (HTML, escaped by its maker: savings.py's) follows the policies.
"""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Optional

from ..money import money, signed
from ..pricing.estimate import FREE, PRICED, UNPRICED, USAGE_BASED, CostEstimate
from ..pricing.freshness import stale_warning
from ..quoting import printable
from .components import cost_text, monthly_quantity, quantity_text, unit_text
from .document import Projection, Row
from .headline import change_text, iso_currencies, price_sources, project_and_stack, title_of
from .text import partial_lines

STYLE = """*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0 auto;padding:1.5em;max-width:72em;color:#222;line-height:1.4;overflow-wrap:break-word}
h1{margin:0 0 .2em;overflow-wrap:anywhere}.meta{color:#555;margin:0 0 1em}.meta span{margin-right:1.2em}
.warn{background:#fff4e0;border-left:4px solid #e69500;padding:.4em .8em}
.cards{display:flex;flex-wrap:wrap;gap:1em;margin:1em 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:12em;flex:1}
.card b{display:block;font-size:1.5em}
table{border-collapse:collapse;margin:.5em 0 1em;width:100%;table-layout:auto}
th,td{border-bottom:1px solid #e3e3e3;padding:.3em .5em;text-align:left;vertical-align:top}
td:first-child,td.t,.meta,li{overflow-wrap:anywhere}  /* names: a 300-character one still wraps in the page */
th{background:#f5f5f5}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;overflow-wrap:normal}
tr.components>td{border-bottom:1px solid #ccc;padding:0 .5em .6em 1.5em}td.u{white-space:nowrap;overflow-wrap:normal}
tr.components table{margin:0;font-size:.9em}tr.components td td{border-bottom:1px dotted #e3e3e3}
details summary{cursor:pointer;color:#345}
.up{color:#b00}.down{color:#070}.mandatory{color:#b00;font-weight:bold}.advisory{color:#a60}
.msg{white-space:pre-wrap;overflow-wrap:anywhere;margin:.2em 0 .6em;font-size:.92em;background:#f8f8f8;padding:.4em .6em}
.grid{display:flex;flex-wrap:wrap;gap:2em}.grid>div{flex:1;min-width:18em}
svg.chart{width:100%;height:auto;display:block;max-width:48em}
svg.chart text{font:13px system-ui,sans-serif;fill:#222}svg.chart rect.bar{fill:#4a7bd0}"""

CHART_BARS = 8           # the largest types; the rest are one "other" bar
LABEL_CHARS = 34         # an SVG label does not wrap: longer type names are shortened
OPEN_UP_TO = 5           # a resource's components are shown open up to this many, else collapsed


def _e(value: object) -> str:
    return escape(printable(value))


def _change_class(value: float | None) -> str:
    return "" if not value else " up" if value > 0 else " down"


def amount_text(value: float, currency: str | None) -> str:
    return f"{money(value, currency)} {currency or 'USD'}"


def _amount(est: Optional[CostEstimate]) -> str:
    if est is None:
        return "-"
    return {UNPRICED: "unpriced", USAGE_BASED: "usage-based", FREE: "free"}.get(
        est.status, money(est.monthly or 0.0, est.currency))


def bar_chart(values: dict[str, float], currency: str, title: str) -> str:
    """A horizontal bar per key (largest first), drawn in inline SVG: no script, nothing fetched."""
    items = sorted(((k, v) for k, v in values.items() if v > 0), key=lambda kv: -kv[1])
    if len(items) > CHART_BARS:
        items = items[:CHART_BARS - 1] + [("other", sum(v for _, v in items[CHART_BARS - 1:]))]
    if not items:
        return ""
    top, row_h, label_w, bar_w = items[0][1], 26, 260, 420
    height = row_h * len(items) + 8
    parts = [f'<svg class="chart" viewBox="0 0 {label_w + bar_w + 110} {height}" role="img" '
             f'><title>{_e(title)}</title>']
    for i, (key, value) in enumerate(items):
        y = 4 + i * row_h
        width = max(1.0, bar_w * value / top)
        label = key if len(key) <= LABEL_CHARS else key[:LABEL_CHARS - 1] + "…"
        parts.append(f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{_e(label)}</text>'
                     f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{width:.1f}" height="{row_h - 8}">'
                     f'<title>{_e(key)}: {_e(money(value, currency))}</title></rect>'
                     f'<text x="{label_w + width + 6:.1f}" y="{y + 17}">{_e(money(value, currency))}</text>')
    return "".join(parts) + "</svg>"


def _totals_table(values: dict[str, float], currency: str, what: str) -> str:
    rows = sorted(values.items(), key=lambda kv: -kv[1])
    return (f"<table><thead><tr><th>{what}</th><th class='n'>Monthly</th></tr></thead><tbody>"
            + "".join(f"<tr><td>{_e(k)}</td><td class='n'>{_e(money(v, currency))}</td></tr>" for k, v in rows)
            + "</tbody></table>")


def _header(projection: Projection, project: str, stack_name: str, now: dt.datetime) -> list[str]:
    name = title_of(project, stack_name)
    estimates = list(projection.stack.estimates.values()) + list(projection.past.estimates.values())
    meta = [f"<span>Project: <b>{_e(project or '-')}</b></span>", f"<span>Stack: <b>{_e(stack_name or '-')}</b></span>",
            f"<span>Generated {_e(now.strftime('%Y-%m-%d %H:%M UTC'))}</span>"]
    sources = price_sources(estimates)
    if sources:
        meta.append(f"<span>Prices: {_e(sources)}; list prices, 730 hours a month</span>")
    out = [f"<header><h1>Pulumi cost estimate{': ' + _e(name) if name else ''}</h1>",
           f"<p class='meta'>{''.join(meta)}</p>"]
    stale = stale_warning(estimates)
    if stale:
        out.append(f"<p class='warn'>{_e(stale)}</p>")
    return out + ["</header>"]


def _cards(projection: Projection) -> list[str]:
    stack = projection.stack
    currency = stack.currency or projection.past.currency or "USD"
    total = " + ".join(amount_text(v, c) for c, v in stack.totals.items()) or amount_text(0.0, currency)
    cards = [f"<div class='card'>Monthly cost<b>{_e(total)}</b></div>"]
    if projection.compared:
        cls = _change_class(projection.diff).strip()
        cards.append(f"<div class='card'>Change<b class='{cls}'>{_e(change_text(projection, currency))}</b>"
                     f"was {_e(amount_text(projection.past.total or 0.0, currency))}</div>")
    cov = stack.coverage
    cards.append(f"<div class='card'>Resources<b>{sum(cov.values())}</b>{cov.get(PRICED, 0)} priced, "
                 f"{cov.get(USAGE_BASED, 0)} usage-based, {cov.get(FREE, 0)} free, {cov.get(UNPRICED, 0)} unpriced</div>")
    warnings = [f"<p class='warn'>{_e(line)}</p>" for line in partial_lines(stack)]
    return ["<div class='cards'>", *cards, "</div>", *warnings]


def _breakdown(projection: Projection) -> list[str]:
    stack = projection.stack
    out = ["<h2>Where the money goes</h2>"]
    for currency in stack.totals:
        types, providers = stack.by_type.get(currency, {}), stack.by_provider.get(currency, {})
        chart = bar_chart(types, currency, f"Monthly cost by type ({currency})")
        out.append(f"{chart or '<p>Nothing with a cost.</p>'}<div class='grid'><div>"
                   f"{_totals_table(providers, currency, f'Provider ({_e(currency)})')}</div><div>"
                   f"{_totals_table(types, currency, f'Type ({_e(currency)})')}</div></div>")
    return out if len(out) > 1 else []


def _policies(policies: list[dict[str, Any]]) -> list[str]:
    out = ["<h2>Policies</h2>"]
    if not policies:
        return out + ["<p>All passed.</p>"]
    return out + ["<ul>" + "".join(
        f"<li><span class='{_e(p['enforcement_level'])}'>[{_e(p['enforcement_level'])}]</span> "
        f"<strong>{_e(p['policy'])}</strong>{' (' + _e(p['resource']) + ')' if p.get('resource') else ''}"
        f"<p class='msg'>{_e(p['message'])}</p></li>" for p in policies) + "</ul>"]


def _components(e: CostEstimate, span: int) -> str:
    if not e.components:
        return ""
    rows = "".join(
        f"<tr><td>{_e(c.label)}</td><td class='n'>{_e(quantity_text(monthly_quantity(c)))}</td>"
        f"<td class='u'>{_e(unit_text(c)) if c.quantity is not None else ''}</td>"
        f"<td class='{'n' if c.monthly is not None else ''}'>{_e(cost_text(c))}</td></tr>" for c in e.components)
    opened = " open" if len(e.components) <= OPEN_UP_TO else ""
    return (f"<tr class='components'><td colspan='{span}'><details{opened}><summary>{len(e.components)} cost "
            f"component{'s' if len(e.components) != 1 else ''}</summary><table><thead><tr><th>Component</th>"
            f"<th class='n'>Quantity</th><th>Unit</th><th class='n'>Monthly</th></tr></thead><tbody>{rows}"
            "</tbody></table></details></td></tr>")


def _resources(projection: Projection) -> list[str]:
    compared = projection.compared
    rows = [r for r in projection.rows + projection.savings
            if r.estimate.status in (PRICED, USAGE_BASED) or (r.change and r.estimate.status != UNPRICED)]
    rows.sort(key=lambda r: (-((r.past if r.op == "delete" else r.estimate).monthly or 0.0), r.estimate.urn))
    money_cols = ["Before", "After", "Change"] if compared else ["Monthly"]
    cols = ["Resource", "Type", *(["Op"] if compared else []), "SKU / region"]
    span = len(cols) + len(money_cols) + 1
    out = [f"<h2>Resources with a cost ({len(rows)})</h2><table class='resources'><thead><tr>"
           + "".join(f"<th>{c}</th>" for c in cols) + "".join(f"<th class='n'>{c}</th>" for c in money_cols)
           + "<th>Source</th></tr></thead><tbody>"]
    for row in rows:
        e = row.estimate
        cells = [f"<td><b>{_e(e.name)}</b></td>", f"<td class='t'>{_e(e.type)}</td>"]
        if compared:
            cells.append(f"<td>{_e(row.op)}</td>")
        cells.append(f"<td>{_e(e.sku)}<br>{_e(e.region)}</td>")
        if compared:
            cells += [f"<td class='n'>{_e(_amount(row.past))}</td>", f"<td class='n'>{_e(_amount(row.after))}</td>",
                      f"<td class='n{_change_class(row.change)}'>{_e(signed(row.change, e.currency))}</td>"]
        else:
            cells.append(f"<td class='n'>{_e(_amount(e))}</td>")
        cells.append(f"<td>{_e(e.source)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>" + _components(e, span))
    return out + ["</tbody></table>"]


def _unpriced(projection: Projection) -> list[str]:
    items = [e for e in projection.stack.estimates.values() if e.status == UNPRICED]
    if not items:
        return []
    return [f"<h2>Not priced ({len(items)})</h2><p>The total leaves these out.</p><table><thead><tr>"
            "<th>Resource</th><th>Type</th><th>Why</th></tr></thead><tbody>"
            + "".join(f"<tr><td>{_e(e.name)}</td><td>{_e(e.type)}</td><td>{_e(e.reason)}</td></tr>" for e in items)
            + "</tbody></table>"]


def to_html(projection: Projection, policies: list[dict[str, Any]], stack_name: str = "",
            section: str = "", now: Optional[dt.datetime] = None) -> str:
    projection = iso_currencies(projection)
    project, stack = project_and_stack(projection, stack_name)
    now = now or dt.datetime.now(dt.timezone.utc)
    title = title_of(project, stack)
    free = sum(1 for r in projection.rows if r.estimate.status == FREE and not r.change)
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>Pulumi cost estimate{' - ' + _e(title) if title else ''}</title>",
             f"<style>{STYLE}</style></head><body>",
             *_header(projection, project, stack, now), *_cards(projection), *_breakdown(projection),
             *_policies(policies), section, *_resources(projection), *_unpriced(projection),
             f"<p>{free} resource{'s' if free != 1 else ''} with no direct cost {'is' if free == 1 else 'are'} "
             "not listed.</p></body></html>"]
    return "\n".join(parts) + "\n"
