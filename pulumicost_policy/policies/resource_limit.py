"""`resource-cost-limit`: no single resource above a monthly cost (Analyze, so it also holds under
`pulumi up --skip-preview`, where stack policies only run after deployment)."""
from __future__ import annotations

from pulumi_policy import Policy, ResourceValidationArgs

from ..pricing.estimate import PRICED, money
from .config import config_errors, declare, with_defaults
from .runtime import PackState

NAME = "resource-cost-limit"
DESCRIPTION = "Projected monthly cost of one resource within its limit."


def check(est, config) -> list[str]:
    """Violations for one estimate under a config; pure, shared with the offline run."""
    config = with_defaults(NAME, config)
    errors = config_errors(NAME, config)
    if errors:
        return ["invalid resource-cost-limit config: " + "; ".join(errors)]
    limit = (config.get("limitsByType") or {}).get(est.type, config.get("maxMonthlyCost"))
    if limit is None or est.status != PRICED or est.monthly is None:
        return []
    if est.currency != config["currency"]:
        return [f"{est.name}: priced in {est.currency}, the limit is in {config['currency']}; no conversion is done"]
    if est.monthly > limit:
        return [f"{est.name} ({est.sku}, {est.region}): {money(est.monthly)} {est.currency}/month is over the "
                f"limit of {money(float(limit))} by {money(est.monthly - float(limit))}"]
    return []


def make(state: PackState) -> Policy:
    def validate(args: ResourceValidationArgs, report_violation) -> None:
        est = state.analyzed(args.urn)
        if est is None or est.type != args.resource_type:
            try:
                est = state.estimate(args)
            except Exception as err:  # never fail the preview
                report_violation(f"{args.name}: cannot check the limit (internal error {type(err).__name__})")
                return
        for message in check(est, args.get_config()):
            report_violation(message)

    return declare("resource", NAME, DESCRIPTION, validate)
