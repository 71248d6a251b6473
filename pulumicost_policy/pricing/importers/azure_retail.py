"""Azure Retail Prices items (https://prices.azure.com/api/retail/prices) -> store rows.

An item is `{"armRegionName", "armSkuName", "serviceName", "productName", "skuName", "meterName",
"type", "unitOfMeasure", "retailPrice", "currencyCode", "tierMinimumUnits"...}`. The API's pages
(`{"Items": [...], "NextPageLink"}`) are read by `prices update`; the data files that hold such
items in other shapes are turned back into items here (`eu5_items`, `sea_items`, `togen_items`), so
one classifier decides what every source's item prices.

Rates are converted to the book's billing modes: per 10K operations -> per 1k requests, per day
(SQL DTU databases) -> per hour, per second (Container Apps vCPU and memory) -> per hour.
"""
from __future__ import annotations

import math
import re
from typing import Any, Iterable, Iterator, Mapping, Optional

from ..store import Row

# The API's OData filters for what we price (one query each; pages follow NextPageLink).
FILTERS = (
    "serviceName eq 'Virtual Machines' and priceType eq 'Consumption'",
    "serviceName eq 'Storage' and priceType eq 'Consumption' and endswith(productName, 'Managed Disks')",
    "serviceName eq 'Storage' and priceType eq 'Consumption' and productName eq 'General Block Blob v2'",
    "serviceName eq 'SQL Database' and priceType eq 'Consumption'",
    "serviceName eq 'Azure App Service' and priceType eq 'Consumption'",
    "serviceName eq 'Azure Kubernetes Service' and priceType eq 'Consumption'",
    "serviceName eq 'Azure Database for MySQL' and priceType eq 'Consumption'",
    "serviceName eq 'Azure Database for PostgreSQL' and priceType eq 'Consumption'",
    "serviceName eq 'Redis Cache' and priceType eq 'Consumption'",
    "serviceName eq 'Service Bus' and priceType eq 'Consumption'",
    "serviceName eq 'Azure Container Apps' and priceType eq 'Consumption'",
    "serviceName eq 'Functions' and priceType eq 'Consumption'",
)
# Managed-disk product -> the storage account type prefix Pulumi users write (+ _LRS / _ZRS).
DISK_ACCOUNTS = {"Premium SSD Managed Disks": "Premium", "Standard SSD Managed Disks": "StandardSSD",
                 "Standard HDD Managed Disks": "Standard"}
# unitOfMeasure -> (billing mode, factor from the item's price to the book's rate)
UNITS = {
    "1 Hour": ("per_hour", 1.0), "1/Hour": ("per_hour", 1.0), "1/Day": ("per_hour", 1 / 24),
    "1/Month": ("per_month", 1.0), "1 GB/Month": ("per_gb_month", 1.0), "10K": ("per_1k_requests", 0.1),
    "1M": ("per_1m_requests", 1.0), "10": ("per_1m_requests", 100_000.0), "1 Second": ("per_hour", 3600.0),
    "1 GiB Second": ("per_hour", 3600.0), "1 GB Second": ("per_gb_second", 1.0),
}
_APP_PLAN = re.compile(r"^Azure App Service (Free|Shared|Basic|Standard|Premium|Premium v\d|Isolated|Isolated v\d) "
                       r"Plan( - Linux)?$")
_SQL_VCORE = re.compile(r"^SQLDB_(GP|BC|HS)_Compute_Gen5_(\d+)$")
_SQL_DTU = {"SQL Database Single Basic": "Basic", "SQL Database Single Standard": "Standard",
            "SQL Database Single Premium": "Premium"}
_SQL_STORAGE = {"SQL Database Single/Elastic Pool General Purpose - Storage": "storage:GeneralPurpose",
                "SQL Database SingleDB Hyperscale - Storage": "storage:Hyperscale"}
_BLOB_METERS = (("Data Stored", "data"), ("Write Operations", "write"), ("Read Operations", "read"),
                ("All Other Operations", "other"))
AKS_TIER_UNSURE = "Standard?"  # an AKS tier row without a meter name (see `import_items`)


