"""Money as people read it (display only: sums and comparisons use the raw floats).

The currency symbol comes from the CLDR data through Babel (`€7.59`, `£3.00`, `CA$10.00`), so a
EUR cost never shows a dollar sign; callers append the ISO code where a line mixes currencies.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

LOCALE = "en_US"


@lru_cache(maxsize=64)
def _symbol(currency: str) -> str:
    from babel.numbers import get_currency_symbol  # imported on first use: pack start stays fast
    return get_currency_symbol(currency, locale=LOCALE)


def warm(currency: str = "USD") -> None:
    """Load the currency data now (in a background thread at pack start), so that the first
    estimate a preview waits for does not also wait for Babel's locale files (~20 ms)."""
    _symbol(currency)


def money(amount: float, currency: Optional[str] = "USD") -> str:
    """`$1,234.56` / `-€7.59`: two decimals, thousands separators; no currency: a bare number."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{_symbol(currency) if currency else ''}{abs(amount):,.2f}"


def rate_text(rate: float, currency: Optional[str] = "USD") -> str:
    """Unit rates keep their significant digits ($0.0104, $0.0000166667)."""
    digits = f"{rate:.10f}".rstrip("0").rstrip(".") if rate < 1 else f"{rate:,.4f}".rstrip("0").rstrip(".")
    return (_symbol(currency) if currency else "") + digits


def signed(amount: Optional[float], currency: Optional[str]) -> str:
    """A change as people read it: `+$219.58`, `-$7.59`, `$0.00`; `?` when it is not known."""
    if amount is None:
        return "?"
    return ("+" if amount > 0 else "") + money(amount, currency or "USD")
