"""Offline run: price a saved Pulumi plan or state without the Pulumi CLI.

    python -m pulumicost_policy.projected --pulumi-json plan.json [--usage usage.yaml] [--output table|json|ndjson]
    python -m pulumicost_policy.projected --pulumi-state stack.json
    python -m pulumicost_policy.projected --pulumi-json plan.json --policy-pack-config budgets.json

Exit codes: 0 done, 1 a mandatory policy violation (see --mandatory-exit-code), 2 bad input
(plan, usage file, price book or policy config), with a one-line error.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Optional

from ..gctune import tune_for_batch
from ..paths import PACK_DIR, pack_version
from ..policies import ConfigError, StackContext
from ..policies.budgets import NAME as BUDGETS
from ..policies.cost_allocation_tags import NAME as TAGS, untagged_of
from ..policies.cost_recommendations import NAME as RECOMMENDATIONS, recommendations_of
from ..policies.cost_increase import POLICY as COST_INCREASE_POLICY, baseline_from_state
from ..pricing.pricebook import DEFAULT_SPECS_DIR, PriceBookError
from ..pricing.freshness import stale_warning
from ..plugins.cache import NO_CACHE_ENV
from ..pricing.pricer import Pricer
from ..pricing.rollup import StackCost
from ..pricing.usage_check import check_usage_file
from ..pricing.usage import Usage, UsageFileError
from ..pricing.estimate import CostEstimate
from ..reporting.document import Projection, ReportError, Row, compared_to, estimates_from_report, is_report, to_report
from ..reporting.html import to_html
from ..reporting.infracost import to_infracost
from ..reporting.markdown import to_markdown
from ..reporting.savings import savings_html, savings_lines, savings_markdown
from ..reporting.write import ReportWriteError, write_report, write_text
from ..sources import open_sources
from ..inputs import plan
from . import gate, preflight, render

EXIT_OK, EXIT_MANDATORY, EXIT_USAGE = 0, 1, 2
OUTPUTS = ("table", "json", "ndjson", "infracost-json", "markdown", "html")


PROG = "python -m pulumicost_policy.projected"


def parse_args(argv: Optional[list[str]], prog: str = PROG) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog=prog, allow_abbrev=False,
                                description="Projected monthly cost of a Pulumi plan or stack, offline.")
    p.add_argument("--pulumi-json", type=Path, metavar="PLAN.json", help="a `pulumi preview --json` digest")
    p.add_argument("--pulumi-state", type=Path, metavar="STATE.json",
                   help="a `pulumi stack export` file; beside --pulumi-json, the current stack, whose resources "
                        "the plan does not list (unchanged ones, without --show-sames) are priced as they are")
    p.add_argument("--compare-to", type=Path, metavar="OLD.json",
                   help="show the change against OLD: a `pulumi stack export` file or an earlier JSON report "
                        "(--output json); a digest carries its own old state, which OLD then replaces")
    p.add_argument("--force-compare", action="store_true",
                   help="compare with --compare-to OLD even when it is another stack or project "
                        "(resources matched by type and name)")
    p.add_argument("--usage", type=Path, help="usage file (YAML) for usage-billed resources "
                                              "(default: $PULUMICOST_USAGE_FILE)")
    p.add_argument("--no-cache", action="store_true",
                   help="ask cost plugins again instead of using answers cached in the last 24 h")
    p.add_argument("--specs", type=Path, default=DEFAULT_SPECS_DIR, help="price book directory (default: specs/)")
    p.add_argument("--output", choices=OUTPUTS, default="table",
                   help="table (default; the terminal's width), json (our report), ndjson (a line per "
                        "resource), infracost-json (Infracost's JSON, version 0.2), markdown (a PR comment), "
                        "html (one self-contained page)")
    p.add_argument("--out-file", type=Path, metavar="FILE",
                   help="write the --output format to FILE (atomic) instead of standard output")
    p.add_argument("--show-free", action="store_true",
                   help="list resources with no direct cost in the table (default: one count line)")
    p.add_argument("--no-components", action="store_true",
                   help="the compact table: one line per resource, without its cost components")
    p.add_argument("--policy-pack-config", type=Path, metavar="FILE",
                   help="policy config JSON, as `pulumi preview --policy-pack-config` takes it")
    p.add_argument("--mandatory-exit-code", type=exit_code, default=EXIT_MANDATORY, metavar="N",
                   help="exit code when a mandatory policy is violated, 1-255 (default 1)")
    p.add_argument("--report", type=Path, metavar="FILE", help="also write the JSON report here (atomic)")
    p.add_argument("--stack", default="", help="stack name for the report and messages")
    return p.parse_args(argv)


def exit_code(text: str) -> int:
    """A process exit status that reads as failure: 1-255. The shell keeps only the low 8 bits, so
    256 or 512 would exit 0 on a mandatory violation, and 0 would pass it outright."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 255:
        raise argparse.ArgumentTypeError(f"{text!r} is not an exit code from 1 to 255")
    return value


