"""`cost-estimate`: one advisory diagnostic per resource with its projected monthly cost."""
from __future__ import annotations

from typing import Any, Mapping

from ..pricing.estimate import FREE, CostEstimate
from .messages import resource_message
from .model import NOT_APPLICABLE, RESOURCE, CostPolicy, Finding


def check(est: CostEstimate, config: Mapping[str, Any]) -> list[Finding]:
    if est.status == FREE:
        return [Finding(est.reason, NOT_APPLICABLE, est.urn)]
    return [Finding(resource_message(est), urn=est.urn)]


POLICY = CostPolicy("cost-estimate", "Projected monthly cost of the resource.", RESOURCE, {}, check,
                    reports_cost=True)
