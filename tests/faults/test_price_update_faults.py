"""`prices update` and the user price stores under attack (issue #23 items 2, 4-11): hostile or broken
price servers on 127.0.0.1, damaged, tampered and untrusted stores, alias bombs. Every failure is one
line naming what went wrong, the installed prices are kept, the other clouds still update, and
nothing is left behind."""
from __future__ import annotations

import json
import os
import pty
import select
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from price_servers import FileServer
from pulumicost_policy.pricing.pricebook import PriceBook, PriceBookError
from pulumicost_policy.pricing.store import PriceStore, Row, write_store
from pulumicost_policy.pricing.usage import UsageFileError
from pulumicost_policy.pricing.usage_check import check_usage_file
from test_prices_update import (B1S_EASTUS, E2_MEDIUM_EW1, M5_LARGE_W2, ROOT, T3_MICRO_W2, aws_files, gcp_yml, offer,
                                run, store_rate)

BOOK = PriceBook.load()
M5_24XL_W2 = BOOK.get("aws", "ec2:Instance", "m5.24xlarge", "us-west-2").rate_per_unit
OFFER_PATH = "/offers/v1.0/aws/AmazonEC2/20261101000000/us-west-2/index.json"
INDEX_PATH = "/offers/v1.0/aws/AmazonEC2/current/region_index.json"


@pytest.fixture
def server():
    srv = FileServer({})
    yield srv
    srv.close()


def aws_env(server, **extra):
    return {"PULUMICOST_AWS_PRICING_URL": server.url, **extra}


def update_aws(home, server, **extra):
    return run(home, aws_env(server, **extra), "update", "--aws", "--services", "AmazonEC2")


def no_leftovers(home):
    return [p.name for p in (home / "prices").iterdir() if p.name.endswith(".tmp")]


def one_line_each(stderr):
    assert "Traceback" not in stderr
    return [line for line in stderr.splitlines() if "not updated" in line]


# Item 2: a damaged user store is reported by `status` and replaced by `update`.
def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    start = len(data) // 3
    data[start:start + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def test_damaged_store_is_reported_by_status_and_replaced_by_update(server, tmp_path):
    prices = tmp_path / "prices"
    prices.mkdir()
    write_store(prices / "aws.sqlite", [Row("aws", "ec2:Instance", f"x{i}.large", "us-west-2", "per_hour", 0.01, "s",
                                            "2026-01-01") for i in range(20_000)])
    damage(prices / "aws.sqlite")
    status = run(tmp_path, {}, "status")
    assert status.returncode == 0 and "Traceback" not in status.stderr
    assert "aws.sqlite (user): unusable" in status.stdout and "update --aws" in status.stdout
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2, "m5.large": M5_LARGE_W2}))
    out = update_aws(tmp_path, server)
    assert out.returncode == 0, out.stderr
    assert store_rate(tmp_path, "aws", "aws", "ec2:Instance", "t3.micro", "us-west-2") == T3_MICRO_W2
    assert "aws.sqlite (user): 2 prices" in run(tmp_path, {}, "status").stdout


# Item 4: rates that cannot be right are refused with the reason.
@pytest.mark.parametrize("rate, why", [(0.0, "billable"), (1e308, "beyond any list price"),
                                       ("m5x20", "more than 10x off")])
def test_implausible_rates_are_refused(server, tmp_path, rate, why):
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2, "m5.large": M5_LARGE_W2}))
    assert update_aws(tmp_path, server).returncode == 0
    before = (tmp_path / "prices" / "aws.sqlite").read_bytes()
    bad = M5_24XL_W2 * 20 if rate == "m5x20" else rate
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2, "m5.large": M5_LARGE_W2, "m5.24xlarge": bad}))
    out = update_aws(tmp_path, server)
    assert out.returncode == 1
    [line] = one_line_each(out.stderr)
    assert "implausible" in line and "m5.24xlarge" in line and why in line and OFFER_PATH in line
    assert (tmp_path / "prices" / "aws.sqlite").read_bytes() == before


# Item 5: a malformed file fails its own cloud in one line; the others still update.
def malformed_offer(kind):
    doc = offer("us-west-2", {"t3.micro": T3_MICRO_W2})
    if kind == "price":
        doc["terms"]["OnDemand"]["SKU0"]["SKU0.JRTCKXETXF"]["priceDimensions"]["SKU0.JRTCKXETXF.6YS6EN2CT7"][
            "pricePerUnit"]["USD"] = "twelve"
    elif kind == "list":
        doc["products"]["SKU0"]["attributes"] = ["Linux"]
    elif kind == "date":
        doc["publicationDate"] = "9" * 400
    return json.dumps(doc).encode()


