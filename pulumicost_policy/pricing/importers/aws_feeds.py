"""AWS pricing-page feeds ("meteredUnitMaps", the JSON behind aws.amazon.com pricing pages).

A feed is `{"manifest": {"hawkFilePublicationDate"...}, "sets": {name: [key...]},
"regions": {"<location name>": {"<key>": {"rateCode", "price", attributes...}}}}`. Location names
map to region codes through `locations.json`; only "AWS Region" locations are kept (Local and
Wavelength Zones resolve to their parent region elsewhere, and have their own prices).

The import is declarative: `FEED_RULES` has one row per price key. To price another AWS service,
add a row and regenerate (`python -m pulumicost_policy.pricing.build`).
"""
from __future__ import annotations

import fnmatch
import json
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from ..pricebook import PriceBookError
from ..store import Row


@dataclass(frozen=True)
class FeedRule:
    """One price key: which feed file, which entries, and how to name the price.

    `key` is a regex matched against the feed's readable entry key (whole key); its named groups,
    lower-cased, and the entry's attributes (e.g. "{Instance Type}") fill `sku`. `in_set`, when
    given, is a regex over the feed's `sets` names: the entry must be in a matching set, whose
    named groups (lower-cased) also fill `sku`. `scale` converts the feed unit to the book's
    (e.g. 1e6 for "per request" -> per 1M requests).
    """

    resource_type: str
    sku: str
    billing_mode: str
    feed: str
    key: str
    in_set: Optional[str] = None
    scale: float = 1.0


_EC2 = r".* Linux(?: .*)?"
_RDS_INSTANCE = r"Database Instance \w+ No license required db \S+ .+ (?P<dep>Single-AZ|Multi-AZ) (?:Current|Previous) Generation"
_RDS_STORAGE = r"Database Storage (?P<dep>Single|Multi) AZ "


def _rds(engine: str) -> tuple[FeedRule, ...]:
    feed = f"*/rds/rds-{engine}-ondemand.json"
    name = {"postgresql": "postgres"}.get(engine, engine)  # Pulumi's engine name
    storage = {"gp2": "General Purpose", "gp3": "General Purpose-GP3", "io1": "Provisioned IOPS",
               "io2": "Provisioned IOPS-IO2", "standard": "Magnetic"}
    return (FeedRule("rds:Instance", f"{{Instance Type}}:{name}:{{dep}}", "per_hour", feed, _RDS_INSTANCE),
            *(FeedRule("rds:Storage", f"{stype}:{{dep}}-az", "per_gb_month", feed, _RDS_STORAGE + re.escape(text))
              for stype, text in storage.items()))


FEED_RULES: tuple[FeedRule, ...] = (
    # EC2 Linux on-demand, shared tenancy: current and previous generation, every region.
    FeedRule("ec2:Instance", "{Instance Type}", "per_hour", "*/ec2/*-ondemand.json", _EC2),
    # EBS volumes, provisioned IOPS and gp3 throughput (feed: per GiBps-month; book: per MBps-month).
    FeedRule("ebs:Volume", "{t}", "per_gb_month", "*/ebs/ebs.json",
             r"Storage (?:General Purpose|Provisioned IOPS|Cold HDD|Throughput Optimized HDD|Magnetic) "
             r"(?P<t>gp2|gp3|io1|io2|sc1|st1|standard) GB (?:Mo|month)"),
    FeedRule("ebs:Volume", "{t}-iops", "per_iops_month", "*/ebs/ebs.json",
             r"Provisioned EBS IOPS (?P<t>gp3|io1|io2) Volumes per IOPS Mo"),
    FeedRule("ebs:Volume", "gp3-throughput", "per_mbps_month", "*/ebs/ebs.json",
             r"Provisioned Throughput gp3 per GiBps mo", scale=1 / 1024),
    *_rds("mysql"), *_rds("postgresql"), *_rds("mariadb"),
    # ElastiCache nodes: the engine comes from the feed's sets (Redis, Memcached, Valkey prices differ).
    FeedRule("elasticache:Node", "{Instance Type}:{engine}", "per_hour", "*/elasticache/elasticache.json", r".*",
             in_set=r"OnDemand Cache Instance .* (?P<engine>Redis|Memcached|Valkey) (?:Current|Previous) Generation"),
    FeedRule("ec2:NatGateway", "standard", "per_hour", "*/natgateway.json", r"Hourly charge for NAT Gateways"),
    FeedRule("ec2:NatGateway", "data-processed", "per_gb", "*/natgateway.json",
             r"Charge for per GB data processed by NatGateways"),
    FeedRule("ec2:Eip", "public-ipv4", "per_hour", "*/vpc.json", r"Hourly charge for In use Public IPv4 Addresses per Hrs"),
    FeedRule("eks:Cluster", "standard", "per_hour", "*/eks.json", r"Compute per [Hh]ours"),
    FeedRule("eks:Cluster", "extended-support", "per_hour", "*/eks.json", r"Compute ExtendedSupport per Hours"),
    FeedRule("s3:Bucket", "standard-storage", "per_gb_month", "*/s3.json", r"Standard Storage First 50 TB per GB Mo"),
    FeedRule("s3:Bucket", "standard-put", "per_1k_requests", "*/s3.json",
             r"PUT COPY/POST or LIST requests per Requests", scale=1e3),
    FeedRule("s3:Bucket", "standard-get", "per_1k_requests", "*/s3.json", r"GET and all other requests per Requests",
             scale=1e3),
    FeedRule("lambda:Function", "requests", "per_1m_requests", "*/lambda.json", r"Lambda Requests", scale=1e6),
    FeedRule("lambda:Function", "duration-x86_64", "per_gb_second", "*/lambda.json", r"Lambda Duration"),
    FeedRule("lambda:Function", "duration-x86_64-{t}", "per_gb_second", "*/lambda.json", r"Lambda Duration (?P<t>Tier[23])"),
    FeedRule("lambda:Function", "duration-arm64", "per_gb_second", "*/lambda.json", r"Lambda Duration-ARM"),
    FeedRule("lambda:Function", "duration-arm64-{t}", "per_gb_second", "*/lambda.json",
             r"Lambda Duration-ARM (?P<t>Tier[23])"),
    FeedRule("dynamodb:Table", "on-demand-wru", "per_1m_requests", "*/dynamodb.json",
             r"PayPerRequest Write Request Units", scale=1e6),
    FeedRule("dynamodb:Table", "on-demand-rru", "per_1m_requests", "*/dynamodb.json",
             r"PayPerRequest Read Request Units", scale=1e6),
    FeedRule("dynamodb:Table", "storage", "per_gb_month", "*/dynamodb.json", r"Data Storage Indexed GB-Mo"),
    FeedRule("dynamodb:Table", "provisioned-wcu", "per_hour", "*/dynamodb.json", r"Provisioned Write Units"),
    FeedRule("dynamodb:Table", "provisioned-rcu", "per_hour", "*/dynamodb.json", r"Provisioned Read Units"),
)


