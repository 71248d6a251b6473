"""Writing a report (the JSON report, or any `--out-file` output) atomically: a reader never sees
half a report, a failure loses nothing.

Only a regular file (or a new one) is written: a report path that names a FIFO, a device or a
symlink is refused, since replacing it would destroy it (as root, `/dev/full`). An existing
report keeps its mode; a new one gets the usual 0666 minus the umask. The temporary file is
removed if the write fails or the process is stopped while writing: by SIGINT (KeyboardInterrupt), or
by SIGTERM, SIGHUP (the terminal closed) or SIGQUIT (Ctrl-\\), whose default action would end the
process without running any cleanup.
"""
from __future__ import annotations

import json
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any

_pending: set[str] = set()       # temporary files being written, removed if we are stopped
_lock = threading.Lock()


class ReportWriteError(Exception):
    """The report could not be written; the message names the file and the reason."""


def write_report(path: str | os.PathLike, report: dict[str, Any]) -> None:
    write_text(path, json.dumps(report, indent=2, allow_nan=False) + "\n")  # JSON has no NaN/Infinity


def write_text(path: str | os.PathLike, text: str) -> None:
    """Replace `path` with `text` in one step (a temporary file renamed over it)."""
    target = Path(path)
    mode = _target_mode(target)
    tmp_name = registered = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        registered = tmp_name
        with _lock:
            _pending.add(registered)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as err:
        raise ReportWriteError(f"{target}: {err.strerror or err}") from None
    finally:  # also on KeyboardInterrupt
        if tmp_name:
            Path(tmp_name).unlink(missing_ok=True)
        with _lock:
            _pending.discard(registered)


def _target_mode(target: Path) -> int:
    """The mode to write with: the existing report's, or 0666 minus the umask; refuses non-regular targets."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    except OSError as err:
        raise ReportWriteError(f"{target}: {err.strerror or err}") from None
    if not stat.S_ISREG(st.st_mode):
        kind = "a symlink" if stat.S_ISLNK(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode) else \
            "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "a directory or special file"
        raise ReportWriteError(f"{target}: not a regular file ({kind}); give a path to a regular file or a new one")
    return stat.S_IMODE(st.st_mode)


def _remove_pending_and_die(signum: int, frame: Any) -> None:
    """Remove half-written reports, then die of the same signal as before (default action)."""
    for name in list(_pending):
        try:
            os.unlink(name)
        except OSError:
            pass
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _install_cleanup() -> None:
    """Only where nobody else handles the signal (the default action is to die), and only from the
    main thread (Python's rule); the pack and the offline run import this module there."""
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        if signal.getsignal(sig) == signal.SIG_DFL:
            signal.signal(sig, _remove_pending_and_die)


_install_cleanup()
