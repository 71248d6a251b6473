"""Storage accounts."""
from __future__ import annotations

from ..registry import STORAGE_GB
from .common import unpriced_service

TYPES = (
    unpriced_service(("azure:storage/account:Account", "azure-native:storage:StorageAccount"), "storage:Account",
                     "Storage", (STORAGE_GB,)),
)
