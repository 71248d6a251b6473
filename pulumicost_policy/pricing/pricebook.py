"""The dated price book shipped in `specs/`: exact, deterministic lookups and nothing else.

Each YAML file has `defaults` (source, effective_date, currency...) merged into every entry of
`specs`, so every loaded PriceSpec carries its own source and date. A key (provider,
resource_type, sku, region) may be defined once across all files: two prices for one thing would
make the answer depend on file order, so that is a load error.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from ..paths import SPECS_DIR
from .yamlfile import load_yaml

SCHEMA = "pulumicost.pricebook/v1"
DEFAULT_SPECS_DIR = SPECS_DIR
REQUIRED = ("provider", "resource_type", "sku", "region", "billing_mode", "rate_per_unit", "currency",
            "source", "effective_date")
# Display unit for each billing mode ("$0.023 per GB-month").
BILLING_UNITS = {
    "per_hour": "hour", "per_gb_month": "GB-month", "per_iops_month": "IOPS-month",
    "per_mbps_month": "MBps-month", "per_gb": "GB", "per_1k_requests": "1k requests",
    "per_1m_requests": "1M requests", "per_gb_second": "GB-second", "per_month": "month",
}

class PriceBookError(Exception):
    """A spec file is unusable; the message names the file and entry and what to fix."""


@dataclass(frozen=True)
class PriceSpec:
    provider: str
    resource_type: str
    sku: str
    region: str
    billing_mode: str
    rate_per_unit: float
    currency: str
    source: str
    effective_date: str
    description: str = ""

    @property
    def unit(self) -> str:
        return BILLING_UNITS.get(self.billing_mode, self.billing_mode)

    def key(self) -> tuple[str, str, str, str]:
        return (self.provider, self.resource_type, self.sku, self.region)


class PriceBook:
    """All specs, indexed by exact key."""

    def __init__(self, specs: Iterable[PriceSpec]) -> None:
        self._by_key: dict[tuple[str, str, str, str], PriceSpec] = {}
        self._regions: dict[tuple[str, str, str], set[str]] = {}
        self._covered: dict[tuple[str, str], set[str]] = {}
        for spec in specs:
            self._by_key[spec.key()] = spec
            self._regions.setdefault(spec.key()[:3], set()).add(spec.region)
            self._covered.setdefault((spec.provider, spec.resource_type), set()).add(spec.region)

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self):
        return iter(self._by_key.values())

    def get(self, provider: str, resource_type: str, sku: str, region: str) -> Optional[PriceSpec]:
        return self._by_key.get((provider, resource_type, sku, region))

    def regions_for(self, provider: str, resource_type: str, sku: str) -> set[str]:
        """Regions that price this SKU; empty if the SKU is unknown everywhere."""
        return self._regions.get((provider, resource_type, sku), set())

    def regions_covered(self, provider: str, resource_type: str) -> set[str]:
        return self._covered.get((provider, resource_type), set())

    @classmethod
    def load(cls, directory: Path = DEFAULT_SPECS_DIR) -> "PriceBook":
        files = sorted(Path(directory).glob("*.yaml"))
        if not files:
            raise PriceBookError(f"{directory}: no *.yaml price specs found; the pack ships them in specs/")
        seen: dict[tuple, str] = {}
        specs: list[PriceSpec] = []
        for path in files:
            for where, spec in load_file(path):
                if spec.key() in seen:
                    raise PriceBookError(f"{where}: {'/'.join(spec.key())} is already priced at {seen[spec.key()]}; "
                                         "keep one entry per key")
                seen[spec.key()] = where
                specs.append(spec)
        return cls(specs)


def load_file(path: Path) -> list[tuple[str, PriceSpec]]:
    """Parse one spec file into (location, spec) pairs, with errors that say where and what."""
    doc = load_yaml(path, "price spec file", PriceBookError)
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or not isinstance(doc.get("specs"), list):
        raise PriceBookError(f"{path}: expected a mapping with schema: {SCHEMA} and a specs: list")
    defaults = doc.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise PriceBookError(f"{path}: defaults should be a mapping")
    out = []
    for i, entry in enumerate(doc["specs"]):
        where = f"{path.name} specs[{i}]"
        if not isinstance(entry, dict):
            raise PriceBookError(f"{where}: each spec should be a mapping")
        out.append((where, _spec(where, {**defaults, **entry})))
    return out


def _spec(where: str, raw: dict[str, Any]) -> PriceSpec:
    missing = [k for k in REQUIRED if raw.get(k) in (None, "")]
    if missing:
        raise PriceBookError(f"{where}: missing {', '.join(missing)}")
    rate = raw["rate_per_unit"]
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not math.isfinite(rate) or rate < 0:
        raise PriceBookError(f"{where}: rate_per_unit should be a number >= 0")
    if raw["billing_mode"] not in BILLING_UNITS:
        raise PriceBookError(f"{where}: billing_mode should be one of {', '.join(BILLING_UNITS)}")
    return PriceSpec(
        provider=str(raw["provider"]), resource_type=str(raw["resource_type"]), sku=str(raw["sku"]),
        region=str(raw["region"]), billing_mode=str(raw["billing_mode"]), rate_per_unit=float(rate),
        currency=str(raw["currency"]), source=str(raw["source"]), effective_date=str(raw["effective_date"]),
        description=str(raw.get("description", "")),
    )
