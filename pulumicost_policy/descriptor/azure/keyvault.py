"""Key Vaults: billed per 10,000 operations (and per HSM key), prices not in our data."""
from __future__ import annotations

from .common import unpriced_service

TYPES = (
    unpriced_service(("azure:keyvault/keyVault:KeyVault", "azure-native:keyvault:Vault"), "keyvault:Vault",
                     "Key Vault operations"),
    unpriced_service(("azure:keyvault/key:Key", "azure-native:keyvault:Key"), "keyvault:Key",
                     "Key Vault key (HSM keys are billed per key-month)"),
)