def _pack_label() -> str:
    return f"pulumicost@v{pack_version()} (local: {PACK_DIR})"


def baseline_file(config: gate.Config, pricer: Pricer) -> Optional[StackCost]:
    """The `cost-increase` baseline file, read up front: an unusable one is bad input (exit 2), as
    a bad plan is. It then replaces the file in the policy's config, so it is read once."""
    level, props = config[COST_INCREASE_POLICY.name]
    path = props.get("baselineStateFile")
    if level == "disabled" or not path:
        return None
    try:
        baseline = baseline_from_state(pricer, path)
    except plan.PlanError as err:
        raise ConfigError(f"cost-increase baselineStateFile: {err}") from None
    config[COST_INCREASE_POLICY.name] = (level, {k: v for k, v in props.items() if k != "baselineStateFile"})
    return baseline


def load_input(args: argparse.Namespace) -> plan.PlanFile:
    """The plan, the state, or a plan completed by the state (its unchanged resources)."""
    if args.pulumi_json is None and args.pulumi_state is None:
        raise plan.PlanError("give --pulumi-json PLAN.json (a `pulumi preview --json` digest) and/or "
                             "--pulumi-state STATE.json (a `pulumi stack export` file)")
    if args.pulumi_json is None:
        return plan.load_plan(args.pulumi_state, "state")
    planned = plan.load_plan(args.pulumi_json, "preview")
    if args.pulumi_state is not None:
        planned = plan.with_unchanged(planned, plan.load_plan(args.pulumi_state, "state"))
    return planned


def project(planned: list[plan.PlannedResource], pricer: Pricer, digest: bool, omitted: int = 0) -> Projection:
    """Each resource priced as it will be; from a digest also as it is now (old states), so the
    change per resource and the past total are known."""
    rows, savings = [], []
    estimates = pricer.estimate_many([item.resource for item in planned])
    olds = iter(pricer.estimate_many([item.old for item in planned if item.old is not None]))
    for item, est in zip(planned, estimates):
        if item.op in plan.SAVING_OPS:
            savings.append(Row(item.op, est))
            continue
        before = est if item.op == "same" else next(olds) if item.old is not None else None
        rows.append(Row(item.op, est, before if digest else None))
    return Projection(rows, savings, compared=digest, omitted=omitted)


def old_estimates(path: Path, pricer: Pricer) -> dict[str, CostEstimate]:
    """The stack as it was, by URN: an earlier report as it was priced then, or a state priced now."""
    what = "a `pulumi stack export` file or an earlier JSON report"
    doc = plan.read_json(path, what)
    if is_report(doc):
        try:
            return estimates_from_report(doc)
        except ReportError as err:
            raise plan.PlanError(f"{path}: {err}") from None
    olds = list(plan.parse_state(doc, path))
    return {e.urn: e for e in pricer.estimate_many([item.resource for item in olds])}


