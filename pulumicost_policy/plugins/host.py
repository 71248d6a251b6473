"""The plugin host shared by the pack and `actual`: which plugins exist, in what order, started
when first needed (concurrently), and what went wrong with them in this run.

Plugins are ordered by `priority` from config.yaml (lower first), then by name. A plugin whose
manifest or GetPluginInfo lists providers is asked only about those providers. The host stops
every plugin at exit; the process layer makes sure they also die if we are killed.
"""
from __future__ import annotations

import atexit
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional, Sequence

from .cache import AnswerCache, open_cache
from .client import PluginClient, PluginDown
from .config import HostConfig, optional_config
from .discovery import PluginSpec, discover_all, plugin_root


class PluginHost:
    """The plugins of one process (one pack run, one `actual` or offline run)."""

    def __init__(self, specs: Sequence[PluginSpec], config: Optional[HostConfig] = None,
                 notes: Sequence[str] = (), cache: Optional[AnswerCache] = None) -> None:
        self.config = config or HostConfig()
        self.cache = cache  # persistent price answers (None: ask every time)
        enabled = [s for s in specs if self.config.settings(s.name).enabled]
        enabled.sort(key=lambda s: (self.config.settings(s.name).priority, s.name))
        self.clients = [PluginClient(s, self.config.settings(s.name)) for s in enabled]
        self._notes: dict[str, None] = dict.fromkeys(notes)
        self._notes.update(dict.fromkeys(self.config.warnings))
        self._lock = threading.Lock()
        self._started: set[int] = set()  # ids of clients (one name may have a client per region)
        atexit.register(self.close)

    @classmethod
    def from_environment(cls, root: Optional[Path] = None) -> "PluginHost":
        """Discover plugins and read config.yaml under `root` (default $PULUMICOST_HOME or ~/.pulumicost)."""
        base = root or plugin_root()
        specs, warnings = discover_all(root)
        config, error = optional_config(base) if base is not None else (HostConfig(), None)
        cache = open_cache(base) if specs and base is not None else None
        notes = list(warnings) + ([error] if error else []) + ([cache.note] if cache and cache.note else [])
        for note in notes:
            print(f"pulumicost: {note}", file=sys.stderr)
        return cls(specs, config, notes, cache)

    def for_provider(self, provider: str, region: str = "", name: Optional[str] = None) -> list[PluginClient]:
        """Clients that may answer for `provider` (whatever their providers when `name` picks the
        plugin) and `region` (a per-region release answers for its own only), in priority order,
        started (concurrently) on first use."""
        chosen = [c for c in self.clients if (c.name == name if name else not c.providers or provider in c.providers)
                  and (not region or not c.spec.region or c.spec.region == region)]
        self.start(chosen)
        return [c for c in chosen if not c.problem]

    def named(self, name: str) -> Optional[PluginClient]:
        return next((c for c in self.clients if c.name == name), None)

    def start(self, clients: Sequence[PluginClient]) -> None:
        with self._lock:
            todo = [c for c in clients if id(c) not in self._started]
            self._started.update(id(c) for c in todo)
        if not todo:
            return
        with ThreadPoolExecutor(max_workers=len(todo), thread_name_prefix="plugin-start") as pool:
            list(pool.map(self._start_one, todo))

    def _start_one(self, client: PluginClient) -> None:
        try:
            client.ensure_started()
        except PluginDown as err:
            self.note(str(err))

    def note(self, message: str) -> None:
        """Record a problem for the run's diagnostics (and the host's log), once."""
        with self._lock:
            if message in self._notes:
                return
            self._notes[message] = None
        print(f"pulumicost: {message}", file=sys.stderr)

    def problems(self) -> list[str]:
        with self._lock:
            notes = dict(self._notes)
        for client in self.clients:
            notes.update(dict.fromkeys(client.notes + ([client.problem] if client.problem else [])))
        return list(notes)

    def close(self) -> None:
        for client in self.clients:
            client.close()
