"""Asking the plugin host for actual costs: which resources, which plugin, and what came back.

Resources come from a `pulumi stack export` file (custom resources only: components and
providers own no cloud resource) or, without a state, the plugin's whole tag-filtered scope.
Each resource goes to the plugins that serve its provider (or `--plugin`), in priority order;
the first that answers with records wins, so nothing is counted twice. A plugin that has no data
for it (NOT_FOUND, UNIMPLEMENTED..., or an answer without a single record) passes it on; a plugin
error is kept as the resource's failure if no other plugin answers. Nothing that came back is
dropped and no resource asked is forgotten: each one is answered, failed or listed as `no data`
(a resource no plugin has records for is not a resource that cost $0).
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import math
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

import grpc
from rich.console import Console
from rich.progress import Progress

from ..descriptor import ResourceDescriptor, ResourceInput, describe, provider_of
from ..plugins.client import PluginClient, PluginDown
from ..plugins.errors import NO_ANSWER
from ..plugins.host import PluginHost
from ..inputs import plan
from ..protocol import costsource_pb2 as pb
from ..protocol.contract import timestamp
from .aggregate import CostRecord
from .dates import DateRange

WORKERS = 8
MAX_PAGES = 1000  # a plugin paging further than this is looping
# Codes a plugin uses to say "I will not answer that, because...": the reason is for the user.
REFUSALS = frozenset({grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION})
PROGRESS_ABOVE = 20  # resources; fewer finish before a bar is worth drawing


class FilterError(Exception):
    """A `--filter` value we cannot read; the message shows the accepted forms."""


@dataclass(frozen=True)
class Filters:
    tags: Mapping[str, str] = field(default_factory=dict)
    types: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()

    @classmethod
    def parse(cls, values: Iterable[str]) -> "Filters":
        tags: dict[str, str] = {}
        types: list[str] = []
        providers: list[str] = []
        for value in values:
            kind, sep, rest = value.partition("=") if not value.startswith("tag:") else ("tag", "=", value[4:])
            if kind == "tag":
                key, sep, val = rest.partition("=")
                if not sep or not key:
                    raise FilterError(f"--filter {value!r}: write tag:KEY=VALUE")
                tags[key] = val
            elif kind == "type" and sep and rest:
                types.append(rest)
            elif kind == "provider" and sep and rest:
                providers.append(rest)
            else:
                raise FilterError(f"--filter {value!r}: use tag:KEY=VALUE, type=TOKEN (globs allowed) or provider=NAME")
        return cls(tags, tuple(types), tuple(providers))

    def matches(self, type_token: str, tags: Mapping[str, str]) -> bool:
        return (all(tags.get(k) == v for k, v in self.tags.items())
                and (not self.types or any(fnmatch.fnmatchcase(type_token, t) for t in self.types))
                and (not self.providers or provider_of(type_token) in self.providers))


@dataclass(frozen=True)
class Target:
    """One deployed resource to ask about."""

    label: str
    type: str
    cloud_id: str
    arn: str
    resource: ResourceInput


def _plain_tags(props: Mapping) -> dict[str, str]:
    tags = props.get("tags")  # secret-wrapped or non-string values are left out, never sent or shown
    return {str(k): v for k, v in tags.items() if isinstance(v, str)} if isinstance(tags, Mapping) else {}


def targets_from_state(path: Path, filters: Filters) -> list[Target]:
    found = []
    for item in plan.load(path, "state"):
        res = item.resource
        if not item.custom or res.type.startswith("pulumi:"):
            continue
        if filters.matches(res.type, _plain_tags(res.props)):
            arn = res.props.get("arn")
            found.append(Target(res.name, res.type, item.cloud_id, arn if isinstance(arn, str) else "", res))
    names = Counter(t.label for t in found)
    # Same-named resources under different parents: tell them apart by cloud id (or URN).
    return [t if names[t.label] == 1 else Target(f"{t.label} [{t.cloud_id or t.resource.urn}]", t.type, t.cloud_id,
                                                 t.arn, t.resource) for t in found]


@dataclass
class Outcome:
    records: list[CostRecord] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)   # (resource, why)
    unanswered: list[str] = field(default_factory=list)             # no plugin has data for it
    answered: int = 0
    sources: set[str] = field(default_factory=set)


def host_tags(resource: ResourceInput) -> dict[str, str]:
    """What the real host adds to the resource's tags: `sku` and `region` (plugins such as the
    published aws-public refuse a request without them). Only values our descriptor read, which
    are never secrets."""
    desc = describe(resource)
    if not isinstance(desc, ResourceDescriptor):
        return {}
    return {k: v for k, v in (("sku", desc.sku), ("region", desc.region)) if v}


def _pages(client: PluginClient, request: pb.GetActualCostRequest) -> list[pb.ActualCostResult]:
    """Every page of one answer (spec v0.5 `next_page_token`), bounded and loop-checked."""
    results: list[pb.ActualCostResult] = []
    seen: set[str] = set()
    page = request
    for _ in range(MAX_PAGES):
        answer = client.call("GetActualCost", page)
        results += answer.results
        token = answer.next_page_token
        if not token:
            return results
        if token in seen:
            raise PluginDown(f"{client.label} repeated a page token; its answer was not used")
        seen.add(token)
        page = pb.GetActualCostRequest()
        page.CopyFrom(request)
        page.page_token = token
    raise PluginDown(f"{client.label} sent more than {MAX_PAGES} pages; its answer was not used")


def _ask(clients: Sequence[PluginClient], request: pb.GetActualCostRequest,
         empty_is_an_answer: bool = False) -> tuple[Optional[tuple[PluginClient, list]], list[str]]:
    """The first plugin's answer that holds records (or any answer, for a whole-scope question,
    where an empty scope is a fact), and the errors of those that failed before it."""
    errors = []
    for client in clients:
        try:
            results = _pages(client, request)
            if results or empty_is_an_answer:
                return (client, results), errors
        except PluginDown as err:
            errors.append(str(err))
        except grpc.RpcError as err:
            if err.code() not in NO_ANSWER or err.code() in REFUSALS:
                errors.append(f"{client.label}: {err.code().name}: {(err.details() or '')[:200]}")
    return None, errors


def _records(results: Iterable[pb.ActualCostResult], label: str, type_token: str, source: str,
             provider_hint: str = "") -> list[CostRecord]:
    """Records of one answer. A known resource keys them by its label; a whole-scope answer by the
    resource id each record names. An empty currency is USD, the upstream spec's only currency."""
    return [CostRecord(label if type_token else (r.resource_id or label), type_token,
                       r.timestamp.ToDatetime(tzinfo=dt.timezone.utc), r.cost, r.currency or "USD",
                       r.source or source, r.provider or provider_hint) for r in results]


