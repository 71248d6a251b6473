"""Stack totals from per-resource estimates: by provider, by type, with an honest coverage count.

Estimates are keyed by URN, so two resources with the same name under different parents never
collide, and a URN seen twice is counted once (state files with a URN twice are refused before
this). A sum that overflows is kept as inf: budgets fail closed on it and reports show null. Currencies are never summed together: each
currency gets its own total and `mixed_currencies` says so.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .finite import total
from .estimate import FREE, PRICED, UNPRICED, USAGE_BASED, CostEstimate

STATUSES = (PRICED, FREE, USAGE_BASED, UNPRICED)


@dataclass
class StackCost:
    estimates: dict[str, CostEstimate]
    totals: dict[str, float] = field(default_factory=dict)                      # currency -> monthly
    by_provider: dict[str, dict[str, float]] = field(default_factory=dict)      # currency -> provider -> monthly
    by_type: dict[str, dict[str, float]] = field(default_factory=dict)          # currency -> type -> monthly
    coverage: dict[str, int] = field(default_factory=dict)
    unpriced_types: dict[str, int] = field(default_factory=dict)
    # Resources the input leaves out (a digest without its unchanged resources): their cost is
    # unknown, so every total is partial and a budget cannot be verified on it.
    omitted: int = 0

    @property
    def unknown_count(self) -> int:
        """Resources without a known cost: unpriced ones and left-out ones."""
        return self.coverage.get(UNPRICED, 0) + self.omitted

    @property
    def mixed_currencies(self) -> bool:
        return len(self.totals) > 1

    @property
    def currency(self) -> Optional[str]:
        """The one currency of the stack, or None when empty or mixed."""
        return next(iter(self.totals)) if len(self.totals) == 1 else None

    @property
    def total(self) -> Optional[float]:
        """The single-currency total (0 for a stack with nothing billable); None when mixed."""
        if self.mixed_currencies:
            return None
        return next(iter(self.totals.values()), 0.0)

    def top(self, n: int = 5) -> list[CostEstimate]:
        priced = [e for e in self.estimates.values() if e.monthly]
        return sorted(priced, key=lambda e: (-(e.monthly or 0.0), e.urn))[:n]


def rollup(estimates: Iterable[CostEstimate], omitted: int = 0) -> StackCost:
    by_urn: dict[str, CostEstimate] = {}
    for est in estimates:
        by_urn[est.urn] = est
    amounts: dict[str, list[float]] = defaultdict(list)
    providers: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    coverage = {s: 0 for s in STATUSES}
    unpriced: dict[str, int] = defaultdict(int)
    for est in by_urn.values():
        if est.component:
            continue  # owns no cloud resource: its children are counted
        coverage[est.status] += 1
        if est.status == UNPRICED:
            unpriced[est.type] += 1
        if est.currency and est.monthly is not None:
            amounts[est.currency].append(est.monthly)
            providers[est.currency][est.provider].append(est.monthly)
            types[est.currency][est.type].append(est.monthly)
    return StackCost(
        estimates=by_urn,
        totals={c: total(v) for c, v in sorted(amounts.items())},
        by_provider={c: {p: total(v) for p, v in sorted(d.items())} for c, d in providers.items()},
        by_type={c: {t: total(v) for t, v in sorted(d.items())} for c, d in types.items()},
        coverage=coverage,
        unpriced_types=dict(sorted(unpriced.items())),
        omitted=omitted,
    )
