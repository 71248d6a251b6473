"""Per-process state of the pack: the pricer (price book loaded once) and the per-run caches.

Pulumi starts one pack process per operation, so process state is run state. The gRPC server
has 4 worker threads: the cache of Analyze estimates is guarded by a lock.
"""
from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any, Optional

from ..descriptor import ResourceInput, to_plain
from ..descriptor.values import mark_secret
from ..plugins.host import PluginHost
from ..policies import Finding
from ..pricing.estimate import UNPRICED, CostEstimate, internal_error
from ..pricing.pricer import Pricer
from ..pricing.rollup import StackCost, rollup
from ..pricing.usage import Usage, UsageFileError
from ..pricing.usage_check import check_usage_file, unmatched_entries
from ..pricing.usage_source import choose_usage_file
from ..money import warm
from ..sources import open_sources



def stack_config() -> dict[str, str]:
    """The decrypted stack config the engine passes in PULUMI_CONFIG ({"ns:key": "value"})."""
    raw = os.environ.get("PULUMI_CONFIG", "")
    return _parse_config(raw)


_config_cache: dict[str, dict[str, str]] = {}


def _parse_config(raw: str) -> dict[str, str]:
    if raw not in _config_cache:
        try:
            parsed = json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            parsed = {}
        _config_cache[raw] = {str(k): v for k, v in parsed.items() if isinstance(v, str)} \
            if isinstance(parsed, dict) else {}
    return _config_cache[raw]


def _dependencies(args: Any) -> tuple[str, ...]:
    """The URNs a stack resource (PolicyResource) depends on; Analyze's args have none."""
    return tuple(d.urn for d in getattr(args, "dependencies", None) or () if isinstance(getattr(d, "urn", None), str))


def _property_dependencies(args: Any) -> dict[str, tuple[str, ...]]:
    """AnalyzeStack's propertyDependencies as URNs (the SDK links them to the PolicyResources present
    in the request); Analyze sees one resource and has none."""
    deps = getattr(args, "property_dependencies", None) or {}
    return {str(k): tuple(d.urn for d in v if isinstance(getattr(d, "urn", None), str)) for k, v in deps.items()}


class StackRun:
    """What the stack policies of one AnalyzeStack call share: the stack's estimates (computed
    once, not once per policy) and each policy's findings, which the summary (last) reports."""

    def __init__(self) -> None:
        self.last = -1                     # position (in pack order) of the last policy that ran
        self.cost: Optional[StackCost] = None
        self.findings: dict[str, list[Finding]] = {}
        self.notes: list[str] = []         # usage-file entries that match no resource of this stack


