"""User-controlled text (resource and plugin names, paths, keys, reasons) shown in a message: with
control characters escaped, so a name cannot move the cursor, recolour or retitle the user's
terminal; and, where a message names a path or suggests a command, shell-quoted, so what is shown
is one word and pasting `run: chmod +x PATH` never runs a `$(...)` hidden in a directory name.

The one home of these rules: the plugin host (layer 3) and the reports (layer 4) both use them."""
from __future__ import annotations

import re
import shlex

# Bidirectional overrides and isolates (and the directional marks) reorder what a terminal or a review
# shows ("Trojan Source"): a name could display as something it is not. Escaped like control characters.
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
_CONTROL_OR_NEWLINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_BIDI}]")


def printable(value: object, newlines: bool = True) -> str:
    """`value` with control characters escaped, for plain-text output; newlines are kept only
    where a multi-line message is printed whole."""
    return (_CONTROL if newlines else _CONTROL_OR_NEWLINE).sub(_escaped, str(value))


def shell_word(value: object) -> str:
    """`value` (a path, a name) as one shell word, printable: as is when it needs no quoting
    (`/home/me/.pulumicost/plugins`), else in single quotes (`'/tmp/a b/$(id)'`). A newline is
    escaped too: a word shown on two lines could be pasted as two commands."""
    return shlex.quote(printable(value, newlines=False))


def _escaped(match: "re.Match[str]") -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
