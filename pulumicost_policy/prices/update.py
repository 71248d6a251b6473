"""Fetch current list prices per cloud into `$PULUMICOST_HOME/prices/<cloud>.sqlite`.

Each cloud is fetched and checked on its own, then written to a temp file of its own and renamed
over the old store: a failed, truncated, malformed or implausible download (no prices, fewer than
half of the previous store's, a rate that cannot be right) leaves the old store in place, the caller
is told why in one line, and the other clouds still update. AWS is refreshed from two kinds of file:
the Price List offer files of AWS_SERVICES (hundreds of MB each, to a temp file, read as a stream by
aws_offer.stream_rows) and the pricing-page feeds of every other service the book prices
(feeds.py), where one failed feed keeps its installed prices and the rest still install. One
update runs at a time (a lock file beside the stores).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import sqlite3
import urllib.parse
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Optional

import yaml
from rich.progress import Progress

from ..pricing.build import newest
from ..pricing.importers import aws_offer, azure_retail, gcp_yml
from ..pricing.pricebook import DEFAULT_SPECS_DIR, PriceBook, PriceBookError
from ..pricing.store import PriceStore, Row, write_store
from ..pricing.yamlfile import YamlSizeError, load_capped
from ..trust import unsafe_reason
from . import feeds
from .http import FetchError, Limits, UrlPolicy, download, fetch, fetch_json, temp_file
from .plausible import implausible

AWS_URL_ENV, AZURE_URL_ENV, GCP_URL_ENV = "PULUMICOST_AWS_PRICING_URL", "PULUMICOST_AZURE_PRICES_URL", "PULUMICOST_GCP_PRICING_YML_URL"
AWS_FEEDS_URL_ENV = "PULUMICOST_AWS_FEEDS_URL"
DEFAULT_URLS = {
    AWS_URL_ENV: "https://pricing.us-east-1.amazonaws.com",
    AWS_FEEDS_URL_ENV: "https://b0.p.awsstatic.com",
    AZURE_URL_ENV: "https://prices.azure.com/api/retail/prices",
    GCP_URL_ENV: "https://raw.githubusercontent.com/Cyclenerd/google-cloud-pricing-cost-calculator/master/pricing.yml",
}
# Price List services whose offer files the offer importer understands (EC2: instances, EBS, NAT,
# public IPv4, load balancers; RDS: instances and storage; ElastiCache nodes; EKS clusters).
AWS_SERVICES = ("AmazonEC2", "AmazonRDS", "AmazonElastiCache", "AmazonEKS")
# Pricing-page feeds: every feed a FEED_RULES row reads (Lambda, S3, ELB, Aurora, ...), by feed name.
AWS_FEEDS = tuple(feeds.feeds())
AZURE_API_VERSION = "2023-01-01-preview"
MAX_AZURE_PAGES = 10_000  # a NextPageLink loop must end
LOCK_NAME = ".update.lock"


class UpdateError(Exception):
    """One cloud's update failed; its old store was kept. The message says why."""


class UpdateBusy(Exception):
    """Another `prices update` holds the lock on the price directory."""


Report = Callable[[str], None]


def _url(name: str, env: Mapping[str, str]) -> str:
    return (env.get(name) or DEFAULT_URLS[name]).rstrip("/")


def fetch_aws(env: Mapping[str, str], limits: Limits, directory: Path, regions: Optional[set[str]],
              services: Optional[set[str]], progress: Optional[Progress], report: Report,
              book: Optional[PriceBook] = None, failed: Optional[list[str]] = None) -> list[Row]:
    """The offer files' rows, then the feeds' (the newer price of a key wins). A feed that fails is
    reported, added to `failed` and keeps the installed store's rows from it."""
    rows = fetch_offers(env, limits, directory, regions, services, progress, report)
    names = [name for name in AWS_FEEDS if not services or name in services]
    if names:
        update = feeds.fetch_feeds(_url(AWS_FEEDS_URL_ENV, env), env, limits, directory, names, regions, book,
                                       installed_rows(directory / "aws.sqlite"), progress, report)
        rows += update.rows
        if failed is not None:
            failed += update.failed
    return list(newest(rows))


def fetch_offers(env: Mapping[str, str], limits: Limits, directory: Path, regions: Optional[set[str]],
                 services: Optional[set[str]], progress: Optional[Progress], report: Report) -> list[Row]:
    """Region index, then each region's offer file (streamed to a temp file), for every service we price."""
    base = _url(AWS_URL_ENV, env)
    policy = UrlPolicy.for_base(base, env)
    rows: list[Row] = []
    for service in AWS_SERVICES:
        if services and service not in services:
            continue
        index = fetch_json(f"{base}/offers/v1.0/aws/{service}/current/region_index.json", policy, limits, progress)
        entries = index.get("regions") if isinstance(index, dict) else None
        if not isinstance(entries, dict):
            raise UpdateError(f"{service} region_index.json has no regions mapping")
        for code, entry in sorted(entries.items()):
            if regions and code not in regions:
                continue
            path = entry.get("currentVersionUrl") if isinstance(entry, dict) else None
            if not isinstance(path, str):
                raise UpdateError(f"{service} region_index.json: {code} has no currentVersionUrl")
            url = urllib.parse.urljoin(base + "/", path)
            with temp_file(directory) as tmp:
                with open(tmp, "wb") as out:
                    size = download(url, out, policy, limits, progress=progress)
                found = aws_offer.stream_rows(tmp, url, f"{service} {code} {path}")
            report(f"aws: {service} {code}: {size / 1e6:,.1f} MB read, {len(found):,} prices")
            rows += found
    return rows


