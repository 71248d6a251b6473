"""`pulumicost VERB ...`: dispatch to the tools that `python -m pulumicost_policy.<tool>` runs.

    pulumicost cost projected --pulumi-json plan.json [--usage usage.yaml] ...
    pulumicost cost actual --start-date 2024-01-01 --end-date 2024-01-31 [--filter tag:env=prod] ...
    pulumicost plugin install|list|validate|conformance|package ...
    pulumicost prices update|status ...

Each verb hands the rest of the command line to that tool unchanged, so flags, help and exit codes
are the tool's own (0 done, 1 a gate or check failed, 2 bad input). An unknown verb exits 2.
The tools are imported only when chosen: `pulumicost --help` starts no gRPC or price book.
"""
from __future__ import annotations

import sys
from typing import Callable, Optional, Sequence

from ..paths import pack_version

Tool = Callable[[list[str], str], int]  # (arguments, the command's name for help and errors)
EXIT_USAGE = 2


def _projected(argv: list[str], prog: str) -> int:
    from ..projected.__main__ import run_cli as main
    return main(argv, prog)


def _actual(argv: list[str], prog: str) -> int:
    from ..actual.__main__ import main
    return main(argv, prog)


def _plugin(argv: list[str], prog: str) -> int:
    from ..plugins.__main__ import main
    return main(argv, prog)


def _prices(argv: list[str], prog: str) -> int:
    from ..prices.__main__ import main
    return main(argv, prog)


# (verb words, tool, one-line help): the first matching words win; `cost` alone is not a verb.
VERBS: tuple[tuple[tuple[str, ...], Tool, str], ...] = (
    (("cost", "projected"), _projected, "monthly cost of a `pulumi preview --json` plan or a stack export, offline"),
    (("cost", "actual"), _actual, "what the stack's resources cost over a date range, from cost plugins"),
    (("plugin",), _plugin, "install | list | validate | conformance | package: cost-source plugins"),
    (("prices",), _prices, "update | status: the price data the projection uses"),
)


def usage() -> str:
    width = max(len(" ".join(words)) for words, _, _ in VERBS)
    lines = [f"  pulumicost {' '.join(words):<{width}}  {text}" for words, _, text in VERBS]
    return "\n".join([
        "usage: pulumicost VERB [ARGS...]   (pulumicost VERB --help for a verb's flags)",
        "",
        "Projected and actual cloud cost of Pulumi stacks, offline from a dated price book or via plugins.",
        "",
        "verbs:",
        *lines,
        "",
        "options:",
        "  -h, --help     show this help and exit",
        "  --version      show the version and exit",
    ])


def find(argv: Sequence[str]) -> Optional[tuple[Tool, list[str], str]]:
    """The tool the leading words name, the arguments left for it and its command name, or None."""
    for words, tool, _ in VERBS:
        if tuple(argv[:len(words)]) == words:
            return tool, list(argv[len(words):]), " ".join(("pulumicost", *words))
    return None


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(usage(), file=sys.stderr)
        return EXIT_USAGE
    if args[0] in ("-h", "--help"):
        print(usage())
        return 0
    if args[0] == "--version":
        print(f"pulumicost {pack_version()}")
        return 0
    chosen = find(args)
    if chosen is None:
        wanted = " ".join(args[:2]) if args[0] == "cost" else args[0]
        known = ", ".join(" ".join(words) for words, _, _ in VERBS)
        print(f"pulumicost: error: unknown command '{wanted}'; expected one of: {known} "
              "(pulumicost --help)", file=sys.stderr)
        return EXIT_USAGE
    tool, rest, prog = chosen
    return tool(rest, prog)


if __name__ == "__main__":
    sys.exit(main())
