"""`prices update --aws` refreshes the services priced from AWS's pricing-page feeds: a local server on
127.0.0.1 serves real feeds from ../shared/pricing (skipped when absent) at the paths AWS publishes
them; good feeds install (read back through the price book, compared with the file's own value),
a broken one fails alone in one line and keeps its installed prices."""
from __future__ import annotations

import io
import json
import re
import tarfile
from pathlib import Path

import pytest

from price_servers import FileServer
from pulumicost_policy.prices import feeds
from pulumicost_policy.pricing.importers.aws_feeds import FEED_RULES, import_feeds
from pulumicost_policy.pricing.pricebook import PriceBook
from pulumicost_policy.pricing.store import PriceStore
from test_prices_update import ROOT, run

SHARED = ROOT.parent / "shared" / "pricing"
SERVICES = SHARED / "aws-services-pricingpages-2025-11-04.tar.gz"  # locations.json, lambda, kms (2025-11)
EC2_EBS = SHARED / "aws-ec2-ebs-rds-elasticache-2025-04-04.tar.gz"  # ebs.json, EC2 per region
RAW = SHARED / "aws-pricewatcher-raw-feeds-2025-12-06.tar.gz"  # lambda.json of 2025-12
pytestmark = pytest.mark.skipif(not (SERVICES.exists() and EC2_EBS.exists() and RAW.exists()),
                                reason="needs ../shared/pricing")

MAPS = "/pricing/2.0/meteredUnitMaps"
LOCATIONS = "/locations/1.0/aws/current/locations.json"
LAMBDA, KMS, EBS = f"{MAPS}/lambda/USD/current/lambda.json", f"{MAPS}/kms/USD/current/kms.json", \
    f"{MAPS}/ec2/USD/current/ebs.json"
EC2_OREGON = f"{MAPS}/ec2/USD/current/ec2-ondemand-without-sec-sel/US%20West%20%28Oregon%29/Linux/index.json"
OREGON = "US West (Oregon)"


def member(tarball: Path, suffix: str) -> bytes:
    with tarfile.open(tarball, "r:gz") as tar:
        [name] = [n for n in tar.getnames() if n == suffix or n.endswith("/" + suffix)]
        return tar.extractfile(name).read()


@pytest.fixture(scope="module")
def files():
    return {LOCATIONS: member(SERVICES, "locations.json"), LAMBDA: member(SERVICES, "pricing/lambda.json"),
            KMS: member(SERVICES, "pricing/kms.json"), EBS: member(EC2_EBS, "ebs/ebs.json"),
            EC2_OREGON: member(EC2_EBS, "ec2/us-west-2-ondemand.json"), "raw-lambda": member(RAW, "lambda.json")}


@pytest.fixture
def server(files):
    srv = FileServer({k: v for k, v in files.items() if k.startswith("/")})
    yield srv
    srv.close()


def price(body: bytes, key: str, location: str = OREGON) -> tuple[float, str]:
    """(price, publication date) of one entry, read from the feed file itself."""
    doc = json.loads(body)
    return float(doc["regions"][location][key]["price"]), doc["manifest"]["hawkFilePublicationDate"][:10]


def update(home, server, services, *more):
    return run(home, {"PULUMICOST_AWS_FEEDS_URL": server.url}, "update", "--aws", "--services", services,
               "--regions", "us-west-2", *more)


def book(home):
    return PriceBook.load(user_dir=home / "prices")


