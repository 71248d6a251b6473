"""`stack-cost-summary`: the stack's projected monthly total, by provider and type, with coverage.

It runs last (see `POLICIES`), so it reports the findings of the stack policies before it as data:
budget warnings in its text and budget verdicts in the JSON report (`reportFile`), and, when
`cost-increase` priced a baseline, the change from it (per resource in the report, in total in the text).
"""
from __future__ import annotations

from typing import Any, Mapping

from ..reporting.document import Projection, Row, compared_to, to_report
from ..reporting.write import ReportWriteError, write_report
from . import budgets, cost_allocation_tags, cost_increase, cost_recommendations
from .messages import change_message, summary_message
from .model import STACK, WARNING, CostPolicy, Finding, StackContext

NAME = "stack-cost-summary"
SCHEMA = {
    "reportFile": {"type": "string", "description": "Write the JSON cost report here at each AnalyzeStack "
                                                    "(atomic write). Off when unset."},
}


def check(ctx: StackContext, config: Mapping[str, Any]) -> list[Finding]:
    message = summary_message(ctx.stack)
    projection = Projection([Row("analyze", e) for e in ctx.stack.estimates.values()], [])
    baseline = cost_increase.baseline_of(ctx.earlier.get(cost_increase.POLICY.name, []))
    if baseline is not None:  # a baseline is configured: the change per resource and in total
        projection = compared_to(projection, baseline.estimates)
        message += "\n" + change_message(projection.past, projection.stack, projection.diff)
    budget_findings = ctx.earlier.get(budgets.NAME, [])
    warnings = [f.message for f in budget_findings if f.kind == WARNING]
    if warnings:
        message += "\nBudget warnings: " + "; ".join(warnings)
    untagged = cost_allocation_tags.untagged_of(ctx.earlier.get(cost_allocation_tags.NAME, []))
    if untagged is not None:
        message += f"\nCost allocation: {untagged['text']}"
    savings = cost_recommendations.summary_of(ctx.earlier.get(cost_recommendations.NAME, []))
    if savings is not None:
        message += f"\nSavings opportunities: {savings}"
    if ctx.problems:
        message += "\nCost sources: " + "; ".join(ctx.problems)
    report_file = config.get("reportFile")
    if report_file:
        extra = {"budgets": [dict(f.data) for f in budget_findings if f.data]}
        if untagged is not None:
            extra["untagged"] = untagged
        recommendations = cost_recommendations.recommendations_of(ctx.earlier.get(cost_recommendations.NAME, []))
        if recommendations is not None:
            extra["recommendations"] = recommendations
        try:
            write_report(report_file, to_report(projection, ctx.stack_name, ctx.project, extra))
        except ReportWriteError as err:
            message += f"\nReport not written: {err}"
    return [Finding(message)]


POLICY = CostPolicy(NAME, "Projected monthly cost of the stack.", STACK, SCHEMA, check, reports_cost=True)
