"""`stack-budget`: the stack's projected monthly cost against budgets (stack, provider, type, tag).

A stack policy runs after deployment under `pulumi up --skip-preview`; `resource-cost-limit` is
the gate that holds there. Each budget gives one finding: a violation when over, else a note
(a warning when `warnAtPercent` is reached) that the summary and the report carry.
"""
from __future__ import annotations

import math
from typing import Any, Callable, Mapping

from ..money import money
from ..pricing.estimate import UNPRICED, CostEstimate
from ..pricing.finite import total
from ..pricing.rollup import StackCost
from . import unknown as unknown_cost
from .config import CURRENCY, MONEY, MONEY_MAP, PERCENT
from .model import NOTE, STACK, VIOLATION, WARNING, CostPolicy, Finding, StackContext
from .unknown import cannot_verify, unknown_in

Scope = tuple[str, float, float, Callable[[CostEstimate], bool]]

NAME = "stack-budget"
SCHEMA = {
    "monthlyBudget": {**MONEY, "description": "Monthly budget for the whole stack (projected cost)."},
    "currency": CURRENCY,
    "warnAtPercent": {**PERCENT, "default": 80,
                      "description": "Advisory note in the stack summary when the total passes this "
                                     "percentage of a budget, even if the budget itself is mandatory."},
    "providerBudgets": {**MONEY_MAP, "description": 'Monthly budget per provider, e.g. {"aws": 500}.'},
    "typeBudgets": {**MONEY_MAP, "description": 'Monthly budget per type token, e.g. '
                                                '{"aws:ec2/instance:Instance": 200}.'},
    "tagBudgets": {"type": "object", "propertyNames": {"pattern": "^[^=]+=.*$"}, "additionalProperties": MONEY,
                   "description": 'Monthly budget per tag "key=value", over the resources carrying it, '
                                  'e.g. {"team=web": 100}.'},
    **unknown_cost.SCHEMA,
}


def _tagged(tag: str) -> Callable[[CostEstimate], bool]:
    """In a tag's scope: resources carrying the tag, and unpriced ones whose tags are not known
    (an unpriced resource may carry it: fail closed)."""
    key, _, value = tag.partition("=")
    return lambda e: (key, value) in e.tags or (e.status == UNPRICED and not e.tags)


def _scopes(stack: StackCost, config: Mapping[str, Any], currency: str) -> list[Scope]:
    """(scope name, known amount, budget, which estimates are in it) for each configured budget."""
    scopes: list[Scope] = []
    if "monthlyBudget" in config:
        scopes.append(("stack", stack.totals.get(currency, 0.0), float(config["monthlyBudget"]), lambda e: True))
    for name, budget in (config.get("providerBudgets") or {}).items():
        scopes.append((f"provider {name}", stack.by_provider.get(currency, {}).get(name, 0.0), float(budget),
                       lambda e, name=name: e.provider == name))
    for name, budget in (config.get("typeBudgets") or {}).items():
        scopes.append((f"type {name}", stack.by_type.get(currency, {}).get(name, 0.0), float(budget),
                       lambda e, name=name: e.type == name))
    for tag, budget in (config.get("tagBudgets") or {}).items():
        where = _tagged(tag)
        amount = total(e.monthly for e in stack.estimates.values()
                       if e.currency == currency and e.monthly and where(e))
        scopes.append((f"tag {tag}", amount, float(budget), where))
    return scopes


def check(ctx: StackContext, config: Mapping[str, Any]) -> list[Finding]:
    stack, currency = ctx.stack, config["currency"]
    found: list[Finding] = []
    others = sorted(c for c in stack.totals if c != currency)
    if others:
        found.append(Finding(f"costs in {', '.join(others)} cannot be held to a {currency} budget: no currency "
                             "conversion is done; price in one currency or set `currency`"))
    top = ", ".join(f"{e.name} {money(e.monthly or 0.0, e.currency)}" for e in stack.top(5) if e.currency == currency)
    for scope, amount, budget, where in _scopes(stack, config, currency):
        unknown = unknown_in(stack, config, where)
        # Fails closed: a total that is not a finite number (an overflowing sum) is over any budget,
        # and so is one that leaves out unknown cost unless the config accepts it; the report's row
        # says null for a total that is not finite (JSON has no Infinity).
        finite = math.isfinite(amount)
        over = not finite or amount > budget
        row = {"scope": scope, "total": amount if finite else None, "budget": budget, "currency": currency,
               "over": over, "unknown": len(unknown.resources) + unknown.omitted, "verified": not unknown}
        percent = math.inf if budget == 0 or not finite else 100.0 * amount / budget
        if not finite:
            found.append(Finding(
                f"{scope}: the projected {currency} total is not a finite number (a cost or count too large "
                f"to sum), so it cannot be held to the budget of {money(budget, currency)} {currency}. Most expensive: {top}",
                VIOLATION, data=row))
        elif over:
            also = f"; besides, {unknown.describe(amount, currency)}" if unknown else ""
            found.append(Finding(
                f"{scope}: projected {money(amount, currency)} {currency}/month is over the budget of {money(budget, currency)} "
                f"{currency} by {money(amount - budget, currency)} ({percent:.0f}%){also}. Most expensive: {top}",
                VIOLATION, data=row))
        elif unknown:
            found.append(Finding(cannot_verify(scope, f"the budget of {money(budget, currency)} {currency}", unknown,
                                               amount, currency), VIOLATION, data=row))
        elif budget > 0 and percent >= config["warnAtPercent"]:
            found.append(Finding(f"{scope}: projected {money(amount, currency)} {currency}/month is {percent:.0f}% of the "
                                 f"{money(budget, currency)} budget (warning at {config['warnAtPercent']:g}%)", WARNING,
                                 data=row))
        else:
            found.append(Finding(f"{scope}: within budget", NOTE, data=row))
    return found


POLICY = CostPolicy(NAME, "Projected monthly cost within the stack's budgets.", STACK, SCHEMA, check,
                    severity="high",
                    remediation="Make the change cheaper (the message names the most expensive resources) or raise "
                                "monthlyBudget / providerBudgets / typeBudgets / tagBudgets in the policy config.")
