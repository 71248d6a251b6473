"""The pricing entry point: resource -> description -> first source that prices it -> estimate.

Sources are tried in order (plugins first when configured, then the price book); the first that
prices a descriptor wins and is recorded as the estimate's source, so nothing is counted twice.
Identical descriptors (with identical usage) are priced once per run.
"""
from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Optional, Protocol, Sequence

from ..descriptor import ResourceDescriptor, ResourceInput, Unpriced, describe
from ..descriptor.catalog import base_token
from ..descriptor.resolve import resolve_references
from .estimate import CostEstimate, Pricing, internal_error, to_estimate
from .lookup import price_from_book
from .finite import as_finite
from .pricebook import DEFAULT_SPECS_DIR, PriceBook
from .usage import Usage


PARALLEL_LOOKUPS = 8  # concurrent plugin lookups; plugins serve 8 calls at a time by default


class PriceSource(Protocol):
    """Anything that can price a descriptor: the price book, a plugin."""

    name: str

    def price(self, desc: ResourceDescriptor, usage: dict[str, float]) -> Pricing | Unpriced | None:
        """A price, an Unpriced with a reason (e.g. no price for that SKU), or None: "not mine"."""


class PriceBookSource:
    """The shipped `specs/`: the last source before "unpriced"."""

    name = "specs"

    def __init__(self, book: PriceBook) -> None:
        self.book = book

    def price(self, desc: ResourceDescriptor, usage: dict[str, float]) -> Pricing | Unpriced:
        try:
            return price_from_book(self.book, desc, usage)
        except sqlite3.DatabaseError as err:
            # A damaged store (a user's `prices update` copy, or the bundled book) prices nothing:
            # unpriced with the way to repair it, which a mandatory gate treats as unknown cost.
            return Unpriced(f"a price store is damaged ({type(err).__name__}: {str(err)[:80]}): run "
                            "`pulumicost prices update` to replace your prices (or remove "
                            "$PULUMICOST_HOME/prices/ to use the bundled book); reinstall the pack if it persists")


class Pricer:
    """Prices resources through a source chain with a per-run cache (safe across threads)."""

    def __init__(self, sources: Sequence[PriceSource], usage: Optional[Usage] = None) -> None:
        self.sources = list(sources)
        self.usage = usage or Usage()
        self._cache: dict[tuple, Pricing | Unpriced] = {}
        self._lock = threading.Lock()
        self._inflight: dict[tuple, threading.Event] = {}

    @classmethod
    def from_specs(cls, specs_dir: Path = DEFAULT_SPECS_DIR, usage: Optional[Usage] = None) -> "Pricer":
        return cls([PriceBookSource(PriceBook.load(specs_dir))], usage)

    def estimate(self, resource: ResourceInput) -> CostEstimate:
        """Never raises: a bug on one resource makes that resource unpriced (and is logged with its
        URN on stderr), so the rest of the preview or report is still produced."""
        try:
            description = describe(resource)
            pricing = None
            if isinstance(description, ResourceDescriptor):
                usage = self.usage.for_resource(resource.urn, resource.name, base_token(resource.type))
                pricing = self._cached(description, usage)
            return to_estimate(resource.urn, resource.name, resource.type, description, pricing, resource)
        except Exception as err:  # noqa: BLE001 - the contract is "never fail the whole run"
            return internal_error(resource.urn, resource.name, resource.type, err, "pricing")

    def estimate_many(self, resources: Sequence[ResourceInput]) -> list[CostEstimate]:
        """Estimates in order. With a plugin in the chain, distinct lookups run in parallel on a
        bounded pool (each is an RPC); with the price book alone, in line (pure CPU, the GIL would
        only add overhead)."""
        resources = resolve_references(resources)  # launch templates, task definitions in the same stack
        if len(resources) < 2 or all(isinstance(s, PriceBookSource) for s in self.sources):
            return [self.estimate(r) for r in resources]
        with ThreadPoolExecutor(max_workers=PARALLEL_LOOKUPS, thread_name_prefix="pricer") as pool:
            return list(pool.map(self.estimate, resources))

    def _cached(self, desc: ResourceDescriptor, usage: dict[str, float]) -> Pricing | Unpriced:
        key = (desc.cache_key(), tuple(sorted(usage.items())))
        return self._once(key, lambda: self._price(desc, usage))

    def _once(self, key: tuple, compute: Callable[[], Pricing | Unpriced]) -> Pricing | Unpriced:
        """Compute each key once even when threads ask for it at the same time."""
        with self._lock:
            if key in self._cache:
                return self._cache[key]
            event = self._inflight.get(key)
            owner = event is None
            if owner:
                event = self._inflight[key] = threading.Event()
        if not owner:
            event.wait()
            with self._lock:
                if key in self._cache:
                    return self._cache[key]
            return compute()  # the owner failed: try ourselves rather than hang
        try:
            result = compute()
            with self._lock:
                self._cache[key] = result
            return result
        finally:
            with self._lock:
                self._inflight.pop(key, None)
            event.set()

    def _price(self, desc: ResourceDescriptor, usage: dict[str, float]) -> Pricing | Unpriced:
        first_reason: Optional[Unpriced] = None
        for source in self.sources:
            result = source.price(desc, usage)
            if isinstance(result, Pricing) and as_finite(result.monthly) is None:
                result = Unpriced(f"{source.name} answered a monthly cost that is not a finite number")
            if isinstance(result, Pricing):
                return result
            if isinstance(result, Unpriced) and first_reason is None:
                first_reason = result
        return first_reason or Unpriced("no cost source knows this price")
