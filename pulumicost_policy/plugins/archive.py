"""Unpacking a release archive (.tar.gz, .tgz, .zip) into a directory within fixed bounds.

A few MB of archive can expand to GBs (a zip or gzip bomb) or hold hundreds of thousands of
members, so every archive is read twice: a first pass streams through it, writing nothing,
counting members and the bytes they expand to (the bytes actually decompressed, not what headers
claim) and refusing it past a limit; only an archive within bounds is unpacked, by a second pass
that counts again. Members that would land outside the directory (`..`, an absolute path), links
and anything but regular files and directories are refused in the first pass too. Memory stays
bounded: members are copied in chunks, never read whole.
"""
from __future__ import annotations

import os
import stat
import struct
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Callable, Iterator, Mapping, Optional

from ..settings import SettingError, positive_setting

MAX_MB_ENV = "PULUMICOST_ARCHIVE_MAX_MB"
MAX_MEMBERS_ENV = "PULUMICOST_ARCHIVE_MAX_MEMBERS"
MAX_RATIO_ENV = "PULUMICOST_ARCHIVE_MAX_RATIO"
# A released plugin is one binary per region plus a metadata file: tens of MB, a handful of
# members, compressed 2-5x. The defaults leave room for ten times that and stop bombs early.
DEFAULT_MAX_MB = 512
DEFAULT_MAX_MEMBERS = 10_000
DEFAULT_MAX_RATIO = 100
# Below this many expanded bytes the ratio is not checked: a small, very compressible file
# (a metadata JSON, a shell launcher) is harmless at any ratio.
RATIO_FLOOR_BYTES = 10_000_000
_CHUNK = 1 << 20


class ArchiveError(Exception):
    """The archive is refused or unreadable; the message names it and, for a limit, how to raise it."""


@dataclass(frozen=True)
class ArchiveLimits:
    max_bytes: int = DEFAULT_MAX_MB * 1_000_000
    max_members: int = DEFAULT_MAX_MEMBERS
    max_ratio: float = DEFAULT_MAX_RATIO

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "ArchiveLimits":
        """The limits from PULUMICOST_ARCHIVE_MAX_MB / _MAX_MEMBERS / _MAX_RATIO; a value that is not
        a positive number is refused rather than silently replaced (it would widen or narrow a bound)."""
        env = os.environ if env is None else env
        return cls(max_bytes=int(_positive(env, MAX_MB_ENV, DEFAULT_MAX_MB) * 1_000_000),
                   max_members=int(_positive(env, MAX_MEMBERS_ENV, DEFAULT_MAX_MEMBERS)),
                   max_ratio=_positive(env, MAX_RATIO_ENV, DEFAULT_MAX_RATIO))


def _positive(env: Mapping[str, str], name: str, default: float) -> float:
    try:
        return positive_setting(env, name, default)
    except SettingError as err:
        raise ArchiveError(str(err)) from None


def unpack(archive: Path, into: Path, limits: Optional[ArchiveLimits] = None) -> None:
    """Check `archive` against `limits` without writing anything, then unpack it into `into`."""
    limits = limits or ArchiveLimits.from_env()
    try:
        size = archive.stat().st_size
        if size > limits.max_bytes:  # no release is larger packed than unpacked
            raise ArchiveError(f"{archive}: {size / 1e6:,.0f} MB is more than the {limits.max_bytes / 1e6:,.0f} MB "
                               f"an archive may expand to; refused before unpacking (set {MAX_MB_ENV} to raise the limit)")
        _walk(archive, size, limits, write_to=None)
        _walk(archive, size, limits, write_to=into)
    except (tarfile.TarError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError,
            NotImplementedError) as err:
        raise ArchiveError(f"{archive}: not a readable archive ({err})") from None


