"""GKE cluster fees from a Cloud Billing Catalog `skus` response (`{skus: [{skuId, description,
category, serviceRegions, pricingInfo[{pricingExpression{usageUnit, tieredRates[{unitPrice{units,
nanos}}]}, effectiveTime}]}]}`) -> `container:Cluster` rows in the book's `global` region (the fee
is the same wherever the cluster runs)."""
from __future__ import annotations

import json
import math
import tarfile
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..pricebook import PriceBookError
from ..store import Row

# SKU description -> the book's cluster kind.
CLUSTER_FEES = {"Zonal Kubernetes Clusters": "zonal", "Regional Kubernetes Clusters": "regional",
                "Autopilot Kubernetes Clusters": "autopilot", "Extended Period Kubernetes Clusters": "extended"}
FEE_REGION = "global"


def gke_rows(doc: Mapping[str, Any], source: str) -> Iterator[Row]:
    """One per-hour row per cluster fee; the date is the price's effectiveTime."""
    for sku in doc.get("skus") or ():
        kind = CLUSTER_FEES.get(str(sku.get("description"))) if isinstance(sku, dict) else None
        info = (sku.get("pricingInfo") or [None])[0] if kind else None
        expr = (info or {}).get("pricingExpression") or {}
        rates = expr.get("tieredRates") or []
        if not kind or expr.get("usageUnit") != "h" or not rates:
            continue
        price = rates[0].get("unitPrice") or {}
        try:
            rate = int(price.get("units") or 0) + int(price.get("nanos") or 0) / 1e9
        except (TypeError, ValueError):
            continue
        if math.isfinite(rate) and rate >= 0 and price.get("currencyCode", "USD") == "USD":
            yield Row("gcp", "container:Cluster", kind, FEE_REGION, "per_hour", rate, source,
                      str(info.get("effectiveTime", ""))[:10])


def load_rows(path: Path) -> Iterator[Row]:
    """The cluster fees of the `gcp_skus.json` in a tar.gz (the GKE SKUs of the Billing Catalog)."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = next((m for m in tar.getmembers() if m.isfile() and m.name.endswith("gcp_skus.json")), None)
            doc = json.load(tar.extractfile(member)) if member else None
    except (OSError, tarfile.TarError, json.JSONDecodeError, UnicodeDecodeError, EOFError) as err:
        raise PriceBookError(f"{path}: not a readable tar.gz of Billing Catalog SKUs ({err})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("skus"), list):
        raise PriceBookError(f"{path}: expected gcp_skus.json with a skus list")
    rows = list(gke_rows(doc, f"GCP Cloud Billing Catalog, Kubernetes Engine SKUs ({Path(path).name})"))
    if not rows:
        raise PriceBookError(f"{path}: no GKE cluster fee among its SKUs")
    yield from rows
