"""Issue #23 item 12: a release archive is checked against a size, member-count and ratio bound
while it is streamed, before anything is written; the refusal names the archive and the limit."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from pulumicost_policy.plugins.archive import (MAX_MB_ENV, MAX_MEMBERS_ENV, MAX_RATIO_ENV, ArchiveError,
                                               ArchiveLimits, unpack)

ROOT = Path(__file__).resolve().parents[2]
BINARY = "finfocus-plugin-aws-public-us-east-1"
SCRIPT = b"#!/bin/sh\nexit 0\n"


def install_cli(archive: Path, root: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "install", str(archive)], cwd=ROOT,
                          env={**os.environ, "PULUMICOST_HOME": str(root), "TMPDIR": str(root.parent / "tmp"), **env},
                          capture_output=True, text=True, timeout=120)


def zeros_zip(path: Path, megabytes: int) -> Path:
    """A zip bomb in small: the binary padded with `megabytes` MB of zeros (compresses ~1000:1)."""
    info = zipfile.ZipInfo(BINARY)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100755 << 16
    with zipfile.ZipFile(path, "w") as zf:
        with zf.open(info, "w", force_zip64=True) as out:
            out.write(SCRIPT)
            for _ in range(megabytes):
                out.write(bytes(1 << 20))
    return path


def many_members_tar(path: Path, count: int) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for i in range(count):
            info = tarfile.TarInfo(f"f{i}")
            info.size = 1
            tf.addfile(info, io.BytesIO(b"x"))
    return path


@pytest.fixture
def tmp(tmp_path):
    (tmp_path / "tmp").mkdir()
    return tmp_path


def test_ratio_bomb_is_refused_by_default_before_anything_is_written(tmp):
    bomb = zeros_zip(tmp / "finfocus-plugin-aws-public_0.1.8_linux_amd64.zip", 40)
    assert bomb.stat().st_size < 100_000  # 40 MB of zeros in well under 100 KB
    into = tmp / "into"
    into.mkdir()
    with pytest.raises(ArchiveError, match=r"\.zip: expands to more than 100 times its [\d,]+ bytes; refused "
                                           rf"before unpacking .*{MAX_RATIO_ENV}"):
        unpack(bomb, into)
    assert list(into.iterdir()) == []  # the checking pass writes nothing

    out = install_cli(bomb, tmp / "root")
    assert out.returncode == 2 and f"error: {bomb}: expands to more than 100 times" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp / "root" / "plugins" / "aws-public").exists()
    assert list((tmp / "tmp").iterdir()) == []


def test_expanded_bytes_cap_counts_what_is_decompressed_and_is_configurable(tmp):
    archive = zeros_zip(tmp / "finfocus-plugin-aws-public_0.1.8_linux_amd64.zip", 3)
    ratio_off = {MAX_RATIO_ENV: "1e9"}
    out = install_cli(archive, tmp / "root", **ratio_off, **{MAX_MB_ENV: "2"})
    assert out.returncode == 2, out.stderr
    assert f"error: {archive}: expands to more than 2 MB; refused before unpacking (set {MAX_MB_ENV}" in out.stderr
    assert not (tmp / "root" / "plugins" / "aws-public").exists()
    # the same archive, the limit raised: installed
    out = install_cli(archive, tmp / "root", **ratio_off, **{MAX_MB_ENV: "4"})
    assert out.returncode == 0, out.stderr
    installed = tmp / "root" / "plugins" / "aws-public" / "0.1.8" / BINARY
    assert installed.stat().st_size == len(SCRIPT) + 3 * (1 << 20)


def test_member_count_is_capped_and_refused_quickly(tmp):
    archive = many_members_tar(tmp / "finfocus-plugin-aws-public_0.1.8_linux_amd64.tar.gz", 20_000)
    started = time.monotonic()
    out = install_cli(archive, tmp / "root")
    assert out.returncode == 2, out.stderr
    assert f"error: {archive}: more than 10,000 members; refused before unpacking" in out.stderr
    assert MAX_MEMBERS_ENV in out.stderr
    assert time.monotonic() - started < 20
    assert list((tmp / "tmp").iterdir()) == []

    into = tmp / "into"
    into.mkdir()
    with pytest.raises(ArchiveError, match="more than 50 members"):
        unpack(archive, into, ArchiveLimits(max_members=50))
    assert list(into.iterdir()) == []
    zipped = tmp / "many.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        for i in range(60):
            zf.writestr(f"f{i}", b"x")
    with pytest.raises(ArchiveError, match="many.zip: more than 50 members"):
        unpack(zipped, into, ArchiveLimits(max_members=50))
    assert list(into.iterdir()) == []
    # a zip's count is read from its end record (zip64 past 65,535) before its directory is loaded
    with zipfile.ZipFile(zipped, "w") as zf:
        for i in range(70_000):
            zf.writestr(f"f{i}", b"")
    started = time.monotonic()
    with pytest.raises(ArchiveError, match="many.zip: more than 10,000 members"):
        unpack(zipped, into)
    assert time.monotonic() - started < 0.5 and list(into.iterdir()) == []


def test_an_archive_larger_than_the_cap_is_refused_unread(tmp):
    archive = tmp / "finfocus-plugin-aws-public_0.1.8_linux_amd64.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(BINARY, os.urandom(3_000_000))
    out = install_cli(archive, tmp / "root", **{MAX_MB_ENV: "2"})
    assert out.returncode == 2 and f"error: {archive}: 3 MB is more than the 2 MB an archive may expand to" in out.stderr


def test_limits_are_positive_numbers_or_refused(tmp):
    archive = zeros_zip(tmp / "finfocus-plugin-aws-public_0.1.8_linux_amd64.zip", 0)
    for value in ("-1", "0", "nan", "lots"):
        out = install_cli(archive, tmp / "root", **{MAX_MB_ENV: value})
        assert out.returncode == 2 and f"error: {MAX_MB_ENV}={value!r}: expected a positive number" in out.stderr
    out = install_cli(archive, tmp / "root")
    assert out.returncode == 0, out.stderr


def test_a_damaged_archive_is_unreadable_not_a_traceback(tmp):
    good = zeros_zip(tmp / "good.zip", 1).read_bytes()
    damaged = tmp / "finfocus-plugin-aws-public_0.1.8_linux_amd64.zip"
    damaged.write_bytes(good[:100] + bytes(b ^ 0xFF for b in good[100:300]) + good[300:])  # data garbled, directory intact
    out = install_cli(damaged, tmp / "root")
    assert out.returncode == 2 and "not a readable archive" in out.stderr and "Traceback" not in out.stderr
