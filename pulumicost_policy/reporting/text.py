"""Resource names, types, keys and reasons are data: shown as typed, never as rich markup
(`logs[/var/log]` must not be parsed as a closing tag, nor `web[prod]` lose its `[prod]`), with
control characters escaped (`quoting.printable`, shared with the plugin host) so a name cannot
move the cursor or recolour the user's terminal."""
from __future__ import annotations

import shutil

from rich.text import Text

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