def test_feeds_install_and_a_broken_feed_fails_alone_keeping_its_prices(server, files, tmp_path):
    out = update(tmp_path, server, "lambda,kms,ebs,ec2")
    assert out.returncode == 0, out.stderr
    for line in ("aws: lambda:", "aws: kms:", "aws: ebs:", "aws: ec2:"):  # progress, one line per feed
        assert line in out.stderr
    got = book(tmp_path)
    for (rtype, sku, mode_scale), (body, key) in {
            ("lambda:Function", "requests", 1e6): (files[LAMBDA], "Lambda Requests"),
            ("kms:Key", "key", 1): (files[KMS], "Encryption Key"),
            ("ebs:Volume", "gp3", 1): (files[EBS], "Storage General Purpose gp3 GB Mo"),
            ("ec2:Instance", "t3.micro", 1): (files[EC2_OREGON], "t3 micro US West Oregon Linux")}.items():
        rate, date = price(body, key)
        spec = got.get("aws", rtype, sku, "us-west-2")
        assert spec.rate_per_unit == pytest.approx(rate * mode_scale)
        assert server.url in spec.source and spec.effective_date == date
    kms_before = got.get("aws", "kms:Key", "key", "us-west-2")

    # Lambda's newer feed (2025-12) is served; the KMS feed is cut short.
    server.files[LAMBDA] = files["raw-lambda"]
    server.files[KMS] = files[KMS][: len(files[KMS]) // 2]
    out = update(tmp_path, server, "lambda,kms,ebs,ec2")
    assert out.returncode == 1
    [kms_line] = [line for line in out.stderr.splitlines() if line.startswith("aws: kms:")]
    assert "not updated" in kms_line and "not complete JSON" in kms_line and "kept the" in kms_line
    assert "aws: installed" in out.stderr and "Traceback" not in out.stderr
    got = book(tmp_path)
    rate, date = price(files["raw-lambda"], "Lambda Requests")
    assert date > price(files[LAMBDA], "Lambda Requests")[1]
    lam = got.get("aws", "lambda:Function", "requests", "us-west-2")
    assert (lam.rate_per_unit, lam.effective_date) == (pytest.approx(rate * 1e6), date)
    kms = got.get("aws", "kms:Key", "key", "us-west-2")
    assert (kms.rate_per_unit, kms.source, kms.effective_date) == \
        (kms_before.rate_per_unit, kms_before.source, kms_before.effective_date)
    assert not list((tmp_path / "prices").glob("*.tmp"))


@pytest.mark.parametrize("break_it, why", [
    (lambda s, f: s.status.__setitem__(LAMBDA, 500), "HTTP 500"),
    (lambda s, f: s.files.__setitem__(LAMBDA, json.dumps({"regions": {}}).encode()), "hawkFilePublicationDate"),
    (lambda s, f: s.files.__setitem__(LAMBDA, json.dumps(
        {"manifest": {"hawkFilePublicationDate": "2026-01-01"}, "regions": {OREGON: [1, 2]}}).encode()),
     "expected a map of price entries"),
    (lambda s, f: s.files.__setitem__(LAMBDA, re.sub(rb'"price": ?"', b'"price": "9', f[LAMBDA])), "implausible rates"),
    (lambda s, f: s.files.__setitem__(LAMBDA, f[LAMBDA].replace(b"Lambda", b"Lamb")), "held no prices"),
])
def test_a_hostile_or_broken_feed_is_refused_in_one_line(server, files, tmp_path, break_it, why):
    break_it(server, files)
    out = update(tmp_path, server, "lambda,ebs")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    [line] = [line for line in out.stderr.splitlines() if line.startswith("aws: lambda:")]
    assert why in line and "not updated" in line
    got = book(tmp_path)
    assert got.get("aws", "ebs:Volume", "gp3", "us-west-2").rate_per_unit == \
        pytest.approx(price(files[EBS], "Storage General Purpose gp3 GB Mo")[0])
    assert server.url not in got.get("aws", "lambda:Function", "requests", "us-west-2").source  # the bundled price


def test_without_locations_every_feed_fails_and_says_so(server, tmp_path):
    server.status[LOCATIONS] = 404
    out = update(tmp_path, server, "lambda,ebs")
    assert out.returncode == 1 and "HTTP 404" in out.stderr and "aws: feeds not updated" in out.stderr
    assert not (tmp_path / "prices" / "aws.sqlite").exists()


def test_every_feed_rule_has_a_url():
    """Generic over FEED_RULES: each feed a rule reads is fetched, from a URL of AWS's shape."""
    names = feeds.feeds()
    assert sum(len(rules) for rules in names.values()) == len(FEED_RULES)
    for name in names:
        assert name in feeds.PER_LOCATION or feeds.feed_path(name).startswith(MAPS + "/")
        assert not any(ch in name for ch in "*?[/")


def test_an_unknown_service_lists_the_feeds(tmp_path):
    out = run(tmp_path, {}, "update", "--aws", "--services", "lambada")
    assert out.returncode == 2 and "lambada" in out.stderr and "lambda" in out.stderr.split("lambada", 1)[1]


def served_copies() -> dict[str, bytes]:
    """Feed name -> the newest copy of that feed among the data files, for every feed FEED_RULES read."""
    names = set(feeds.feeds()) - set(feeds.PER_LOCATION)
    best: dict[str, tuple[str, bytes]] = {}
    for tarball in sorted(SHARED.glob("aws-*.tar.gz")):
        with tarfile.open(tarball, "r:gz") as tar:
            for info in tar.getmembers():
                name = info.name.rsplit("/", 1)[-1].removesuffix(".json")
                if info.isfile() and name in names:
                    body = tar.extractfile(info).read()
                    date = json.loads(body).get("manifest", {}).get("hawkFilePublicationDate", "")
                    if name not in best or date > best[name][0]:
                        best[name] = (date, body)
    return {name: body for name, (date, body) in best.items()}


def test_every_feed_in_the_data_files_installs_as_the_build_reads_it(files, tmp_path):
    """Generic over FEED_RULES: each feed is served at its AWS path, and the update installs, in one region,
    exactly the rows the bundled-book build (import_feeds, from a tarball) reads from the same bytes."""
    copies = served_copies()
    assert set(copies) == set(feeds.feeds()) - set(feeds.PER_LOCATION)  # the data files hold every feed
    srv = FileServer({LOCATIONS: files[LOCATIONS], **{feeds.feed_path(n): body for n, body in copies.items()}})
    try:
        out = update(tmp_path, srv, ",".join(sorted(copies)), "--regions", "eu-west-1")
    finally:
        srv.close()
    assert out.returncode == 0, out.stderr
    installed = {row.key(): row for row in PriceStore(tmp_path / "prices" / "aws.sqlite").rows()}
    groups = feeds.feeds()
    for name, body in copies.items():
        tarball = tmp_path / f"{name}.tar.gz"
        with tarfile.open(tarball, "w:gz") as tar:
            patterns = sorted({rule.feed.replace("*", "x") for rule in groups[name]})  # as the rules name it
            for member, data in (("x/locations.json", files[LOCATIONS]), *((p, body) for p in patterns)):
                info = tarfile.TarInfo(member)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        expected = [row for row in import_feeds([tarball], groups[name]) if row.region == "eu-west-1"]
        assert expected, name
        for row in expected:
            got = installed[row.key()]
            assert got.rate == pytest.approx(row.rate) or got.effective_date > row.effective_date, (name, row)
