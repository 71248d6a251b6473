"""Money as people read it (display only: sums and comparisons use the raw floats)."""
from __future__ import annotations


def money(amount: float) -> str:
    """`$1,234.56`: two decimals, thousands separators (display only; sums use raw floats)."""
    return f"${amount:,.2f}"


def rate_text(rate: float) -> str:
    """Unit rates keep their significant digits ($0.0104, $0.0000166667)."""
    return "$" + (f"{rate:.10f}".rstrip("0").rstrip(".") if rate < 1 else f"{rate:,.4f}".rstrip("0").rstrip("."))
