"""Reading an input file the user names (plan, state, policy config, usage file) without hanging,
exhausting memory or recursing: one bounded reader for all of them.

Only regular files are read, plus, where a shell hands us a stream (`--pulumi-state <(pulumi stack
export)` or `-` for stdin), pipes. A FIFO with no writer, `/dev/zero` or a directory is refused
with a message instead of hanging or eating memory. Everything is read up to a size limit.
"""
from __future__ import annotations

import fcntl
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any

# A bound before reading: a 100,000-resource digest is tens of MB; a file far larger is more likely
# the wrong file than a plan, and parsing it would take GBs of memory. Raise it with the variable.
MAX_FILE_ENV = "PULUMICOST_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 128
# Nesting past this is not a Pulumi document (their deepest objects are a few dozen levels); the
# parsers and the pricer recurse, so deeper input would end in a RecursionError.
MAX_JSON_DEPTH = 256
STDIN = "-"


class InputFileError(Exception):
    """The file cannot be read as asked; the message names it and what to do."""


def max_file_bytes() -> int:
    raw = os.environ.get(MAX_FILE_ENV, "")
    return int(float(raw) * 1e6) if raw.replace(".", "", 1).isdigit() else DEFAULT_MAX_FILE_MB * 1_000_000


def read_bytes(path: Path | str, what: str, pipes: bool = False) -> bytes:
    """The content of a regular file (or, with `pipes`, of a pipe or `-` for stdin), at most the
    size limit. O_NONBLOCK on open: opening a FIFO must not wait for a writer."""
    limit = max_file_bytes()
    if str(path) == STDIN:
        if not pipes:
            raise InputFileError(f"-: stdin is not accepted for {what}; give a file")
        return _read_limited(sys.stdin.buffer.fileno(), path, what, limit)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise InputFileError(f"{path}: cannot read {what} ({err.strerror or err})") from None
    try:
        mode = os.fstat(fd)
        if stat.S_ISREG(mode.st_mode):
            if mode.st_size > limit:
                raise _too_big(path, what, mode.st_size, limit)
        elif not (pipes and (stat.S_ISFIFO(mode.st_mode) or stat.S_ISSOCK(mode.st_mode))):
            raise InputFileError(f"{path}: not a regular file ({_kind(mode.st_mode)}); give {what} as a regular file"
                                 + (", a pipe or - for stdin" if pipes else ""))
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return _read_limited(fd, path, what, limit)
    finally:
        os.close(fd)


def _read_limited(fd: int, path: Path | str, what: str, limit: int) -> bytes:
    chunks, size = [], 0
    try:
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise _too_big(path, what, size, limit)
    except OSError as err:
        raise InputFileError(f"{path}: cannot read {what} ({err.strerror or err})") from None


def _too_big(path: Path | str, what: str, size: int, limit: int) -> InputFileError:
    return InputFileError(f"{path}: {size / 1e6:,.0f} MB is more than the {limit / 1e6:,.0f} MB we read as {what}; "
                          f"check the file, or set {MAX_FILE_ENV} to raise the limit")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def parse_json(data: bytes, path: Path | str, what: str) -> Any:
    """JSON with errors naming the file; nesting deeper than MAX_JSON_DEPTH is refused."""
    try:
        doc = json.loads(data)
    except json.JSONDecodeError as err:
        raise InputFileError(f"{path}: not valid JSON (line {err.lineno}, column {err.colno}: {err.msg}); "
                             f"expected {what}") from None
    except UnicodeDecodeError as err:
        raise InputFileError(f"{path}: cannot read {what} ({err})") from None
    except RecursionError:
        doc = None
        depth = MAX_JSON_DEPTH + 1
    else:
        depth = json_depth(doc)
    if depth > MAX_JSON_DEPTH:
        raise InputFileError(f"{path}: JSON nested more than {MAX_JSON_DEPTH} levels deep; expected {what}")
    return doc


def json_depth(doc: Any) -> int:
    """The nesting depth of a parsed JSON value, without recursion; stops counting past the limit."""
    deepest, stack = 0, [(doc, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                return depth
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest
