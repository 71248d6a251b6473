"""Cloud SQL instances."""
from __future__ import annotations

from ..registry import MONTHLY_HRS, PricedType, no_data
from .common import UNPRICED

TYPES = (
    PricedType(("gcp:sql/databaseInstance:DatabaseInstance",), "sql:DatabaseInstance", no_data("Cloud SQL"), (),
               (MONTHLY_HRS,), f"unpriced ({UNPRICED})"),
)
