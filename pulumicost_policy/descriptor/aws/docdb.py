"""DocumentDB (instance-based clusters): instance hours (Standard or I/O-Optimized storage configuration,
from the cluster in the same stack), and the cluster's storage, I/O and backup storage by usage."""
from __future__ import annotations

from ..model import CostComponent, Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, STORAGE_GB, PricedType, UsageKey, keys
from ..values import Props

IO_REQUESTS = UsageKey("monthly_io_requests", "requests", "storage I/O requests per month")
BACKUP_GB = UsageKey("backup_storage_gb", "GB", "backup storage beyond the free allowance (the cluster's size)")


def _io_optimized(p: Props) -> bool:
    return (p.str("storageType") or "").lower() == "iopt1"


def cluster(p: Props) -> Mapped:
    iopt = _io_optimized(p)
    comps: list[CostComponent] = [
        usage_based("Storage (I/O-Optimized)" if iopt else "Storage", "docdb:Cluster",
                    "storage:io-optimized" if iopt else "storage", "per_gb_month", STORAGE_GB.name)]
    if not iopt:
        comps.append(usage_based("I/O requests", "docdb:Cluster", "io", "per_1m_requests", IO_REQUESTS.name, 1e-6))
    comps.append(usage_based("Backup storage", "docdb:Cluster", "backup", "per_gb_month", BACKUP_GB.name))
    return Mapped("iopt1" if iopt else "standard", comps)


def cluster_instance(p: Props) -> Mapped | Unpriced:
    cls = p.str("instanceClass")
    if not cls:
        return Unpriced("instanceClass not set")
    mode = ":io-optimized" if _io_optimized(p) else ""
    return Mapped(cls, [running(f"Database instance ({cls}{', I/O-Optimized' if mode else ''})",
                                "docdb:ClusterInstance", f"{cls}{mode}")])


TYPES = (
    PricedType(("aws:docdb/cluster:Cluster",), "docdb:Cluster", cluster,
               keys("docdb:Cluster storage", "docdb:Cluster storage:io-optimized", "docdb:Cluster io",
                    "docdb:Cluster backup"), (STORAGE_GB, IO_REQUESTS, BACKUP_GB),
               "storage (Standard or I/O-Optimized), I/O and backup storage (by usage)"),
    PricedType(("aws:docdb/clusterInstance:ClusterInstance",), "docdb:ClusterInstance", cluster_instance,
               keys("docdb:ClusterInstance db.r6g.large", "docdb:ClusterInstance db.r6g.large:io-optimized",
                    example=("docdb:ClusterInstance db.r6g.large", "docdb:ClusterInstance db.r6g.large:io-optimized")),
               (MONTHLY_HRS,), "instance hours (I/O-Optimized when its cluster is)"),
)
