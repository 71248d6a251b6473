"""`resource-cost-limit`: no single resource above a monthly cost (Analyze, so it also holds under
`pulumi up --skip-preview`, where stack policies only run after deployment)."""
from __future__ import annotations

from typing import Any, Mapping

from ..money import money
from ..pricing.estimate import PRICED, CostEstimate
from .config import CURRENCY, MONEY, MONEY_MAP
from .model import RESOURCE, CostPolicy, Finding

SCHEMA = {
    "maxMonthlyCost": {**MONEY, "description": "Largest projected monthly cost allowed for any one resource."},
    "limitsByType": {**MONEY_MAP, "description": "Largest monthly cost per type token (overrides "
                                                 "maxMonthlyCost for that type)."},
    "currency": CURRENCY,
}


def check(est: CostEstimate, config: Mapping[str, Any]) -> list[Finding]:
    limit = (config.get("limitsByType") or {}).get(est.type, config.get("maxMonthlyCost"))
    if limit is None or est.status != PRICED or est.monthly is None:
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