class PackState:
    """What every policy of one pack process shares."""

    def __init__(self, pricer: Pricer, usage_error: Optional[str] = None,
                 host: Optional[PluginHost] = None, usage_path: Optional[Path] = None) -> None:
        self.pricer = pricer
        self.usage_error = usage_error
        self.usage_path = usage_path  # None when no usage file is used
        self.host = host
        self.stack_order: list[str] = []     # stack policy names in the order the SDK runs them
        self.resource_order: list[str] = []  # resource policy names, likewise
        self._analyzed: dict[str, CostEstimate] = {}
        self._lock = threading.Lock()
        self._local = threading.local()

    @classmethod
    def start(cls) -> "PackState":
        """Load the price book and usage file; a bad usage file is reported, not fatal."""
        usage, error, path = Usage(), None, None
        try:
            path = choose_usage_file(config=stack_config()).path
            check_usage_file(path)  # keys vs types here; names against each stack view (stack_cost)
            usage = Usage.load(path)
        except UsageFileError as err:
            error, path = f"{err}; usage-based costs show their unit prices only", None
        sources = open_sources(usage)
        threading.Thread(target=warm, name="warm-currency", daemon=True).start()  # off the start path
        return cls(sources.pricer, error, sources.host, path)

    def problems(self) -> list[str]:
        """What the stack summary must tell: a usage file that could not be read, and what went
        wrong with cost sources in this process (plugins down, answers refused)."""
        usage = [f"usage file not used: {self.usage_error}"] if self.usage_error else []
        return usage + (self.host.problems() if self.host is not None else [])

    def estimate(self, args: Any) -> CostEstimate:
        """Price one resource from SDK args (ResourceValidationArgs or a stack's PolicyResource)."""
        return self.pricer.estimate(self._input(args))

    def estimate_once(self, policy: str, args: Any) -> CostEstimate:
        """The estimate of the resource one Analyze call is about, computed by the first resource
        policy that runs and shared with the others (the SDK runs them in pack order on one thread;
        a policy not after the last one that ran has started a new call). Remembered for the stack
        summary, which falls back to it when outputs are unknown."""
        position = self.resource_order.index(policy)
        last = getattr(self._local, "resource", None)
        if last is None or position <= last[0] or last[1].urn != args.urn:
            est = self.estimate(args)
            self.remember(est)
        else:
            est = last[1]
        self._local.resource = (position, est)
        return est

    def _input(self, args: Any) -> ResourceInput:
        """Plain props, the provider's props, and the outputs the program marked secret masked."""
        provider_props = to_plain(args.provider.props) if args.provider is not None else None
        secret_outputs = getattr(args.opts, "additional_secret_outputs", None) or []
        props = mark_secret(to_plain(args.props), secret_outputs)
        return ResourceInput(args.urn, args.resource_type, args.name, props, provider_props, stack_config(),
                             property_dependencies=_property_dependencies(args), dependencies=_dependencies(args))

    def stack_cost(self, policy: str, args: Any) -> tuple[StackCost, "StackRun"]:
        """The stack's cost for this AnalyzeStack call (computed by the first stack policy that
        asks) and the call's shared StackRun."""
        run = self._stack_run(policy)
        if run.cost is None:
            run.cost = self._estimate_stack(args)
            resources = [e.resource for e in run.cost.estimates.values() if e.resource is not None]
            run.notes = unmatched_entries(self.usage_path, resources)  # as the offline run warns
        return run.cost, run

    def _estimate_stack(self, args: Any) -> StackCost:
        """Estimate every resource of a stack view (StackValidationArgs) and roll them up.

        During preview many outputs are unknown; a resource whose outputs cannot be priced for
        that reason takes the estimate Analyze made from its inputs in this run.
        """
        inputs: list[ResourceInput] = []
        unreadable: dict[str, CostEstimate] = {}
        for res in args.resources:
            try:
                inputs.append(self._input(res))
            except Exception as err:  # SDK proxies; one bad resource must not hide the rest
                unreadable[res.urn] = internal_error(res.urn, res.name, res.resource_type, err, "reading")
        priced = {e.urn: e for e in self.pricer.estimate_many(inputs)}
        out = []
        for res in args.resources:
            est = priced.get(res.urn) or unreadable[res.urn]
            if est.status == UNPRICED and est.pending:
                est = self.analyzed(res.urn) or est
            out.append(est)
        return rollup(out)

    def _stack_run(self, policy: str) -> StackRun:
        """The StackRun of the AnalyzeStack call `policy` is running in.

        The SDK runs one call's stack policies in pack order, each once, on one gRPC thread. So a
        policy that is not after the last one that ran on this thread has started a new call. This
        holds whichever policies are enabled (even if Configure changes that) and whichever thread
        the next call lands on.
        """
        position = self.stack_order.index(policy)
        run = getattr(self._local, "run", None)
        if run is None or position <= run.last:
            run = self._local.run = StackRun()
        run.last = position
        return run

    def remember(self, estimate: CostEstimate) -> None:
        with self._lock:
            self._analyzed[estimate.urn] = estimate

    def analyzed(self, urn: str) -> Optional[CostEstimate]:
        with self._lock:
            return self._analyzed.get(urn)
