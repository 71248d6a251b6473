"""RDS instances (open-source and licensed engines), Aurora clusters and cluster instances, RDS Proxy.

Defaults follow the AWS provider's own (gp2 storage) so that a plan which leaves them out is
priced as it will be deployed. Licensed engines: Oracle SE2 (licence included or BYOL) and EE
(BYOL, the only RDS option), SQL Server Express/Web/Standard/Enterprise (licence included), Db2
(BYOL); their SKUs carry the Pulumi engine name, plus "-byol" for bring-your-own-licence.
"""
from __future__ import annotations

from ..model import CostComponent, Mapped, Unpriced, monthly, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, STORAGE_GB, UsageKey, keys
from ..values import Props
from .common import STANDARD_IO, STANDARD_IO_KEY

RDS_ENGINES = {"mysql": "mysql", "postgres": "postgres", "mariadb": "mariadb"}
SQLSERVER = ("sqlserver-ex", "sqlserver-web", "sqlserver-se", "sqlserver-ee")
ORACLE = ("oracle-se2", "oracle-ee")  # (and their -cdb variants: the same prices)
BYOL, INCLUDED = "bring-your-own-license", "license-included"
RDS_GP3_BASELINE = ((400.0, 3000.0), (float("inf"), 12000.0))  # (storage below GB, included IOPS)
AURORA_ENGINES = ("aurora", "aurora-mysql", "aurora-postgresql")
ACU = UsageKey("capacity_units_per_hr", "ACU", "average Aurora capacity units (Serverless v1 clusters, Serverless v2 "
                                              "instances)")
IO_REQUESTS = UsageKey("monthly_io_requests", "requests", "Aurora storage I/O requests per month")
BACKUP_GB = UsageKey("backup_storage_gb", "GB", "Aurora backup storage beyond the free allowance")
BACKTRACK = UsageKey("monthly_backtrack_change_records", "records", "change records stored for backtrack per month")
EXPORT_GB = UsageKey("snapshot_export_gb", "GB", "snapshot data exported to S3 per month")


def rds_instance(p: Props) -> Mapped | Unpriced:
    cls = p.str("instanceClass")
    if not cls:
        return Unpriced("instanceClass not set")
    engine_raw = p.str("engine")
    if not engine_raw:
        return Unpriced("engine not set")
    if engine_raw.lower() in AURORA_ENGINES:  # an Aurora instance declared as an RDS instance
        return Mapped(cls, [_aurora_instance_line(cls, engine_raw.lower(), p)])
    engine = RDS_ENGINES.get(engine_raw.lower()) or _licensed_engine(engine_raw.lower(), p.str("licenseModel"))
    if isinstance(engine, Unpriced):
        return engine
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


def _licensed_engine(engine: str, licence: str | None) -> str | Unpriced:
    """The price-book engine of a licensed RDS engine, or why it is not priced."""
    base = engine.removesuffix("-cdb")
    if base in SQLSERVER:
        if licence == BYOL:
            return Unpriced("SQL Server on RDS is licence-included only (bring-your-own-licence needs RDS Custom)")
        return base
    if base in ORACLE:
        # Oracle EE on RDS is BYOL only; SE2 defaults to licence included.
        if licence == BYOL or (base == "oracle-ee" and licence is None):
            return f"{base}-byol"
        if base == "oracle-ee":
            return Unpriced("Oracle Enterprise Edition on RDS is bring-your-own-licence only")
        return base
    if base in ("oracle-se", "oracle-se1"):
        return Unpriced(f"{base} is a retired RDS edition: the price table has Oracle SE2 and EE only")
    if base in ("db2-se", "db2-ae"):
        if licence not in (None, BYOL):
            return Unpriced("Db2 by AWS Marketplace licence is not priced (the table does not name its edition); "
                            "bring-your-own-licence is")
        return "db2-byol"
    return Unpriced("engine not priced: the price book has RDS prices for "
                    f"{', '.join((*RDS_ENGINES, *SQLSERVER, *ORACLE, 'db2-se', 'db2-ae'))} and Aurora")


def _aurora_engine(p: Props) -> str | Unpriced:
    engine = (p.str("engine", "aurora") or "aurora").lower()
    if engine not in AURORA_ENGINES:
        return Unpriced("Multi-AZ DB clusters (non-Aurora engines) are not in the price book")
    return "aurora-mysql" if engine == "aurora" else engine


def _io_optimized(p: Props) -> bool:
    return (p.str("storageType") or "").lower() == "aurora-iopt1"


def _aurora_instance_line(cls: str, engine: str, p: Props) -> CostComponent:
    engine = "aurora-mysql" if engine == "aurora" else engine
    mode = ":io-optimized" if _io_optimized(p) else ""
    return running(f"Database instance ({engine}{', I/O-Optimized' if mode else ''}, on-demand, {cls})",
                   "rds:ClusterInstance", f"{cls}:{engine}{mode}")


