"""`stack-cost-summary`: the stack's projected monthly total, by provider and type, with coverage."""
from __future__ import annotations

import sys

from pulumi_policy import EnforcementLevel, StackValidationArgs, StackValidationPolicy

from ..pricing.estimate import CostEstimate, UNPRICED
from ..pricing.rollup import StackCost, rollup
from .messages import summary_message
from .runtime import PackState

NAME = "stack-cost-summary"


def stack_estimates(state: PackState, args: StackValidationArgs) -> list[CostEstimate]:
    """Estimate every resource of the stack view.

    During preview many outputs are unknown; a resource whose outputs cannot be priced for that
    reason takes the estimate Analyze made from its inputs in this run.
    """
    out = []
    for res in args.resources:
        try:
            est = state.estimate(res.urn, res.resource_type, res.name, res.props, res.provider)
        except Exception as err:  # one bad resource must not hide the verdict for the rest
            print(f"pulumicost: internal error pricing {res.urn}: {type(err).__name__}", file=sys.stderr)
            est = CostEstimate(res.urn, res.name, res.resource_type, UNPRICED, None, None,
                               reason=f"internal error ({type(err).__name__})")
        if est.status == UNPRICED and est.pending:
            est = state.analyzed(res.urn) or est
        out.append(est)
    return out


def stack_cost(state: PackState, args: StackValidationArgs) -> StackCost:
    return rollup(stack_estimates(state, args))


def make(state: PackState) -> StackValidationPolicy:
    def validate(args: StackValidationArgs, report_violation) -> None:
        report_violation(summary_message(stack_cost(state, args)))

    return StackValidationPolicy(
        name=NAME,
        description="Projected monthly cost of the stack.",
        validate=validate,
        enforcement_level=EnforcementLevel.ADVISORY,
    )
