"""`cost-increase`: the stack's monthly total may not rise more than allowed over a baseline.

The baseline is the cost of the stack as it is now: a `pulumi stack export` file
(`baselineStateFile`), or, in the offline run over a preview digest, the old state of the
resources the plan keeps, updates, replaces or deletes. Without one the policy is not applicable.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Mapping, Optional

from ..money import money
from ..pricing.pricer import Pricer
from ..pricing.rollup import StackCost, rollup
from ..inputs import plan
from .config import CURRENCY, MONEY, PERCENT
from . import unknown as unknown_cost
from .model import NOT_APPLICABLE, NOTE, STACK, CostPolicy, Finding, StackContext

BASELINE = "baseline"

SCHEMA = {
    "maxIncrease": {**MONEY, "description": "Largest allowed rise of the monthly total over the baseline."},
    "maxIncreasePercent": {**PERCENT, "description": "Largest allowed rise, in percent of the baseline total."},
    "baselineStateFile": {"type": "string", "description": "A `pulumi stack export` file of the current "
                                                           "stack: its costs are the baseline."},
    "currency": CURRENCY,
    **unknown_cost.SCHEMA,
}


def baseline_from_state(pricer: Pricer, path: str) -> StackCost:
    """Price a stack export file; raises plan.PlanError with a clear message when it is unusable."""
    planned = plan.load(Path(path), "state")
    return rollup(pricer.estimate(p.resource) for p in planned)


def check(ctx: StackContext, config: Mapping[str, Any]) -> list[Finding]:
    baseline = ctx.baseline
    if config.get("baselineStateFile"):
        try:
            baseline = baseline_from_state(ctx.pricer, config["baselineStateFile"])
        except plan.PlanError as err:
            return [Finding(f"baseline unusable: {err}")]
    # The baseline is data for the summary too (the change per resource and in total).
    noted = [Finding("baseline", NOTE, data={BASELINE: baseline})] if baseline is not None else []
    if "maxIncrease" not in config and "maxIncreasePercent" not in config:
        return noted + [Finding("no maxIncrease or maxIncreasePercent configured", NOT_APPLICABLE)]
    if baseline is None:
        return [Finding("no baseline: set baselineStateFile to a `pulumi stack export` file", NOT_APPLICABLE)]
    current, currency = ctx.stack, config["currency"]
    if set(current.totals) - {currency} or set(baseline.totals) - {currency}:
        return [Finding(f"costs are not all in {currency}; no currency conversion is done")]
    before, after = baseline.totals.get(currency, 0.0), current.totals.get(currency, 0.0)
    rise = after - before
    out = []
    # Fail closed: unknown cost on either side may hide a rise (a resource unpriced now, or one
    # whose old cost is unknown and that may have been cheap).
    unknown_now, unknown_before = unknown_cost.unknown_in(current, config), unknown_cost.unknown_in(baseline, config)
    if not math.isfinite(rise):
        out.append(Finding(f"the monthly cost change is not a finite number ({money(before, currency)} -> "
                           f"{money(after, currency)}); it cannot be held to a limit"))
        return noted + out
    if "maxIncrease" in config and rise > config["maxIncrease"]:
        out.append(Finding(f"monthly cost rises by {money(rise, currency)} {currency} ({money(before, currency)} -> {money(after, currency)}), "
                           f"more than the {money(config['maxIncrease'], currency)} allowed"))
    if "maxIncreasePercent" in config and rise > 0:
        pct = float("inf") if before == 0 else 100.0 * rise / before
        if pct > config["maxIncreasePercent"]:
            shown = "from nothing" if before == 0 else f"{pct:.1f}%"
            out.append(Finding(f"monthly cost rises by {shown} ({money(before, currency)} -> {money(after, currency)} {currency}), "
                               f"more than the {config['maxIncreasePercent']:g}% allowed"))
    if not out and (unknown_now or unknown_before):
        sides = [f"now {unknown_now.describe(after, currency)}" if unknown_now else "",
                 f"before {unknown_before.describe(before, currency)}" if unknown_before else ""]
        advice = (unknown_now or unknown_before).advice()
        out.append(Finding(f"cannot verify the cost increase limit: {'; '.join(s for s in sides if s)}. {advice}"))
    return noted + out


def baseline_of(findings: list[Finding]) -> Optional[StackCost]:
    """The baseline the policy priced in this run, if any (for the stack summary)."""
    return next((f.data[BASELINE] for f in findings if BASELINE in f.data), None)


POLICY = CostPolicy("cost-increase", "Monthly cost rise over the current stack within limits.", STACK, SCHEMA, check,
                    severity="high",
                    remediation="Make the change cheaper, or raise maxIncrease / maxIncreasePercent in the policy "
                                "config; baselineStateFile sets what the change is measured against.")
