"""EFS file systems: storage by class, infrequent-access requests, provisioned throughput."""
from __future__ import annotations

from ..model import Mapped, monthly, usage_based
from ..registry import PricedType, STORAGE_GB, UsageKey, keys
from ..values import Props


def efs(p: Props) -> Mapped:
    one_zone = p.has("availabilityZoneName")
    zone = "one-zone" if one_zone else "standard"
    comps = [
        usage_based(f"Storage ({zone})", "efs:FileSystem", f"{zone}-storage", "per_gb_month", "storage_gb"),
        usage_based(f"Storage (infrequent access, {zone})", "efs:FileSystem", f"{zone}-ia-storage", "per_gb_month",
                    "infrequent_access_storage_gb"),
        usage_based("Read requests (infrequent access)", "efs:FileSystem", "ia-read", "per_gb",
                    "monthly_infrequent_access_read_requests_gb"),
        usage_based("Write requests (infrequent access)", "efs:FileSystem", "ia-write", "per_gb",
                    "monthly_infrequent_access_write_requests_gb"),
    ]
    if (p.str("throughputMode") or "") == "provisioned":
        comps.append(monthly("Provisioned throughput", "efs:FileSystem", "provisioned-throughput",
                             "per_mbps_month", p.num("provisionedThroughputInMibps", 0.0) or 0.0))
    return Mapped(zone, comps)


TYPES = (
    PricedType(("aws:efs/fileSystem:FileSystem",), "efs:FileSystem", efs,
               keys("efs:FileSystem standard-storage", "efs:FileSystem standard-ia-storage",
                    "efs:FileSystem one-zone-storage", "efs:FileSystem one-zone-ia-storage", "efs:FileSystem ia-read", "efs:FileSystem ia-write",
                    "efs:FileSystem provisioned-throughput"),
               (STORAGE_GB, UsageKey("infrequent_access_storage_gb", "GB", "data in the IA class"),
                UsageKey("monthly_infrequent_access_read_requests_gb", "GB", "data read from IA per month"),
                UsageKey("monthly_infrequent_access_write_requests_gb", "GB", "data written to IA per month")),
               "storage by class, IA reads (by usage), provisioned throughput"),
)
