"""SQL Database."""
from __future__ import annotations

from .common import unpriced_service

TYPES = (
    unpriced_service(("azure:mssql/database:Database", "azure:sql/database:Database", "azure-native:sql:Database"),
                     "sql:Database", "SQL Database"),
)
