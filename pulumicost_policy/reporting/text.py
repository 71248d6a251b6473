"""Resource names, types, keys and reasons are data: shown as typed, never as rich markup
(`logs[/var/log]` must not be parsed as a closing tag, nor `web[prod]` lose its `[prod]`), with
control characters escaped so a name cannot move the cursor or recolour the user's terminal."""
from __future__ import annotations

import re
import shutil

from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
DEFAULT_WIDTH = 160  # when neither COLUMNS nor a terminal says (a CI log)


def plain(value: object, newlines: bool = False) -> Text:
    """`value` as literal text; newlines kept only where a multi-line message is printed whole."""
    pattern = _CONTROL if newlines else _CONTROL_OR_NEWLINE
    return Text(pattern.sub(_escaped, str(value)))


def printable(value: object) -> str:
    """`value` with control characters (but newlines) escaped, for plain-text output."""
    return _CONTROL.sub(_escaped, str(value))


def width() -> int:
    """The table width: COLUMNS, else the terminal's, else DEFAULT_WIDTH."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def _escaped(match: "re.Match[str]") -> str:
    return f"\\x{ord(match.group()):02x}"
