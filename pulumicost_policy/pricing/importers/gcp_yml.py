"""Google Cloud prices from the `pricing.yml` of github.com/Cyclenerd/google-cloud-pricing-cost-calculator.

Shape: `compute.instance.<machine>.cost.<region>.hour`, `compute.storage.<disk>.cost.<region>.month`
(per GB-month), `compute.network.ip.{vm,unused}`, `compute.network.nat.{gateway,data}`,
`storage.bucket.<class>[-multi|-dual].cost.<location>.month`, `storage.retrieval.<class>[-multi|-dual]`
(per GB read, in "month"), `compute.network.vpn.tunnel`, and `about.timestamp` (generation time).
"""
from __future__ import annotations

import datetime as dt
import gzip
import math
from pathlib import Path
from typing import Any, Iterator

import yaml

from ..pricebook import PriceBookError
from ..store import Row

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader: pricing.yml is ~4 MB

# pricing.yml disk names -> the disk `type` Pulumi users write.
DISK_TYPES = {"hdd": "pd-standard", "balanced": "pd-balanced", "ssd": "pd-ssd", "extreme": "pd-extreme",
              "hyperdisk-extreme": "hyperdisk-extreme", "local": "local-ssd"}  # local: an instance's scratch disks
# Single-region Cloud Storage classes; pricing.yml spells "archive" as "archiv".
BUCKET_CLASSES = {"standard": "standard", "nearline": "nearline", "coldline": "coldline", "archiv": "archive"}
# pricing.yml multi-region names -> the bucket `location` (US, EU, ASIA), lower-cased.
MULTI_REGIONS = {"us-multi": "us", "europe-multi": "eu", "asia-multi": "asia"}
# (path in compute.network, resource_type, sku, field, billing_mode, scale)
NETWORK = (
    (("ip", "vm"), "compute:Address", "in-use", "hour", "per_hour", 1.0),
    (("ip", "unused"), "compute:Address", "unused", "hour", "per_hour", 1.0),
    # Cloud NAT bills per assigned VM up to 32; pricing.yml states the 32-VM gateway price.
    (("nat", "gateway"), "compute:RouterNat", "vm", "hour", "per_hour", 1 / 32),
    (("nat", "data"), "compute:RouterNat", "data-processed", "month", "per_gb", 1.0),  # "month" holds the per-GB rate
    (("vpn", "tunnel"), "compute:VpnTunnel", "tunnel", "hour", "per_hour", 1.0),
)


def load(path: Path) -> dict[str, Any]:
    """Parse pricing.yml (plain or .gz) with an error naming the file."""
    try:
        opener = gzip.open if Path(path).suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            doc = yaml.load(fh, Loader=LOADER)
    except (OSError, EOFError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise PriceBookError(f"{path}: not a readable GCP pricing.yml ({err})") from None
    return parse(doc, str(path))


def parse(doc: Any, where: str) -> dict[str, Any]:
    """Check the top-level shape, so a truncated or wrong file fails with its name."""
    if not isinstance(doc, dict) or not isinstance(doc.get("compute"), dict) or not isinstance(doc.get("about"), dict) \
            or "timestamp" not in doc["about"]:
        raise PriceBookError(f"{where}: expected a GCP pricing.yml with about.timestamp and compute")
    return doc


def import_yml(doc: dict[str, Any], source_name: str) -> Iterator[Row]:
    """Rows for machine types, disks, IPs, Cloud NAT, Cloud VPN and Cloud Storage in every region.

    PriceBookError naming the file and the path when a part is not shaped as pricing.yml shapes it
    (a list where a map belongs, a timestamp that is not a date)."""
    date = _date(doc["about"]["timestamp"], source_name)
    source = f"GCP pricing.yml, google-cloud-pricing-cost-calculator ({source_name})"

    def node(parent: Any, *path: str) -> dict[str, Any]:
        for part in path:
            parent = _map(parent, source_name).get(part) or {}
        return _map(parent, f"{source_name}: {'.'.join(path)}")

    def rows(resource_type: str, sku: str, costs: Any, field: str, mode: str, scale: float = 1.0) -> Iterator[Row]:
        for region, cost in _map(costs or {}, f"{source_name}: {resource_type} {sku} cost").items():
            value = cost.get(field) if isinstance(cost, dict) else None
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                yield Row("gcp", resource_type, sku, str(region), mode, float(value) * scale, source, date)

    compute = doc["compute"]
    for machine, spec in sorted(node(compute, "instance").items(), key=lambda kv: str(kv[0])):
        cost = node(spec or {}, "cost")
        yield from rows("compute:Instance", str(machine), cost, "hour", "per_hour")
        # Spot (and preemptible, billed at the spot rate) VMs.
        yield from rows("compute:Instance", f"{machine}:spot", cost, "hour_spot", "per_hour")
    for name, dtype in DISK_TYPES.items():
        yield from rows("compute:Disk", dtype, node(compute, "storage", name, "cost"), "month", "per_gb_month")
    # Local SSD on spot/preemptible VMs is billed at its spot rate.
    yield from rows("compute:Disk", "local-ssd:spot", node(compute, "storage", "local", "cost"), "month_spot",
                    "per_gb_month")
    for path, resource_type, sku, field, mode, scale in NETWORK:
        yield from rows(resource_type, sku, node(compute, "network", *path, "cost"), field, mode, scale)
    for name, cls in BUCKET_CLASSES.items():
        yield from rows("storage:Bucket", f"{cls}-storage", node(doc, "storage", "bucket", name, "cost"), "month",
                        "per_gb_month")
        # Multi-region (US, EU, ASIA) and predefined dual-region (NAM4, EUR4, ASIA1) buckets: the
        # book's region is the bucket location, lower-cased, as Pulumi users write it.
        multi = {MULTI_REGIONS.get(loc, loc): cost
                 for loc, cost in node(doc, "storage", "bucket", f"{name}-multi", "cost").items()}
        yield from rows("storage:Bucket", f"{cls}-storage", multi, "month", "per_gb_month")
        yield from rows("storage:Bucket", f"{cls}-storage", node(doc, "storage", "bucket", f"{name}-dual", "cost"),
                        "month", "per_gb_month")
    # Data retrieval from the cold classes, per GB read (single, multi and dual-region locations).
    for name, cls in BUCKET_CLASSES.items():
        for suffix in ("", "-multi", "-dual"):
            costs = {MULTI_REGIONS.get(loc, loc): cost
                     for loc, cost in node(doc, "storage", "retrieval", f"{name}{suffix}", "cost").items()}
            yield from rows("storage:Bucket", f"{cls}-retrieval", costs, "month", "per_gb")


def _map(node: Any, where: str) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise PriceBookError(f"{where}: expected a map, found {type(node).__name__}")
    return node


def _date(timestamp: Any, where: str) -> str:
    """about.timestamp (Unix seconds) as a date; PriceBookError unless it is a date from 2000 to 2100."""
    if isinstance(timestamp, int) and not isinstance(timestamp, bool) and 946_684_800 <= timestamp < 4_102_444_800:
        return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).date().isoformat()
    raise PriceBookError(f"{where}: about.timestamp {str(timestamp)[:40]!r} is not a Unix time between 2000 and 2100")
