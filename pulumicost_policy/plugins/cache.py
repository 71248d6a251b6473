"""A persistent cache of plugin price answers: `$PULUMICOST_HOME/cache/answers.sqlite`.

A preview should not ask a SaaS API again for every run. Answers are kept for `DEFAULT_TTL`
(24 h) or until the plugin's `expires_at`, whichever it says. The key is a hash of the plugin,
its version and the non-secret part of the question (provider, resource type, SKU, region): no
property value is ever stored. SQLite in WAL mode with a busy timeout makes concurrent previews
safe (readers never block, one writer at a time). A file SQLite cannot read is moved aside and
rebuilt, with a note. Opt out: `--no-cache` offline, PULUMICOST_NO_CACHE=1 for the pack.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Optional, Sequence

DEFAULT_TTL = 24 * 3600.0
NO_CACHE_ENV = "PULUMICOST_NO_CACHE"
BUSY_TIMEOUT_MS = 10_000
_SCHEMA = "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer BLOB NOT NULL, expires REAL NOT NULL)"


def cache_disabled() -> bool:
    return os.environ.get(NO_CACHE_ENV, "").strip().lower() in ("1", "true", "yes")


def answer_key(parts: Sequence[str]) -> str:
    return hashlib.sha256(json.dumps(list(parts)).encode()).hexdigest()


class AnswerCache:
    """Serialized answers by key, with an expiry time; thread-safe (one connection, one lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.note: Optional[str] = None
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as err:
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            for suffix in ("", "-wal", "-shm"):
                extra = Path(f"{path}{suffix}")
                if extra.exists():
                    extra.replace(Path(f"{aside}{suffix}"))
            self.note = f"the plugin answer cache {path} was unreadable ({err}); moved to {aside.name} and rebuilt"
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                             isolation_level=None)
        try:
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM answers").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        os.chmod(self.path, 0o600)
        return db

    def get(self, key: str) -> Optional[bytes]:
        with self._lock:
            try:
                row = self._db.execute("SELECT answer, expires FROM answers WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error:
                return None
        return bytes(row[0]) if row and row[1] > time.time() else None

    def put(self, key: str, answer: bytes, expires: float) -> None:
        with self._lock:
            try:
                self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?)", (key, answer, expires))
            except sqlite3.Error:
                pass  # a busy or read-only cache only costs a plugin call next time


def open_cache(root: Path) -> Optional[AnswerCache]:
    """The cache under `root`, or None when disabled or impossible (then every answer is asked)."""
    if cache_disabled():
        return None
    try:
        return AnswerCache(root / "cache" / "answers.sqlite")
    except (OSError, sqlite3.Error):
        return None
