"""Cloud Storage buckets: storage by class and data retrieval."""
from __future__ import annotations

from ..model import Mapped, Unpriced, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props

STORAGE_CLASSES = ("standard", "nearline", "coldline", "archive")


def bucket(p: Props) -> Mapped | Unpriced:
    cls = (p.str("storageClass", "STANDARD") or "STANDARD").lower()
    if cls not in STORAGE_CLASSES:
        return Unpriced("storageClass is not one of STANDARD, NEARLINE, COLDLINE, ARCHIVE")
    comps = [usage_based(f"Storage ({cls})", "storage:Bucket", f"{cls}-storage", "per_gb_month", "storage_gb")]
    if cls != "standard":  # reading from nearline, coldline and archive is billed per GB
        comps.append(usage_based("Data retrieval", "storage:Bucket", f"{cls}-retrieval", "per_gb",
                                 "monthly_data_retrieval_gb"))
    return Mapped(cls, comps)


TYPES = (
    PricedType(("gcp:storage/bucket:Bucket",), "storage:Bucket", bucket,
               keys(*(f"storage:Bucket {c}-storage" for c in STORAGE_CLASSES),
                    *(f"storage:Bucket {c}-retrieval" for c in STORAGE_CLASSES[1:])),
               (UsageKey("storage_gb", "GB", "average stored data"),
                UsageKey("monthly_data_retrieval_gb", "GB", "data read from nearline, coldline or archive per month")),
               "storage by class and data retrieval (by usage), in regions, multi-regions (US, EU, ASIA) and "
               "dual-regions (NAM4, EUR4, ASIA1)"),
)
