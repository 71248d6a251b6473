"""`python -m pulumicost_policy.actual`: what did the stack really cost? Asks the plugin host.

Exit codes: 0 ok; 1 the results cannot be aggregated (mixed currencies, no cost records);
2 usage error (flags, dates, files, unknown plugin); 3 no plugin can answer; 4 partial results
(some resources failed or had no data; they are listed and the totals say so).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Optional, Sequence

from ..plugins.host import PluginHost
from ..suggest import did_you_mean
from ..sources import open_sources
from ..pricing.estimate import PRICED
from ..inputs.plan import PlanError
from .aggregate import GROUP_BYS, AggregationError, group, monthly_cost
from .dates import DateRange, DateRangeError, date_range
from .query import FilterError, Filters, Outcome, Target, fetch, fetch_scope, targets_from_state
from .render import named, table
from .report import NO_DATA, ActualReport, Variance, failures_by_reason, ndjson_lines, to_json

EXIT_OK, EXIT_AGGREGATION, EXIT_USAGE, EXIT_NO_PLUGIN, EXIT_PARTIAL = 0, 1, 2, 3, 4


class UsageError(Exception):
    pass


PROG = "python -m pulumicost_policy.actual"


def parse_args(argv: Optional[Sequence[str]], prog: str = PROG) -> argparse.Namespace:
    p = argparse.ArgumentParser(allow_abbrev=False, prog=prog,
                                description="Actual historical costs through the cost plugins.")
    p.add_argument("--start-date", required=True, help="YYYY-MM-DD or RFC 3339 (UTC)")
    p.add_argument("--end-date", required=True, help="YYYY-MM-DD or RFC 3339; its whole day is included")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--pulumi-state", type=Path, help="a `pulumi stack export` file")
    source.add_argument("--stack", help="export this stack with the pulumi CLI")
    p.add_argument("--filter", action="append", default=[], help="tag:KEY=VALUE, type=TOKEN or provider=NAME (repeatable)")
    p.add_argument("--group-by", choices=GROUP_BYS, default="resource")
    p.add_argument("--output", choices=("table", "json", "ndjson"), default="table")
    p.add_argument("--plugin", help="ask only this installed plugin")
    p.add_argument("--compare-projected", action="store_true",
                   help="add each resource's projected monthly cost beside its actual run-rate")
    return p.parse_args(argv)


def export_stack(stack: str) -> Path:
    pulumi = shutil.which("pulumi")
    if pulumi is None:
        raise UsageError(f"--stack {stack}: the pulumi CLI is not on PATH; run `pulumi stack export --stack {stack} "
                         f"> state.json` where it is and pass --pulumi-state state.json")
    out = Path(tempfile.mkdtemp(prefix="pulumicost-")) / "state.json"
    with out.open("wb") as fh:
        done = subprocess.run([pulumi, "stack", "export", "--stack", stack], stdout=fh, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise UsageError(f"--stack {stack}: pulumi stack export failed: {done.stderr.decode(errors='replace').strip()[:300]}")
    return out


def variances(host: PluginHost, targets: Sequence[Target], report_groups: dict[str, float],
              span: DateRange, outcome: Outcome) -> list[Variance]:
    """A row for every resource asked: one without actual costs (no data, or asking failed) is
    shown so, never left out of the comparison."""
    pricer = open_sources(host=host).pricer
    failed = dict(outcome.failures)
    out = []
    for t in targets:
        est = pricer.estimate(t.resource)
        projected = est.monthly if est.status == PRICED else None
        reasons = [] if projected is not None else [est.reason]
        if t.label in report_groups:
            actual: Optional[float] = monthly_cost(report_groups[t.label], span.first, span.last)
        else:
            actual = None
            reasons.append(f"failed: {failed[t.label]}" if t.label in failed else NO_DATA)
        out.append(Variance(t.label, t.type, projected, actual, "; ".join(r for r in reasons if r)))
    return out


def run(args: argparse.Namespace) -> int:
    try:
        span = date_range(args.start_date, args.end_date, args.group_by == "monthly")
        filters = Filters.parse(args.filter)
        state = export_stack(args.stack) if args.stack else args.pulumi_state
        if args.compare_projected and state is None:
            raise UsageError("--compare-projected needs --pulumi-state or --stack (which resources to project)")
        targets = targets_from_state(state, filters) if state else []
    except (DateRangeError, FilterError, PlanError, UsageError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    host = PluginHost.from_environment()
    if args.plugin and host.named(args.plugin) is None:
        hint = did_you_mean(args.plugin, [c.name for c in host.clients])
        print(f"error: --plugin {args.plugin}: not installed{hint}; see `pulumicost plugin list`", file=sys.stderr)
        return EXIT_USAGE
    if not host.clients:
        print("error: no cost plugin is installed; install one, e.g. `pulumicost plugin install vantage`",
              file=sys.stderr)
        return EXIT_NO_PLUGIN
    if state and not targets:
        print(f"error: {state}: no custom resources match the filters", file=sys.stderr)
        return EXIT_USAGE
    outcome: Outcome = fetch(host, targets, span, filters, args.plugin) if state else fetch_scope(host, span, filters, args.plugin)
    if not outcome.answered:
        # Plugins that could not run were said by the host as it happened: not again here.
        shown = [f for f in outcome.failures if f[0] != "(plugins)"]
        print("error: no plugin could answer" + (" (their reasons below)" if shown else ""), file=sys.stderr)
        for why, resources in failures_by_reason(shown):
            print(f"  {named(resources)}: {why}", file=sys.stderr)
        if outcome.unanswered:
            print(f"  no data: {named(outcome.unanswered)}", file=sys.stderr)
        return EXIT_NO_PLUGIN
    try:
        groups = group(outcome.records, args.group_by)
    except AggregationError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_AGGREGATION
    report = ActualReport(span, args.group_by, groups, outcome)
    if args.compare_projected:
        per_resource = {g.key: g.total for g in group(outcome.records, "resource")}
        report.variances = variances(host, targets, per_resource, span, outcome)
    if args.output == "table":
        table(report, sys.stdout)
    elif args.output == "json":
        json.dump(to_json(report), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for line in ndjson_lines(report):
            sys.stdout.write(json.dumps(line) + "\n")
    return EXIT_PARTIAL if report.partial else EXIT_OK


def main(argv: Optional[Sequence[str]] = None, prog: str = PROG) -> int:
    """`prog` is how help and errors name the command (`pulumicost cost actual` from the CLI)."""
    return run(parse_args(argv, prog))


if __name__ == "__main__":
    sys.exit(main())
