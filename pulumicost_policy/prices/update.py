"""Fetch current list prices per cloud into `$PULUMICOST_HOME/prices/<cloud>.sqlite`.

Each cloud is fetched completely into memory, checked, then written to a temp file and renamed
over the old store: a failed, truncated or implausible download (no prices, or fewer than half of
the previous store's) leaves the old store in place, and the caller is told why.
"""
from __future__ import annotations

import datetime as dt
import os
import urllib.parse
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional

import yaml
from rich.progress import Progress

from ..pricing.importers import aws_offer, azure_retail, gcp_yml
from ..pricing.pricebook import PriceBookError
from ..pricing.store import PriceStore, Row, write_store
from .http import FetchError, fetch, fetch_json

AWS_URL_ENV, AZURE_URL_ENV, GCP_URL_ENV = "PULUMICOST_AWS_PRICING_URL", "PULUMICOST_AZURE_PRICES_URL", "PULUMICOST_GCP_PRICING_YML_URL"
DEFAULT_URLS = {
    AWS_URL_ENV: "https://pricing.us-east-1.amazonaws.com",
    AZURE_URL_ENV: "https://prices.azure.com/api/retail/prices",
    GCP_URL_ENV: "https://raw.githubusercontent.com/Cyclenerd/google-cloud-pricing-cost-calculator/master/pricing.yml",
}
# Price List services whose offer files the offer importer understands (EC2: instances, EBS, NAT,
# public IPv4, load balancers; RDS: instances and storage; ElastiCache nodes; EKS clusters).
AWS_SERVICES = ("AmazonEC2", "AmazonRDS", "AmazonElastiCache", "AmazonEKS")
AZURE_API_VERSION = "2023-01-01-preview"
MAX_AZURE_PAGES = 10_000  # a NextPageLink loop must end


class UpdateError(Exception):
    """One cloud's update failed; its old store was kept. The message says why."""


def _url(name: str, env: Mapping[str, str]) -> str:
    return (env.get(name) or DEFAULT_URLS[name]).rstrip("/")


def fetch_aws(env: Mapping[str, str], regions: Optional[set[str]], services: Optional[set[str]],
              progress: Optional[Progress]) -> list[Row]:
    """Region index, then each region's offer file, for every service we price."""
    base = _url(AWS_URL_ENV, env)
    rows: list[Row] = []
    for service in AWS_SERVICES:
        if services and service not in services:
            continue
        index = fetch_json(f"{base}/offers/v1.0/aws/{service}/current/region_index.json", progress)
        entries = index.get("regions") if isinstance(index, dict) else None
        if not isinstance(entries, dict):
            raise UpdateError(f"{service} region_index.json has no regions mapping")
        for code, entry in sorted(entries.items()):
            if regions and code not in regions:
                continue
            path = entry.get("currentVersionUrl") if isinstance(entry, dict) else None
            if not isinstance(path, str):
                raise UpdateError(f"{service} region_index.json: {code} has no currentVersionUrl")
            offer = fetch_json(urllib.parse.urljoin(base + "/", path.lstrip("/")), progress)
            try:
                aws_offer.check_offer(offer, f"{service} {code}")
            except aws_offer.OfferError as err:
                raise UpdateError(str(err)) from None
            rows += aws_offer.offer_rows(offer, f"{service} {code} {path}")
    return rows


def fetch_azure(env: Mapping[str, str], regions: Optional[set[str]], progress: Optional[Progress],
                today: dt.date) -> list[Row]:
    """Every page of each filter, following NextPageLink."""
    base = _url(AZURE_URL_ENV, env)
    items: list[dict] = []
    for odata in azure_retail.FILTERS:
        url: Optional[str] = f"{base}?{urllib.parse.urlencode({'api-version': AZURE_API_VERSION, '$filter': odata})}"
        for _ in range(MAX_AZURE_PAGES):
            if not url:
                break
            page = fetch_json(url, progress)
            if not isinstance(page, dict) or not isinstance(page.get("Items"), list):
                raise UpdateError(f"{url}: expected a Retail Prices page with Items")
            items += page["Items"]
            url = page.get("NextPageLink") or None
        else:
            raise UpdateError(f"Azure Retail Prices: more than {MAX_AZURE_PAGES} pages; stopped")
    rows = azure_retail.import_items(items, f"Azure Retail Prices API ({base})", today.isoformat())
    return [r for r in rows if not regions or r.region in regions]


def fetch_gcp(env: Mapping[str, str], regions: Optional[set[str]], progress: Optional[Progress]) -> list[Row]:
    url = _url(GCP_URL_ENV, env)
    try:
        doc = gcp_yml.parse(yaml.load(fetch(url, progress), Loader=gcp_yml.LOADER), url)
    except yaml.YAMLError as err:
        raise UpdateError(f"{url}: not valid YAML ({err})") from None
    except PriceBookError as err:
        raise UpdateError(str(err)) from None
    return [r for r in gcp_yml.import_yml(doc, url) if not regions or r.region in regions]


def install(cloud: str, rows: Iterable[Row], directory: Path) -> int:
    """Write the cloud's store if the rows are plausible; UpdateError (old store kept) otherwise."""
    rows = list(rows)
    target = directory / f"{cloud}.sqlite"
    if not rows:
        raise UpdateError(f"{cloud}: the download held no prices we use; kept the installed prices")
    if target.exists():
        try:
            before = len(PriceStore(target))
        except PriceBookError:
            before = 0  # an unreadable old store is replaced
        if len(rows) < before / 2:
            raise UpdateError(f"{cloud}: only {len(rows)} prices, fewer than half of the {before} installed; kept the "
                              f"installed prices (to narrow them on purpose, e.g. with --regions, delete {target} first)")
    directory.mkdir(parents=True, exist_ok=True)
    try:
        return write_store(target, rows)
    except PriceBookError as err:
        raise UpdateError(f"{cloud}: {err}; kept the installed prices") from None


def update(clouds: Iterable[str], directory: Path, regions: Optional[set[str]] = None,
           services: Optional[set[str]] = None, env: Optional[Mapping[str, str]] = None,
           progress: Optional[Progress] = None, report: Callable[[str], None] = print) -> bool:
    """Update each cloud; report one line per cloud. True when every cloud was installed."""
    env = os.environ if env is None else env
    today = dt.date.today()
    fetchers = {"aws": lambda: fetch_aws(env, regions, services, progress),
                "gcp": lambda: fetch_gcp(env, regions, progress),
                "azure": lambda: fetch_azure(env, regions, progress, today)}
    ok = True
    for cloud in clouds:
        try:
            count = install(cloud, fetchers[cloud](), directory)
        except (FetchError, UpdateError) as err:
            report(f"{cloud}: not updated: {err}")
            ok = False
            continue
        report(f"{cloud}: installed {count} prices in {directory / (cloud + '.sqlite')}")
    return ok
