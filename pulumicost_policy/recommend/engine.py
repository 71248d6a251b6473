"""Recommendations priced from the book: each rule's proposal is applied to a copy of the
resource's properties, and the copy and the original go through the same descriptor and `Pricer`
path (the run's usage, the price book's sources of the run's chain). Both sides come from the
book, so a plugin's price for the original is never compared with a list price for the copy, and
no plugin is asked about resources nobody planned. A proposal is kept only when both are priced,
in the same currency and region, and the copy costs less; per resource and rule the cheapest
proposal wins (m4 -> m5 rather than m4 -> m7i when m5 is cheaper).
"""
from __future__ import annotations

import copy
from fnmatch import fnmatchcase
from typing import Any, Iterable, Mapping, Optional, Sequence

from ..descriptor import ResourceInput
from ..pricing.estimate import PRICED, CostEstimate
from ..pricing.finite import as_finite
from ..pricing.pricer import PriceBookSource, Pricer
from ..pricing.recommendation import Change, Recommendation
from .rules import Proposal, current, proposals

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


def _priced(pricer: Pricer, est: CostEstimate, proposal: Proposal) -> Optional[Recommendation]:
    """`est` is the resource as the book prices it."""
    resource = est.resource
    if resource is None:
        return None
    changed = ResourceInput(resource.urn, resource.type, resource.name, _with(resource.props, proposal.changes),
                            resource.provider_props, resource.config, resource.custom, resource.env)
    after = pricer.estimate(changed)
    before, now = as_finite(est.monthly), as_finite(after.monthly)
    if after.status != PRICED or before is None or now is None or after.currency != est.currency \
            or after.region != est.region or before - now < SAVING_EPSILON:
        return None
    changes = tuple(Change(path, current(resource.props, path) or _default(path), new) for path, new in proposal.changes)
    return Recommendation(proposal.rule, est.urn, est.name, est.type, proposal.title, changes, before - now,
                          est.currency or "", before, now, proposal.caveat, region=est.region)


def _default(path: str) -> Optional[str]:
    """What the provider uses when the property is unset (a volume's type defaults to gp2)."""
    return "gp2" if path in ("type", "rootBlockDevice.volumeType", "storageType") else None


def recommend(estimates: Iterable[CostEstimate], pricer: Pricer, ignore: Sequence[str] = (),
              min_saving: float = 0.0) -> list[Recommendation]:
    """Our recommendations for priced resources, the cheapest per resource and rule."""
    book = Pricer([s for s in pricer.sources if isinstance(s, PriceBookSource)], pricer.usage)
    out: list[Recommendation] = []
    for priced in estimates:
        if priced.status != PRICED or priced.resource is None or not proposals(priced.type, priced.resource.props):
            continue
        est = priced if priced.source.startswith("specs") else book.estimate(priced.resource)
        if est.status != PRICED:
            continue
        best: dict[str, Recommendation] = {}
        for proposal in proposals(est.type, est.resource.props):
            if ignored(proposal.rule, est.type, ignore):
                continue
            rec = _priced(book, est, proposal)
            if rec is not None and rec.saving >= min_saving and \
                    (proposal.rule not in best or rec.saving > best[proposal.rule].saving):
                best[proposal.rule] = rec
        out += best.values()
    return out