def rds_cluster(p: Props) -> Mapped | Unpriced:
    """The cluster's own lines: storage, I/O (not with I/O-Optimized storage), backups, backtrack, snapshot
    export, and Serverless v1 capacity; instances (and Serverless v2 capacity) are the cluster instances'."""
    engine = _aurora_engine(p)
    if isinstance(engine, Unpriced):
        return engine
    iopt = _io_optimized(p)
    comps: list[CostComponent] = []
    if (p.str("engineMode") or "provisioned").lower() == "serverless":
        comps.append(usage_based("Aurora serverless", "rds:Cluster", f"serverless-v1:{engine}", "per_hour",
                                 ACU.name))
    comps.append(usage_based("Storage (I/O-Optimized)" if iopt else "Storage", "rds:Cluster",
                             "storage:io-optimized" if iopt else "storage", "per_gb_month", STORAGE_GB.name))
    if not iopt:
        comps.append(usage_based("I/O requests", "rds:Cluster", "io", "per_1m_requests", IO_REQUESTS.name, 1e-6))
    comps.append(usage_based("Backup storage", "rds:Cluster", f"backup:{engine}", "per_gb_month", BACKUP_GB.name))
    if engine == "aurora-mysql" and (p.num("backtrackWindow") or 0) > 0:
        comps.append(usage_based("Backtrack", "rds:Cluster", "backtrack", "per_1m_requests", BACKTRACK.name, 1e-6))
    comps.append(usage_based("Snapshot export", "rds:Cluster", f"snapshot-export:{engine}", "per_gb", EXPORT_GB.name))
    return Mapped(engine, comps)


def rds_cluster_instance(p: Props) -> Mapped | Unpriced:
    """Instance hours at the Aurora rate of the engine (I/O-Optimized when the cluster's storage is, which
    the cluster reference resolves into `storageType`); db.serverless bills Serverless v2 ACUs by usage."""
    cls = p.str("instanceClass")
    if not cls:
        return Unpriced("instanceClass not set")
    engine = _aurora_engine(p)
    if isinstance(engine, Unpriced):
        return engine
    if cls == "db.serverless":
        mode = ":io-optimized" if _io_optimized(p) else ""
        return Mapped(cls, [usage_based("Aurora Serverless v2", "rds:Cluster", f"serverless-v2:{engine}{mode}",
                                        "per_hour", ACU.name)])
    return Mapped(cls, [_aurora_instance_line(cls, engine, p)])


PROXY_VCPUS = UsageKey("vcpus", "vCPU", "vCPUs of the provisioned instances (or ACUs of Serverless v2) behind the "
                                      "proxy")


def rds_proxy(p: Props) -> Mapped:
    """Billed per vCPU-hour of the instances behind it: the plan does not link those, so by usage."""
    return Mapped("proxy", [usage_based("Proxy (per database vCPU or ACU)", "rds:Proxy", "vcpu", "per_hour",
                                        PROXY_VCPUS.name)])


TYPES = (
    PricedType(("aws:rds/instance:Instance",), "rds:Instance", rds_instance,
               keys("rds:Instance db.t3.micro:mysql:single-az", "rds:Instance db.m5.large:sqlserver-se:single-az",
                    "rds:Instance db.m5.large:oracle-se2:single-az", "rds:Instance db.m5.large:oracle-ee-byol:single-az",
                    "rds:Instance db.m6i.large:db2-byol:single-az", "rds:Storage gp2:single-az",
                    "rds:Storage io1-iops:single-az", "rds:Storage io1-iops:multi-az", "rds:Storage gp3-iops:single-az",
                    "rds:Storage standard-io", "rds:Storage backup",
                    example=("rds:Instance db.t3.micro:mysql:single-az",
                             "rds:Instance db.m5.large:sqlserver-se:single-az",
                             "rds:Instance db.m5.large:oracle-se2:single-az",
                             "rds:Instance db.m5.large:oracle-ee-byol:single-az",
                             "rds:Instance db.m6i.large:db2-byol:single-az")),
               (MONTHLY_HRS, STORAGE_GB, STANDARD_IO,
                UsageKey("additional_backup_storage_gb", "GB", "backup storage beyond the free allowance (the "
                                                               "database's size)")),
               "MySQL/PostgreSQL/MariaDB, SQL Server, Oracle and Db2 instance hours, storage, provisioned IOPS (io1/io2, gp3 above baseline), "
               "magnetic I/O and backup storage (by usage)"),
    PricedType(("aws:rds/cluster:Cluster",), "rds:Cluster", rds_cluster,
               keys(*(f"rds:Cluster {sku}" for sku in (
                   "storage", "storage:io-optimized", "io", "backtrack", "serverless-v1:aurora-mysql",
                   "serverless-v1:aurora-postgresql", "backup:aurora-mysql", "backup:aurora-postgresql",
                   "snapshot-export:aurora-mysql", "snapshot-export:aurora-postgresql"))),
               (ACU, STORAGE_GB, IO_REQUESTS, BACKUP_GB, BACKTRACK, EXPORT_GB),
               "Aurora storage (Standard or I/O-Optimized), I/O, backups, backtrack, snapshot export, Serverless v1 "
               "ACUs (all by usage)"),
    PricedType(("aws:rds/clusterInstance:ClusterInstance",), "rds:ClusterInstance", rds_cluster_instance,
               keys("rds:ClusterInstance db.r6g.large:aurora-mysql", "rds:ClusterInstance db.r6g.large:aurora-postgresql",
                    "rds:ClusterInstance db.r6g.large:aurora-mysql:io-optimized",
                    *(f"rds:Cluster serverless-v2:aurora-{e}{m}" for e in ("mysql", "postgresql")
                      for m in ("", ":io-optimized")),
                    example=("rds:ClusterInstance db.r6g.large:aurora-mysql",
                             "rds:ClusterInstance db.r6g.large:aurora-postgresql",
                             "rds:ClusterInstance db.r6g.large:aurora-mysql:io-optimized")),
               (MONTHLY_HRS, ACU), "Aurora instance hours (Standard or I/O-Optimized); db.serverless: Serverless v2 "
                                   "ACUs (by usage)"),
    PricedType(("aws:rds/proxy:Proxy",), "rds:Proxy", rds_proxy, keys("rds:Proxy vcpu"), (PROXY_VCPUS,),
               "vCPUs (or ACUs) of the databases it fronts (by usage)"),
)
