"""What several AWS families share: usage keys, and the entry of a billable type with no prices."""
from __future__ import annotations

from ..registry import PricedType, UsageKey, no_data

INF = float("inf")
STANDARD_IO_KEY = "monthly_standard_io_requests"  # magnetic (EBS standard, RDS magnetic) I/O requests
STANDARD_IO = UsageKey(STANDARD_IO_KEY, "requests", "I/O requests per month on magnetic (standard) storage")
REQUESTS = UsageKey("monthly_requests", "requests", "requests per month")
INSTANCES = UsageKey("instances", "count", "number of nodes or tasks running (overrides the plan's count)")


def no_data_type(token: str, price_type: str, what: str) -> PricedType:
    """The entry of a billable type common in programs whose prices our data lacks: registered, so no
    free pattern may cover it, and unpriced, saying so."""
    return PricedType((token,), price_type, no_data(what), (), (), "unpriced (not in our data)")
