"""Money as people read it (display only: sums and comparisons use the raw floats).

The currency symbol comes from the CLDR data through Babel (`€7.59`, `£3.00`, `CA$10.00`), so a
EUR cost never shows a dollar sign; callers append the ISO code where a line mixes currencies.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

LOCALE = "en_US"
# From here up an amount is shown in scientific notation (`$2.30e+298`): no real monthly bill comes
# near a quadrillion, and a 300-digit figure would take a table's whole width, squeezing the names
# and types beside it to nothing. The exponent marks it as a figure to check, not to read.
SCIENTIFIC_FROM = 1e15


@lru_cache(maxsize=64)
def _symbol(currency: str) -> str:
    from babel.numbers import get_currency_symbol  # imported on first use: pack start stays fast
    return get_currency_symbol(currency, locale=LOCALE)


def warm(currency: str = "USD") -> None:
    """Load the currency data now (in a background thread at pack start), so that the first
    estimate a preview waits for does not also wait for Babel's locale files (~20 ms)."""
    _symbol(currency)


def money(amount: float, currency: Optional[str] = "USD") -> str:
    """`$1,234.56` / `-€7.59`: two decimals, thousands separators; no currency: a bare number.
    From SCIENTIFIC_FROM up, three significant digits and the exponent: `$2.30e+298`."""
    sign = "-" if amount < 0 else ""
    return f"{sign}{_symbol(currency) if currency else ''}{_digits(abs(amount), ',.2f')}"


def rate_text(rate: float, currency: Optional[str] = "USD") -> str:
    """Unit rates keep their significant digits ($0.0104, $0.0000166667)."""
    if rate < 1:
        digits = f"{rate:.10f}".rstrip("0").rstrip(".")
    elif rate < SCIENTIFIC_FROM:
        digits = f"{rate:,.4f}".rstrip("0").rstrip(".")
    else:
        digits = _digits(rate, "")
    return (_symbol(currency) if currency else "") + digits


def _digits(amount: float, spec: str) -> str:
    """`amount` (>= 0) in `spec`, or, from SCIENTIFIC_FROM up, as `2.30e+298`."""
    return format(amount, spec) if amount < SCIENTIFIC_FROM else format(amount, ".2e")


def signed(amount: Optional[float], currency: Optional[str]) -> str:
    """A change as people read it: `+$219.58`, `-$7.59`, `$0.00`; `?` when it is not known."""
    if amount is None:
        return "?"
    return ("+" if amount > 0 else "") + money(amount, currency or "USD")
