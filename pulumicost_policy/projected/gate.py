"""The policies without the engine: `--policy-pack-config` for the offline run (the CI gate).

The same `POLICIES` objects the pack runs, with config reconciled by `policies.levels` (as the
engine does it). The two policies whose findings are the cost report itself (`cost-estimate`,
`stack-cost-summary`) are left out: the offline run prints its table instead. Output mimics
Pulumi's "Policies:" section.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..policies import BY_NAME, POLICIES, RESOURCE, VIOLATION, ConfigError, Finding, StackContext, reconcile
from ..reporting.text import printable
from ..reporting.document import Projection
from ..inputs.plan import PlanError, read_json

Config = dict[str, tuple[str, dict[str, Any]]]


@dataclass(frozen=True)
class Violation:
    policy: str
    level: str
    message: str
    resource: str = ""   # "type: name", or "" for the stack


def load_config(path: Optional[Path]) -> Config:
    raw: Any = {}
    if path is not None:
        try:
            raw = read_json(path, "a policy pack config JSON file")
        except PlanError as err:
            raise ConfigError(str(err)) from None
    return reconcile(raw, POLICIES, str(path))


def run_policies(projection: Projection, config: Config, ctx: StackContext) -> dict[str, list[Finding]]:
    """Every enabled policy's findings, in pack order (stack policies see the earlier ones)."""
    found: dict[str, list[Finding]] = {}
    for policy in POLICIES:
        level, props = config[policy.name]
        if level == "disabled" or policy.reports_cost:
            continue
        if policy.kind == RESOURCE:
            found[policy.name] = [f for row in projection.rows for f in policy.run(row.estimate, props)]
        else:
            found[policy.name] = ctx.earlier[policy.name] = policy.run(ctx, props)
    return found


def violations(projection: Projection, config: Config, found: dict[str, list[Finding]]) -> list[Violation]:
    """The violations to print, at each policy's level (remediate is mandatory, as for the engine's
    stack policies)."""
    stack = projection.stack
    out = []
    for name, findings in found.items():
        level = config[name][0]
        for f in findings:
            if f.kind != VIOLATION:
                continue
            est = stack.estimates.get(f.urn) if f.urn else None
            out.append(Violation(name, "mandatory" if level == "remediate" else level, f.message,
                                 f"{est.type}: {est.name}" if est else ""))
    return out


def print_policies(found: list[Violation], pack_label: str, stack_label: str, out, ran: int = 1) -> None:
    """Pulumi's display: one pack line, then `- [level]  policy  (type: name)` and the message.
    `ran`: how many policies ran; none is not "all passed"."""
    if not ran:
        out.write(f"Policies:\n    ➖ {pack_label}: no policy ran (every gate policy is disabled)\n")
        return
    if not found:
        out.write(f"Policies:\n    ✅ {pack_label}\n")
        return
    mark = "❌" if any(v.level == "mandatory" for v in found) else "⚠️"
    out.write(f"Policies:\n    {mark} {pack_label}\n")
    for v in found:
        out.write(f"        - [{v.level}]  {v.policy}  ({printable(v.resource or stack_label)})\n")
        out.write(f"          {BY_NAME[v.policy].description}\n")
        for line in printable(v.message).splitlines():
            out.write(f"          {line}\n")


def as_json(found: list[Violation]) -> list[dict[str, str]]:
    return [{"policy": v.policy, "enforcement_level": v.level, "message": v.message, "resource": v.resource}
            for v in found]
