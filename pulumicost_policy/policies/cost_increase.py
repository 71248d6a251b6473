"""`cost-increase`: the stack's monthly total may not rise more than allowed over a baseline.

The baseline is the cost of the stack as it is now: a `pulumi stack export` file
(`baselineStateFile`), or, in the offline run over a preview digest, the old state of the
resources the plan keeps, updates, replaces or deletes. Without one the policy is not applicable.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Optional

from pulumi_policy import Policy, StackValidationArgs

from ..pricing.estimate import money
from ..pricing.pricer import Pricer
from ..pricing.rollup import StackCost, rollup
from ..projected import plan
from .config import config_errors, declare, with_defaults
from .runtime import PackState

NAME = "cost-increase"
DESCRIPTION = "Monthly cost rise over the current stack within limits."


def baseline_from_state(pricer: Pricer, path: str) -> StackCost:
    """Price a stack export file; raises plan.PlanError with a clear message when it is unusable."""
    planned = plan.load(Path(path), "state")
    return rollup(pricer.estimate(p.resource) for p in planned)


def check(current: StackCost, baseline: Optional[StackCost], config: Mapping[str, Any]) -> tuple[list[str], str]:
    """(violations, not-applicable reason); pure, shared with the offline run."""
    config = with_defaults(NAME, config)
    errors = config_errors(NAME, config)
    if errors:
        return ["invalid cost-increase config: " + "; ".join(errors)], ""
    if "maxIncrease" not in config and "maxIncreasePercent" not in config:
        return [], "no maxIncrease or maxIncreasePercent configured"
    if baseline is None:
        return [], "no baseline: set baselineStateFile to a `pulumi stack export` file"
    currency = config["currency"]
    if set(current.totals) - {currency} or set(baseline.totals) - {currency}:
        return [f"costs are not all in {currency}; no currency conversion is done"], ""
    before, after = baseline.totals.get(currency, 0.0), current.totals.get(currency, 0.0)
    rise = after - before
    out = []
    if "maxIncrease" in config and rise > config["maxIncrease"]:
        out.append(f"monthly cost rises by {money(rise)} {currency} ({money(before)} -> {money(after)}), "
                   f"more than the {money(config['maxIncrease'])} allowed")
    if "maxIncreasePercent" in config and rise > 0:
        pct = float("inf") if before == 0 else 100.0 * rise / before
        if pct > config["maxIncreasePercent"]:
            shown = "from nothing" if before == 0 else f"{pct:.1f}%"
            out.append(f"monthly cost rises by {shown} ({money(before)} -> {money(after)} {currency}), "
                       f"more than the {config['maxIncreasePercent']:g}% allowed")
    return out, ""


def make(state: PackState) -> Policy:
    def validate(args: StackValidationArgs, report_violation) -> None:
        config = args.get_config()
        baseline = None
        if config.get("baselineStateFile"):
            try:
                baseline = baseline_from_state(state.pricer, config["baselineStateFile"])
            except plan.PlanError as err:
                report_violation(f"baseline unusable: {err}")
                return
        violations, not_applicable = check(state.stack_cost(NAME, args)[0], baseline, config)
        if not_applicable:
            args.not_applicable(not_applicable)
        for message in violations:
            report_violation(message)

    return declare("stack", NAME, DESCRIPTION, validate)
