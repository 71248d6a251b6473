"""RDS instances, Aurora clusters and cluster instances, RDS Proxy.

Defaults follow the AWS provider's own (gp2 storage) so that a plan which leaves them out is
priced as it will be deployed.
"""
from __future__ import annotations

from ..model import Mapped, Unpriced, monthly, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, STORAGE_GB, UsageKey, keys, no_data
from ..values import Props
from .common import STANDARD_IO, STANDARD_IO_KEY, no_data_type

RDS_ENGINES = {"mysql": "mysql", "postgres": "postgres", "mariadb": "mariadb"}
RDS_GP3_BASELINE = ((400.0, 3000.0), (float("inf"), 12000.0))  # (storage below GB, included IOPS)
AURORA_ENGINES = ("aurora", "aurora-mysql", "aurora-postgresql")


def rds_instance(p: Props) -> Mapped | Unpriced:
    cls = p.str("instanceClass")
    if not cls:
        return Unpriced("instanceClass not set")
    engine_raw = p.str("engine")
    if not engine_raw:
        return Unpriced("engine not set")
    engine = RDS_ENGINES.get(engine_raw.lower())
    if engine is None:
        return Unpriced("engine not priced: the price book has RDS prices for "
                        f"{', '.join(RDS_ENGINES)} (Single-AZ and Multi-AZ, on-demand)")
    deployment = "multi-az" if p.bool("multiAz") else "single-az"
    comps = [running(f"Database instance ({engine}, {deployment})", "rds:Instance", f"{cls}:{engine}:{deployment}")]
    storage = p.num("allocatedStorage")
    stype = p.str("storageType") or ("io1" if p.num("iops") else "gp2")
    if storage:
        comps.append(monthly(f"Storage ({stype}, {deployment})", "rds:Storage", f"{stype}:{deployment}",
                             "per_gb_month", storage))
    else:
        comps.append(usage_based(f"Storage ({stype}, {deployment})", "rds:Storage", f"{stype}:{deployment}",
                                 "per_gb_month", "storage_gb"))
    iops = p.num("iops") or 0.0
    if stype in ("io1", "io2") and iops:
        comps.append(monthly(f"Provisioned IOPS ({deployment})", "rds:Storage", f"{stype}-iops:{deployment}",
                             "per_iops_month", iops))
    elif stype == "gp3":  # gp3 includes 3,000 IOPS below 400 GB, 12,000 from 400 GB
        included = next(base for below, base in RDS_GP3_BASELINE if (storage or 0.0) < below)
        if iops > included:
            comps.append(monthly(f"Provisioned IOPS above {included:,.0f} ({deployment})", "rds:Storage",
                                 f"gp3-iops:{deployment}", "per_iops_month", iops - included))
    elif stype == "standard":
        comps.append(usage_based("I/O requests (magnetic)", "rds:Storage", "standard-io", "per_1m_requests",
                                 STANDARD_IO_KEY, 1e-6))
    comps.append(usage_based("Additional backup storage (beyond the database size)", "rds:Storage", "backup",
                             "per_gb_month", "additional_backup_storage_gb"))
    return Mapped(cls, comps)


def rds_cluster(p: Props) -> Mapped | Unpriced:
    engine = (p.str("engine", "aurora") or "aurora").lower()
    if engine not in AURORA_ENGINES:
        return Unpriced("Multi-AZ DB clusters (non-Aurora engines) are not in the price book")
    return Unpriced("Aurora prices are not in the price book (the RDS feed covers MySQL, PostgreSQL and MariaDB "
                    "instances only)")


TYPES = (
    PricedType(("aws:rds/instance:Instance",), "rds:Instance", rds_instance,
               keys("rds:Instance db.t3.micro:mysql:single-az", "rds:Storage gp2:single-az",
                    "rds:Storage io1-iops:single-az", "rds:Storage io1-iops:multi-az", "rds:Storage gp3-iops:single-az",
                    "rds:Storage standard-io", "rds:Storage backup",
                    example=("rds:Instance db.t3.micro:mysql:single-az",)),
               (MONTHLY_HRS, STORAGE_GB, STANDARD_IO,
                UsageKey("additional_backup_storage_gb", "GB", "backup storage beyond the free allowance (the "
                                                               "database's size)")),
               "MySQL/PostgreSQL/MariaDB instance hours, storage, provisioned IOPS (io1/io2, gp3 above baseline), "
               "magnetic I/O and backup storage (by usage)"),
    PricedType(("aws:rds/cluster:Cluster",), "rds:Cluster", rds_cluster, (), (STORAGE_GB,),
               "Aurora: unpriced (not in our data)"),
    PricedType(("aws:rds/clusterInstance:ClusterInstance",), "rds:ClusterInstance",
               no_data("Aurora cluster instance"), (), (MONTHLY_HRS,), "unpriced (Aurora not in our data)"),
    no_data_type("aws:rds/proxy:Proxy", "rds:Proxy", "RDS Proxy"),
)
