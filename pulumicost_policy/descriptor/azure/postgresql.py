"""PostgreSQL and MySQL flexible servers: compute hours (Burstable by size; General Purpose per
vCore of the Ddsv4 series) and storage per GB-month, as Infracost prices them."""
from __future__ import annotations

import re

from ..model import Mapped, Unpriced, monthly, running
from ..registry import MONTHLY_HRS, STORAGE_GB, PricedType, keys
from ..values import Props

_GP = re.compile(r"^(?:GP_)?Standard_D(\d+)(d?s)_v(\d)$")


def _server(price_type: str, sku: str | None, storage_gb: float | None) -> Mapped | Unpriced:
    if not sku:
        return Unpriced("skuName not set")
    gp = _GP.match(sku)
    if sku.startswith(("B_", "Standard_B")):
        name = sku if sku.startswith("B_") else f"B_{sku}"
        lines = [running(f"Compute ({name})", price_type, name)]
    elif gp:
        series = f"D{gp.group(2)}v{gp.group(3)}"
        vcores = float(gp.group(1))
        lines = [running(f"Compute (General Purpose {series}, {vcores:g} vCores)", price_type,
                         f"GP:{series}:vCore", vcores)]
    else:
        return Unpriced("only Burstable and General Purpose D-series flexible servers are in the price book")
    lines.append(monthly(f"Storage ({storage_gb or 32:g} GB)", price_type, "storage", "per_gb_month", storage_gb or 32))
    return Mapped(sku, lines)


def classic_postgresql(p: Props) -> Mapped | Unpriced:
    mb = p.num("storageMb")
    return _server("postgresql:FlexibleServer", p.str("skuName"), mb / 1024 if mb else None)


def classic_mysql(p: Props) -> Mapped | Unpriced:
    return _server("mysql:FlexibleServer", p.str("skuName"), p.num("storage.sizeGb"))


def _native(price_type: str):
    def mapper(p: Props) -> Mapped | Unpriced:
        return _server(price_type, p.str("sku.name"), p.num("storage.storageSizeGB"))
    return mapper


NOTE = "compute hours (Burstable size, General Purpose vCores) + storage GB-month (32 GB when unset)"
TYPES = (
    PricedType(("azure:postgresql/flexibleServer:FlexibleServer",), "postgresql:FlexibleServer", classic_postgresql,
               keys("postgresql:FlexibleServer B_Standard_B1ms", "postgresql:FlexibleServer storage"),
               (MONTHLY_HRS, STORAGE_GB), NOTE),
    PricedType(("azure-native:dbforpostgresql:FlexibleServer", "azure-native:dbforpostgresql:Server"),
               "postgresql:FlexibleServer", _native("postgresql:FlexibleServer"),
               keys("postgresql:FlexibleServer B_Standard_B1ms", "postgresql:FlexibleServer storage"),
               (MONTHLY_HRS, STORAGE_GB), NOTE),
    PricedType(("azure:mysql/flexibleServer:FlexibleServer",), "mysql:FlexibleServer", classic_mysql,
               keys("mysql:FlexibleServer B_Standard_B1ms", "mysql:FlexibleServer storage"),
               (MONTHLY_HRS, STORAGE_GB), NOTE),
    PricedType(("azure-native:dbformysql:FlexibleServer", "azure-native:dbformysql:Server"),
               "mysql:FlexibleServer", _native("mysql:FlexibleServer"),
               keys("mysql:FlexibleServer B_Standard_B1ms", "mysql:FlexibleServer storage"),
               (MONTHLY_HRS, STORAGE_GB), NOTE),
)
