"""Recommendations priced from the book: each rule's proposal is applied to a copy of the
resource's properties, and the copy and the original go through the same descriptor and `Pricer`
path (the run's usage, the price book's sources of the run's chain). Both sides come from the
book, so a plugin's price for the original is never compared with a list price for the copy, and
no plugin is asked about resources nobody planned. A proposal is kept only when both are priced,
in the same currency and region, and the copy costs less; per resource and rule the cheapest
proposal wins (m4 -> m5 rather than m4 -> m7i when m5 is cheaper). A proposal that moves usage
(S3 Standard -> Intelligent-Tiering) prices the copy with the usage file's quantities for that
resource overridden; a stack-level proposal (several NAT gateways -> one) compares the members'
total with the kept one re-priced.
"""
from __future__ import annotations

import copy
import json
from dataclasses import replace
from fnmatch import fnmatchcase
from typing import Any, Iterable, Mapping, Optional, Sequence

from ..descriptor import ResourceInput
from ..pricing.estimate import PRICED, CostEstimate
from ..pricing.finite import as_finite
from ..pricing.pricer import PriceBookSource, Pricer
from ..pricing.recommendation import Change, Recommendation
from ..pricing.usage import Usage
from .nat import StackProposal, one_nat_gateway
from .proposal import Proposal
from .rules import current, proposals
from .settings import Settings
from .storage_class import s3_intelligent_tiering

SAVING_EPSILON = 0.005  # less than a cent a month is no saving


def _with(props: Mapping[str, Any], changes: Sequence[tuple[str, Any]]) -> dict[str, Any]:
    out = copy.deepcopy(dict(props))
    for path, value in changes:
        target = out
        *parents, leaf = path.split(".")
        for key in parents:
            target = target.setdefault(key, {})
        target[leaf] = value
    return out


def ignored(rule: str, type_token: str, ignore: Iterable[str]) -> bool:
    """`ignore` lists recommendation ids (`graviton`) and type tokens (globs allowed)."""
    return any(rule == pattern or fnmatchcase(type_token, pattern) for pattern in ignore)


def _usage_of(pricer: Pricer, resource: ResourceInput) -> dict[str, float]:
    return pricer.usage.for_resource(resource.urn, resource.name, resource.type)


def with_usage(pricer: Pricer, resource: ResourceInput, values: Mapping[str, float]) -> Pricer:
    """`pricer` with the usage file's quantities for `resource` overridden by `values`."""
    if not values:
        return pricer
    base = pricer.usage
    exact = {**base.exact, resource.urn: {**_usage_of(pricer, resource), **values}}  # the URN entry wins
    return Pricer(pricer.sources, Usage(exact, base.globs, base.types))


def _cheaper(est: CostEstimate, after: CostEstimate) -> Optional[tuple[float, float]]:
    """(before, after) when `after` is priced, finite, in the same currency and region, and cheaper."""
    before, now = as_finite(est.monthly), as_finite(after.monthly)
    if after.status != PRICED or before is None or now is None or after.currency != est.currency \
            or after.region != est.region or before - now < SAVING_EPSILON:
        return None
    return before, now


Priced = dict[str, CostEstimate]  # a run's proposals already priced, by what decides their price


def _price_key(pricer: Pricer, changed: ResourceInput, usage: Iterable[tuple[str, float]]) -> Optional[str]:
    """What decides a proposal's price: the changed resource's type, properties, provider, stack
    config and usage (not its name). Identical resources (a hundred t3.micro) are priced once."""
    try:
        return json.dumps([changed.type, changed.props, changed.provider_props, dict(changed.config),
                           {**_usage_of(pricer, changed), **dict(usage)}], sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):  # a value JSON cannot hold: priced each time
        return None


