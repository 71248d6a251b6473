"""The SQLite price store: tens of thousands of prices, indexed by the price-book key.

Why SQLite: the full book (every AWS and GCP region) is ~50k prices; parsing that as YAML at pack
start takes seconds, while an indexed read-only SQLite file opens in well under a millisecond and
answers a key in microseconds. It is in the standard library, and one file is easy to replace
atomically (`prices update`). Sources and dates live in their own table so each row stays small.
"""
from __future__ import annotations

import math
import os
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

from ..trust import unsafe_reason
from .pricebook import BILLING_UNITS, PriceBookError, PriceSpec

STORE_SCHEMA = "pulumicost.pricestore/v1"
_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (id INTEGER PRIMARY KEY, source TEXT NOT NULL, effective_date TEXT NOT NULL,
                      currency TEXT NOT NULL, UNIQUE (source, effective_date, currency));
CREATE TABLE types (id INTEGER PRIMARY KEY, provider TEXT NOT NULL, resource_type TEXT NOT NULL,
                    UNIQUE (provider, resource_type));
CREATE TABLE prices (type_id INTEGER NOT NULL REFERENCES types(id), sku TEXT NOT NULL, region TEXT NOT NULL,
                     billing_mode TEXT NOT NULL, rate REAL NOT NULL, source_id INTEGER NOT NULL REFERENCES sources(id),
                     PRIMARY KEY (type_id, sku, region)) WITHOUT ROWID;
