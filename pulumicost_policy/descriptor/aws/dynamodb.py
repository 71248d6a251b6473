"""DynamoDB tables: provisioned or on-demand capacity, replicas in their own regions, storage,
backups and streams.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import CostComponent, Mapped, hourly, usage_based
from ..regions import normalise
from ..registry import PricedType, STORAGE_GB, UsageKey, keys
from ..values import Props, PropertyProblem


def _gsi_capacity(p: Props, field: str) -> float:
    return sum(p.num(f"globalSecondaryIndexes[{i}].{field}", 0.0) or 0.0
               for i in range(p.count("globalSecondaryIndexes")))


def _replica_regions(p: Props) -> list[str]:
    """The regions of a global table's replicas (each billed at its own region's rates)."""
    regions = []
    for i in range(p.count("replicas")):
        name = p.str(f"replicas[{i}].regionName")
        if not name:
            raise PropertyProblem(f"replicas[{i}].regionName is not set")
        regions.append(normalise("aws", name))
    return regions


def _capacity(label: str, sku: str, planned: float, key: str) -> CostComponent:
    """Provisioned units all month; `key` in the usage file overrides the planned figure (the
    average an auto-scaling target keeps)."""
    return CostComponent(label, "dynamodb:Table", sku, "per_hour", planned, key, 1.0, ((key, planned),))


def dynamodb_table(p: Props) -> Mapped:
    """The lines Infracost shows for a table; each replica's replicated writes at its own region's
    rates (a replica in a dearer region costs more)."""
    mode = (p.str("billingMode", "PROVISIONED") or "PROVISIONED").upper()
    replicas = _replica_regions(p)
    if mode == "PAY_PER_REQUEST":
        sku = "on-demand"
        comps = [
            usage_based("Write request unit (WRU)", "dynamodb:Table", "on-demand-wru", "per_1m_requests",
                        "monthly_write_request_units", 1e-6),
            usage_based("Read request unit (RRU)", "dynamodb:Table", "on-demand-rru", "per_1m_requests",
                        "monthly_read_request_units", 1e-6),
        ]
        comps += [replace(usage_based(f"Replicated write request unit (rWRU) {region}", "dynamodb:Table",
                                      "on-demand-rwru", "per_1m_requests", "monthly_write_request_units", 1e-6),
                          region=region) for region in replicas]
    elif mode == "PROVISIONED":
        sku = "provisioned"
        # Table capacity plus every global secondary index's.
        wcu = (p.num("writeCapacity", 0.0) or 0.0) + _gsi_capacity(p, "writeCapacity")
        rcu = (p.num("readCapacity", 0.0) or 0.0) + _gsi_capacity(p, "readCapacity")
        comps = [_capacity("Write capacity unit (WCU)", "provisioned-wcu", wcu, "write_capacity_units"),
                 _capacity("Read capacity unit (RCU)", "provisioned-rcu", rcu, "read_capacity_units")]
        comps += [replace(hourly(f"Replicated write capacity unit (rWCU) {region}", "dynamodb:Table",
                                 "provisioned-rwcu", wcu), region=region) for region in replicas]
    else:
        raise PropertyProblem("billingMode should be PROVISIONED or PAY_PER_REQUEST")
    comps += [
        usage_based("Data storage", "dynamodb:Table", "storage", "per_gb_month", "storage_gb"),
        usage_based("Point-In-Time Recovery (PITR) backup storage", "dynamodb:Table", "pitr", "per_gb_month",
                    "pitr_backup_storage_gb"),
        usage_based("On-demand backup storage", "dynamodb:Table", "backup", "per_gb_month",
                    "on_demand_backup_storage_gb"),
        usage_based("Table data restored", "dynamodb:Table", "restore", "per_gb", "monthly_data_restored_gb"),
        usage_based("Streams read request unit (sRRU)", "dynamodb:Table", "streams-rru", "per_1m_requests",
                    "monthly_streams_read_request_units", 1e-6),
    ]
    return Mapped(sku, comps)


TYPES = (
    PricedType(("aws:dynamodb/table:Table",), "dynamodb:Table", dynamodb_table,
               keys("dynamodb:Table provisioned-wcu", "dynamodb:Table provisioned-rcu",
                    "dynamodb:Table provisioned-rwcu", "dynamodb:Table on-demand-wru", "dynamodb:Table on-demand-rru",
                    "dynamodb:Table on-demand-rwru", "dynamodb:Table storage", "dynamodb:Table pitr",
                    "dynamodb:Table backup", "dynamodb:Table restore", "dynamodb:Table streams-rru"),
               (STORAGE_GB,
                UsageKey("write_capacity_units", "WCU", "average provisioned write capacity (auto-scaling)"),
                UsageKey("read_capacity_units", "RCU", "average provisioned read capacity (auto-scaling)"),
                UsageKey("monthly_write_request_units", "WRU", "on-demand write request units per month"),
                UsageKey("monthly_read_request_units", "RRU", "on-demand read request units per month"),
                UsageKey("pitr_backup_storage_gb", "GB", "point-in-time recovery backup storage"),
                UsageKey("on_demand_backup_storage_gb", "GB", "on-demand backup storage"),
                UsageKey("monthly_data_restored_gb", "GB", "table data restored per month"),
                UsageKey("monthly_streams_read_request_units", "requests", "stream read requests per month")),
               "provisioned capacity incl. GSIs, replicated writes per replica in its own region, on-demand "
               "requests, storage, PITR, backups, streams"),
)