@pytest.mark.parametrize("kind, what", [("price", "'twelve' is not a number"), ("list", "expected a map"),
                                        ("date", "publicationDate")])
def test_malformed_offer_fails_aws_alone(server, tmp_path, kind, what):
    server.files.update(aws_files({}))
    server.files[OFFER_PATH] = malformed_offer(kind)
    server.files["/pricing.yml"] = gcp_yml(1.0)
    out = run(tmp_path, {**aws_env(server), "PULUMICOST_GCP_PRICING_YML_URL": server.url + "/pricing.yml"},
              "update", "--aws", "--gcp", "--services", "AmazonEC2")
    assert out.returncode == 1
    [line] = one_line_each(out.stderr)
    assert line.startswith("aws: not updated:") and what in line and line.endswith("kept the installed prices")
    assert len(line) < 600
    assert store_rate(tmp_path, "gcp", "gcp", "compute:Instance", "e2-medium", "europe-west1") == E2_MEDIUM_EW1


@pytest.mark.parametrize("mutate, what", [
    (lambda d: d["about"].update(timestamp=10**30), "about.timestamp"),
    (lambda d: d["about"].update(timestamp="yesterday"), "about.timestamp"),
    (lambda d: d["compute"].update(instance=["e2-medium"]), "expected a map"),
    (lambda d: d["compute"]["instance"]["e2-medium"].update(cost=[1, 2]), "expected a map"),
])
def test_malformed_pricing_yml_fails_gcp_alone(server, tmp_path, mutate, what):
    doc = yaml.safe_load(gcp_yml(1.0))
    mutate(doc)
    server.files["/pricing.yml"] = yaml.safe_dump(doc).encode()
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2}))
    out = run(tmp_path, {**aws_env(server), "PULUMICOST_GCP_PRICING_YML_URL": server.url + "/pricing.yml"},
              "update", "--gcp", "--aws", "--services", "AmazonEC2")
    assert out.returncode == 1
    [line] = one_line_each(out.stderr)
    assert line.startswith("gcp: not updated:") and what in line
    assert store_rate(tmp_path, "aws", "aws", "ec2:Instance", "t3.micro", "us-west-2") == T3_MICRO_W2


# Item 6: only URLs on the configured host are followed, never file:.
@pytest.mark.parametrize("target", ["file:///etc/hostname", "other-port", "https://prices.example.invalid/x.json",
                                    "redirect-file", "redirect-other-port"])
def test_server_named_urls_elsewhere_are_refused(server, tmp_path, target):
    other = FileServer({"/x.json": json.dumps(offer("us-west-2", {"t3.micro": T3_MICRO_W2})).encode()})
    try:
        server.files.update(aws_files({"t3.micro": T3_MICRO_W2}))
        index = json.loads(server.files[INDEX_PATH])
        named = {"other-port": other.url + "/x.json", "redirect-file": "/r", "redirect-other-port": "/r"}.get(target,
                                                                                                          target)
        index["regions"]["us-west-2"]["currentVersionUrl"] = named
        server.files[INDEX_PATH] = json.dumps(index).encode()
        server.redirect["/r"] = "file:///etc/hostname" if target == "redirect-file" else other.url + "/x.json"
        out = update_aws(tmp_path, server)
        assert out.returncode == 1
        [line] = one_line_each(out.stderr)
        # urllib itself refuses a redirect to file: before our check; everything else is ours
        assert "refused: only https URLs on 127.0.0.1" in line or \
            (target == "redirect-file" and "Redirection to url 'file:///etc/hostname' is not allowed" in line)
        assert other.requests == []
        assert not (tmp_path / "prices" / "aws.sqlite").exists()
    finally:
        other.close()


def test_azure_next_page_link_to_another_host_is_refused(server, tmp_path):
    other = FileServer({})
    try:
        server.files["/api/retail/prices"] = json.dumps({"Items": [], "NextPageLink": other.url + "/p2"}).encode()
        out = run(tmp_path, {"PULUMICOST_AZURE_PRICES_URL": server.url + "/api/retail/prices"}, "update", "--azure")
        assert out.returncode == 1 and "refused" in out.stderr and other.requests == []
    finally:
        other.close()


