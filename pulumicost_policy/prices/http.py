"""Downloads for `prices update`: plain HTTP(S) GETs with a size-aware progress bar on a terminal."""
from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from typing import Any, Optional

from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

TIMEOUT_S = 60
CHUNK = 1 << 16


class FetchError(Exception):
    """A download failed; the message names the URL and what went wrong."""


def fetch(url: str, progress: Optional[Progress] = None) -> bytes:
    """The body of `url`; a non-200 answer, a network error or a short body raise FetchError."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "identity"}),
                                    timeout=TIMEOUT_S) as resp:
            total = int(resp.headers.get("Content-Length") or 0) or None
            task = progress.add_task(url.rsplit("/", 1)[-1][:40] or url, total=total) if progress else None
            chunks = []
            while chunk := resp.read(CHUNK):
                chunks.append(chunk)
                if progress is not None:
                    progress.update(task, advance=len(chunk))
    except urllib.error.HTTPError as err:
        raise FetchError(f"{url}: HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise FetchError(f"{url}: {getattr(err, 'reason', err)}") from None
    body = b"".join(chunks)
    if total is not None and len(body) != total:
        raise FetchError(f"{url}: truncated ({len(body)} of {total} bytes)")
    return body


def fetch_json(url: str, progress: Optional[Progress] = None) -> Any:
    try:
        return json.loads(fetch(url, progress))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise FetchError(f"{url}: not complete JSON ({err})") from None


def progress_bar() -> Optional[Progress]:
    """A progress display on a terminal, None otherwise (CI logs stay clean)."""
    if not sys.stderr.isatty():
        return None
    return Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), transient=True)
