"""`cost-allocation-tags`: every billable resource carries the tags its cost is allocated by.

Free resources are exempt (nothing to allocate); priced, usage-billed and unpriced ones are not.
A tag the provider adds by default (AWS `defaultTags`, GCP `defaultLabels`) counts, as the cloud
bills it. The stack summary carries the untagged spend ("$X/month untagged, N resources"); an
unpriced untagged resource makes that figure a lower bound, and the message says so rather than
count it as $0. A stack policy, so it sees the whole stack; mandatory fails the preview.
"""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from typing import Any, Mapping, Optional

from ..descriptor.tags import tag_state
from ..money import money
from ..pricing.estimate import FREE, PRICED, CostEstimate
from ..pricing.finite import total
from .model import NOT_APPLICABLE, NOTE, STACK, CostPolicy, Finding, StackContext

NAME = "cost-allocation-tags"
UNTAGGED = "untagged"  # the data key of the summary finding

TAG_RULE = {"oneOf": [
    {"type": "string", "minLength": 1},
    {"type": "object", "required": ["key"], "additionalProperties": False, "properties": {
        "key": {"type": "string", "minLength": 1},
        "values": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "pattern": {"type": "string", "minLength": 1}}},
]}
SCHEMA = {
    "requiredTags": {"type": "array", "items": TAG_RULE, "default": [],
                     "description": 'Tags every billable resource must carry: a key ("team"), or '
                                    '{"key": "env", "values": ["prod", "dev"]} or {"key": "cost-center", '
                                    '"pattern": "^cc-[0-9]+$"} (a regular expression the whole value must match). '
                                    "The provider's default tags count."},
    "ignoreTypes": {"type": "array", "items": {"type": "string"}, "default": [],
                    "description": "Type tokens (globs allowed) exempt from the rule, e.g. types that cannot "
                                   "carry tags."},
}


class Rule:
    """One required tag: a key, and optionally the values or the pattern its value must have."""

    def __init__(self, raw: Any) -> None:
        raw = {"key": raw} if isinstance(raw, str) else dict(raw)
        self.key: str = raw["key"]
        self.values: Optional[list[str]] = raw.get("values")
        self.pattern = re.compile(raw["pattern"]) if raw.get("pattern") else None

    def problem(self, tags: Mapping[str, str], pending: frozenset[str]) -> Optional[str]:
        """What is wrong with the resource's value of this tag, or None. Values are never echoed
        (a tag value may be a secret), only the key and what was expected."""
        if self.key in pending:
            if self.values is None and self.pattern is None:
                return None  # the key will be there; any value does
            return f"{self.key} (value unknown until apply, so it cannot be checked)"
        if self.key not in tags:
            return self.key
        value = tags[self.key]
        if self.values is not None and value not in self.values:
            return f"{self.key} (value not one of {', '.join(self.values)})"
        if self.pattern is not None and not self.pattern.fullmatch(value):
            return f"{self.key} (value does not match {self.pattern.pattern})"
        return None


def rules(config: Mapping[str, Any]) -> list[Rule] | str:
    """The parsed rules, or the config error (a pattern that is not a regular expression)."""
    out = []
    for i, raw in enumerate(config.get("requiredTags") or []):
        try:
            out.append(Rule(raw))
        except re.error as err:
            return f"requiredTags[{i}].pattern is not a regular expression ({err})"
    return out


def missing(est: CostEstimate, required: list[Rule]) -> list[str]:
    """The required tags the resource lacks (or carries with a wrong value)."""
    if est.resource is None:
        return []
    state = tag_state(est.resource)
    if state.unknown:
        return ["all (the tags are unknown until apply, so none can be checked)"]
    return [p for p in (r.problem(state.known, state.pending) for r in required) if p]


def _cost(est: CostEstimate) -> str:
    if est.status == PRICED and est.monthly is not None:
        return f"{money(est.monthly, est.currency or 'USD')}/month"
    return "cost unknown" if est.status != "usage_based" else "cost by usage"


def summary(untagged: list[CostEstimate]) -> str:
    """'$X/month untagged, N resources', saying how much of it is unknown."""
    by_currency: dict[str, list[float]] = {}
    unknown = 0
    for est in untagged:
        if est.status == PRICED and est.monthly is not None and est.currency:
            by_currency.setdefault(est.currency, []).append(est.monthly)
        else:
            unknown += 1
    spend = " + ".join(f"{money(total(v), c)} {c}" for c, v in sorted(by_currency.items())) or f"{money(0.0, 'USD')} USD"
    text = f"{spend}/month untagged, {len(untagged)} resource{'s' if len(untagged) != 1 else ''}"
    if unknown:
        text += f" ({unknown} of them not priced or billed by usage: the untagged spend is at least this)"
    return text


def check(ctx: StackContext, config: Mapping[str, Any]) -> list[Finding]:
    required = rules(config)
    if isinstance(required, str):
        return [Finding(f"invalid {NAME} config: {required}")]
    if not required:
        return [Finding("no requiredTags configured", NOT_APPLICABLE)]
    ignore = config.get("ignoreTypes") or []
    found: list[Finding] = []
    untagged: list[CostEstimate] = []
    for est in ctx.stack.estimates.values():
        if est.status == FREE or est.component or any(fnmatchcase(est.type, g) for g in ignore):
            continue
        lacking = missing(est, required)
        if lacking:
            untagged.append(est)
            found.append(Finding(f"{est.name} ({est.type}, {_cost(est)}) lacks required tags: {', '.join(lacking)}",
                                 urn=est.urn))
    text = summary(untagged)
    data = {UNTAGGED: {"text": text, "count": len(untagged),
                       "monthly": {c: total([e.monthly for e in untagged if e.currency == c and e.status == PRICED
                                             and e.monthly is not None])
                                   for c in sorted({e.currency for e in untagged if e.currency})},
                       "unpriced": sum(1 for e in untagged if e.status != PRICED)}}
    return found + [Finding(text, NOTE, data=data)]


def untagged_of(findings: list[Finding]) -> Optional[dict]:
    """The untagged spend the policy found in this run, if it ran (for the stack summary and report)."""
    return next((f.data[UNTAGGED] for f in findings if UNTAGGED in f.data), None)


POLICY = CostPolicy(NAME, "Billable resources carry the cost-allocation tags.", STACK, SCHEMA, check,
                    severity="medium",
                    remediation="Add the tags the message names to the resource, or to the provider's default tags "
                                "(AWS defaultTags, GCP defaultLabels); list types that cannot carry tags in ignoreTypes.")
