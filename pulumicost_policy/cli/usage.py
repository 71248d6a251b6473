"""`pulumicost usage init|example`: usage files.

    pulumicost usage init --pulumi-json plan.json [--out usage.yml] [--sync]
    pulumicost usage init --pulumi-state stack.json --out usage.yml --sync
    pulumicost usage example [--out FILE]

`init` writes a usage file for the plan's resources (to standard output without --out; an existing
--out is only ever extended, with --sync). `example` prints every usage key of every priced type.
Exit codes: 0 done, 2 bad input (one `error:` line naming the file).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Optional

from ..descriptor.usage_example import render as example_text
from ..inputs import plan
from ..pricing.usage import Usage, UsageFileError
from ..pricing.usage_check import check_usage_file
from ..pricing.usage_init import describe, new_file, synced
from ..reporting.write import ReportWriteError, write_text

EXIT_OK, EXIT_USAGE = 0, 2


def parse_args(argv: list[str], prog: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog=prog, allow_abbrev=False, description="Usage files for usage-billed resources.")
    sub = p.add_subparsers(dest="command", required=True, metavar="init|example")
    init = sub.add_parser("init", allow_abbrev=False, help="a usage file with every usage key of a plan's resources",
                          description="Write a usage file listing every usage key of the plan's resources "
                                      "(commented, with unit, meaning and default).")
    src = init.add_mutually_exclusive_group(required=True)
    src.add_argument("--pulumi-json", type=Path, metavar="PLAN.json", help="a `pulumi preview --json` digest")
    src.add_argument("--pulumi-state", type=Path, metavar="STATE.json", help="a `pulumi stack export` file")
    init.add_argument("--out", type=Path, metavar="USAGE.yml", help="write here (default: standard output)")
    init.add_argument("--sync", action="store_true",
                      help="--out exists: add entries for resources it does not name yet, keep everything else")
    example = sub.add_parser("example", allow_abbrev=False, help="every usage key of every priced type",
                             description="Print (or write) the example usage file: every key of every priced type.")
    example.add_argument("--out", type=Path, metavar="FILE", help="write here (default: standard output)")
    return p.parse_args(argv)


def main(argv: Optional[list[str]] = None, prog: str = "pulumicost usage") -> int:
    args = parse_args(list(sys.argv[1:] if argv is None else argv), prog)
    try:
        if args.command == "example":
            return _write(args.out, example_text())
        source = args.pulumi_json or args.pulumi_state
        planned = plan.load(source, "preview" if args.pulumi_json else "state")
        resources = [p.resource for p in planned if p.op not in plan.SAVING_OPS]
        if args.sync:
            if args.out is None or not args.out.exists():
                raise UsageFileError("--sync extends an existing usage file: give it with --out FILE "
                                     "(without --sync, init writes a new one)")
            text, added = synced(args.out, resources)
        else:
            if args.out is not None and args.out.exists():
                raise UsageFileError(f"{args.out} exists; add --sync to add the plan's new resources to it "
                                     "(its values are kept)")
            text, added = new_file(resources, source.name), -1
        check_usage_file_text(text, args.out, resources)
        code = _write(args.out, text)
        if args.out is not None:
            what = f"added {added} resource{'s' if added != 1 else ''}" if added >= 0 else describe(resources)
            print(f"{args.out}: {what}", file=sys.stderr)
        return code
    except (plan.PlanError, UsageFileError, ReportWriteError) as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USAGE


def check_usage_file_text(text: str, out: Optional[Path], resources: list) -> None:
    """What is about to be written reads back as a usage file the checker accepts (a name or a
    quoting mistake here must not hand the user a file the offline run then refuses)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (out.name if out else "usage.yml")
        path.write_text(text, encoding="utf-8")
        Usage.load(path)
        check_usage_file(path, resources)


def _write(out: Optional[Path], text: str) -> int:
    if out is None:
        sys.stdout.write(text)
    else:
        write_text(out, text)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
