"""PostgreSQL flexible servers."""
from __future__ import annotations

from ..registry import MONTHLY_HRS, STORAGE_GB
from .common import unpriced_service

TYPES = (
    unpriced_service(("azure:postgresql/flexibleServer:FlexibleServer", "azure-native:dbforpostgresql:Server",
                      "azure-native:dbforpostgresql:FlexibleServer"), "postgresql:FlexibleServer",
                     "PostgreSQL flexible server", (MONTHLY_HRS, STORAGE_GB)),
)
