"""`unpriced-resources`: flags resources whose cost could not be determined.

Mandatory means "do not deploy what we cannot price"; `ignoreTypes` lists accepted exceptions.
"""
from __future__ import annotations

from fnmatch import fnmatchcase

from pulumi_policy import Policy, StackValidationArgs

from ..pricing.estimate import UNPRICED
from ..pricing.rollup import StackCost
from .config import config_errors, declare, with_defaults
from .runtime import PackState

NAME = "unpriced-resources"
DESCRIPTION = "Every resource has a known cost."


def check(stack: StackCost, config) -> list[tuple[str, str]]:
    """(message, urn) per unpriced resource not ignored."""
    config = with_defaults(NAME, config)
    errors = config_errors(NAME, config)
    if errors:
        return [("invalid unpriced-resources config: " + "; ".join(errors), "")]
    ignore = config.get("ignoreTypes") or []
    return [(f"{e.name} ({e.type}) cannot be priced: {e.reason}", e.urn)
            for e in stack.estimates.values()
            if e.status == UNPRICED and not any(fnmatchcase(e.type, pattern) for pattern in ignore)]


def make(state: PackState) -> Policy:
    def validate(args: StackValidationArgs, report_violation) -> None:
        for message, urn in check(state.stack_cost(NAME, args)[0], args.get_config()):
            report_violation(message, urn or None)

    return declare("stack", NAME, DESCRIPTION, validate)
