"""Human output of `actual`: an aligned table with thousands separators, totals and failures."""
from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.table import Table

from ..money import money
from ..reporting.text import plain, width
from .report import ActualReport, failures_by_reason

TIME_GROUPS = ("daily", "monthly")


def table(report: ActualReport, out: IO[str]) -> None:
    console = Console(file=out, width=width(), no_color=True, highlight=False)
    cur = report.currency
    t = Table(title=f"Actual cost {report.span.first} .. {report.span.last} by {report.group_by}",
              show_footer=True)
    t.add_column(report.group_by.capitalize(), footer="Total", overflow="fold")
    t.add_column("Cost", justify="right", footer=f"{money(report.total, cur)} {cur}")
    if report.group_by in TIME_GROUPS:
        t.add_column("By provider", overflow="fold")
    else:
        t.add_column("Share", justify="right")
    for g in report.groups:
        extra = (", ".join(f"{p} {money(v, cur)}" for p, v in g.by_provider.items()) if report.group_by in TIME_GROUPS
                 else f"{100 * g.total / report.total:.1f}%" if report.total else "-")
        t.add_row(plain(g.key), f"{money(g.total, cur)} {cur}", plain(extra))
    console.print(t)
    console.print(f"{report.span.days} days: daily average {money(report.daily_average, cur)} {cur}, "
                  f"monthly run-rate {money(report.monthly_run_rate, cur)} {cur}")
    if report.variances:
        v_table = Table(title="Projected vs actual (monthly)")
        for col, justify in (("Resource", "left"), ("Projected", "right"), ("Actual run-rate", "right"),
                             ("Variance", "right"), ("", "left")):
            v_table.add_column(col, justify=justify, overflow="fold")
        for v in report.variances:
            projected = f"{money(v.projected_monthly, cur)}" if v.projected_monthly is not None else "unpriced"
            actual = money(v.actual_monthly, cur) if v.actual_monthly is not None else "no data"
            diff = "" if v.difference is None else (("+" if v.difference >= 0 else "-") + money(abs(v.difference), cur))
            pct = "" if v.percent is None else f"{v.percent:+.1f}%"
            v_table.add_row(plain(v.resource), projected, actual, f"{diff} {pct}".strip(), plain(v.reason))
        console.print(v_table)
    problems(report, console)


def problems(report: ActualReport, console: Console) -> None:
    o = report.outcome
    if report.partial:
        console.print(f"PARTIAL: the total covers {o.answered} of "
                      f"{o.answered + len(o.failures) + len(o.unanswered)} resources")
    for error, resources in failures_by_reason(o.failures):
        console.print(plain(f"failed: {named(resources)}: {error}"))
    if o.unanswered:
        console.print(plain(f"no data: {named(o.unanswered)}: no plugin has actual costs for "
                            f"{'it' if len(o.unanswered) == 1 else 'them'} (not counted as $0)"))


def named(resources: list[str]) -> str:
    """Resource names on one line, counted when there are several."""
    return resources[0] if len(resources) == 1 else f"{len(resources)} resources ({', '.join(resources)})"