"""


class Row(NamedTuple):
    """One imported price: the key, billing mode, rate, and where it came from."""

    provider: str
    resource_type: str
    sku: str
    region: str
    billing_mode: str
    rate: float
    source: str
    effective_date: str
    currency: str = "USD"

    def key(self) -> tuple[str, str, str, str]:
        return (self.provider, self.resource_type, self.sku, self.region)


def write_store(path: Path, rows: Iterable[Row]) -> int:
    """Write `rows` to a new store at `path` atomically (temp file + rename); returns the row count.

    A key given twice with different rates is an importer bug (the answer would depend on order).
    """
    path = Path(path)
    # A temp name of our own beside the target (the rename is then atomic); never a fixed name two
    # writers could share, and removed whatever goes wrong.
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        count = _write(tmp, rows)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the bundled book from other readers
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


def _write(tmp: Path, rows: Iterable[Row]) -> int:
    con = sqlite3.connect(tmp)
    try:
        con.executescript(_DDL)
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (STORE_SCHEMA,))
        source_ids: dict[tuple[str, str, str], int] = {}
        type_ids: dict[tuple[str, str], int] = {}
        seen: dict[tuple, float] = {}
        for row in sorted(rows):
            if row.billing_mode not in BILLING_UNITS or not math.isfinite(row.rate) or row.rate < 0:
                raise PriceBookError(f"{'/'.join(row.key())}: bad billing mode or rate ({row.billing_mode}, {row.rate})")
            if row.key() in seen:
                if seen[row.key()] != row.rate:
                    raise PriceBookError(f"{'/'.join(row.key())}: priced twice ({seen[row.key()]} and {row.rate})")
                continue
            seen[row.key()] = row.rate
            sid = source_ids.get((row.source, row.effective_date, row.currency))
            if sid is None:
                sid = con.execute("INSERT INTO sources (source, effective_date, currency) VALUES (?, ?, ?)",
                                  (row.source, row.effective_date, row.currency)).lastrowid
                source_ids[(row.source, row.effective_date, row.currency)] = sid
            tid = type_ids.get(row.key()[:2])
            if tid is None:
                tid = con.execute("INSERT INTO types (provider, resource_type) VALUES (?, ?)", row.key()[:2]).lastrowid
                type_ids[row.key()[:2]] = tid
            con.execute("INSERT INTO prices VALUES (?, ?, ?, ?, ?, ?)", (tid, row.sku, row.region, row.billing_mode,
                                                                         row.rate, sid))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    return len(seen)


class PriceStore:
    """A read-only view of one store file; lookups are cached (a run asks the same keys often)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                        check_same_thread=False)
            schema = self._con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.Error as err:
            raise PriceBookError(f"{self.path}: not a readable price store ({err}); "
                                 "run `pulumicost prices update` (or, in the repository, regenerate it: python -m pulumicost_policy.pricing.build)") from None
        if not schema or schema[0] != STORE_SCHEMA:
            raise PriceBookError(f"{self.path}: expected a {STORE_SCHEMA} price store")
        # A store whose header opens but whose tables do not read (damaged pages) prices nothing: the
        # error is raised again on every lookup, where the pricer turns it into "a price store is damaged".
        self._damage: Optional[sqlite3.DatabaseError] = None
        try:
            self._sources = {sid: (src, date, cur) for sid, src, date, cur in
                             self._con.execute("SELECT id, source, effective_date, currency FROM sources")}
            self._types = {(p, t): tid for tid, p, t in
                           self._con.execute("SELECT id, provider, resource_type FROM types")}
        except sqlite3.DatabaseError as err:
            self._damage, self._sources, self._types = err, {}, {}
        self._cache: dict[tuple, Optional[PriceSpec]] = {}
        self._lock = threading.Lock()  # one connection, shared by the pricer's threads
        self._regions_cache: dict[tuple, set[str]] = {}

    def get(self, provider: str, resource_type: str, sku: str, region: str) -> Optional[PriceSpec]:
        if self._damage is not None:
            raise self._damage
        key = (provider, resource_type, sku, region)
        if key in self._cache:
            return self._cache[key]
        tid = self._types.get((provider, resource_type))
        found = None
        if tid is not None:
            with self._lock:
                found = self._con.execute("SELECT billing_mode, rate, source_id FROM prices WHERE type_id = ? AND "
                                          "sku = ? AND region = ?", (tid, sku, region)).fetchone()
        spec = None
        if found is not None and _usable(found[0], found[1]) and found[2] in self._sources:
            source, date, currency = self._sources[found[2]]
            spec = PriceSpec(provider, resource_type, sku, region, found[0], found[1], currency, source, date)
        self._cache[key] = spec
        return spec

    def check(self) -> Optional[str]:
        """What is damaged in the file (SQLite's own integrity check), or None when it reads whole."""
        try:
            with self._lock:
                problems = [p for (p,) in self._con.execute("PRAGMA quick_check(5)")]
        except sqlite3.Error as err:
            return str(err)
        return None if problems == ["ok"] else "; ".join(problems)

    def regions_for(self, provider: str, resource_type: str, sku: str) -> set[str]:
        return self._regions(provider, resource_type, "SELECT region FROM prices WHERE type_id = ? AND sku = ?", sku)

    def regions_covered(self, provider: str, resource_type: str) -> set[str]:
        return self._regions(provider, resource_type, "SELECT DISTINCT region FROM prices WHERE type_id = ?")

    def skus_for(self, provider: str, resource_type: str) -> set[str]:
        return self._regions(provider, resource_type, "SELECT DISTINCT sku FROM prices WHERE type_id = ?")

    def _regions(self, provider: str, resource_type: str, sql: str, *args: str) -> set[str]:
        """Only asked when a price is missing (to explain why), so cached per question."""
        tid = self._types.get((provider, resource_type))
        if tid is None:
            return set()
        key = (tid, sql, *args)
        if key not in self._regions_cache:
            with self._lock:
                self._regions_cache[key] = {r for (r,) in self._con.execute(sql, (tid, *args))}
        return self._regions_cache[key]

    def knows_region(self, provider: str, region: str) -> bool:
        """Some price of `provider` is in `region` (asked only to decide whether a region may be shown)."""
        key = (provider, region)
        if key not in self._regions_cache:
            with self._lock:
                self._regions_cache[key] = self._con.execute(
                    "SELECT 1 FROM prices p JOIN types t ON t.id = p.type_id WHERE t.provider = ? AND p.region = ? "
                    "LIMIT 1", key).fetchone() is not None
        return self._regions_cache[key]

    def keys(self) -> Iterable[tuple[str, str, str, str]]:
        return self._con.execute("SELECT t.provider, t.resource_type, p.sku, p.region FROM prices p "
                                 "JOIN types t ON t.id = p.type_id")

    def rows(self) -> list[Row]:
        """Every price as a Row (for comparison and status), in key order."""
        return sorted(Row(p, t, s, r, m, rate, *self._sources[sid]) for p, t, s, r, m, rate, sid in self._con.execute(
            "SELECT t.provider, t.resource_type, p.sku, p.region, p.billing_mode, p.rate, p.source_id "
            "FROM prices p JOIN types t ON t.id = p.type_id") if _usable(m, rate) and sid in self._sources)

    def __len__(self) -> int:
        return self._con.execute("SELECT COUNT(*) FROM prices").fetchone()[0]

    def dates(self) -> dict[str, str]:
        """Source -> effective date, for `prices status` and freshness."""
        return {src: date for src, date, _ in self._sources.values()}


def _usable(billing_mode: object, rate: object) -> bool:
    """A row read back is checked as it was on write: a file edited or damaged since may hold a
    negative, infinite or textual rate, which must make the price unknown, never a cost."""
    return billing_mode in BILLING_UNITS and isinstance(rate, (int, float)) and not isinstance(rate, bool) \
        and math.isfinite(rate) and rate >= 0


def open_user_store(path: Path) -> PriceStore:
    """A store from `prices update`, refused (PriceBookError) when another user could have chosen its
    prices: the file or its directory owned by someone else or writable by others (the plugins' rule)."""
    for part in (Path(path).parent, Path(path)):
        reason = unsafe_reason(part)
        if reason:
            raise PriceBookError(f"refusing price store {path}: {reason}")
    return PriceStore(path)