def fetch_azure(env: Mapping[str, str], limits: Limits, regions: Optional[set[str]], progress: Optional[Progress],
                today: dt.date, report: Report) -> list[Row]:
    """Every page of each filter, following NextPageLink (on the configured host only)."""
    base = _url(AZURE_URL_ENV, env)
    policy = UrlPolicy.for_base(base, env)
    items: list[dict] = []
    for odata in azure_retail.FILTERS:
        url: Optional[str] = f"{base}?{urllib.parse.urlencode({'api-version': AZURE_API_VERSION, '$filter': odata})}"
        for _ in range(MAX_AZURE_PAGES):
            if not url:
                break
            page = fetch_json(url, policy, limits, progress)
            if not isinstance(page, dict) or not isinstance(page.get("Items"), list):
                raise UpdateError(f"{url}: expected a Retail Prices page with Items")
            items += page["Items"]
            link = page.get("NextPageLink")
            if link is not None and not isinstance(link, str):
                raise UpdateError(f"{url}: NextPageLink should be a URL")
            url = link or None
        else:
            raise UpdateError(f"Azure Retail Prices: more than {MAX_AZURE_PAGES} pages; stopped")
    report(f"azure: {len(items):,} Retail Prices items read")
    rows = azure_retail.import_items(items, f"Azure Retail Prices API ({base})", today.isoformat())
    return [r for r in rows if not regions or r.region in regions]


def fetch_gcp(env: Mapping[str, str], limits: Limits, regions: Optional[set[str]], progress: Optional[Progress],
              report: Report) -> list[Row]:
    url = _url(GCP_URL_ENV, env)
    body = fetch(url, UrlPolicy.for_base(url, env), limits, progress)
    try:
        doc = gcp_yml.parse(load_capped(body, gcp_yml.LOADER), url)
    except YamlSizeError as err:
        raise UpdateError(f"{url}: {err}") from None
    except yaml.YAMLError as err:
        raise UpdateError(f"{url}: not valid YAML ({str(err)[:300]})") from None
    except RecursionError:
        raise UpdateError(f"{url}: YAML nested too deeply") from None
    report(f"gcp: pricing.yml read ({len(body) / 1e6:,.1f} MB)")
    return [r for r in gcp_yml.import_yml(doc, url) if not regions or r.region in regions]


def install(cloud: str, rows: Iterable[Row], directory: Path, book: Optional[PriceBook] = None) -> int:
    """Write the cloud's store if the rows are plausible; UpdateError (old store kept) otherwise."""
    rows = list(rows)
    target = directory / f"{cloud}.sqlite"
    if not rows:
        raise UpdateError(f"{cloud}: the download held no prices we use")
    problem = implausible(rows, book)
    if problem:
        raise UpdateError(problem)
    before = installed_count(target)
    if len(rows) < before / 2:
        raise UpdateError(f"{cloud}: only {len(rows)} prices, fewer than half of the {before} installed (to narrow "
                          f"them on purpose, e.g. with --regions, delete {target} first)")
    try:
        return write_store(target, rows)
    except PriceBookError as err:
        raise UpdateError(f"{cloud}: {err}") from None


def installed_rows(target: Path) -> list[Row]:
    """The installed store's prices; none when there is no store or it is damaged (then it is replaced)."""
    if not target.exists():
        return []
    try:
        store = PriceStore(target)
        return [] if store.check() else store.rows()
    except (PriceBookError, sqlite3.Error):
        return []


def installed_count(target: Path) -> int:
    """Prices in the installed store; 0 when there is none or it is damaged (then it is replaced)."""
    if not target.exists():
        return 0
    try:
        store = PriceStore(target)
        return 0 if store.check() else len(store)
    except (PriceBookError, sqlite3.Error):
        return 0


@contextlib.contextmanager
def update_lock(directory: Path) -> Iterator[None]:
    """Hold the directory's lock for one update; UpdateBusy at once if another update has it."""
    fd = os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UpdateBusy(f"another prices update is running (it holds {directory / LOCK_NAME}); "
                             "try again when it has finished") from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


def update(clouds: Iterable[str], directory: Path, regions: Optional[set[str]] = None,
           services: Optional[set[str]] = None, env: Optional[Mapping[str, str]] = None,
           progress: Optional[Progress] = None, report: Report = print) -> bool:
    """Update each cloud; report one line per cloud. True when every cloud was installed.

    UpdateBusy when another update runs; ValueError for a limit that is not a positive number."""
    env = os.environ if env is None else env
    limits = Limits.from_env(env)
    today = dt.date.today()
    directory.mkdir(parents=True, exist_ok=True, mode=0o755)
    reason = unsafe_reason(directory)
    if reason:
        report(f"not updated: the price stores would be refused when read: {reason}")
        return False
    book = PriceBook.load(DEFAULT_SPECS_DIR)  # the bundled book: what a new rate is checked against
    failed_feeds: list[str] = []
    fetchers = {"aws": lambda: fetch_aws(env, limits, directory, regions, services, progress, report, book,
                                         failed_feeds),
                "gcp": lambda: fetch_gcp(env, limits, regions, progress, report),
                "azure": lambda: fetch_azure(env, limits, regions, progress, today, report)}
    ok = True
    with update_lock(directory):
        for cloud in clouds:
            try:
                count = install(cloud, fetchers[cloud](), directory, book)
            except (FetchError, UpdateError, aws_offer.OfferError, PriceBookError) as err:
                report(f"{cloud}: not updated: {err}; kept the installed prices")
                ok = False
                continue
            report(f"{cloud}: installed {count} prices in {directory / (cloud + '.sqlite')}")
    if failed_feeds:
        report(f"aws: {len(failed_feeds)} feed(s) not updated ({', '.join(failed_feeds)}); their installed prices "
               "were kept")
    return ok and not failed_feeds
