"""Step 4 of the flow: the policies Pulumi runs, built around one shared PackState."""
from __future__ import annotations

from pulumi_policy import Policy, StackValidationPolicy

from . import budgets, cost_estimate, cost_increase, resource_limit, stack_summary, unpriced
from .runtime import PackState

PACK_NAME = "pulumicost"


def build_policies(state: PackState) -> list[Policy]:
    """Order matters: stack policies run in list order within one AnalyzeStack, and the summary
    (last) reports the budget warnings the budget policy found."""
    policies = [cost_estimate.make(state), resource_limit.make(state), budgets.make(state), unpriced.make(state),
                cost_increase.make(state), stack_summary.make(state)]
    state.stack_order = [p.name for p in policies if isinstance(p, StackValidationPolicy)]
    return policies


__all__ = ["PACK_NAME", "PackState", "build_policies"]
