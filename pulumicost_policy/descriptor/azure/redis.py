"""Azure Cache for Redis."""
from __future__ import annotations

from ..registry import MONTHLY_HRS
from .common import unpriced_service

TYPES = (
    unpriced_service(("azure:redis/cache:Cache", "azure-native:cache:Redis"), "redis:Cache", "Cache for Redis",
                     (MONTHLY_HRS,)),
)
