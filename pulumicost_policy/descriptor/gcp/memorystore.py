"""Memorystore for Redis instances."""
from __future__ import annotations

from ..registry import MONTHLY_HRS, PricedType, no_data
from .common import UNPRICED

TYPES = (
    PricedType(("gcp:redis/instance:Instance",), "redis:Instance", no_data("Memorystore Redis"), (), (MONTHLY_HRS,),
               f"unpriced ({UNPRICED})"),
)
