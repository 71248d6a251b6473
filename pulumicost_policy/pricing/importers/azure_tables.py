"""Azure price tables that are not Retail Prices items -> store rows.

- SkyPilot's `vms.csv` (`InstanceType,...,Price,SpotPrice,Region,...`): Linux pay-as-you-go and spot
  VM hours per size and region; an empty cell is a price the catalog does not have.
- Flexera's `azure_md_pricing.json` (`{region: {"P10_LRS": {pricePerUnit, unitOfMeasure,
  productName}}}`): managed-disk tiers per month in every region, and `azure_db_storage_pricing.json`
  (`{region: {GeneralPurpose|BusinessCritical|Hyperscale: {unitPrice}}}`): SQL Database storage per
  GB-month.
"""
from __future__ import annotations

import csv
import io
import math
import re
from typing import Any, Iterator, Mapping

from ..store import Row
from .azure_retail import DISK_ACCOUNTS


def _rate(value: Any) -> float | None:
    try:
        rate = float(value)
    except (TypeError, ValueError):
        return None
    return rate if math.isfinite(rate) and rate >= 0 else None


def skypilot_rows(text: str, source: str, date: str) -> Iterator[Row]:
    """Linux (`vm:Linux` SIZE) and spot (`vm:Linux` SIZE:spot) hours from SkyPilot's Azure catalog."""
    for rec in csv.DictReader(io.StringIO(text)):
        size, region = rec.get("InstanceType") or "", rec.get("Region") or ""
        if not size or not region:
            continue
        for column, suffix in (("Price", ""), ("SpotPrice", ":spot")):
            rate = _rate(rec.get(column) or None)
            if rate is not None:
                yield Row("azure", "vm:Linux", size + suffix, region, "per_hour", rate, source, date)


def flexera_disk_rows(doc: Mapping[str, Any], source: str, date: str) -> Iterator[Row]:
    """Managed-disk tiers (P/E/S, LRS and ZRS) per disk-month; Ultra and Premium v2 are billed by
    provisioned capacity and not kept."""
    for region, skus in doc.items():
        if region == "Global" or not isinstance(skus, dict):
            continue
        for name, item in skus.items():
            match = re.fullmatch(r"([PES]\d+)_(LRS|ZRS)", str(name))
            account = DISK_ACCOUNTS.get(str((item or {}).get("productName", "")))
            rate = _rate((item or {}).get("pricePerUnit"))
            if match and account and rate is not None and item.get("unitOfMeasure") == "1/Month":
                yield Row("azure", "managed-disk", f"{account}_{match.group(2)}:{match.group(1)}", region,
                          "per_month", rate, source, date)


def flexera_sql_storage_rows(doc: Mapping[str, Any], source: str, date: str) -> Iterator[Row]:
    """SQL Database storage per GB-month by service tier (`sql:Database` storage:GeneralPurpose...)."""
    for region, tiers in doc.items():
        for tier, item in (tiers or {}).items() if isinstance(tiers, dict) else ():
            rate = _rate((item or {}).get("unitPrice"))
            if rate is not None and tier in ("GeneralPurpose", "BusinessCritical", "Hyperscale"):
                yield Row("azure", "sql:Database", f"storage:{tier}", region, "per_gb_month", rate, source, date)
