"""`--output markdown`: a pull-request comment. A hidden marker naming the project and stack (so a
CI job finds and edits its own comment, not another stack's), the total and its change with a
percent, where the prices come from and how old they are, the policy verdicts, the top resources by
cost and by change, what could not be priced, and each resource with a cost in a collapsed section
of its own listing its cost components.

GitHub refuses a comment over 65,536 characters: the resource sections are cut to fit with a line
saying how many more there are, every value is cut to a few hundred characters, and a last check
cuts whatever still overflows (any input). Names are data: characters Markdown or HTML would read
are escaped, `@` can never mention a user or team, control characters are shown.
"""
from __future__ import annotations

import html
import re
from typing import Any, Iterable, Optional, Sequence
from urllib.parse import quote

from ..money import money, signed
from ..pricing.estimate import FREE, PRICED, UNPRICED, USAGE_BASED, CostEstimate
from ..pricing.freshness import stale_warning
from .components import cost_text, monthly_quantity, quantity_text, unit_text
from .document import Projection, Row
from .headline import change_text, iso_currencies, price_sources, project_and_stack, title_of
from .text import one_line, partial_lines, why_no_change

COMMENT_LIMIT = 65_536
TOP = 10
MAX_VALUE = 300                      # characters of one name, type or message shown
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_NO_MENTION = "@\u200b"              # a zero-width space after @: GitHub links no user or team
CUT_NOTE = "*This comment was cut to GitHub's 65,536-character limit; the JSON report (`--report`) has everything.*"


def _short(value: object) -> str:
    text = one_line(value)
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…"


def cell(value: object) -> str:
    """Text safe in Markdown (a table cell, a list item): special characters escaped, one line, no mentions."""
    return _MD_SPECIAL.sub(r"\\\1", _short(value)).replace("@", _NO_MENTION)


def inline_html(value: object) -> str:
    """Text safe inside an HTML element of the comment (`<summary>`): escaped, one line, no mentions."""
    return html.escape(_short(value)).replace("@", _NO_MENTION)


def marker(project: str, stack: str) -> str:
    """`<!-- pulumicost: shop/dev -->`: names quoted so that no name can close the comment."""
    return f"<!-- pulumicost: {quote(_short(title_of(project, stack) or 'stack'), safe='/._-~')} -->"


def amount(est: Optional[CostEstimate], code: bool = False) -> str:
    if est is None:
        return "-"
    if est.status == UNPRICED:
        return "unpriced"
    if est.status == USAGE_BASED:
        return "usage-based"
    if est.status == FREE:
        return "free"
    return money(est.monthly or 0.0, est.currency) + (f" {cell(est.currency)}" if code else "")


def _where(e: CostEstimate) -> str:
    return cell(f"{e.sku} {e.region}".strip()) or "-"


def _resource_line(row: Row, compared: bool) -> str:
    e = row.estimate
    money_cells = [amount(row.past), amount(row.after), signed(row.change, e.currency)] if compared \
        else [amount(e)]
    return "| " + " | ".join([cell(e.name), cell(e.type), row.op, _where(e), *money_cells]) + " |"


def _header(compared: bool) -> list[str]:
    """Money columns right-aligned (`---:`)."""
    money_cols = ["Before", "After", "Change"] if compared else ["Monthly"]
    cols = ["Resource", "Type", "Op", "SKU / region", *money_cols]
    return ["| " + " | ".join(cols) + " |", "|" + "|".join(["---"] * 4 + ["---:"] * len(money_cols)) + "|"]


def _headline(projection: Projection, project: str, stack_name: str) -> list[str]:
    stack = projection.stack
    name = title_of(project, stack_name)
    title = f"### Pulumi cost estimate{f': {cell(name)}' if name else ''}"
    if stack.mixed_currencies:
        total = " + ".join(f"{money(v, c)} {cell(c)}" for c, v in stack.totals.items())
    else:
        total = f"{money(stack.total or 0.0, stack.currency)} {cell(stack.currency or 'USD')}"
    line = f"**Monthly cost: {total}**"
    if projection.compared:
        past = projection.past
        currency = stack.currency or past.currency or "USD"
        line += (f" (was {money(past.total or 0.0, currency)}, **{change_text(projection, currency)}**)"
                 if projection.diff is not None else f" (change not computable: {why_no_change(past, stack)})")
    cov = stack.coverage
    counts = (f"{cov.get(PRICED, 0)} priced, {cov.get(USAGE_BASED, 0)} usage-based, {cov.get(FREE, 0)} free, "
              f"{cov.get(UNPRICED, 0)} unpriced")
    partial = "".join(f"  \n:warning: {cell(line)}" for line in partial_lines(stack))
    out = [title, "", line + "  ", counts + partial, ""]
    estimates = list(stack.estimates.values()) + list(projection.past.estimates.values())
    sources = price_sources(estimates)
    if sources:
        out.append(f"<sub>Prices: {cell(sources)}; list prices, 730 hours a month.</sub>")
    stale = stale_warning(estimates)
    if stale:
        out.append(f":warning: {cell(stale)}")
    return out + [""] if sources or stale else out


