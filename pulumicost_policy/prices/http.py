"""Downloads for `prices update`: bounded HTTP(S) GETs from the configured price servers only.

A price server is not trusted to be well behaved: it names the URLs we follow next
(`currentVersionUrl`, `NextPageLink`), it can send an endless body or one byte a second. So every URL,
redirects included, must be https on the configured base's host (or on a host in
PULUMICOST_PRICES_ALLOWED_HOSTS), or exactly the base's own scheme, host and port (a base of
http://127.0.0.1:PORT allows that and nothing else); `file:` and every other scheme never. A file is
capped at PULUMICOST_PRICES_MAX_MB and streamed in chunks (documents read into memory at
DOC_MAX_BYTES at most); a transfer that moves less than MIN_PROGRESS_BYTES in any
PULUMICOST_PRICES_STALL_S window (two minutes by default) is given up.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, Iterator, Mapping, Optional

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

from ..settings import positive_setting

CHUNK = 1 << 16
MAX_MB_ENV, STALL_ENV, HOSTS_ENV = "PULUMICOST_PRICES_MAX_MB", "PULUMICOST_PRICES_STALL_S", "PULUMICOST_PRICES_ALLOWED_HOSTS"
DEFAULT_MAX_MB = 8192  # AmazonEC2's largest region offer file is a few GB; it goes to disk, never to memory
DEFAULT_STALL_S = 120.0
DOC_MAX_BYTES = 64_000_000  # region indexes, Azure pages, pricing.yml: parsed whole, so kept small
MIN_PROGRESS_BYTES = 64 * 1024


class FetchError(Exception):
    """A download failed or was refused; the message names the URL and what went wrong, `status` the
    HTTP status when the server answered with an error."""

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Limits:
    """Per-file byte cap and the stall window (seconds) in which a transfer must make progress."""

    max_bytes: int = DEFAULT_MAX_MB * 1_000_000
    stall_s: float = DEFAULT_STALL_S

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Limits":
        """The configured limits; a value that is not a positive number is a usage error (ValueError)."""
        def number(name: str, default: float) -> float:
            return positive_setting(env, name, default, ceiling=1e9)
        return cls(int(number(MAX_MB_ENV, DEFAULT_MAX_MB) * 1_000_000), number(STALL_ENV, DEFAULT_STALL_S))


@dataclass(frozen=True)
class UrlPolicy:
    """Which URLs one cloud's update may fetch: see the module docstring."""

    base: str
    extra_hosts: frozenset[str] = frozenset()

    @classmethod
    def for_base(cls, base: str, env: Mapping[str, str]) -> "UrlPolicy":
        hosts = frozenset(h.strip().lower() for h in env.get(HOSTS_ENV, "").split(",") if h.strip())
        return cls(base, hosts)

    def check(self, url: str) -> str:
        """`url` if it may be fetched; FetchError saying why not otherwise."""
        try:
            got, base = urllib.parse.urlsplit(url), urllib.parse.urlsplit(self.base)
            same_origin = (got.scheme, got.hostname, got.port) == (base.scheme, base.hostname, base.port)
        except ValueError:  # a malformed port or address
            raise FetchError(f"{url!r}: not a valid URL") from None
        if got.scheme in ("http", "https") and got.hostname and same_origin:
            return url
        if got.scheme == "https" and got.hostname and got.hostname.lower() in {base.hostname or "", *self.extra_hosts}:
            return url
        raise FetchError(f"{url!r}: refused: only https URLs on {base.hostname} are followed (add a host to "
                         f"{HOSTS_ENV} to allow it)")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects obey the same URL policy as the URLs a server names in its documents."""

    def __init__(self, policy: UrlPolicy) -> None:
        super().__init__()
        self.policy = policy

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        self.policy.check(urllib.parse.urljoin(req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(url: str, out: IO[bytes], policy: UrlPolicy, limits: Limits, max_bytes: Optional[int] = None,
             progress: Optional[Progress] = None) -> int:
    """Write the body of `url` to `out` in chunks; the byte count. FetchError when the URL is refused,
    the answer is not 200, the body is cut short, exceeds the cap, or stalls."""
    cap = min(limits.max_bytes, max_bytes or limits.max_bytes)
    policy.check(url)
    opener = urllib.request.build_opener(_CheckedRedirects(policy))
    try:
        with opener.open(urllib.request.Request(url, headers={"Accept-Encoding": "identity"}),
                         timeout=limits.stall_s) as resp:
            total = int(resp.headers.get("Content-Length") or 0) or None
            if total is not None and total > cap:
                raise FetchError(f"{url}: {total:,} bytes, more than the {_cap_text(cap)} limit ({MAX_MB_ENV})")
            task = progress.add_task(url.rsplit("/", 1)[-1][:40] or url, total=total) if progress else None
            size = _copy(resp, out, url, cap, limits.stall_s, lambda n: progress.update(task, advance=n) if progress
                         else None)
    except FetchError:
        raise
    except urllib.error.HTTPError as err:
        raise FetchError(f"{url}: HTTP {err.code} {err.reason}", status=err.code) from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise FetchError(f"{url}: {getattr(err, 'reason', err)}") from None
    if total is not None and size != total:
        raise FetchError(f"{url}: truncated ({size} of {total} bytes)")
    return size


def _copy(resp: Any, out: IO[bytes], url: str, cap: int, stall_s: float, advance: Callable[[int], None]) -> int:
    """Chunks as they arrive (read1: a drip is seen byte by byte, not waited for a full chunk)."""
    size = 0
    window_start, window_bytes = time.monotonic(), 0
    while chunk := resp.read1(CHUNK):
        size += len(chunk)
        if size > cap:
            raise FetchError(f"{url}: more than the {_cap_text(cap)} limit ({MAX_MB_ENV}); stopped")
        out.write(chunk)
        advance(len(chunk))
        window_bytes += len(chunk)
        now = time.monotonic()
        if now - window_start >= stall_s:
            if window_bytes < MIN_PROGRESS_BYTES:
                raise FetchError(f"{url}: stalled ({window_bytes} bytes in {stall_s:g} s); gave up ({STALL_ENV})")
            window_start, window_bytes = now, 0
    return size


def _cap_text(cap: int) -> str:
    return f"{cap / 1_000_000:g} MB"


@contextlib.contextmanager
def temp_file(directory: Path) -> Iterator[Path]:
    """A temp file of this update's own beside the stores (the same disk; never /tmp's RAM), removed after."""
    fd, name = tempfile.mkstemp(dir=directory, prefix=".download.", suffix=".tmp")
    os.close(fd)
    try:
        yield Path(name)
    finally:
        Path(name).unlink(missing_ok=True)


def fetch(url: str, policy: UrlPolicy, limits: Limits, progress: Optional[Progress] = None) -> bytes:
    """The body of a document read into memory (at most DOC_MAX_BYTES)."""
    buf = io.BytesIO()
    download(url, buf, policy, limits, DOC_MAX_BYTES, progress)
    return buf.getvalue()


def fetch_json(url: str, policy: UrlPolicy, limits: Limits, progress: Optional[Progress] = None) -> Any:
    try:
        return json.loads(fetch(url, policy, limits, progress))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise FetchError(f"{url}: not complete JSON ({err})") from None
    except RecursionError:
        raise FetchError(f"{url}: JSON nested too deeply") from None


def progress_bar() -> Optional[Progress]:
    """A progress display on a terminal (stderr), None otherwise (CI logs get one line per file)."""
    if not sys.stderr.isatty() or os.environ.get("TERM") == "dumb":
        return None
    return Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), transient=True,
                    console=Console(stderr=True))
