"""AWS Backup vaults."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type("aws:backup/vault:Vault", "backup:Vault", "AWS Backup storage"),
)