def test_an_allowed_host_may_be_added():
    from pulumicost_policy.prices.http import FetchError, UrlPolicy
    policy = UrlPolicy.for_base("https://pricing.example.com", {"PULUMICOST_PRICES_ALLOWED_HOSTS": "cdn.example.com"})
    assert policy.check("https://cdn.example.com/a.json")
    assert policy.check("https://pricing.example.com:443/b")
    for url in ("http://cdn.example.com/a.json", "file:///etc/passwd", "https://evil.example.com/"):
        with pytest.raises(FetchError):
            policy.check(url)


# Item 7: a byte cap per file and a stall deadline, both configurable.
def test_endless_body_stops_at_the_cap(server, tmp_path):
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2}))
    server.endless.add(OFFER_PATH)
    started = time.monotonic()
    out = update_aws(tmp_path, server, PULUMICOST_PRICES_MAX_MB="2")
    assert out.returncode == 1 and "more than the 2 MB limit" in out.stderr
    assert time.monotonic() - started < 60
    assert no_leftovers(tmp_path) == []


def test_a_dripping_server_is_given_up(server, tmp_path):
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2}))
    server.drip[OFFER_PATH] = 0.05
    started = time.monotonic()
    out = update_aws(tmp_path, server, PULUMICOST_PRICES_STALL_S="1")
    assert out.returncode == 1 and "stalled" in out.stderr and "PULUMICOST_PRICES_STALL_S" in out.stderr
    assert time.monotonic() - started < 30
    assert no_leftovers(tmp_path) == []


def test_a_bad_limit_is_a_usage_error(tmp_path):
    out = run(tmp_path, {"PULUMICOST_PRICES_MAX_MB": "lots"}, "update", "--aws")
    assert out.returncode == 2 and "PULUMICOST_PRICES_MAX_MB" in out.stderr


# Item 8: YAML aliases cannot blow up pricing.yml or a usage file.
def alias_bomb(levels=9):
    lines = ["a0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
    return lines


def test_pricing_yml_alias_bomb_is_refused(server, tmp_path):
    doc = gcp_yml(1.0).decode() + "\n".join(alias_bomb()) + "\n"
    server.files["/pricing.yml"] = doc.encode()
    out = run(tmp_path, {"PULUMICOST_GCP_PRICING_YML_URL": server.url + "/pricing.yml"}, "update", "--gcp")
    assert out.returncode == 1 and "aliases expand the document" in out.stderr


def test_usage_file_alias_bomb_is_refused_with_a_short_message(tmp_path):
    usage = tmp_path / "usage.yml"
    bomb = alias_bomb()
    usage.write_text("version: 1\n" + "\n".join(bomb) + "\nresource_usage:\n" +
                     "".join(f"  r{i}: {{monthly_request: *a8}}\n" for i in range(50)))
    with pytest.raises(UsageFileError) as err:
        check_usage_file(usage)
    assert "aliases expand" in str(err.value) and len(str(err.value)) < 500
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"steps": []}))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan), "--usage",
                          str(usage)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "aliases expand" in out.stderr and len(out.stderr) < 2000


def test_usage_checker_error_stays_short(tmp_path):
    usage = tmp_path / "usage.yml"
    usage.write_text("version: 1\nresource_usage:\n" + "".join(f"  r{i}{'x' * 500}: {{monthly_request: 1}}\n"
                                                                 for i in range(500)))
    with pytest.raises(UsageFileError) as err:
        check_usage_file(usage)
    assert "and 480 more" in str(err.value) and len(str(err.value)) < 10_000


