"""`resource-cost-limit`: no single resource above a monthly cost (Analyze, so it also holds under
`pulumi up --skip-preview`, where stack policies only run after deployment)."""
from __future__ import annotations

from typing import Any, Mapping

from ..money import money
from ..pricing.estimate import PRICED, CostEstimate
from .config import CURRENCY, MONEY, MONEY_MAP
from . import unknown as unknown_cost
from .model import RESOURCE, CostPolicy, Finding

SCHEMA = {
    "maxMonthlyCost": {**MONEY, "description": "Largest projected monthly cost allowed for any one resource."},
    "limitsByType": {**MONEY_MAP, "description": "Largest monthly cost per type token (overrides "
                                                 "maxMonthlyCost for that type)."},
    "currency": CURRENCY,
    **unknown_cost.SCHEMA,
}


def check(est: CostEstimate, config: Mapping[str, Any]) -> list[Finding]:
    limit = (config.get("limitsByType") or {}).get(est.type, config.get("maxMonthlyCost"))
    if limit is None:
        return []
    if unknown_cost.unpriced((est,), config[unknown_cost.KEY]):
        # Fail closed: a resource without a known cost may be over the limit.
        return [Finding(f"{est.name}: cannot verify the limit of {money(float(limit), config['currency'])} "
                        f"{config['currency']}: no price ({est.reason}). Price it, or accept its cost with "
                        f"`{unknown_cost.KEY}` in the policy config", urn=est.urn)]
    if est.status != PRICED or est.monthly is None:
        return []
    if est.currency != config["currency"]:
        return [Finding(f"{est.name}: priced in {est.currency}, the limit is in {config['currency']}; "
                        "no conversion is done", urn=est.urn)]
    if est.monthly > limit:
        over = money(est.monthly - float(limit), est.currency)
        return [Finding(f"{est.name} ({est.sku}, {est.region}): {money(est.monthly, est.currency)} {est.currency}/month "
                        f"is over the limit of {money(float(limit), est.currency)} by {over}", urn=est.urn)]
    return []


POLICY = CostPolicy("resource-cost-limit", "Projected monthly cost of one resource within its limit.", RESOURCE,
                    SCHEMA, check, severity="high",
                    remediation="Choose a smaller size or class for the resource, or raise maxMonthlyCost / "
                                "limitsByType in the policy config.")
