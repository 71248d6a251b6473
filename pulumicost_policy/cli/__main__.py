"""`pulumicost VERB ...`: dispatch to the tools that `python -m pulumicost_policy.<tool>` runs.

    pulumicost cost projected --pulumi-json plan.json [--usage usage.yaml] ...
    pulumicost cost actual --start-date 2024-01-01 --end-date 2024-01-31 [--filter tag:env=prod] ...
    pulumicost plugin install|list|validate|conformance|package ...
    pulumicost prices update|status ...
    pulumicost usage init|example ...

Each verb hands the rest of the command line to that tool unchanged, so flags, help and exit codes
are the tool's own (0 done, 1 a gate or check failed, 2 bad input). A group's name alone or with
--help (`pulumicost cost --help`) lists its verbs; an unknown verb exits 2 with the closest
matches. The tools are imported only when chosen: `pulumicost --help` starts no gRPC or price book.
"""
from __future__ import annotations

import sys
from typing import Callable, Optional, Sequence

from ..paths import pack_version
from ..suggest import did_you_mean

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


def _usage(argv: list[str], prog: str) -> int:
    from .usage import main
    return main(argv, prog)


# (verb words, tool, one-line help): the first matching words win; `cost` alone is a group.
VERBS: tuple[tuple[tuple[str, ...], Tool, str], ...] = (
    (("cost", "projected"), _projected, "monthly cost of a `pulumi preview --json` plan or a stack export, offline"),
    (("cost", "actual"), _actual, "what the stack's resources cost over a date range, from cost plugins"),
    (("plugin",), _plugin, "install | list | validate | conformance | package: cost-source plugins"),
    (("prices",), _prices, "update | status: the price data the projection uses"),
    (("usage",), _usage, "init | example: a usage file for a plan's resources, or for every type"),
)
HELP = ("-h", "--help")


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


def group_help(group: str) -> str:
    """The verbs of a group (`pulumicost cost`)."""
    verbs = [(words, text) for words, _, text in VERBS if len(words) > 1 and words[0] == group]
    width = max(len(" ".join(w)) for w, _ in verbs)
    return "\n".join([f"usage: pulumicost {group} VERB [ARGS...]   (pulumicost {group} VERB --help for its flags)",
                      "", "verbs:", *(f"  pulumicost {' '.join(w):<{width}}  {t}" for w, t in verbs)])


def unknown(args: Sequence[str]) -> str:
    """The error for words that name no verb, with the closest verbs."""
    groups = {words[0] for words, _, _ in VERBS if len(words) > 1}
    if args[0] in groups:
        seconds = [words[1] for words, _, _ in VERBS if words[0] == args[0] and len(words) > 1]
        wanted, hint = f"{args[0]} {args[1]}", did_you_mean(f"{args[0]} {args[1]}", [f"{args[0]} {w}" for w in seconds])
    else:
        wanted, hint = args[0], did_you_mean(args[0], sorted({words[0] for words, _, _ in VERBS}))
    known = ", ".join(" ".join(words) for words, _, _ in VERBS)
    return f"pulumicost: error: unknown command '{wanted}'{hint}; expected one of: {known} (pulumicost --help)"


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(usage(), file=sys.stderr)
        return EXIT_USAGE
    if args[0] in HELP:
        print(usage())
        return 0
    if args[0] == "--version":
        print(f"pulumicost {pack_version()}")
        return 0
    chosen = find(args)
    if chosen is None:
        groups = {words[0] for words, _, _ in VERBS if len(words) > 1}
        if args[0] in groups and (len(args) == 1 or args[1] in HELP):
            print(group_help(args[0]), file=sys.stdout if len(args) > 1 else sys.stderr)
            return 0 if len(args) > 1 else EXIT_USAGE
        print(unknown(args), file=sys.stderr)
        return EXIT_USAGE
    tool, rest, prog = chosen
    return tool(rest, prog)


if __name__ == "__main__":
    sys.exit(main())
