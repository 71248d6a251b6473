"""Reading a YAML data file with errors that name the file and line, for price specs and usage."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..inputs.files import InputFileError, read_bytes

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader keeps pack start fast


def load_yaml(path: Path, what: str, error: type[Exception]) -> Any:
    """Parse `path`; raise `error` with "<path>[ line N]: <problem>" instead of a traceback."""
    try:  # regular files only, within the size limit: a FIFO would hang pack start, /dev/zero eat memory
        text = read_bytes(path, f"the {what}").decode("utf-8")
    except InputFileError as err:
        raise error(str(err)) from None
    except UnicodeDecodeError as err:
        raise error(f"{path}: cannot read the {what} ({err})") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        raise error(f"{path}{line}: not valid YAML ({getattr(err, 'problem', err)})") from None
    except RecursionError:
        raise error(f"{path}: YAML nested too deeply to be a {what}") from None
