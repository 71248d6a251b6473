"""The policies of the pack, as plain objects both runners use: the pack wraps them for the
pulumi-policy SDK (`pulumicost_policy.pack`), the offline run's gate calls them directly.

Adding a policy = one module defining `POLICY` + one line in `POLICIES`. Order matters: stack
policies run in this order within one AnalyzeStack, and the summary (last) reports the findings of
the others.
"""
from __future__ import annotations

from . import budgets, cost_allocation_tags, cost_estimate, cost_recommendations, cost_increase, resource_limit, stack_summary, unpriced
from .levels import LEVELS, ConfigError, reconcile
from .model import (NOT_APPLICABLE, NOTE, RESOURCE, STACK, VIOLATION, WARNING, CostPolicy, Finding, StackContext,
                    violations)

PACK_NAME = "pulumicost"

POLICIES: tuple[CostPolicy, ...] = (
    cost_estimate.POLICY,
    resource_limit.POLICY,
    budgets.POLICY,
    unpriced.POLICY,
    cost_increase.POLICY,
    cost_allocation_tags.POLICY,
    cost_recommendations.POLICY,
    stack_summary.POLICY,
)
BY_NAME = {p.name: p for p in POLICIES}

__all__ = ["BY_NAME", "ConfigError", "CostPolicy", "Finding", "LEVELS", "NOTE", "NOT_APPLICABLE", "PACK_NAME",
           "POLICIES", "RESOURCE", "STACK", "StackContext", "VIOLATION", "WARNING", "reconcile", "violations"]
