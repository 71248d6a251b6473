"""Warn when the prices behind an estimate are old: list prices change, and a budget gate on
stale prices gives a confident wrong answer. The fix is one command, so the warning names it."""
from __future__ import annotations

import datetime as dt
import os
import re
from typing import Iterable, Mapping, Optional

from .estimate import PRICED, USAGE_BASED, CostEstimate

DEFAULT_MAX_AGE_DAYS = 180
MAX_AGE_ENV = "PULUMICOST_MAX_PRICE_AGE_DAYS"
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def max_age_days(env: Optional[Mapping[str, str]] = None) -> int:
    """The allowed age from PULUMICOST_MAX_PRICE_AGE_DAYS (default 180); a bad value keeps the default."""
    raw = (os.environ if env is None else env).get(MAX_AGE_ENV, "")
    return int(raw) if raw.strip().isdigit() else DEFAULT_MAX_AGE_DAYS


def price_dates(estimates: Iterable[CostEstimate]) -> set[dt.date]:
    """The effective dates named in the sources of priced estimates."""
    dates: set[dt.date] = set()
    for est in estimates:
        if est.status in (PRICED, USAGE_BASED):
            for text in _DATE.findall(est.source):
                try:
                    dates.add(dt.date.fromisoformat(text))
                except ValueError:
                    continue
    return dates


def stale_warning(estimates: Iterable[CostEstimate], today: Optional[dt.date] = None,
                  max_age: Optional[int] = None) -> Optional[str]:
    """One line when the oldest price used is older than `max_age` days, else None."""
    dates = price_dates(estimates)
    if not dates:
        return None
    today = today or dt.date.today()
    limit = max_age_days() if max_age is None else max_age
    oldest = min(dates)
    age = (today - oldest).days
    if age <= limit:
        return None
    return (f"Prices used date from {oldest.isoformat()} ({age} days old, over {limit}; set {MAX_AGE_ENV} to change): "
            "run `pulumicost prices update` for current list prices.")
