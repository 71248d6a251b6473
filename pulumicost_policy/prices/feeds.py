"""`prices update --aws` for the services priced from AWS's pricing-page feeds (the "meteredUnitMaps"
behind aws.amazon.com pricing pages): every feed that a row of the importer's FEED_RULES reads.

The feeds are found where AWS publishes them, under PULUMICOST_AWS_FEEDS_URL (default
https://b0.p.awsstatic.com): `/locations/1.0/aws/current/locations.json` (location name -> region
code) and `/pricing/2.0/meteredUnitMaps/<folder>/USD/current/<feed>.json`, the folder being the feed's
own name except for the few listed in FEED_PATHS; EC2's instance prices are one feed per location
(PER_LOCATION). Each feed is downloaded to a temp file by the hardened client (http.py), imported a
location at a time by the build's importer (importers/aws_feeds.stream_rows) and checked for
plausibility on its own: a feed that fails is reported in one line and its previously installed
prices are kept, while the other feeds still update.
"""
from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional

from rich.progress import Progress

from ..pricing.importers import aws_feeds
from ..pricing.pricebook import PriceBook, PriceBookError
from ..pricing.store import Row
from .http import FetchError, Limits, UrlPolicy, download, fetch_json, temp_file
from .plausible import implausible

LOCATIONS_PATH = "/locations/1.0/aws/current/locations.json"
MAPS = "/pricing/2.0/meteredUnitMaps"
# Feeds published under another folder or file name than their own (the data files' SOURCES name them).
FEED_PATHS = {
    "ebs": "ec2/USD/current/ebs.json",
    "natgateway": "ec2/USD/current/natgateway.json",
    "carrierip": "ec2/USD/current/carrierip.json",
    "es-ondemand": "es/USD/current/es-ondemand.json",
    "memorydb": "memorydb/USD/current/memorydb-instance.json",
}
FOLDER_PREFIXES = ("rds", "sagemaker")  # "rds-aurora-storage" is in rds/, "sagemaker-..." in sagemaker/
# Feeds published once per location: (the data file's name for a region code, the URL under MAPS with
# the location's name). EC2 Linux on-demand, current and previous generation.
PER_LOCATION = {
    "ec2": (("{code}-ondemand.json", "ec2/USD/current/ec2-ondemand-without-sec-sel/{location}/Linux/index.json"),
            ("{code}-previousgen-ondemand.json", "ec2/USD/current/previousgen-ondemand/{location}/Linux/index.json")),
}
NO_FEED_HERE = (403, 404)  # AWS's answer for a location a per-location feed does not cover
REGION_CODE = re.compile(r"[a-z][a-z0-9-]{1,40}")
SOURCE = "AWS pricing-page feed {name}: {url}"

Report = Callable[[str], None]


def feed_name(pattern: str) -> str:
    """The feed a rule's file pattern names: its file name without `.json` ("*/rds/rds-mysql-ondemand.json"
    -> "rds-mysql-ondemand"), or for a per-location feed ("*/ec2/*-ondemand.json") its folder ("ec2")."""
    parts = pattern.rstrip("/").split("/")
    if any(ch in parts[-1] for ch in "*?[") and len(parts) > 1:
        return parts[-2]
    return parts[-1].removesuffix(".json")


def feeds(rules: Iterable[aws_feeds.FeedRule] = aws_feeds.FEED_RULES) -> dict[str, tuple[aws_feeds.FeedRule, ...]]:
    """Feed name -> the rules that read it, in FEED_RULES order: every feed the bundled book prices from."""
    out: dict[str, list[aws_feeds.FeedRule]] = {}
    for rule in rules:
        out.setdefault(feed_name(rule.feed), []).append(rule)
    return {name: tuple(group) for name, group in out.items()}


def feed_path(name: str) -> str:
    """Where AWS publishes the feed `name`, under the base URL."""
    if name in FEED_PATHS:
        return f"{MAPS}/{FEED_PATHS[name]}"
    folder = next((p for p in FOLDER_PREFIXES if name.startswith(p + "-")), name)
    return f"{MAPS}/{folder}/USD/current/{urllib.parse.quote(name)}.json"


