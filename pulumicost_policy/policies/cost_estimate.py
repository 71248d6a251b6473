"""`cost-estimate`: one advisory diagnostic per resource with its projected monthly cost."""
from __future__ import annotations

import sys

from pulumi_policy import Policy, ResourceValidationArgs

from ..pricing.estimate import FREE
from .messages import resource_message
from .config import declare
from .runtime import PackState

NAME = "cost-estimate"
DESCRIPTION = "Projected monthly cost of the resource."


def make(state: PackState) -> Policy:
    def validate(args: ResourceValidationArgs, report_violation) -> None:
        try:
            est = state.estimate(args)
        except Exception as err:  # never fail the user's preview: say what happened, per resource
            print(f"pulumicost: internal error pricing {args.urn}: {type(err).__name__}", file=sys.stderr)
            report_violation(f"{args.name}: unpriced: internal error ({type(err).__name__}); "
                             "please report it with the resource type")
            return
        state.remember(est)
        if est.status == FREE:
            args.not_applicable(est.reason)  # raises: the SDK records the policy as not applicable
        report_violation(resource_message(est))

    return declare("resource", NAME, DESCRIPTION, validate)
