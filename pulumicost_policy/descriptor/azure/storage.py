"""Storage accounts: Blob capacity and operations by usage, as Infracost's storage account lines
(data stored per GB-month, write / read / other operations per 10k), at the account's access tier
and redundancy."""
from __future__ import annotations

from ..model import Mapped, Unpriced, usage_based
from ..registry import STORAGE_GB, PricedType, UsageKey, keys
from ..values import Props

REDUNDANCY = {"LRS": "LRS", "ZRS": "ZRS", "GRS": "GRS", "RAGRS": "RA-GRS", "GZRS": "GZRS", "RAGZRS": "RA-GZRS"}
OPERATIONS = (("write", "monthly_write_operations", "write operations"),
              ("read", "monthly_read_operations", "read operations"),
              ("other", "monthly_other_operations", "other operations (list, create container...)"))


def _account(tier: str | None, replication: str | None, access: str | None) -> Mapped | Unpriced:
    if (tier or "Standard").lower() != "standard":
        return Unpriced("Premium storage accounts are not in the price book (Standard Blob prices only)")
    redundancy = REDUNDANCY.get((replication or "LRS").upper().replace("-", "").replace("_", ""))
    if redundancy is None:
        return Unpriced("accountReplicationType is not one Azure offers")
    access = (access or "Hot").capitalize()
    sku = f"{access}:{redundancy}"
    return Mapped(sku, [
        usage_based(f"Capacity ({access} {redundancy})", "storage:Blob", f"{sku}:data", "per_gb_month", "storage_gb"),
        *(usage_based(f"{what.capitalize()}", "storage:Blob", f"{sku}:{op}", "per_1k_requests", key, 1 / 1000)
          for op, key, what in OPERATIONS)])


def classic_account(p: Props) -> Mapped | Unpriced:
    return _account(p.str("accountTier"), p.str("accountReplicationType"), p.str("accessTier"))


def native_account(p: Props) -> Mapped | Unpriced:
    tier, _, replication = (p.str("sku.name") or "Standard_LRS").partition("_")
    return _account(tier, replication, p.str("accessTier"))


USAGE = (STORAGE_GB, *(UsageKey(key, "operations", f"{what} per month") for _, key, what in OPERATIONS))
TYPES = (
    PricedType(("azure:storage/account:Account",), "storage:Account", classic_account,
               keys("storage:Blob Hot:LRS:data", "storage:Blob Hot:LRS:write"), USAGE,
               "Blob capacity and write/read/other operations by usage (access tier, redundancy)"),
    PricedType(("azure-native:storage:StorageAccount",), "storage:Account", native_account,
               keys("storage:Blob Hot:LRS:data", "storage:Blob Hot:LRS:write"), USAGE,
               "Blob capacity and write/read/other operations by usage (access tier, redundancy)"),
)
