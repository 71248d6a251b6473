"""Azure Retail Prices API pages (https://prices.azure.com/api/retail/prices) -> store rows.

A page is `{"Items": [{"armRegionName", "armSkuName", "serviceName", "productName", "skuName",
"meterName", "type", "unitOfMeasure", "retailPrice", "currencyCode"...}], "NextPageLink": url|null}`.
We keep what the mappers ask for: Linux pay-as-you-go VM hours and LRS managed-disk months.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Iterator, Optional

from ..store import Row

# The API's OData filters for what we price (one query each; pages follow NextPageLink).
FILTERS = (
    "serviceName eq 'Virtual Machines' and priceType eq 'Consumption'",
    "serviceName eq 'Storage' and priceType eq 'Consumption' and endswith(productName, 'Managed Disks')",
)
DISK_ACCOUNTS = {"Premium SSD Managed Disks": "Premium_LRS", "Standard SSD Managed Disks": "StandardSSD_LRS",
                 "Standard HDD Managed Disks": "Standard_LRS"}


def classify(item: dict[str, Any]) -> Optional[tuple[str, str, str]]:
    """(resource_type, sku, billing_mode) for an item we price; None for the rest."""
    if item.get("type") != "Consumption" or item.get("currencyCode", "USD") != "USD":
        return None
    sku_name = str(item.get("skuName", ""))
    if item.get("serviceName") == "Virtual Machines":
        if "Windows" in str(item.get("productName", "")) or "Spot" in sku_name or "Low Priority" in sku_name:
            return None
        if item.get("unitOfMeasure") == "1 Hour" and item.get("armSkuName"):
            return ("vm:Linux", str(item["armSkuName"]), "per_hour")
        return None
    account = DISK_ACCOUNTS.get(str(item.get("productName", "")))
    if account and sku_name.endswith(" LRS") and item.get("unitOfMeasure") == "1/Month" \
            and str(item.get("meterName", "")).endswith("Disk"):
        return ("managed-disk", f"{account}:{sku_name.split()[0]}", "per_month")
    return None


def import_items(items: Iterable[dict[str, Any]], source: str, date: str) -> Iterator[Row]:
    """Rows for the items we price; the first item for a key wins (the API lists some meters twice)."""
    seen: set[tuple] = set()
    for item in items:
        kind = classify(item) if isinstance(item, dict) else None
        region = str(item.get("armRegionName", "")) if kind else ""
        price = item.get("retailPrice") if kind else None
        if not kind or not region or not isinstance(price, (int, float)) or not math.isfinite(price) or price < 0:
            continue
        row = Row("azure", kind[0], kind[1], region, kind[2], float(price), source, date)
        if row.key() not in seen:
            seen.add(row.key())
            yield row
