"""`stack-budget`: the stack's projected monthly cost against budgets (stack, provider, type, tag).

A stack policy runs after deployment under `pulumi up --skip-preview`; `resource-cost-limit` is
the gate that holds there. Warnings below the budget are advisory notes carried by the summary.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Mapping

from pulumi_policy import Policy, StackValidationArgs

from ..pricing.estimate import money
from ..pricing.finite import total
from ..pricing.rollup import StackCost
from .config import config_errors, declare, with_defaults
from .runtime import PackState

NAME = "stack-budget"
DESCRIPTION = "Projected monthly cost within the stack's budgets."


@dataclass
class Verdict:
    scope: str          # "stack", "provider aws", "type ...", "tag team=web"
    total: float
    budget: float
    currency: str

    @property
    def over(self) -> bool:
        """Fails closed: a total that is not a finite number (an overflowing sum) is over any budget."""
        return not math.isfinite(self.total) or self.total > self.budget

    def as_dict(self) -> dict[str, Any]:
        """The report's budget verdict row (a non-finite total is null: JSON has no Infinity)."""
        return {"scope": self.scope, "total": self.total if math.isfinite(self.total) else None,
                "budget": self.budget, "currency": self.currency, "over": self.over}

    def percent(self) -> float:
        return math.inf if self.budget == 0 else 100.0 * self.total / self.budget


@dataclass
class BudgetResult:
    verdicts: list[Verdict] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _tag_totals(stack: StackCost, currency: str) -> dict[str, float]:
    out: dict[str, list[float]] = {}
    for est in stack.estimates.values():
        if est.currency == currency and est.monthly:
            for k, v in est.tags:
                out.setdefault(f"{k}={v}", []).append(est.monthly)
    return {k: total(v) for k, v in out.items()}


def evaluate(stack: StackCost, config: Mapping[str, Any]) -> BudgetResult:
    """Budget verdicts for a stack; pure, so the pack, the offline run and tests share it."""
    config = with_defaults(NAME, config)
    result = BudgetResult()
    errors = config_errors(NAME, config)
    if errors:
        result.violations.append("invalid stack-budget config: " + "; ".join(errors))
        return result
    currency = config["currency"]
    others = sorted(c for c in stack.totals if c != currency)
    if others:
        result.violations.append(f"costs in {', '.join(others)} cannot be held to a {currency} budget: "
                                 "no currency conversion is done; price in one currency or set `currency`")
    total = stack.totals.get(currency, 0.0)
    scopes: list[tuple[str, float, Any]] = []
    if "monthlyBudget" in config:
        scopes.append(("stack", total, config["monthlyBudget"]))
    provider_totals = stack.by_provider.get(currency, {})
    type_totals = stack.by_type.get(currency, {})
    tag_totals = _tag_totals(stack, currency)
    for name, budget in (config.get("providerBudgets") or {}).items():
        scopes.append((f"provider {name}", provider_totals.get(name, 0.0), budget))
    for name, budget in (config.get("typeBudgets") or {}).items():
        scopes.append((f"type {name}", type_totals.get(name, 0.0), budget))
    for name, budget in (config.get("tagBudgets") or {}).items():
        scopes.append((f"tag {name}", tag_totals.get(name, 0.0), budget))
    top = ", ".join(f"{e.name} {money(e.monthly or 0.0)}" for e in stack.top(5) if e.currency == currency)
    for scope, amount, budget in scopes:
        v = Verdict(scope, amount, float(budget), currency)
        result.verdicts.append(v)
        if not math.isfinite(v.total):
            result.violations.append(
                f"{scope}: the projected {currency} total is not a finite number (a cost or count too large "
                f"to sum), so it cannot be held to the budget of {money(v.budget)} {currency}. Most expensive: {top}")
        elif v.over:
            result.violations.append(
                f"{scope}: projected {money(v.total)} {currency}/month is over the budget of "
                f"{money(v.budget)} {currency} by {money(v.total - v.budget)} ({v.percent():.0f}%). "
                f"Most expensive: {top}")
        elif v.budget > 0 and v.percent() >= config["warnAtPercent"]:
            result.warnings.append(f"{scope}: projected {money(v.total)} {currency}/month is {v.percent():.0f}% "
                                   f"of the {money(v.budget)} budget (warning at {config['warnAtPercent']:g}%)")
    return result


def make(state: PackState) -> Policy:
    def validate(args: StackValidationArgs, report_violation) -> None:
        stack, run = state.stack_cost(NAME, args)
        result = evaluate(stack, args.get_config())
        run.budget = result
        for message in result.violations:
            report_violation(message)

    return declare("stack", NAME, DESCRIPTION, validate)