class _Budget:
    """Counts members and expanded bytes against the limits; raises naming the archive and the limit."""

    def __init__(self, archive: Path, archive_size: int, limits: ArchiveLimits):
        self.archive, self.archive_size, self.limits = archive, max(archive_size, 1), limits
        self.members = self.bytes = 0

    def member(self) -> None:
        self.members += 1
        self.holds(self.members)

    def holds(self, members: int) -> None:
        """Refuse an archive that has (or says it has) more members than allowed."""
        if members > self.limits.max_members:
            raise ArchiveError(f"{self.archive}: more than {self.limits.max_members:,} members; refused before "
                               f"unpacking (a release holds a few; set {MAX_MEMBERS_ENV} to raise the limit)")

    def add(self, count: int) -> None:
        self.bytes += count
        if self.bytes > self.limits.max_bytes:
            raise ArchiveError(f"{self.archive}: expands to more than {self.limits.max_bytes / 1e6:,.0f} MB; refused "
                               f"before unpacking (set {MAX_MB_ENV} to raise the limit)")
        if self.bytes > RATIO_FLOOR_BYTES and self.bytes > self.limits.max_ratio * self.archive_size:
            raise ArchiveError(f"{self.archive}: expands to more than {self.limits.max_ratio:g} times its "
                               f"{self.archive_size:,} bytes; refused before unpacking as a likely archive bomb "
                               f"(set {MAX_RATIO_ENV} to raise the limit)")


def _walk(archive: Path, size: int, limits: ArchiveLimits, write_to: Optional[Path]) -> None:
    """One pass over the members: counted, checked, and written under `write_to` unless it is None."""
    budget = _Budget(archive, size, limits)
    reader = _zip_members if archive.name.endswith(".zip") else _tar_members
    for rel, is_dir, executable, open_data in reader(archive, budget):
        out = write_to.joinpath(*rel.parts) if write_to is not None else None
        if is_dir:
            if out is not None:
                out.mkdir(parents=True, exist_ok=True)
            continue
        if out is not None:
            out.parent.mkdir(parents=True, exist_ok=True)
        with open_data() as data, (open(out, "xb") if out is not None else _Discard()) as sink:
            while chunk := data.read(_CHUNK):
                budget.add(len(chunk))
                sink.write(chunk)
        if out is not None:
            out.chmod(0o755 if executable else 0o644)


_Member = tuple[PurePosixPath, bool, bool, Callable[[], IO[bytes]]]


def _zip_members(archive: Path, budget: _Budget) -> Iterator[_Member]:
    budget.holds(_zip_entry_count(archive))  # before ZipFile reads the whole central directory into memory
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            budget.member()
            rel = _safe_member(info.filename, archive)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise ArchiveError(f"{archive}: member {info.filename!r} is a link; refused")
            yield rel, info.is_dir(), bool(mode & 0o111), lambda info=info: zf.open(info)


def _tar_members(archive: Path, budget: _Budget) -> Iterator[_Member]:
    # Stream mode ("r|gz"): members are read in order, one pass through the gzip stream, no seeking.
    with tarfile.open(archive, "r|gz") as tf:
        for member in tf:
            budget.member()
            rel = _safe_member(member.name, archive)
            if not (member.isfile() or member.isdir()):
                raise ArchiveError(f"{archive}: member {member.name!r} is not a regular file; refused")
            yield rel, member.isdir(), bool(member.mode & 0o111), lambda member=member: tf.extractfile(member)


def _zip_entry_count(archive: Path) -> int:
    """The member count the zip's end-of-central-directory record declares (its zip64 record's for a
    large one), read from the last 64 KB; 0 when there is none (ZipFile then says what is wrong)."""
    with open(archive, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        start = max(0, fh.tell() - (1 << 16) - 22)  # the record, and a comment of at most 64 KB
        fh.seek(start)
        tail = fh.read()
        end = tail.rfind(b"PK\x05\x06")
        if end < 0 or len(tail) < end + 22:
            return 0
        count = struct.unpack_from("<H", tail, end + 10)[0]
        locator = end - 20
        if count == 0xFFFF and locator >= 0 and tail[locator:locator + 4] == b"PK\x06\x07":
            fh.seek(struct.unpack_from("<Q", tail, locator + 8)[0])
            record = fh.read(56)
            if len(record) == 56 and record[:4] == b"PK\x06\x06":
                count = struct.unpack_from("<Q", record, 32)[0]
        return count


def _safe_member(name: str, archive: Path) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ArchiveError(f"{archive}: member {name!r} points outside the archive; refused")
    return path


class _Discard:
    """A sink for the checking pass: the bytes are counted, then dropped."""

    def __enter__(self) -> "_Discard":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def write(self, chunk: bytes) -> None:
        return None
