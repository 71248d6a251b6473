"""Resource names, types, keys and reasons are data: shown as typed, never as rich markup
(`logs[/var/log]` must not be parsed as a closing tag, nor `web[prod]` lose its `[prod]`), with
control characters escaped (`quoting.printable`, shared with the plugin host) so a name cannot
move the cursor or recolour the user's terminal."""
from __future__ import annotations

import shutil

from rich.text import Text

from ..pricing.estimate import UNPRICED
from ..pricing.rollup import StackCost
from ..quoting import printable

DEFAULT_WIDTH = 120  # when neither COLUMNS nor a terminal says (a CI log, a pipe): what CI logs show


def plain(value: object, newlines: bool = False) -> Text:
    """`value` as literal text; newlines kept only where a multi-line message is printed whole."""
    return Text(printable(value, newlines))


def one_line(value: object) -> str:
    """`value` on one line: control characters and newlines escaped (a name in a table row)."""
    return printable(value, newlines=False)


def width() -> int:
    """The table width: COLUMNS, else the terminal's, else DEFAULT_WIDTH."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def plural(n: int, noun: str) -> str:
    """`1 resource`, `2 resources`."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def partial_lines(stack: StackCost) -> list[str]:
    """What a total leaves out (every output says it): then the total is a known amount, never the
    stack's cost."""
    lines = []
    unpriced = stack.coverage.get(UNPRICED, 0)
    if unpriced:
        lines.append(f"Partial: the total leaves out {plural(unpriced, 'unpriced resource')} (below).")
    omitted = omitted_line(stack)
    return lines + ([omitted] if omitted else [])


def omitted_line(stack: StackCost) -> str:
    """The resources a plan counts but does not list ("" when none)."""
    if not stack.omitted:
        return ""
    return (f"Partial: {plural(stack.omitted, 'unchanged resource')} {'is' if stack.omitted == 1 else 'are'} not in "
            "the plan (run `pulumi preview --json --show-sames`, or pass the current state with --pulumi-state); "
            "their cost is not in the total.")


def why_no_change(past: StackCost, current: StackCost) -> str:
    """Why a change of the total is not stated."""
    if len(set(past.totals) | set(current.totals)) > 1:
        return "mixed currencies"
    return "a resource's change depends on a cost line known on one side only"
