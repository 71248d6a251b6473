"""Recommendations from cost plugins (finfocus.v1 GetRecommendations), in our shape.

The host sends the stack's priced resources as `target_resources` (Pulumi type token, SKU, region,
URN as id: what the finfocus host sends; no tags, whose values may be secrets), asks for monthly
savings, and passes the user's `ignore` ids as `excluded_recommendation_ids`, finfocus's way of
honouring a dismissal. (DismissRecommendation itself persists a dismissal in the plugin: a preview
must not change state, so the host never calls it.) A plugin without the RPC answers UNIMPLEMENTED
and is simply not asked again; an answer that is not about a resource of the stack, or whose
saving is not a finite positive number, is dropped.
"""
from __future__ import annotations

import math
from typing import Iterable, Optional, Sequence

import grpc

from ..pricing.estimate import PRICED, CostEstimate
from ..pricing.pricer import Pricer
from ..pricing.recommendation import Change, Recommendation
from ..protocol import costsource_pb2 as pb
from .client import PluginClient, PluginDown
from .host import PluginHost
from .source import PluginSource

MAX_TARGETS = 100   # finfocus's limit of target_resources per request
MAX_PAGES = 10      # a plugin that pages forever is not followed further


def _hosts(pricer: Pricer) -> list[PluginHost]:
    hosts: list[PluginHost] = []
    for source in pricer.sources:
        if isinstance(source, PluginSource) and all(source.host is not h for h in hosts):
            hosts.append(source.host)
    return hosts


def _target(est: CostEstimate) -> pb.ResourceDescriptor:
    return pb.ResourceDescriptor(provider=est.provider, resource_type=est.type, sku=est.sku, region=est.region,
                                 id=est.urn)


def _changes(rec: pb.Recommendation) -> tuple[Change, ...]:
    kind = rec.WhichOneof("action_detail")
    if kind == "rightsize":
        act = rec.rightsize
        new = act.recommended_sku or act.recommended_instance_type
        return (Change("sku", act.current_sku or act.current_instance_type or None, new),) if new else ()
    if kind == "modify":
        act = rec.modify
        return tuple(Change(k, act.current_config.get(k), v) for k, v in sorted(act.recommended_config.items()))
    return ()


def _ours(rec: pb.Recommendation, client: PluginClient, by_urn: dict[str, CostEstimate]) -> Optional[Recommendation]:
    est = by_urn.get(rec.resource.id)
    impact = rec.impact
    saving = impact.estimated_savings
    if est is None or not math.isfinite(saving) or saving <= 0:
        return None
    if impact.projection_period not in ("", "monthly"):
        return None  # asked for monthly; another period would be misread as a month's saving
    current = impact.current_cost if impact.current_cost > 0 else None
    proposed = impact.projected_cost if current is not None and impact.projected_cost >= 0 else None
    source = f"plugin {client.name}" + (f" ({rec.source})" if rec.source and rec.source != client.name else "")
    return Recommendation(rec.id or "plugin", est.urn, est.name, est.type, rec.description or "plugin recommendation",
                          _changes(rec), saving, impact.currency or "USD", current, proposed,
                          sources=(source,), region=est.region)


def _ask(host: PluginHost, client: PluginClient, targets: Sequence[CostEstimate], exclude: Sequence[str],
         by_urn: dict[str, CostEstimate]) -> list[Recommendation]:
    out: list[Recommendation] = []
    for start in range(0, len(targets), MAX_TARGETS):
        token = ""
        for _ in range(MAX_PAGES):
            request = pb.GetRecommendationsRequest(
                projection_period="monthly", page_token=token, excluded_recommendation_ids=list(exclude),
                target_resources=[_target(e) for e in targets[start:start + MAX_TARGETS]])
            try:
                answer = client.call("GetRecommendations", request)
            except PluginDown as err:
                host.note(str(err))
                return out
            except grpc.RpcError as err:
                if err.code() != grpc.StatusCode.UNIMPLEMENTED:
                    host.note(f"{client.label}: GetRecommendations failed with {err.code().name}; "
                              "its recommendations are missing")
                return out
            out += [r for r in (_ours(rec, client, by_urn) for rec in answer.recommendations
                                if rec.id not in exclude) if r is not None]
            token = answer.next_page_token
            if not token:
                break
    return out


def plugin_recommendations(pricer: Pricer, estimates: Iterable[CostEstimate],
                           exclude: Sequence[str] = ()) -> list[Recommendation]:
    """Every plugin's recommendations for the priced resources of its providers."""
    priced = [e for e in estimates if e.status == PRICED and e.sku and e.region]
    by_urn = {e.urn: e for e in priced}
    out: list[Recommendation] = []
    for host in _hosts(pricer):
        for package in sorted({e.provider for e in priced}):
            targets = [e for e in priced if e.provider == package]
            for client in host.for_provider(package):
                out += _ask(host, client, targets, exclude, by_urn)
    return out
