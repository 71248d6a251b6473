"""Writing the JSON report atomically: a reader never sees half a report, a failure loses nothing."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


class ReportWriteError(Exception):
    """The report could not be written; the message names the file and the reason."""


def write_report(path: str | os.PathLike, report: dict[str, Any]) -> None:
    target = Path(path)
    tmp_name = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=2)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
    except OSError as err:
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
        raise ReportWriteError(f"{target}: {err.strerror or err}") from None