def _priced(pricer: Pricer, est: CostEstimate, proposal: Proposal, seen: Priced) -> Optional[Recommendation]:
    """`est` is the resource as the book prices it."""
    resource = est.resource
    if resource is None:
        return None
    changed = ResourceInput(resource.urn, resource.type, resource.name, _with(resource.props, proposal.changes),
                            resource.provider_props, resource.config, resource.custom, resource.env)
    key = _price_key(pricer, changed, proposal.usage)
    after = seen.get(key) if key is not None else None
    if after is None:
        after = with_usage(pricer, resource, dict(proposal.usage)).estimate(changed)
        if key is not None:
            seen[key] = after
    costs = _cheaper(est, after)
    if costs is None:
        return None
    before, now = costs
    changes = tuple(Change(path, current(resource.props, path) or _default(path), new) for path, new in proposal.changes)
    caveat = "; ".join(c for c in (proposal.caveat, proposal.explain(after.components) if proposal.explain else "") if c)
    return Recommendation(proposal.rule, est.urn, est.name, est.type, proposal.title, changes, before - now,
                          est.currency or "", before, now, caveat, region=est.region)


def _book_priced(book: Pricer, est: CostEstimate) -> CostEstimate:
    return est if est.source.startswith("specs") or est.resource is None else book.estimate(est.resource)


def _priced_stack(book: Pricer, proposal: StackProposal) -> Optional[Recommendation]:
    """The members' total now against the kept one re-priced with the usage they shared."""
    members = [_book_priced(book, e) for e in proposal.members]
    keep = _book_priced(book, proposal.keep)
    costs = [as_finite(e.monthly) for e in members]
    if keep.resource is None or any(e.status != PRICED or c is None or e.currency != keep.currency
                                    or e.region != keep.region for e, c in zip(members, costs)):
        return None
    whole = replace(keep, monthly=sum(c for c in costs if c is not None))
    after = with_usage(book, keep.resource, dict(proposal.usage)).estimate(keep.resource)
    priced = _cheaper(whole, after)
    if priced is None:
        return None
    before, now = priced
    return Recommendation(proposal.rule, "", proposal.name, keep.type, proposal.title, proposal.changes, before - now,
                          keep.currency or "", before, now, proposal.caveat, region=keep.region)


def _default(path: str) -> Optional[str]:
    """What the provider uses when the property is unset (a volume's type defaults to gp2)."""
    return "gp2" if path in ("type", "rootBlockDevice.volumeType", "storageType") else None


def recommend(estimates: Iterable[CostEstimate], pricer: Pricer, ignore: Sequence[str] = (),
              min_saving: float = 0.0, settings: Settings = Settings()) -> list[Recommendation]:
    """Our recommendations for priced resources, the cheapest per resource and rule, then the
    stack-level ones."""
    book = Pricer([s for s in pricer.sources if isinstance(s, PriceBookSource)], pricer.usage)
    estimates = list(estimates)
    stack = [e.resource for e in estimates if e.resource is not None]

    def candidates(res: ResourceInput) -> list[Proposal]:
        return proposals(res.type, res.props) + list(s3_intelligent_tiering(res, _usage_of(book, res), stack, settings))

    out: list[Recommendation] = []
    seen: Priced = {}
    for priced in estimates:
        if priced.status != PRICED or priced.resource is None or not candidates(priced.resource):
            continue
        est = _book_priced(book, priced)
        if est.status != PRICED:
            continue
        best: dict[str, Recommendation] = {}
        second_to: dict[str, str] = {}
        for proposal in candidates(est.resource):
            if ignored(proposal.rule, est.type, ignore):
                continue
            rec = _priced(book, est, proposal, seen)
            second_to[proposal.rule] = proposal.second_to
            if rec is not None and rec.saving >= min_saving and \
                    (proposal.rule not in best or rec.saving > best[proposal.rule].saving):
                best[proposal.rule] = rec
        out += [rec for rule, rec in best.items()
                if second_to[rule] not in best or rec.saving > best[second_to[rule]].saving]
    for proposal in one_nat_gateway(estimates, lambda e: _usage_of(book, e.resource), settings):
        if not ignored(proposal.rule, proposal.keep.type, ignore):
            rec = _priced_stack(book, proposal)
            if rec is not None and rec.saving >= min_saving:
                out.append(rec)
    return out