def read_tarball(path: Path) -> dict[str, Any]:
    """Every JSON member of one feed tarball, by member name."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            return {m.name: json.load(tar.extractfile(m)) for m in tar.getmembers()
                    if m.isfile() and m.name.endswith(".json")}
    except (OSError, tarfile.TarError, json.JSONDecodeError, UnicodeDecodeError, EOFError) as err:
        raise PriceBookError(f"{path}: not a readable tar.gz of AWS pricing feeds ({err})") from None


def locations(members: dict[str, Any]) -> dict[str, str]:
    """AWS location name -> region code, AWS Regions only (from `locations.json`)."""
    found = [doc for name, doc in members.items() if name.endswith("/locations.json") or name == "locations.json"]
    if not found:
        raise PriceBookError("no locations.json among the AWS feed files; it ships in the services tarball")
    return {name: loc["code"] for name, loc in found[0].items()
            if isinstance(loc, dict) and loc.get("type") == "AWS Region" and loc.get("code")}


def import_feeds(tarballs: Iterable[Path], rules: tuple[FeedRule, ...] = FEED_RULES) -> Iterator[Row]:
    """Rows for every rule, region and matching entry in the feeds of `tarballs`."""
    members: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for tarball in tarballs:
        for name, doc in read_tarball(Path(tarball)).items():
            members[name], origin[name] = doc, Path(tarball).name
    codes = locations(members)
    for rule in rules:
        feeds = sorted(n for n in members if fnmatch.fnmatch(n, rule.feed))
        if not feeds:
            raise PriceBookError(f"no feed file matches {rule.feed} (rule {rule.resource_type} {rule.sku})")
        for name in feeds:
            yield from _rows(rule, members[name], f"AWS pricing-page feed {name.split('/', 1)[-1]} ({origin[name]})",
                             codes)


def _rows(rule: FeedRule, feed: dict[str, Any], source: str, codes: dict[str, str]) -> Iterator[Row]:
    date = str(feed.get("manifest", {}).get("hawkFilePublicationDate", ""))[:10]
    if not date:
        raise PriceBookError(f"{source}: the feed has no manifest.hawkFilePublicationDate")
    key_re = re.compile(rule.key)
    set_groups = _set_groups(rule, feed)
    for location, entries in feed.get("regions", {}).items():
        region = codes.get(location)
        if region is None:
            continue
        for key, entry in entries.items():
            m = key_re.fullmatch(key)
            if m is None or (set_groups is not None and key not in set_groups):
                continue
            groups = {k: v.lower() for k, v in {**m.groupdict(), **(set_groups or {}).get(key, {})}.items() if v}
            try:
                sku = rule.sku.format(**entry, **groups)
                rate = float(entry["price"]) * rule.scale
            except (KeyError, ValueError, TypeError) as err:
                raise PriceBookError(f"{source}: {location} {key!r}: cannot read price or sku ({err})") from None
            yield Row("aws", rule.resource_type, sku, region, rule.billing_mode, rate, source, date)


def _set_groups(rule: FeedRule, feed: dict[str, Any]) -> Optional[dict[str, dict[str, str]]]:
    """Entry key -> named groups of the set that holds it, for rules that select by set."""
    if rule.in_set is None:
        return None
    set_re = re.compile(rule.in_set)
    out: dict[str, dict[str, str]] = {}
    for name, keys in feed.get("sets", {}).items():
        m = set_re.fullmatch(name)
        if m:
            for key in keys:
                out[key] = m.groupdict()
    return out