def _vm(item: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    product, sku_name = str(item.get("productName", "")), str(item.get("skuName", ""))
    if "Low Priority" in sku_name or "Cloud Services" in product or "Dedicated" in product:
        return None
    spot = sku_name.endswith(" Spot")
    arm = str(item.get("armSkuName") or "") or "Standard_" + sku_name.removesuffix(" Spot").replace(" ", "_")
    return ("vm:Windows" if product.endswith(" Windows") else "vm:Linux", arm + (":spot" if spot else ""))


def _storage(item: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    product, sku_name, meter = (str(item.get(k, "")) for k in ("productName", "skuName", "meterName"))
    account = DISK_ACCOUNTS.get(product)
    if account:
        tier, _, redundancy = sku_name.partition(" ")
        if redundancy in ("LRS", "ZRS") and meter.endswith("Disk") and re.fullmatch(r"[PES]\d+", tier):
            return ("managed-disk", f"{account}_{redundancy}:{tier}")
        return None
    if product == "General Block Blob v2" and re.fullmatch(r"(Hot|Cool|Cold|Archive) [A-Z-]+", sku_name):
        access, redundancy = sku_name.split(" ")
        for suffix, what in _BLOB_METERS:
            if meter.endswith(suffix) and "Index" not in meter and "Inventory" not in meter:
                return ("storage:Blob", f"{access}:{redundancy}:{what}")
    return None


def _sql(item: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    product, sku_name = str(item.get("productName", "")), str(item.get("skuName", ""))
    vcore = _SQL_VCORE.match(str(item.get("armSkuName") or ""))
    if vcore and "Serverless" not in product and "Compute Gen5" in product and sku_name == f"{vcore.group(2)} vCore":
        return ("sql:Database", f"{vcore.group(1)}_Gen5_{vcore.group(2)}")
    if product in _SQL_DTU and "Secondary" not in sku_name:
        return ("sql:Database", "Basic" if sku_name in ("B", "Basic") else sku_name)
    if product in _SQL_STORAGE and sku_name in ("General Purpose", "Hyperscale"):
        return ("sql:Database", _SQL_STORAGE[product])
    return None


def _app_service(item: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    plan = _APP_PLAN.match(str(item.get("productName", "")))
    if not plan:
        return None
    return ("appservice:Plan", f"{'Linux' if plan.group(2) else 'Windows'}:{str(item.get('skuName', '')).replace(' ', '')}")


def _aks(item: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    if item.get("productName") != "Azure Kubernetes Service" or item.get("skuName") != "Standard":
        return None
    meter = str(item.get("meterName") or "")
    if not meter:
        return ("aks:Cluster", AKS_TIER_UNSURE)
    return ("aks:Cluster", "Premium" if "Long Term" in meter or "Premium" in meter else "Standard")


def _flexible(kind: str) -> Any:
    def classify_flexible(item: Mapping[str, Any]) -> Optional[tuple[str, str]]:
        product, sku_name, meter = (str(item.get(k, "")) for k in ("productName", "skuName", "meterName"))
        if "Flexible Server" not in product and "Flex Server" not in product:
            return None
        if "Burstable" in product and "Compute" in product and re.fullmatch(r"B\d+[A-Z]*", sku_name):
            return (kind, f"B_Standard_{sku_name[:1]}{sku_name[1:].lower()}")
        if "General Purpose" in product and "Compute" in product and meter == "vCore":
            series = re.search(r"General Purpose (\w+) Series", product)
            return (kind, f"GP:{series.group(1) if series else 'Ddsv4'}:vCore")
        if product.endswith("Storage") and meter == "Storage Data Stored":
            return (kind, "storage")
        return None
    return classify_flexible


def _redis(item: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    """Per node: the "Cache Instance" meters (a Standard or Premium cache runs two), and Basic's
    one-node "Cache" meter."""
    tier = str(item.get("productName", "")).removeprefix("Azure Redis Cache ")
    meter, size = str(item.get("meterName", "")), str(item.get("skuName", ""))
    if tier in ("Basic", "Standard", "Premium") and (meter == f"{size} Cache Instance"
                                                     or (tier == "Basic" and meter == f"{size} Cache")):
        return ("redis:Cache", f"{tier}:{size}")
    return None


_BY_METER = {  # service -> meter name -> (resource type, sku)
    "Service Bus": {"Standard Base Unit": ("servicebus:Namespace", "Standard:base"),
                    "Standard Messaging Operations": ("servicebus:Namespace", "Standard:operations"),
                    "Basic Messaging Operations": ("servicebus:Namespace", "Basic:operations"),
                    "Premium Messaging Unit": ("servicebus:Namespace", "Premium:unit")},
    "Azure Container Apps": {"Standard vCPU Active Usage": ("containerapps:App", "vcpu"),
                             "Standard Memory Active Usage": ("containerapps:App", "memory"),
                             "Standard Requests": ("containerapps:App", "requests")},
    "Functions": {"Standard Execution Time": ("functions:App", "execution-time"),
                  "Standard Total Executions": ("functions:App", "executions")},
}


def _by_meter(meters: Mapping[str, tuple[str, str]]) -> Any:
    return lambda item: meters.get(str(item.get("meterName", "")))


_CLASSIFIERS = {
    "Virtual Machines": _vm, "Storage": _storage, "SQL Database": _sql, "Azure App Service": _app_service,
    "Azure Kubernetes Service": _aks, "Azure Database for MySQL": _flexible("mysql:FlexibleServer"),
    "Azure Database for PostgreSQL": _flexible("postgresql:FlexibleServer"), "Redis Cache": _redis,
    **{service: _by_meter(meters) for service, meters in _BY_METER.items()},
}


# The billing mode each priced key must come in: the resource type's, or its SKU suffix's.
_MODES = {"vm:Linux": "per_hour", "vm:Windows": "per_hour", "aks:Cluster": "per_hour", "appservice:Plan": "per_hour",
          "redis:Cache": "per_hour", "managed-disk": "per_month", "sql:Database": "per_hour",
          "mysql:FlexibleServer": "per_hour", "postgresql:FlexibleServer": "per_hour",
          "servicebus:Namespace": "per_1m_requests", "containerapps:App": "per_hour", "functions:App": "per_1m_requests",
          "storage:Blob": "per_1k_requests"}
_SKU_MODES = {"data": "per_gb_month", "storage": "per_gb_month", "base": "per_hour", "unit": "per_hour",
              "requests": "per_1m_requests", "execution-time": "per_gb_second"}


def _mode(resource_type: str, sku: str) -> str:
    last = sku.rsplit(":", 1)[-1]
    if sku.startswith("storage:"):
        return "per_gb_month"
    return _SKU_MODES.get(last, _MODES.get(resource_type, ""))


def classify(item: Mapping[str, Any]) -> Optional[tuple[str, str, str, float]]:
    """(resource_type, sku, billing_mode, factor) for an item we price; None for the rest.

    Only pay-as-you-go USD items of a tier's first step (tierMinimumUnits 0), in the unit the key
    is billed by, are kept."""
    if item.get("type") != "Consumption" or item.get("currencyCode", "USD") != "USD" \
            or (item.get("tierMinimumUnits") or 0) != 0:
        return None
    unit = UNITS.get(str(item.get("unitOfMeasure", "")))
    classifier = _CLASSIFIERS.get(str(item.get("serviceName", "")))
    found = classifier(item) if classifier and unit else None
    if found is None or _mode(*found) != unit[0]:
        return None
    return (*found, *unit)


def import_items(items: Iterable[Mapping[str, Any]], source: str, date: str) -> Iterator[Row]:
    """Rows for the items we price. The API lists some meters twice: the item with the latest
    effectiveStartDate wins (an older price kept for the record), else the first.

    AKS tier rows without a meter name (a trimmed dump) come as two "Standard" items: the cheaper
    is the Standard tier's fee, the dearer the Premium (long-term support) tier's."""
    seen: dict[tuple, Row] = {}
    starts: dict[tuple, str] = {}
    unsure: dict[str, set[float]] = {}
    for item in items:
        kind = classify(item) if isinstance(item, Mapping) else None
        region = str(item.get("armRegionName", "")) if kind else ""
        price = item.get("retailPrice") if kind else None
        if not kind or not region or isinstance(price, bool) or not isinstance(price, (int, float)) \
                or not math.isfinite(price) or price < 0:
            continue
        resource_type, sku, mode, factor = kind
        if sku == AKS_TIER_UNSURE:
            unsure.setdefault(region, set()).add(float(price))
            continue
        rate = float(price) if factor == 1.0 else float(f"{price * factor:.10g}")  # no float noise from x 0.1
        row = Row("azure", resource_type, sku, region, mode, rate, source, date)
        start = str(item.get("effectiveStartDate") or "")
        if row.key() not in seen or start > starts[row.key()]:
            seen[row.key()], starts[row.key()] = row, start
    for region, rates in sorted(unsure.items()):
        for tier, rate in zip(("Standard", "Premium"), sorted(rates)):
            row = Row("azure", "aks:Cluster", tier, region, "per_hour", rate, source, date)
            seen.setdefault(row.key(), row)
    yield from seen.values()


# --- the data files' shapes, turned back into Retail Prices items -------------------------------

def eu5_items(doc: Mapping[str, Any], service: str) -> Iterator[dict[str, Any]]:
    """azure-pricing-radar's `{"<skuId>|<meterId>|<type>|<term>": {trimmed item}}` (no serviceName:
    the file says it, `vm-*` or `storage-*`; no armSkuName: built from skuName)."""
    for key, item in doc.items():
        if isinstance(item, dict):
            parts = str(key).split("|")
            yield {**item, "serviceName": service, "type": parts[2] if len(parts) > 2 else ""}


def sea_items(doc: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """azure-pricing-dashboard's `{pricePoints: [{..., price, purchaseOption: PAYG|RI_1Y|RI_3Y}]}`."""
    for point in doc.get("pricePoints") or ():
        if isinstance(point, dict):
            yield {**point, "retailPrice": point.get("price"),
                   "type": "Consumption" if point.get("purchaseOption") == "PAYG" else "Reservation"}


# togen normalised these units (per second -> per hour, per batch -> per one): undo it.
_TOGEN_TO_RAW = {"1M": 1e6, "10K": 1e4, "10": 10.0, "1 Second": 1 / 3600, "1 GiB Second": 1 / 3600}


def togen_items(doc: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """togen's `{skus: [{service, attributes{armRegionName, meterName, productName, skuName,
    unitOfMeasure}, unit, price, upTo?}]}`: the price back in the item's own unit of measure."""
    for sku in doc.get("skus") or ():
        attrs = sku.get("attributes") if isinstance(sku, dict) else None
        price = sku.get("price") if attrs else None
        if isinstance(attrs, dict) and isinstance(price, (int, float)) and not isinstance(price, bool):
            factor = _TOGEN_TO_RAW.get(str(attrs.get("unitOfMeasure")), 1.0)
            raw = price if factor == 1.0 else float(f"{price * factor:.10g}")
            yield {**attrs, "serviceName": sku.get("service"), "type": "Consumption",
                   "currencyCode": doc.get("currency", "USD"), "retailPrice": raw}