def _accepted(records: list[CostRecord], span: DateRange, label: str, outcome: Outcome) -> list[CostRecord]:
    """Records with a finite cost dated inside the asked range; the others are listed as failures
    (so the report is partial), never summed."""
    good = []
    for record in records:
        if not math.isfinite(record.cost):
            outcome.failures.append((record.resource_id, f"{label} sent a non-finite cost for "
                                                         f"{record.timestamp:%Y-%m-%d}; record refused"))
        elif not span.start <= record.timestamp < span.end:
            outcome.failures.append((record.resource_id, f"{label} sent a record dated {record.timestamp:%Y-%m-%d}, "
                                                         f"outside {span.first} to {span.last}; record refused"))
        else:
            good.append(record)
    return good


def fetch(host: PluginHost, targets: Sequence[Target], span: DateRange, filters: Filters,
          plugin: Optional[str] = None) -> Outcome:
    """Ask for every target, in parallel on a bounded pool, with progress on stderr for long runs."""
    outcome = Outcome()

    def one(target: Target) -> tuple[Target, Optional[tuple[PluginClient, list]], list[str]]:
        added = host_tags(target.resource)
        tags = {**_plain_tags(target.resource.props), **dict(filters.tags), **added}
        request = pb.GetActualCostRequest(resource_id=target.cloud_id or target.resource.urn, arn=target.arn, tags=tags,
                                          start=timestamp(span.start), end=timestamp(span.end))
        answer, errors = _ask(host.for_provider(provider_of(target.type), added.get("region", ""), plugin), request)
        return target, answer, errors

    # Start every plugin the targets need before asking in parallel: a plugin that cannot start is
    # then out for all of them alike, instead of failing those that raced its start.
    for provider, region in sorted({(provider_of(t.type), host_tags(t.resource).get("region", "")) for t in targets}):
        host.for_provider(provider, region, plugin)
    console = Console(stderr=True)
    with Progress(console=console, transient=True, disable=len(targets) <= PROGRESS_ABOVE or not console.is_terminal) as bar, \
            ThreadPoolExecutor(max_workers=WORKERS) as pool:
        task = bar.add_task("asking plugins for actual costs", total=len(targets))
        for target, answer, errors in pool.map(one, targets):
            bar.advance(task)
            if answer is not None:
                client, results = answer
                outcome.answered += 1
                outcome.sources.add(client.label)
                outcome.records += _accepted(_records(results, target.label, target.type, client.name), span,
                                             client.label, outcome)
            elif errors:
                outcome.failures.append((target.label, "; ".join(errors)))
            else:
                outcome.unanswered.append(target.label)
    # A plugin that could not run (a missing token, a failed start) is listed once for the run, not
    # once per resource it would have been asked about; what it would have answered is `no data`.
    _listed_once(outcome, [c.problem for c in host.clients if c.problem])
    return outcome


def _listed_once(outcome: Outcome, problems: Iterable[str]) -> None:
    for problem in problems:
        if not any(problem in why for _, why in outcome.failures):
            outcome.failures.append(("(plugins)", problem))


def fetch_scope(host: PluginHost, span: DateRange, filters: Filters, plugin: Optional[str] = None) -> Outcome:
    """No state: each plugin (or `--plugin`) is asked once for everything the tag filter selects."""
    outcome = Outcome()
    clients = host.for_provider("", name=plugin) if plugin else list(host.clients)
    host.start(clients)  # every plugin at once (already done for --plugin)
    request = pb.GetActualCostRequest(tags=dict(filters.tags), start=timestamp(span.start), end=timestamp(span.end))
    for client in [c for c in clients if not c.problem]:
        answer, errors = _ask([client], request, empty_is_an_answer=True)
        if answer is None:
            if errors:
                outcome.failures.append((f"(scope of {client.label})", "; ".join(errors)))
            continue
        hint = client.providers[0] if len(client.providers) == 1 else ""
        records = [r for r in _records(answer[1], "(scope)", "", client.name, hint)
                   if not filters.providers or r.provider in filters.providers]
        outcome.answered += 1
        outcome.sources.add(client.label)
        outcome.records += _accepted(records, span, client.label, outcome)
    _listed_once(outcome, host.problems())
    return outcome
