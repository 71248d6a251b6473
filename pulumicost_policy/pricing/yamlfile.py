"""Reading a YAML data file with errors that name the file and line, for price specs and usage."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader keeps pack start fast


def load_yaml(path: Path, what: str, error: type[Exception]) -> Any:
    """Parse `path`; raise `error` with "<path>[ line N]: <problem>" instead of a traceback."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise error(f"{path}: cannot read the {what} ({err})") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise error(f"{path}{line}: not valid YAML ({getattr(err, 'problem', err)})") from None
