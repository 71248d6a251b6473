"""The Azure data files in a price-data directory -> store rows, each dated by its own file.

Which file holds what (see ../shared/pricing/SOURCES-2026-12.md):
- `azure-retail-eu5-vm-storage-*.tar.gz`: Retail Prices items, `vm-<region>.json` and
  `storage-<region>.json`, five EU regions (dated by the archive name: the snapshot's day).
- `azure-retail-sea-*.tar.gz`: Retail Prices price points per service, two SEA regions (`retrievedAt`).
- `togen-azure-prices-*.json.gz`: PaaS meters in 25 regions (its `date`).
- `skypilot-*-azure-vms-*.csv.gz`: Linux and spot VM hours in 9 US regions (prices of about 2024).
- `azure-flexera-disks-dbstorage-*.tar.gz`: managed-disk tiers in 67 regions and SQL Database
  storage in 64 (each member dated by its commit, from MANIFEST.json).
Keys priced by several files are settled by the caller (the newest date wins).
"""
from __future__ import annotations

import gzip
import json
import re
import tarfile
from pathlib import Path
from typing import Any, Iterator

from ..pricebook import PriceBookError
from ..store import Row
from . import azure_retail, azure_tables

# SkyPilot's Azure catalog carries no date: the file last changed before 2025-04-28 and its
# prices are of about 2024 (SOURCES-2026-12.md); the catalog's last recorded Azure fix is 2024-08-18.
SKYPILOT_DATE = "2024-08-18"
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


def _members(path: Path) -> dict[str, Any]:
    """Every JSON member of a tar.gz, by base name."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            return {Path(m.name).name: json.load(tar.extractfile(m)) for m in tar.getmembers()
                    if m.isfile() and m.name.endswith(".json")}
    except (OSError, tarfile.TarError, json.JSONDecodeError, UnicodeDecodeError, EOFError) as err:
        raise PriceBookError(f"{path}: not a readable tar.gz of Azure price files ({err})") from None


def _text(path: Path) -> str:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return fh.read()
    except (OSError, EOFError, UnicodeDecodeError) as err:
        raise PriceBookError(f"{path}: not a readable gzip file ({err})") from None


def _date_in_name(path: Path) -> str:
    found = _DATE.search(path.name)
    if not found:
        raise PriceBookError(f"{path}: the file name carries no YYYY-MM-DD date")
    return found.group(1)


def eu5_rows(path: Path) -> Iterator[Row]:
    date = _date_in_name(path)
    for name, doc in sorted(_members(path).items()):
        service = {"vm": "Virtual Machines", "storage": "Storage"}.get(name.split("-", 1)[0])
        if service and isinstance(doc, dict):
            yield from azure_retail.import_items(azure_retail.eu5_items(doc, service),
                                                 f"Azure Retail Prices items {name} ({path.name})", date)


def sea_rows(path: Path) -> Iterator[Row]:
    for name, doc in sorted(_members(path).items()):
        if name != "MANIFEST.json" and isinstance(doc, dict) and doc.get("pricePoints") is not None:
            date = str(doc.get("retrievedAt") or "")[:10] or _date_in_name(path)
            yield from azure_retail.import_items(azure_retail.sea_items(doc),
                                                 f"Azure Retail Prices points {name} ({path.name})", date)


def togen_rows(path: Path) -> Iterator[Row]:
    try:
        doc = json.loads(_text(path))
    except json.JSONDecodeError as err:
        raise PriceBookError(f"{path}: not valid JSON ({err})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("skus"), list) or not doc.get("date"):
        raise PriceBookError(f"{path}: expected togen's Azure table with date and skus")
    yield from azure_retail.import_items(azure_retail.togen_items(doc), f"Azure price table ({path.name})",
                                         str(doc["date"])[:10])


def skypilot_rows(path: Path) -> Iterator[Row]:
    yield from azure_tables.skypilot_rows(_text(path), f"SkyPilot Azure VM catalog, prices of about 2024 ({path.name})",
                                          SKYPILOT_DATE)


def flexera_rows(path: Path) -> Iterator[Row]:
    members = _members(path)
    dates = {m.get("file"): str(m.get("commit_date", ""))[:10]
             for m in members.get("MANIFEST.json", {}).get("members", []) if isinstance(m, dict)}
    for name, importer in (("azure_md_pricing.json", azure_tables.flexera_disk_rows),
                           ("azure_db_storage_pricing.json", azure_tables.flexera_sql_storage_rows)):
        if name not in members:
            raise PriceBookError(f"{path}: {name} is missing")
        yield from importer(members[name], f"Flexera Azure price table {name} ({path.name})",
                            dates.get(name) or _date_in_name(path))


# file pattern -> importer
IMPORTERS = (("azure-retail-eu5-*.tar.gz", eu5_rows), ("azure-retail-sea-*.tar.gz", sea_rows),
             ("togen-azure-prices-*.json.gz", togen_rows), ("skypilot-*-azure-vms-*.csv.gz", skypilot_rows),
             ("azure-flexera-*.tar.gz", flexera_rows))


def azure_rows(data_dir: Path) -> Iterator[Row]:
    """Rows of every Azure data file in `data_dir` (none when there are none)."""
    for pattern, importer in IMPORTERS:
        for path in sorted(Path(data_dir).glob(pattern)):
            yield from importer(path)
