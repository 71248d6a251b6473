"""Enforcement levels and policy config, reconciled the way the Pulumi engine does it — in one place.

For each policy: its default level and its schema defaults, then `all`, then the policy's own entry
(a level string, or an object with `enforcementLevel` and properties), then schema validation. The
offline gate uses this on a `--policy-pack-config` file; the test harness, standing in for the
engine, uses it before calling Configure.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from .model import CostPolicy

LEVELS = ("advisory", "mandatory", "remediate", "disabled")
DEFAULT_LEVEL = "advisory"


class ConfigError(Exception):
    """The policy pack config is unusable; the message names the file, policy and property."""


def reconcile(raw: Any, policies: Iterable[CostPolicy], where: str = "config",
              defaults: Mapping[str, str] | None = None, validate: bool = True) -> dict[str, tuple[str, dict[str, Any]]]:
    """{policy name: (level, properties)}. `defaults` overrides a policy's default level (the levels
    a pack declares to the engine). Remediate is kept: the caller decides what it means for it.
    `validate=False` only for a stand-in engine that must be able to send what a real one refuses."""
    policies = list(policies)
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected an object of policy name -> level or {{enforcementLevel, ...}}")
    raw = dict(raw)
    raw.pop("environments", None)  # ESC environments are resolved by the Pulumi CLI, not here
    all_level = raw.pop("all", None)
    names = [p.name for p in policies]
    unknown = sorted(set(raw) - set(names))
    if unknown:
        raise ConfigError(f"{where}: unknown policy {', '.join(unknown)}; policies are {', '.join(names)}")
    out = {}
    for policy in policies:
        level = all_level or (defaults or {}).get(policy.name, DEFAULT_LEVEL)
        props = policy.with_defaults({})
        entry = raw.get(policy.name)
        if isinstance(entry, str):
            level = entry
        elif isinstance(entry, dict):
            entry = dict(entry)
            level = entry.pop("enforcementLevel", level)
            props.update(entry)
        elif entry is not None:
            raise ConfigError(f"{where}: {policy.name} should be a level string or an object")
        if level not in LEVELS:
            raise ConfigError(f"{where}: {policy.name}: enforcementLevel should be one of {', '.join(LEVELS)}")
        errors = policy.errors(props) if validate else []
        if errors:
            raise ConfigError(f"{where}: validating policy config: pulumicost {policy.name}: {'; '.join(errors)}")
        out[policy.name] = (level, props)
    return out
