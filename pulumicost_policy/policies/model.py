"""What a policy is, what it returns, and what a stack policy sees — without the Pulumi SDK.

One `CostPolicy` object per policy (name, description, kind, config schema, check). The pack wraps
each into a pulumi-policy policy (`pack.sdk`), the offline gate calls the same `check`, so the two
cannot drift apart. Every check returns a list of `Finding`s, whatever the policy.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Mapping, Optional, Sequence

import jsonschema

from ..pricing.finite import non_finite_paths
from ..suggest import did_you_mean
from ..pricing.pricer import Pricer
from ..pricing.rollup import StackCost

RESOURCE, STACK = "resource", "stack"
LEVEL_KEY = "enforcementLevel"  # the engine's key in each policy's config, not a property

# What a finding is. A violation is reported at the policy's enforcement level; a note is data for
# the stack summary and the report (a budget verdict within budget, a warning below the budget);
# not-applicable tells the engine the policy does not apply to this resource or stack.
VIOLATION, WARNING, NOTE, NOT_APPLICABLE = "violation", "warning", "note", "not_applicable"


@dataclass(frozen=True)
class Finding:
    """One result of a check: a message, what it is, the resource it is about (None: the stack) and
    machine-readable detail for reports (a budget verdict row)."""

    message: str
    kind: str = VIOLATION
    urn: Optional[str] = None
    data: Mapping[str, Any] = field(default_factory=dict)


def violations(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.kind == VIOLATION]


@dataclass
class StackContext:
    """What a stack check sees: the stack's estimates rolled up, how to price a baseline, and the
    findings of the stack policies that ran before it in this call (the summary reports them)."""

    stack: StackCost
    pricer: Pricer
    baseline: Optional[StackCost] = None        # the offline run's baseline from a digest's old state
    earlier: dict[str, list[Finding]] = field(default_factory=dict)
    problems: Sequence[str] = ()                # cost-source and usage-file problems, for the summary
    stack_name: str = ""
    project: str = ""


@dataclass(frozen=True, eq=False)
class CostPolicy:
    """A policy of the pack. `schema` is the JSON schema of each config property (the public,
    documented interface); `reports_cost` marks the two policies whose diagnostics *are* the cost
    report (the offline run prints a table instead, so its gate leaves them out)."""

    name: str
    description: str
    kind: str
    schema: Mapping[str, Mapping[str, Any]]
    check: Callable[..., list[Finding]]
    reports_cost: bool = False
    # Shown by Pulumi Cloud with each violation: how serious it is, and what the user can do.
    severity: str = "low"
    remediation: str = ""

    def with_defaults(self, config: Mapping[str, Any]) -> dict[str, Any]:
        """Schema defaults under the given config (the engine applies them; other callers may not)."""
        out = {k: v["default"] for k, v in self.schema.items() if "default" in v}
        out.update(config or {})
        return out

    def errors(self, config: Mapping[str, Any]) -> list[str]:
        """Readable schema errors (`monthlyBudget: 'lots' is not of type 'number'`), cached by content:
        resource policies see the same config for every resource."""
        try:
            key = json.dumps(dict(config or {}), sort_keys=True, allow_nan=False)
        except (TypeError, ValueError):  # NaN or infinity (refused in _errors), or not JSON at all
            return _errors(self, config)
        return list(_cached_errors(self, key))

    def run(self, subject: Any, config: Mapping[str, Any]) -> list[Finding]:
        """Defaults applied and config validated first: an invalid config is one violation saying so."""
        config, errors = _prepare(self, config)
        if errors:
            return [Finding(f"invalid {self.name} config: " + "; ".join(errors))]
        return self.check(subject, config)


def _prepare(policy: CostPolicy, config: Mapping[str, Any]) -> tuple[Mapping[str, Any], Sequence[str]]:
    """The config with defaults and its errors. A config of plain values (every one so far) is
    prepared once and shared read-only: a resource policy sees the same config for every resource,
    a fresh copy each time from the SDK. The key keeps each value's type (`True` is not `1`)."""
    try:
        key = tuple(sorted((str(k), type(v).__name__, v) for k, v in (config or {}).items()))
        hash(key)
    except TypeError:  # a list or map value: prepared each time
        full = policy.with_defaults(config)
        return full, policy.errors(full)
    return _prepared(policy, key)


@functools.lru_cache(maxsize=256)
def _prepared(policy: CostPolicy, key: tuple) -> tuple[Mapping[str, Any], tuple[str, ...]]:
    full = policy.with_defaults({k: v for k, _, v in key})
    return MappingProxyType(full), tuple(policy.errors(full))


@functools.lru_cache(maxsize=256)
def _cached_errors(policy: CostPolicy, config_json: str) -> tuple[str, ...]:
    return tuple(_errors(policy, json.loads(config_json)))


@functools.lru_cache(maxsize=None)
def _validator(policy: CostPolicy) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator({"type": "object", "properties": dict(policy.schema)})


def _errors(policy: CostPolicy, config: Mapping[str, Any]) -> list[str]:
    bad = non_finite_paths(dict(config or {}))
    if bad:  # NaN passes every `minimum`; 10**400 overflows float(): refused before the schema
        return [f"{where}: should be a finite number" for where in bad]
    out = [_unknown_key(policy, key) for key in sorted(map(str, config or {}))
           if key not in policy.schema and key != LEVEL_KEY]
    for err in sorted(_validator(policy).iter_errors(dict(config)), key=lambda e: list(e.path)):
        where = ".".join(str(p) for p in err.path) or "config"
        out.append(f"{where}: {_short(err)}")
    return out


def _unknown_key(policy: CostPolicy, key: str) -> str:
    """A misspelled key must not pass silently (`montlyBudget` would leave the budget unset)."""
    valid = sorted(policy.schema)
    hint = did_you_mean(key, valid)
    return (f"{key}: unknown key{hint}; valid keys: {', '.join(valid) or 'none'}" if valid
            else f"{key}: unknown key; {policy.name} takes no settings besides enforcementLevel")


def _short(err: jsonschema.ValidationError) -> str:
    if err.validator == "enum" and "currency" in [str(p) for p in err.path]:
        return "should be an ISO 4217 currency code such as USD or EUR"
    return err.message