def main(argv: Optional[list[str]] = None, prog: str = PROG) -> int:
    args = parse_args(argv, prog)
    try:
        config = gate.load_config(args.policy_pack_config)
        usage_file = preflight.usage_file(args.usage)
        usage = Usage.load(usage_file.path)
        if args.no_cache:
            os.environ[NO_CACHE_ENV] = "1"  # read by the plugin host when it opens the answer cache
        pricer = open_sources(usage, args.specs).pricer
        loaded = load_input(args)
        planned = loaded.resources
        check_usage_file(usage_file.path, [item.resource for item in planned])
        baseline = baseline_file(config, pricer)
        old = old_estimates(args.compare_to, pricer) if args.compare_to else None
        if old is not None:
            preflight.check_comparison(args.compare_to, planned, old, args.force_compare, bool(args.pulumi_json))
    except (plan.PlanError, UsageFileError, PriceBookError, ConfigError, preflight.CompareRefused) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    preflight.say_usage(usage_file, planned)
    tune_for_batch()
    projection = project(planned, pricer, digest=bool(args.pulumi_json), omitted=loaded.omitted)
    if old is not None:
        projection = compared_to(projection, old, across_stacks=args.force_compare)
    if baseline is None and projection.compared:
        baseline = projection.past
    ctx = StackContext(projection.stack, pricer, baseline, stack_name=args.stack)
    found = gate.run_policies(projection, config, ctx)
    violations = gate.violations(projection, config, found)
    extra = {"policies": gate.as_json(violations),
             "budgets": [dict(f.data) for f in found.get(BUDGETS, []) if f.data]}
    untagged = untagged_of(found.get(TAGS, []))
    if untagged is not None:
        extra["untagged"] = untagged
    recs = recommendations_of(found.get(RECOMMENDATIONS, []))
    if recs is not None:
        extra["recommendations"] = recs
    # Markdown and HTML show the recommendations in their own section, not again as policy verdicts.
    verdicts = [p for p in extra["policies"] if p["policy"] != RECOMMENDATIONS]
    report = to_report(projection, args.stack, extra=extra)
    out = io.StringIO() if args.out_file else sys.stdout
    if args.output == "table":
        render.table(projection, out, args.show_free, components=not args.no_components)
        if untagged is not None:
            out.write(f"Cost allocation: {untagged['text']}\n")
        out.writelines(line + "\n" for line in savings_lines(recs or [], shutil.get_terminal_size().columns))
        # Advisory recommendations are the lines above; listed again as verdicts they would be noise.
        shown = [v for v in violations if not (v.policy == RECOMMENDATIONS and v.level == "advisory")]
        gate.print_policies(shown, _pack_label(), f"pulumi:pulumi:Stack: {args.stack or 'stack'}", out,
                            ran=len(found))
    elif args.output == "json":
        out.write(json.dumps(report, indent=2, allow_nan=False) + "\n")
    elif args.output == "ndjson":
        render.ndjson(projection, out, {k: report[k] for k in ("schema_version", "totals", "coverage", "policies")})
    elif args.output == "infracost-json":
        source = args.pulumi_json or args.pulumi_state
        doc = to_infracost(projection, args.stack or source.stem, str(source),
                           "pulumi_preview_json" if args.pulumi_json else "pulumi_state")
        out.write(json.dumps(doc, indent=2, allow_nan=False) + "\n")
    elif args.output == "markdown":
        out.write(to_markdown(projection, verdicts, args.stack, sections=savings_markdown(recs or [])))
    else:
        out.write(to_html(projection, verdicts, args.stack, savings_html(recs or [])))
    if args.out_file:
        try:
            write_text(args.out_file, out.getvalue())
        except ReportWriteError as err:
            print(f"error: {args.out_file} not written: {err}", file=sys.stderr)
            return EXIT_USAGE
    if args.report:
        try:
            write_report(args.report, report)
        except ReportWriteError as err:  # as for --out-file: a CI step must not pass without its report
            print(f"error: report not written: {err}", file=sys.stderr)
            return EXIT_USAGE
    stale = stale_warning(projection.stack.estimates.values())
    if stale and (args.output != "table" or args.out_file):  # the table's summary already says it
        print(f"warning: {stale}", file=sys.stderr)
    mandatory = any(v.level == "mandatory" for v in violations)
    return args.mandatory_exit_code if mandatory else EXIT_OK


def run_cli(argv: Optional[list[str]] = None, prog: str = PROG) -> int:
    """`main`, with a closed standard output (`... --output json | head`) ending quietly: the
    reader has what it wanted; Python would otherwise print a BrokenPipeError traceback at exit.
    `prog` is how help and errors name the command (`pulumicost cost projected` from the CLI)."""
    try:
        code = main(argv, prog)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(run_cli())