@dataclass
class FeedUpdate:
    """What one run of the feeds gave: the new rows, and the feeds that failed (their old rows kept)."""

    rows: list[Row] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def fetch_feeds(base: str, env: Mapping[str, str], limits: Limits, directory: Path, names: Iterable[str],
                regions: Optional[set[str]], book: Optional[PriceBook], old_rows: list[Row],
                progress: Optional[Progress], report: Report) -> FeedUpdate:
    """Each named feed fetched, imported and checked on its own; a failed one keeps its rows in `old_rows`."""
    policy = UrlPolicy.for_base(base, env)
    groups = feeds()
    names = list(names)
    result = FeedUpdate()
    try:
        codes = _region_codes(base, policy, limits, progress)
    except (FetchError, PriceBookError) as err:
        report(f"aws: feeds not updated: {err}; kept the installed prices")
        result.failed = names
        result.rows = [row for name in names for row in _installed(name, old_rows)]
        return result
    for name in names:
        try:
            rows, size = _fetch_feed(name, groups[name], base, policy, limits, codes, regions, directory, progress)
            if not rows:
                raise PriceBookError("the feed held no prices we use")
            problem = implausible(rows, book)
            if problem:
                raise PriceBookError(problem)
        except (FetchError, PriceBookError) as err:
            kept = _installed(name, old_rows)
            report(f"aws: {name}: not updated: {err}; kept the {len(kept):,} installed prices")
            result.failed.append(name)
            result.rows += kept
            continue
        rows = [row for row in rows if not regions or row.region in regions]
        report(f"aws: {name}: {size / 1e6:,.1f} MB read, {len(rows):,} prices")
        result.rows += rows
    return result


def _region_codes(base: str, policy: UrlPolicy, limits: Limits, progress: Optional[Progress]) -> dict[str, str]:
    """AWS Region location names -> region codes, from AWS's locations.json (a code that is not a region
    code's shape is left out: it would become a price key)."""
    url = base + LOCATIONS_PATH
    doc = fetch_json(url, policy, limits, progress)
    if not isinstance(doc, dict):
        raise PriceBookError(f"{url}: expected a map of AWS locations")
    codes = aws_feeds.locations({"locations.json": doc})
    return {name: code for name, code in codes.items() if isinstance(code, str) and REGION_CODE.fullmatch(code)}


def _fetch_feed(name: str, rules: tuple[aws_feeds.FeedRule, ...], base: str, policy: UrlPolicy, limits: Limits,
                codes: dict[str, str], regions: Optional[set[str]], directory: Path,
                progress: Optional[Progress]) -> tuple[list[Row], int]:
    """(rows, bytes read) of one feed: one file, or one per location for a per-location feed."""
    if name in PER_LOCATION:
        targets = [(member.format(code=code), base + f"{MAPS}/" + path.format(location=urllib.parse.quote(location)))
                   for location, code in sorted(codes.items()) if not regions or code in regions
                   for member, path in PER_LOCATION[name]]
    elif any(ch in name for ch in "*?["):
        raise PriceBookError(f"no URL is known for the per-location feed {name!r} (add it to PER_LOCATION)")
    else:
        targets = [(f"{name}.json", base + feed_path(name))]
    rows: list[Row] = []
    size = 0
    for member, url in targets:
        with temp_file(directory) as tmp:
            try:
                with open(tmp, "wb") as out:
                    size += download(url, out, policy, limits, progress=progress)
            except FetchError as err:
                if name in PER_LOCATION and getattr(err, "status", None) in NO_FEED_HERE:
                    continue  # no such feed for this location (a newer region without previous generations)
                raise
            rows += aws_feeds.stream_rows(tmp, rules, url, SOURCE.format(name=name, url=url), codes)
    return rows, size


def _installed(name: str, old_rows: list[Row]) -> list[Row]:
    """The installed prices that came from the feed `name` (by their source), kept when it fails."""
    prefix = SOURCE.format(name=name, url="")
    return [row for row in old_rows if row.source.startswith(prefix)]
