"""SQL Database: vCore databases (compute hours of the `GP_Gen5_2`-style SKU and storage per
GB-month of the tier) and DTU databases (Basic/S*/P* per hour, storage included), as Infracost's
mssql_database lines. Serverless and elastic-pool databases are not in the price book."""
from __future__ import annotations

import re

from ..model import Mapped, Unpriced, monthly, running
from ..registry import MONTHLY_HRS, PricedType, keys
from ..values import Props

_VCORE = re.compile(r"^(GP|BC|HS)_Gen5_(\d+)$")
_DTU = re.compile(r"^(Basic|S\d+|P\d+)$")
STORAGE_TIERS = {"GP": "GeneralPurpose", "BC": "BusinessCritical", "HS": "Hyperscale"}
DEFAULT_MAX_GB = 32.0  # a vCore database's max size when none is given


def _database(sku: str | None, max_gb: float | None) -> Mapped | Unpriced:
    if not sku:
        return Unpriced("database SKU not set (Azure applies its default service objective)")
    vcore = _VCORE.match(sku)
    if vcore:
        size = max_gb or DEFAULT_MAX_GB
        return Mapped(sku, [running(f"Compute ({sku})", "sql:Database", sku),
                            monthly(f"Storage ({size:g} GB)", "sql:Database",
                                    f"storage:{STORAGE_TIERS[vcore.group(1)]}", "per_gb_month", size)])
    if _DTU.match(sku):
        return Mapped(sku, [running(f"Compute ({sku} DTU)", "sql:Database", sku)])
    return Unpriced("serverless, elastic-pool and other SKUs are not in the price book (vCore GP/BC/HS Gen5 and "
                    "DTU Basic/S/P only)")


def mssql_database(p: Props) -> Mapped | Unpriced:
    return _database(p.str("skuName"), p.num("maxSizeGb"))


def sql_database(p: Props) -> Mapped | Unpriced:
    size = p.num("maxSizeBytes")
    return _database(p.str("requestedServiceObjectiveName"), size / 2**30 if size else None)


def native_database(p: Props) -> Mapped | Unpriced:
    size = p.num("maxSizeBytes")
    return _database(p.str("sku.name"), size / 2**30 if size else None)


KEYS = keys("sql:Database GP_Gen5_2", "sql:Database S0", "sql:Database storage:GeneralPurpose",
            example=("sql:Database GP_Gen5_2",))
NOTE = "vCore compute hours + storage GB-month (max size), or DTU hours"
TYPES = tuple(PricedType((token,), "sql:Database", mapper, KEYS, (MONTHLY_HRS,), NOTE)
              for token, mapper in (("azure:mssql/database:Database", mssql_database),
                                    ("azure:sql/database:Database", sql_database),
                                    ("azure-native:sql:Database", native_database)))
