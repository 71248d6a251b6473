"""`stack-cost-summary`: the stack's projected monthly total, by provider and type, with coverage."""
from __future__ import annotations

import os

from pulumi_policy import Policy, StackValidationArgs

from ..projected.report import Projection, Row, to_report
from ..report_file import ReportWriteError, write_report
from .config import declare
from .messages import summary_message
from .runtime import PackState

NAME = "stack-cost-summary"
DESCRIPTION = "Projected monthly cost of the stack."


def make(state: PackState) -> Policy:
    def validate(args: StackValidationArgs, report_violation) -> None:
        stack, run = state.stack_cost(NAME, args)
        message = summary_message(stack)
        if run.budget is not None and run.budget.warnings:
            message += "\nBudget warnings: " + "; ".join(run.budget.warnings)
        problems = state.source_problems()
        if problems:
            message += "\nCost sources: " + "; ".join(problems)
        report_file = args.get_config().get("reportFile")
        if report_file:
            projection = Projection([Row("analyze", e) for e in stack.estimates.values()], [])
            extra = {"budgets": [v.as_dict() for v in run.budget.verdicts] if run.budget else []}
            try:
                write_report(report_file, to_report(projection, os.environ.get("PULUMI_STACK", ""),
                                                    os.environ.get("PULUMI_PROJECT", ""), extra))
            except ReportWriteError as err:
                message += f"\nReport not written: {err}"
        report_violation(message)

    return declare("stack", NAME, DESCRIPTION, validate)
