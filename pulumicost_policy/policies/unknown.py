"""Fail closed: what a budget verdict cannot see, in one place for every gate.

A budget, a per-resource limit or a cost-increase limit compares known amounts. When part of the
scope has no known cost (an unpriced resource, a resource whose pricing failed, resources a
partial plan leaves out), "within budget" cannot be stated: the verdict is "cannot verify",
reported at the policy's level, unless the config accepts that unknown cost explicitly
(`acceptUnknownCost`: type globs, `*` for everything including a partial plan). When the known
part alone breaks the limit, that is the ordinary violation. Usage-based resources are not
unknown: their cost is what the usage file says (nothing until it says it), as Infracost counts them.
"""
from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Callable, Iterable, Mapping, Sequence, Any

from ..money import money
from ..pricing.estimate import UNPRICED, CostEstimate
from ..pricing.rollup import StackCost
from ..reporting.text import plural

KEY = "acceptUnknownCost"
SCHEMA = {KEY: {"type": "array", "items": {"type": "string", "minLength": 1}, "default": [],
                "description": "Type tokens (globs) whose unknown cost this policy accepts as $0 in its "
                               "verdict; \"*\" accepts every unknown cost, including resources a partial "
                               "plan leaves out. Default: none (a verdict that depends on unknown cost is "
                               "a violation: fail closed)."}}


@dataclass(frozen=True)
class Unknown:
    """The part of a scope without a known cost: unpriced resources and left-out ones."""

    resources: tuple[CostEstimate, ...] = ()
    omitted: int = 0

    def __bool__(self) -> bool:
        return bool(self.resources) or self.omitted > 0

    def describe(self, known: float, currency: str) -> str:
        """`9 resources without a price (web: ...), 0 USD known`."""
        parts = []
        if self.resources:
            n, first = len(self.resources), self.resources[0]
            more = f" and {n - 1} more" if n > 1 else ""
            parts.append(f"{plural(n, 'resource')} without a price ({first.name}: {first.reason}{more})")
        if self.omitted:
            parts.append(f"{plural(self.omitted, 'unchanged resource')} not in the plan")
        return f"{', '.join(parts)}; {money(known, currency)} {currency} known"

    def advice(self) -> str:
        """What makes the verdict verifiable."""
        steps = []
        if self.resources:
            steps.append("price the resources (each reason says how)")
        if self.omitted:
            steps.append("give the whole stack (`pulumi preview --json --show-sames`, or the current state "
                         "with --pulumi-state)")
        return f"{' and '.join(steps).capitalize()}, or accept the unknown cost with `{KEY}` in the policy config"


def accepted(est: CostEstimate, accept: Sequence[str]) -> bool:
    return any(fnmatchcase(est.type, pattern) for pattern in accept)


def unknown_in(stack: StackCost, config: Mapping[str, Any],
               where: Callable[[CostEstimate], bool] = lambda e: True) -> Unknown:
    """The unknown cost of the scope `where` selects (left-out resources belong to every scope)."""
    accept = config.get(KEY) or ()
    found = unpriced(stack.estimates.values(), accept, where)
    omitted = 0 if "*" in accept else stack.omitted
    return Unknown(found, omitted)


def unpriced(estimates: Iterable[CostEstimate], accept: Sequence[str] = (),
             where: Callable[[CostEstimate], bool] = lambda e: True) -> tuple[CostEstimate, ...]:
    """Unpriced resources (components own nothing) not accepted by `accept`, by name."""
    return tuple(sorted((e for e in estimates if e.status == UNPRICED and not e.component and where(e)
                         and not accepted(e, accept)), key=lambda e: (e.name, e.urn)))


def cannot_verify(scope: str, what: str, unknown: Unknown, known: float, currency: str) -> str:
    """The message of a verdict that depends on unknown cost."""
    return f"{scope}: cannot verify {what}: {unknown.describe(known, currency)}. {unknown.advice()}"
