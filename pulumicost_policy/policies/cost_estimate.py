"""`cost-estimate`: a diagnostic per resource with its projected monthly cost.

Pulumi has no informational level: every diagnostic is an advisory violation, so reporting every
priced resource turns a 500-resource preview into 500 warnings (and 500 violations in Pulumi
Cloud). By default only resources at or above `minMonthlyCost` ($100/month) are reported: those are
the ones a reviewer acts on, and the stack summary always carries the total and the top five.
`reportEach: all` shows every priced resource (the behaviour of earlier versions), `none` none.
Resources below the threshold are declared not applicable, with their cost as the reason, so the
figure is still in the engine's record.
"""
from __future__ import annotations

from typing import Any, Mapping

from ..money import money
from ..pricing.estimate import FREE, PRICED, CostEstimate
from .config import MONEY
from .messages import resource_message
from .model import NOT_APPLICABLE, RESOURCE, CostPolicy, Finding

DEFAULT_MIN_MONTHLY = 100.0

SCHEMA = {
    "reportEach": {"type": "string", "enum": ["all", "above", "none"], "default": "above",
                   "description": "Which priced resources get a diagnostic: all, those costing at least "
                                  "minMonthlyCost (default), or none (the stack summary still has the total)."},
    "minMonthlyCost": {**MONEY, "default": DEFAULT_MIN_MONTHLY,
                       "description": "With reportEach 'above': the monthly cost from which a resource is "
                                      "reported, in the resource's currency."},
}


def check(est: CostEstimate, config: Mapping[str, Any]) -> list[Finding]:
    if est.status == FREE:
        return [Finding(est.reason, NOT_APPLICABLE, est.urn)]
    mode = config["reportEach"]
    # Usage-based and unpriced resources are not "above": the summary and unpriced-resources list them.
    below = not (est.status == PRICED and (est.monthly or 0.0) >= config["minMonthlyCost"])
    if mode == "none" or (mode == "above" and below):
        why = "reportEach is none" if mode == "none" else \
            f"below minMonthlyCost ({money(config['minMonthlyCost'], est.currency)})"
        return [Finding(f"{resource_message(est)} ({why}; the stack summary has the total)", NOT_APPLICABLE, est.urn)]
    return [Finding(resource_message(est), urn=est.urn)]


POLICY = CostPolicy("cost-estimate", "Projected monthly cost of the resource.", RESOURCE, SCHEMA, check,
                    reports_cost=True)
