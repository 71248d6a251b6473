"""The "Savings opportunities" of every report format, from the report's `recommendations` rows
(`Recommendation.as_json()`): one line each in the table summary, a section in Markdown and HTML.
Every value is escaped for its format: names and property values are data, never markup."""
from __future__ import annotations

import textwrap
from html import escape
from typing import Any, Mapping, Sequence

from ..money import money
from ..pricing.recommendation import shown
from .markdown import cell
from .text import printable

TITLE = "Savings opportunities"
TOP_LINES = 20      # the table summary and the Markdown comment show the largest; the JSON has all
TOP_MARKDOWN = 10


def _more(recs: Sequence[Mapping[str, Any]], listed: int) -> list[str]:
    return [f"... and {len(recs) - listed} more (the JSON report lists them all)"] if len(recs) > listed else []


def _change(rec: Mapping[str, Any]) -> str:
    return "; ".join(f"{c['path']}: {shown(c['from'])} -> {shown(c['to'])}" for c in rec["changes"]) or rec["title"]


def _costs(rec: Mapping[str, Any]) -> str:
    if rec.get("current_monthly") is None or rec.get("proposed_monthly") is None:
        return ""
    return f"{money(rec['current_monthly'], rec['currency'])} -> {money(rec['proposed_monthly'], rec['currency'])}"


def _saving(rec: Mapping[str, Any]) -> str:
    return f"{money(rec['monthly_saving'], rec['currency'])}/month"


def savings_lines(recs: Sequence[Mapping[str, Any]], width: int = 0) -> list[str]:
    """Plain text for the table summary: a recommendation per line, wrapped to `width` (0: not)."""
    if not recs:
        return []
    out = [f"{TITLE}:"]
    for rec in recs[:TOP_LINES]:
        caveat = f" ({rec['caveat']})" if rec.get("caveat") else ""
        line = printable(f"  {rec['name']}: {_change(rec)} saves {_saving(rec)}"
                         f"{' (' + _costs(rec) + ')' if _costs(rec) else ''}{caveat} [{', '.join(rec['sources'])}]")
        out += textwrap.wrap(line, width, subsequent_indent="    ", break_on_hyphens=False) if width > 10 else [line]
    return out + [f"  {m}" for m in _more(recs, TOP_LINES)]


def savings_markdown(recs: Sequence[Mapping[str, Any]]) -> list[str]:
    if not recs:
        return []
    out = [f"### {TITLE}", "", "| Resource | Change | Monthly cost | Saving | Note | Source |", "|---|---|---|--:|---|---|"]
    for rec in recs[:TOP_MARKDOWN]:
        out.append("| " + " | ".join(cell(v) for v in (rec["name"], _change(rec), _costs(rec), _saving(rec),
                                                       rec.get("caveat", ""), ", ".join(rec["sources"]))) + " |")
    return out + [""] + [cell(m) for m in _more(recs, TOP_MARKDOWN)] + ([""] if len(recs) > TOP_MARKDOWN else [])


def savings_html(recs: Sequence[Mapping[str, Any]]) -> str:
    if not recs:
        return ""
    def e(v: object) -> str:
        return escape(printable(v))
    rows = "".join(
        f"<tr><td>{e(r['name'])}</td><td><code>{e(_change(r))}</code></td><td class='n'>{e(_costs(r))}</td>"
        f"<td class='n'>{e(_saving(r))}</td><td>{e(r.get('caveat', ''))}</td><td>{e(', '.join(r['sources']))}</td></tr>"
        for r in recs)
    return (f"<h2>{TITLE}</h2><table><thead><tr><th>Resource</th><th>Change</th><th>Monthly cost</th><th>Saving</th>"
            f"<th>Note</th><th>Source</th></tr></thead><tbody>{rows}</tbody></table>")
