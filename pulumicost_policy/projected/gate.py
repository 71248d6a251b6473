"""The policies without the engine: `--policy-pack-config` for the offline run (the CI gate).

Config is reconciled the way the engine does it (each policy's default level and schema
defaults, then `all`, then the policy's entry), validated against the same schemas, and the
same policy functions decide. Output mimics Pulumi's "Policies:" section.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..policies import budgets, cost_increase, resource_limit, unpriced
from ..policies.config import SCHEMAS, config_errors, with_defaults
from ..pricing.rollup import StackCost
from .plan import PlanError, read_json
from .report import Projection

LEVELS = ("advisory", "mandatory", "remediate", "disabled")
DESCRIPTIONS = {m.NAME: m.DESCRIPTION for m in (resource_limit, budgets, unpriced, cost_increase)}
GATED = (resource_limit.NAME, budgets.NAME, unpriced.NAME, cost_increase.NAME)


class ConfigError(Exception):
    """The policy pack config is unusable; the message names the file, policy and property."""


@dataclass(frozen=True)
class Violation:
    policy: str
    level: str
    message: str
    resource: str = ""   # "type: name", or "" for the stack


def load_config(path: Optional[Path]) -> dict[str, tuple[str, dict[str, Any]]]:
    raw: Any = {}
    if path is not None:
        try:
            raw = read_json(path, "a policy pack config JSON file")
        except PlanError as err:
            raise ConfigError(str(err)) from None
    return reconcile(raw, str(path))


def reconcile(raw: Any, where: str = "config") -> dict[str, tuple[str, dict[str, Any]]]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected an object of policy name -> level or {{enforcementLevel, ...}}")
    raw = dict(raw)
    raw.pop("environments", None)  # ESC environments are resolved by the Pulumi CLI, not here
    all_level = raw.pop("all", None)
    unknown = sorted(set(raw) - set(SCHEMAS))
    if unknown:
        raise ConfigError(f"{where}: unknown policy {', '.join(unknown)}; policies are {', '.join(SCHEMAS)}")
    out = {}
    for name in SCHEMAS:
        level, props = all_level or "advisory", with_defaults(name, {})
        entry = raw.get(name)
        if isinstance(entry, str):
            level = entry
        elif isinstance(entry, dict):
            entry = dict(entry)
            level = entry.pop("enforcementLevel", level)
            props.update(entry)
        elif entry is not None:
            raise ConfigError(f"{where}: {name} should be a level string or an object")
        if level not in LEVELS:
            raise ConfigError(f"{where}: {name}: enforcementLevel should be one of {', '.join(LEVELS)}")
        errors = config_errors(name, props)
        if errors:
            raise ConfigError(f"{where}: validating policy config: pulumicost {name}: {'; '.join(errors)}")
        out[name] = ("mandatory" if level == "remediate" else level, props)
    return out


def evaluate(projection: Projection, config: dict[str, tuple[str, dict[str, Any]]],
             baseline: Optional[StackCost]) -> list[Violation]:
    stack = projection.stack
    found: list[Violation] = []
    level, props = config[resource_limit.NAME]
    if level != "disabled":
        for row in projection.rows:
            for msg in resource_limit.check(row.estimate, props):
                found.append(Violation(resource_limit.NAME, level, msg, f"{row.estimate.type}: {row.estimate.name}"))
    level, props = config[budgets.NAME]
    if level != "disabled":
        found += [Violation(budgets.NAME, level, msg) for msg in budgets.evaluate(stack, props).violations]
    level, props = config[unpriced.NAME]
    if level != "disabled":
        for msg, urn in unpriced.check(stack, props):
            est = stack.estimates.get(urn)
            found.append(Violation(unpriced.NAME, level, msg, f"{est.type}: {est.name}" if est else ""))
    level, props = config[cost_increase.NAME]
    if level != "disabled":
        found += [Violation(cost_increase.NAME, level, msg)
                  for msg in cost_increase.check(stack, baseline, props)[0]]
    return found


def print_policies(violations: list[Violation], pack_label: str, stack_label: str, out) -> None:
    """Pulumi's display: one pack line, then `- [level]  policy  (type: name)` and the message."""
    if not violations:
        out.write(f"Policies:\n    ✅ {pack_label}\n")
        return
    mark = "❌" if any(v.level == "mandatory" for v in violations) else "⚠️"
    out.write(f"Policies:\n    {mark} {pack_label}\n")
    for v in violations:
        out.write(f"        - [{v.level}]  {v.policy}  ({v.resource or stack_label})\n")
        out.write(f"          {DESCRIPTIONS[v.policy]}\n")
        for line in v.message.splitlines():
            out.write(f"          {line}\n")


def as_json(violations: list[Violation]) -> list[dict[str, str]]:
    return [{"policy": v.policy, "enforcement_level": v.level, "message": v.message, "resource": v.resource}
            for v in violations]

