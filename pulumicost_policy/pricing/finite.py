"""One rule for numbers: every cost, quantity and configured limit is finite before it is summed
or compared. NaN compares false with everything (a NaN total passes every budget) and a
400-digit integer overflows float(), so both are caught here, in one place."""
from __future__ import annotations

import math
from typing import Any, Iterable, Optional


def as_finite(value: Any) -> Optional[float]:
    """`value` as a finite float, or None when it is not a number or not finite (NaN, inf, 10**400)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def total(values: Iterable[float]) -> float:
    """An exact sum, or inf/nan when the sum itself is not finite (math.fsum raises on overflow)."""
    items = list(values)
    try:
        return math.fsum(items)
    except OverflowError:
        return math.inf
    except ValueError:  # fsum of inf and -inf
        return math.nan


def non_finite_paths(value: Any, where: str = "") -> list[str]:
    """Dotted paths of the numbers in a JSON-like value that are not finite (for config checks)."""
    out: list[str] = []
    stack = [(where, value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, dict):
            stack.extend((f"{path}.{k}" if path else str(k), v) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(item))
        elif isinstance(item, (int, float)) and not isinstance(item, bool) and as_finite(item) is None:
            out.append(path or "config")
    return sorted(out)
