"""`python -m pulumicost_policy.prices update [--aws] [--gcp] [--azure] [--regions r1,r2] [--services ...]`
and `python -m pulumicost_policy.prices status`.

update: fetch current list prices into $PULUMICOST_HOME/prices (default ~/.pulumicost/prices),
which the pack, the offline run and `actual --compare-projected` use before the bundled book.
Exit codes: 0 done, 1 a cloud was not updated (its old prices kept; the reason is printed), 2 bad arguments.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from typing import Optional

from ..pricing.pricebook import DEFAULT_SPECS_DIR, PriceBookError
from ..pricing.store import PriceStore, open_user_store
from ..paths import user_prices_dir
from .http import progress_bar
from .update import AWS_FEEDS, AWS_SERVICES, UpdateBusy, update

CLOUDS = ("aws", "gcp", "azure")


def _csv(text: str) -> set[str]:
    return {part.strip() for part in text.split(",") if part.strip()}


PROG = "python -m pulumicost_policy.prices"


def parse_args(argv: Optional[list[str]], prog: str = PROG) -> argparse.Namespace:
    p = argparse.ArgumentParser(allow_abbrev=False, prog=prog, description="Install and inspect price data.")
    sub = p.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="download current list prices (all clouds unless some are named)")
    for cloud in CLOUDS:
        up.add_argument(f"--{cloud}", action="store_true", help=f"update {cloud} prices")
    up.add_argument("--regions", type=_csv, help="only these regions, comma-separated (e.g. us-west-2,eu-west-1)")
    up.add_argument("--services", type=_csv, help=f"only these AWS offer files ({', '.join(AWS_SERVICES)}) or "
                    f"pricing-page feeds ({', '.join(AWS_FEEDS)}), comma-separated; all of them by default")
    st = sub.add_parser("status", help="show installed price stores and their dates")
    st.add_argument("--verbose", "-v", action="store_true", help="list every source of every store with its date")
    return p.parse_args(argv)


def status(verbose: bool = False) -> int:
    """A line per store (the user's first, as they are consulted first): how many prices, from how
    many sources, dated from when to when; `verbose` lists every source with its date. A store that
    is refused or damaged is reported with what repairs it; status itself never fails on one."""
    user_dir = user_prices_dir()
    stores = sorted(user_dir.glob("*.sqlite")) + sorted(DEFAULT_SPECS_DIR.glob("*.sqlite"))
    if not any(p.parent == user_dir for p in stores):
        print(f"No user prices installed in {user_dir}; run `pulumicost prices update`.")
    for path in stores:
        kind = "user" if path.parent == user_dir else "bundled"
        try:
            store = open_user_store(path) if kind == "user" else PriceStore(path)
            damage = store.check()
            if damage is None:
                count, dates = len(store), store.dates()
        except (PriceBookError, sqlite3.Error) as err:
            damage = str(err)
        if damage is not None:
            fix = f"run `pulumicost prices update --{path.stem}` to replace it, or delete it" if kind == "user" and \
                path.stem in CLOUDS else "delete it" if kind == "user" else "reinstall the pack"
            print(f"{path} ({kind}): unusable ({damage}); {fix}")
            continue
        dated = sorted(dates.items(), key=lambda kv: (kv[1], kv[0]))
        span = "" if not dated else f", dated {dated[0][1]}" if dated[0][1] == dated[-1][1] else \
            f", dated {dated[0][1]} to {dated[-1][1]}"
        print(f"{path} ({kind}): {count:,} prices from {len(dated)} source{'s' if len(dated) != 1 else ''}{span}")
        if verbose:
            for source, date in dated:
                print(f"  {date}  {source}")
    if not verbose:
        print("(`pulumicost prices status --verbose` lists every source and its date)")
    return 0


def main(argv: Optional[list[str]] = None, prog: str = PROG) -> int:
    """`prog` is how help and errors name the command (`pulumicost prices` from the CLI)."""
    args = parse_args(argv, prog)
    if user_prices_dir() is None:
        print("error: no home directory for the user price stores; set PULUMICOST_HOME to a directory",
              file=sys.stderr)
        return 2
    try:
        if args.command == "status":
            return status(args.verbose)
        return _update(args)
    except BrokenPipeError:  # `prices status | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _update(args: argparse.Namespace) -> int:
    unknown = (args.services or set()) - set(AWS_SERVICES) - set(AWS_FEEDS)
    if unknown:
        print(f"error: --services: unknown {', '.join(sorted(unknown))}; choose from {', '.join(AWS_SERVICES)} "
              f"(offer files) or {', '.join(AWS_FEEDS)} (pricing-page feeds)", file=sys.stderr)
        return 2
    clouds = [c for c in CLOUDS if getattr(args, c)] or list(CLOUDS)
    bar = progress_bar()
    try:
        if bar is None:
            ok = update(clouds, user_prices_dir(), args.regions, args.services,
                        report=lambda s: print(s, file=sys.stderr, flush=True))
        else:
            with bar:  # server-chosen text (URLs, reasons) is printed as it is, never read as markup
                ok = update(clouds, user_prices_dir(), args.regions, args.services, progress=bar,
                            report=lambda s: bar.console.print(s, markup=False, highlight=False))
    except UpdateBusy as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except ValueError as err:  # a limit in the environment that is not a positive number
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