def _policies(policies: list[dict[str, Any]]) -> list[str]:
    if not policies:
        return [":white_check_mark: **Policies:** all passed", ""]
    mandatory = any(p["enforcement_level"] == "mandatory" for p in policies)
    out = [f"{':x:' if mandatory else ':warning:'} **Policies:** {len(policies)} violation(s)"
           f"{' - the change is blocked' if mandatory else ''}", ""]
    for p in policies[:TOP]:
        where = f" ({cell(p['resource'])})" if p.get("resource") else ""
        first = str(p["message"]).splitlines()[0] if p["message"] else ""
        out.append(f"- **[{cell(p['enforcement_level'])}] {cell(p['policy'])}**{where}: {cell(first)}")
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


def resource_section(row: Row, compared: bool) -> list[str]:
    """One resource, collapsed: its cost (and change) in the summary, its components inside."""
    e = row.estimate
    where = " ".join(x for x in (e.sku, e.region) if x)
    cost = amount(row.past) if row.op == "delete" else amount(e)
    change = f", {signed(row.change, e.currency)}" if compared and row.change else ""
    op = f" ({inline_html(row.op)})" if compared else ""
    summary = (f"<strong>{inline_html(e.name)}</strong>{op}: {inline_html(cost)}{inline_html(change)} &middot; "
               f"{inline_html(e.type)}{' &middot; ' + inline_html(where) if where else ''}")
    out = [f"<details><summary>{summary}</summary>", ""]
    if e.components:
        out += ["| Component | Quantity | Unit | Monthly |", "|---|---:|---|---:|"]
        for c in e.components:
            qty = quantity_text(monthly_quantity(c))
            out.append(f"| {cell(c.label)} | {qty} | {cell(unit_text(c)) if qty else ''} | {cell(cost_text(c))} |")
    else:
        out.append(f"{cell(e.reason or e.source or 'no components')}")
    if e.source and e.components:
        out += ["", f"<sub>Source: {cell(e.source)}</sub>"]
    return out + ["", "</details>"]


def _with_cost(projection: Projection) -> list[Row]:
    """Resources with a known cost (or a change), most expensive first; unpriced ones have their own list."""
    rows = [r for r in projection.rows + projection.savings
            if r.estimate.status in (PRICED, USAGE_BASED) or (r.change and r.estimate.status != UNPRICED)]
    return sorted(rows, key=lambda r: (-(r.estimate.monthly or 0.0), r.estimate.urn))


def to_markdown(projection: Projection, policies: list[dict[str, Any]], stack_name: str = "",
                limit: int = COMMENT_LIMIT, sections: Sequence[str] = ()) -> str:
    """The comment, at most `limit` characters whatever the input; `sections` (lines) follow the
    policies (savings.py's)."""
    projection = iso_currencies(projection)
    compared = projection.compared
    project, stack = project_and_stack(projection, stack_name)
    rows = _with_cost(projection)
    head = [marker(project, stack)] + _headline(projection, project, stack) + _policies(policies) + list(sections)
    by_cost = [r for r in rows if r.op != "delete" and r.estimate.monthly][:TOP]
    head += _top("Most expensive resources", by_cost, compared)
    if compared and any(r.op != "create" for r in rows if r.change):  # all creates: the list above again
        changed = sorted((r for r in rows if r.change), key=lambda r: -abs(r.change or 0.0))[:TOP]
        head += _top("Largest changes", changed, compared)
    tail = ["<sub>pulumicost-policy: list prices, 730 hours a month; usage-based lines need a usage file "
            "(`pulumicost usage init`).</sub>"]
    fixed = len("\n".join(head + tail)) + 2
    unpriced = _unpriced(projection, max(0, (limit - fixed) // 4))
    fixed += len("\n".join(unpriced)) + 1
    body = [f"#### Resources with a cost ({len(rows)})", ""]
    room = limit - fixed - len("\n".join(body)) - 300   # 300: the "N more" line and joins
    for i, row in enumerate(rows):
        section = resource_section(row, compared)
        size = len("\n".join(section)) + 1
        if size > room:
            body.append(f"... and {len(rows) - i} more resources (the JSON report lists them all)")
            break
        body += section
        room -= size
    return fit("\n".join(head + unpriced + body + [""] + tail) + "\n", limit)


def fit(text: str, limit: int = COMMENT_LIMIT) -> str:
    """`text` if it fits; else whole lines up to the limit, open sections closed, and a note."""
    if len(text) <= limit:
        return text
    kept: list[str] = []
    used, opened = len(CUT_NOTE) + 2, 0
    closer = len("</details>") + 1
    for line in text.splitlines():
        now_open = opened + line.count("<details>") - line.count("</details>")
        if used + len(line) + 1 + max(0, now_open) * closer > limit:
            break
        kept.append(line)
        used, opened = used + len(line) + 1, now_open
    out = "\n".join(kept + ["</details>"] * max(0, opened) + ["", CUT_NOTE]) + "\n"
    return out if len(out) <= limit else CUT_NOTE + "\n"
