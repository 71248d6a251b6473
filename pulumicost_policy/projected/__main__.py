"""Offline run: price a saved Pulumi plan or state without the Pulumi CLI.

    python -m pulumicost_policy.projected --pulumi-json plan.json [--usage usage.yaml] [--output table|json|ndjson]
    python -m pulumicost_policy.projected --pulumi-state stack.json

Exit codes: 0 done, 2 bad input (file, usage file or price book), with a one-line error.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional

from ..pricing.pricebook import DEFAULT_SPECS_DIR, PriceBookError
from ..pricing.pricer import Pricer
from ..pricing.usage import Usage, UsageFileError
from . import plan, render
from .report import Projection, Row, to_report

EXIT_OK, EXIT_USAGE = 0, 2


def parse_args(argv: Optional[list[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m pulumicost_policy.projected",
                                description="Projected monthly cost of a Pulumi plan or stack, offline.")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--pulumi-json", type=Path, metavar="PLAN.json", help="a `pulumi preview --json` digest")
    src.add_argument("--pulumi-state", type=Path, metavar="STATE.json", help="a `pulumi stack export` file")
    p.add_argument("--usage", type=Path, help="usage file (YAML) for usage-billed resources")
    p.add_argument("--specs", type=Path, default=DEFAULT_SPECS_DIR, help="price book directory (default: specs/)")
    p.add_argument("--output", choices=("table", "json", "ndjson"), default="table")
    return p.parse_args(argv)


def project(planned: list[plan.PlannedResource], pricer: Pricer) -> Projection:
    rows, savings = [], []
    for item in planned:
        est = pricer.estimate(item.resource)
        (savings if item.op in plan.SAVING_OPS else rows).append(Row(item.op, est))
    return Projection(rows, savings)


def main(argv: Optional[list[str]] = None) -> int:
    args = parse_args(argv)
    try:
        usage = Usage.load(args.usage)
        pricer = Pricer.from_specs(args.specs, usage)
        planned = plan.load(args.pulumi_json or args.pulumi_state, "preview" if args.pulumi_json else "state")
    except (plan.PlanError, UsageFileError, PriceBookError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE
    projection = project(planned, pricer)
    if args.output == "table":
        render.table(projection, sys.stdout)
    elif args.output == "json":
        json.dump(to_report(projection), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        report = to_report(projection)
        render.ndjson(projection, sys.stdout, {k: report[k] for k in ("schema_version", "totals", "coverage")})
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