# Item 9: one update at a time; no temp files left.
def test_a_second_update_says_another_is_running(server, tmp_path):
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2, "m5.large": M5_LARGE_W2}))
    release = server.hold[OFFER_PATH] = threading.Event()
    env = {**os.environ, "PULUMICOST_HOME": str(tmp_path), **aws_env(server)}
    first = subprocess.Popen([sys.executable, "-m", "pulumicost_policy.prices", "update", "--aws", "--services",
                              "AmazonEC2"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not any(OFFER_PATH in r for r in server.requests) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = update_aws(tmp_path, server)
        assert second.returncode == 1 and "another prices update is running" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        release.set()
        _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert store_rate(tmp_path, "aws", "aws", "ec2:Instance", "t3.micro", "us-west-2") == T3_MICRO_W2
    assert no_leftovers(tmp_path) == []


# Item 10: untrusted stores are refused; bad rows are unknown, never a negative or infinite cost.
def user_store(home, rate=None):
    prices = home / "prices"
    prices.mkdir(parents=True, exist_ok=True)
    write_store(prices / "aws.sqlite", [Row("aws", "ec2:Instance", "t3.micro", "us-west-2", "per_hour",
                                            T3_MICRO_W2 * 2, "api", "2026-11-01")])
    if rate is not None:
        with sqlite3.connect(prices / "aws.sqlite") as con:
            con.execute("UPDATE prices SET rate = ?", (rate,))
    return prices / "aws.sqlite"


def test_store_writable_by_others_is_refused_with_the_fix(tmp_path):
    path = user_store(tmp_path)
    path.chmod(0o666)
    with pytest.raises(PriceBookError, match="chmod go-w"):
        from pulumicost_policy.pricing.store import open_user_store
        open_user_store(path)
    book = PriceBook.load(user_dir=path.parent)
    assert book.get("aws", "ec2:Instance", "t3.micro", "us-west-2").rate_per_unit == T3_MICRO_W2
    status = run(tmp_path, {}, "status")
    assert f"chmod go-w {path}" in status.stdout
    path.chmod(0o644)
    path.parent.chmod(0o777)
    assert f"chmod go-w {path.parent}" in run(tmp_path, {}, "status").stdout
    path.parent.chmod(0o755)


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_store_owned_by_another_user_is_refused_with_the_fix(tmp_path):
    path = user_store(tmp_path)
    os.chown(path, 4242, -1)
    assert f"chown {os.getuid()} {path}" in run(tmp_path, {}, "status").stdout
    assert PriceBook.load(user_dir=path.parent).get("aws", "ec2:Instance", "t3.micro", "us-west-2").rate_per_unit \
        == T3_MICRO_W2


@pytest.mark.parametrize("rate", [-5.0, float("inf"), "abc"])
def test_bad_rows_are_never_a_negative_or_infinite_cost(tmp_path, rate):
    path = user_store(tmp_path, rate)
    assert PriceStore(path).get("aws", "ec2:Instance", "t3.micro", "us-west-2") is None
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"steps": [{"op": "create", "urn": "urn:pulumi:s::p::aws:ec2/instance:Instance::web",
                                           "newState": {"type": "aws:ec2/instance:Instance", "inputs": {
                                               "instanceType": "t3.micro", "availabilityZone": "us-west-2a"}}}]}))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan),
                          "--output", "json"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PULUMICOST_HOME": str(tmp_path)})
    [res] = json.loads(out.stdout)["resources"]
    assert res["monthly"] is None or res["monthly"] == pytest.approx(T3_MICRO_W2 * 730)


# Item 11: server text is never rich markup; `status | head` is quiet.
def test_markup_in_a_reason_is_printed_on_a_terminal(server, tmp_path):
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2}))
    index = json.loads(server.files[INDEX_PATH])
    index["regions"]["us-west-2"]["currentVersionUrl"] = "/x[/bold]y/index.json"
    server.files[INDEX_PATH] = json.dumps(index).encode()
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "pulumicost_policy.prices", "update", "--aws", "--services",
                             "AmazonEC2"], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                            env={**os.environ, "PULUMICOST_HOME": str(tmp_path), "TERM": "xterm",
                                 **aws_env(server)})
    os.close(slave)
    output = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        try:
            chunk = os.read(master, 65536) if ready else b""
        except OSError:  # the child closed the terminal
            chunk = b""
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 1
    text = output.decode(errors="replace")
    assert "MarkupError" not in text and "Traceback" not in text
    assert "[/bold]" in text and "HTTP 404" in text


def test_status_into_a_closed_pipe_is_quiet(tmp_path):
    prices = tmp_path / "prices"
    prices.mkdir()
    write_store(prices / "aws.sqlite", [Row("aws", "ec2:Instance", f"x{i}.large", "us-west-2", "per_hour", 0.01,
                                            f"source number {i} " + "s" * 60, "2026-01-01") for i in range(5000)])
    proc = subprocess.Popen([sys.executable, "-m", "pulumicost_policy.prices", "status"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PULUMICOST_HOME": str(tmp_path)})
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "BrokenPipeError" not in err and "Traceback" not in err and "Exception ignored" not in err
