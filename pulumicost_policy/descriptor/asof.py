"""The date an estimate is made for: what is billed can depend on it (an EKS version's support
window), so it is explicit and can be fixed (PULUMICOST_AS_OF=2026-12-01) for a reproducible figure
or a test; by default, today in UTC."""
from __future__ import annotations

import datetime as dt
import os
from typing import Mapping, Optional

from .values import PropertyProblem

AS_OF_ENV = "PULUMICOST_AS_OF"


def estimate_date(env: Optional[Mapping[str, str]] = None) -> dt.date:
    """The estimate date; a malformed PULUMICOST_AS_OF is a PropertyProblem naming it (the resources
    that depend on the date are unpriced with that reason, never priced for another date)."""
    raw = (os.environ if env is None else env).get(AS_OF_ENV, "").strip()
    if not raw:
        return dt.datetime.now(dt.timezone.utc).date()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise PropertyProblem(f"{AS_OF_ENV} should be a date (YYYY-MM-DD)") from None
