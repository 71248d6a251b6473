"""A savings recommendation, whoever made it: our rules (re-priced from the book) or a cost plugin
(finfocus.v1 GetRecommendations). One shape for the policy, the reports and the merge.

Two recommendations are the same when they are about the same resource and propose the same new
values (ours `instanceType: "m4.large" -> "m5.large"`, a plugin's rightsizing to `m5.large`): the
merge keeps one, with every source that made it.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from typing import Any, Iterable, Optional

from ..money import money

OURS = "pulumicost"


@dataclass(frozen=True)
class Change:
    """One property change: `path` as the mappers read it (`rootBlockDevice.volumeType`)."""

    path: str
    old: Any
    new: Any

    def text(self) -> str:
        return f"{self.path}: {shown(self.old)} -> {shown(self.new)}"


def shown(value: Any) -> str:
    """Strings quoted, lists and mappings (a lifecycle rule, the NAT gateways kept) as JSON."""
    if value is None:
        return "unset"
    return f'"{value}"' if isinstance(value, str) else json.dumps(value, sort_keys=True, default=str)


@dataclass(frozen=True)
class Recommendation:
    """A cheaper equivalent of one resource: what to change, and the monthly cost before and after.

    `current`/`proposed` are None when the source did not say (a plugin may give the saving only);
    `saving` is always a finite number > 0 (a recommendation with an unknown saving is dropped)."""

    id: str                      # the rule (`ebs-gp2-to-gp3`) or the plugin's recommendation id
    urn: str
    name: str
    type: str
    title: str                   # "EBS gp2 -> gp3 (same size)"
    changes: tuple[Change, ...]
    saving: float
    currency: str
    current: Optional[float] = None
    proposed: Optional[float] = None
    caveat: str = ""             # "if your AMI is arm64"
    sources: tuple[str, ...] = (OURS,)
    region: str = ""

    def key(self) -> tuple:
        """What makes two recommendations the same advice (see the module doc)."""
        return (self.urn, frozenset(str(c.new) for c in self.changes) or self.id)

    def message(self) -> str:
        """One line: resource, change, saving (and costs), caveat, sources."""
        costs = f" ({money(self.current, self.currency)} -> {money(self.proposed, self.currency)})" \
            if self.current is not None and self.proposed is not None else ""
        change = "; ".join(c.text() for c in self.changes) or self.title
        caveat = f", {self.caveat}" if self.caveat else ""
        return (f"{self.name}: {self.title}: {change} saves {money(self.saving, self.currency)} {self.currency}/month"
                f"{costs}{caveat} [{', '.join(self.sources)}; id {self.id}]")

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "urn": self.urn, "name": self.name, "type": self.type, "region": self.region,
                "title": self.title, "changes": [{"path": c.path, "from": c.old, "to": c.new} for c in self.changes],
                "current_monthly": _json_amount(self.current), "proposed_monthly": _json_amount(self.proposed),
                "monthly_saving": _json_amount(self.saving), "currency": self.currency, "caveat": self.caveat,
                "sources": list(self.sources)}


def _json_amount(value: Optional[float]) -> Optional[float]:
    """An amount for the JSON report at 6 decimals, as the report writes costs (a difference of two
    prices is 1.46 there, not 1.4600000000000009)."""
    return None if value is None else round(value, 6)


def usable(rec: Recommendation) -> bool:
    """Finite, positive saving and finite costs where given: anything else is no recommendation."""
    return math.isfinite(rec.saving) and rec.saving > 0 and all(
        v is None or (math.isfinite(v) and v >= 0) for v in (rec.current, rec.proposed))


def merge(*groups: Iterable[Recommendation]) -> list[Recommendation]:
    """One recommendation per advice, earlier groups first (ours, priced from the book, before a
    plugin's), each naming every source that gave it; the largest saving first."""
    kept: dict[tuple, Recommendation] = {}
    for group in groups:
        for rec in group:
            if not usable(rec):
                continue
            same = kept.get(rec.key())
            if same is None:
                kept[rec.key()] = rec
            elif not set(rec.sources) <= set(same.sources):
                kept[rec.key()] = replace(same, sources=same.sources + tuple(s for s in rec.sources
                                                                             if s not in same.sources))
    return sorted(kept.values(), key=lambda r: (-r.saving, r.name, r.id))
