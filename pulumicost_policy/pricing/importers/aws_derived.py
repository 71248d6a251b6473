"""The derived AWS price table (aws-price-watcher's `processed/<service>.json`): the feeds too large
to keep raw (RDS Oracle, SQL Server and Db2, OpenSearch, EC2 Linux in 103 locations), reshaped by
that repository's script as `{"<feed entry key>": {"<location name>[ (<attr>: <val>, ...)]": "<USD>"}}`.

It keeps no rate codes and no publication date: a row is dated by the commit that last changed its
file (the archive's MANIFEST.json). Units are the feed's: instance prices are per hour. The import
is declarative like the feeds' (`DERIVED_RULES`, `FeedRule` rows whose `feed` names the member);
a rule's named groups fill the SKU.
"""
from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Any, Iterator

from ..pricebook import PriceBookError
from ..store import Row
from .aws_feeds import FeedRule, read_tarball

# (feed's edition and licence, Pulumi's engine name + "-byol" for bring-your-own-licence): every edition
# the table prices. Oracle SE/SE1 are retired (not in the table); Db2's BYOL price is one for both editions
# (its Marketplace rows do not name the edition, so they are left out).
RDS_EDITIONS = {
    "oracle": (("Oracle Standard Two License included", "oracle-se2"),
               ("Oracle Standard Two Bring your own license", "oracle-se2-byol"),
               ("Oracle Enterprise Bring your own license", "oracle-ee-byol")),
    "sqlserver": (("SQL Server Express License included", "sqlserver-ex"),
                  ("SQL Server Web License included", "sqlserver-web"),
                  ("SQL Server Standard License included", "sqlserver-se"),
                  ("SQL Server Enterprise License included", "sqlserver-ee")),
    "db2": (("Db2 Bring your own license", "db2-byol"),),
}


def _rds(family: str) -> tuple[FeedRule, ...]:
    """Instance hours of one RDS family: SKU `<class>:<engine>[-byol]:<single-az|multi-az>`, as `rds:Instance`."""
    return tuple(
        FeedRule("rds:Instance", f"db.{{cls}}:{engine}:{{dep}}", "per_hour", f"processed/rds-{family}-ondemand.json",
                 rf"Database Instance {re.escape(text)} db (?P<cls>\S+) .+ "
                 r"(?P<dep>Single-AZ|Multi-AZ) (?:Current|Previous) Generation")
        for text, engine in RDS_EDITIONS[family])


DERIVED_RULES: tuple[FeedRule, ...] = (
    *_rds("oracle"), *_rds("sqlserver"), *_rds("db2"),
    # OpenSearch on-demand instance hours: "m6g large.search - General purpose - OnDemand - ..." -> m6g.large.search
    FeedRule("opensearch:Domain", "{family}.{size}.search", "per_hour", "processed/es.json",
             r"(?P<family>[a-z0-9]+) (?P<size>[a-z0-9]+)\.search - .+ - OnDemand - .* - Hourly Cost"),
    # EC2 Linux on-demand, shared tenancy: "OnDemand Linux-instancetype-t3.micro".
    FeedRule("ec2:Instance", "{itype}", "per_hour", "processed/ec2.json",
             r"OnDemand Linux-instancetype-(?P<itype>[a-z0-9-]+\.[a-z0-9-]+)"),
)


def import_derived(path: Path, codes: dict[str, str], rules: tuple[FeedRule, ...] = DERIVED_RULES) -> Iterator[Row]:
    """Rows for every rule and AWS Region of the derived table at `path` (`codes`: location name -> region)."""
    members = read_tarball(Path(path), lambda name: name == "MANIFEST.json" or name.startswith("processed/"))
    dates = _commit_dates(members.get("MANIFEST.json"), path)
    by_length = sorted(codes, key=len, reverse=True)  # "US East (N. Virginia)" before any shorter prefix
    for rule in rules:
        names = sorted(n for n in members if fnmatch.fnmatch(n, rule.feed))
        if not names:
            raise PriceBookError(f"{path}: no member matches {rule.feed} (rule {rule.resource_type} {rule.sku})")
        for name in names:
            if name not in dates:
                raise PriceBookError(f"{path}: MANIFEST.json has no commit date for {name}")
            yield from _rows(rule, members[name], f"AWS derived price table {name} ({Path(path).name})",
                             dates[name], codes, by_length)


def _commit_dates(manifest: Any, path: Path) -> dict[str, str]:
    if not isinstance(manifest, dict) or not isinstance(manifest.get("members"), list):
        raise PriceBookError(f"{path}: no MANIFEST.json with members (the commit dates date the prices)")
    return {m["file"]: str(m["commit_date"])[:10] for m in manifest["members"]
            if isinstance(m, dict) and m.get("file") and m.get("commit_date")}


def _region(label: str, codes: dict[str, str], by_length: list[str]) -> str | None:
    """"US East (N. Virginia) (Instance Type: ...)" -> us-east-1; None for a location that is not an AWS Region."""
    for name in by_length:
        if label == name or label.startswith(name + " ("):
            return codes[name]
    return None


def _rows(rule: FeedRule, table: Any, source: str, date: str, codes: dict[str, str],
          by_length: list[str]) -> Iterator[Row]:
    if not isinstance(table, dict):
        raise PriceBookError(f"{source}: expected an object of entry keys")
    key_re = re.compile(rule.key)
    for key, prices in table.items():
        m = key_re.fullmatch(key)
        if m is None:
            continue
        sku = rule.sku.format(**{k: v.lower() for k, v in m.groupdict().items() if v})
        if not isinstance(prices, dict):
            raise PriceBookError(f"{source}: {key!r}: expected location -> price")
        for label, price in prices.items():
            region = _region(label, codes, by_length)
            if region is None:
                continue
            try:
                rate = float(price) * rule.scale
            except (TypeError, ValueError):
                raise PriceBookError(f"{source}: {label} {key!r}: not a price ({price!r})") from None
            yield Row("aws", rule.resource_type, sku, region, rule.billing_mode, rate, source, date)
