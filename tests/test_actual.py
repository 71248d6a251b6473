"""`python -m pulumicost_policy.actual` end to end: the shipped vantage and opencost plugins run as
processes and talk to local vendor servers filled with generated data (the seeds' January)."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plugin_root import ROOT, PluginRoot
from seed_data import january_cents
from vendor_servers import OpenCost, Vantage

TOKEN = "vantage-test-token-actual-91c2"
ARN = "arn:aws:ec2:us-east-1:123456789012:instance/i-0abc"
BUCKET_ARN = "arn:aws:s3:::logs-bucket"
PROVIDER_URN = "urn:pulumi:prod::shop::pulumi:providers:aws::default"


def resource(type_token, name, rid, props, custom=True, provider=True):
    r = {"urn": f"urn:pulumi:prod::shop::{type_token}::{name}", "custom": custom, "type": type_token,
         "id": rid, "inputs": props, "outputs": props}
    if provider:
        r["provider"] = f"{PROVIDER_URN}::prov-id"
    return r


def write_state(path: Path) -> Path:
    resources = [
        {"urn": "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod", "custom": False, "type": "pulumi:pulumi:Stack"},
        {"urn": PROVIDER_URN, "custom": True, "type": "pulumi:providers:aws", "id": "prov-id",
         "inputs": {"region": "us-east-1"}},
        resource("aws:ec2/instance:Instance", "web", "i-0abc",
                 {"instanceType": "t3.micro", "arn": ARN, "tags": {"env": "prod", "team": "shop"}}),
        resource("aws:s3/bucket:Bucket", "logs", "logs-bucket", {"arn": BUCKET_ARN, "tags": {"env": "dev"}}),
        resource("kubernetes:core/v1:Namespace", "team-a", "team-a", {"metadata": {"name": "team-a"}}, provider=False),
        resource("my:component:Shop", "shop", "", {}, custom=False, provider=False),
    ]
    path.write_text(json.dumps({"version": 3, "deployment": {"manifest": {}, "resources": resources}}))
    return path


def vantage_costs(server: Vantage, currency="USD"):
    start = dt.date(2024, 1, 1)
    for i, c in enumerate(january_cents()):
        server.costs.append({"accrued_at": (start + dt.timedelta(days=i)).isoformat(), "amount": f"{c / 100:.2f}",
                             "currency": currency, "provider": "aws", "service": "EC2", "resource_id": ARN,
                             "tags": ["env:prod", "team:shop"]})
    for day in (5, 6):
        server.costs.append({"accrued_at": f"2024-01-0{day}", "amount": "1.25", "currency": "USD", "provider": "aws",
                             "service": "S3", "resource_id": BUCKET_ARN, "tags": ["env:dev"]})


@pytest.fixture
def vantage():
    server = Vantage(TOKEN, page_size=10)
    vantage_costs(server)
    yield server
    server.close()


@pytest.fixture
def opencost():
    server = OpenCost()
    for i in range(31):
        server.rows.append({"day": dt.date(2024, 1, 1) + dt.timedelta(days=i), "namespace": "team-a",
                            "labels": {"team": "a"}, "cost": 2.5})
        server.rows.append({"day": dt.date(2024, 1, 1) + dt.timedelta(days=i), "namespace": "kube-system",
                            "labels": {}, "cost": 1.0})
    yield server
    server.close()


@pytest.fixture
def home(tmp_path, vantage, opencost) -> PluginRoot:
    root = PluginRoot(tmp_path / "home")
    root.install_shipped("vantage", env={"VANTAGE_API_TOKEN": TOKEN, "VANTAGE_API_URL": vantage.url})
    root.install_shipped("opencost", env={"OPENCOST_URL": opencost.url})
    return root


def actual(home: PluginRoot, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.actual", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PULUMICOST_HOME": str(home.path)}, timeout=120)


def run_json(home, tmp_path, *args):
    state = write_state(tmp_path / "state.json")
    out = actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--pulumi-state", str(state),
                 "--output", "json", *args)
    return out, (json.loads(out.stdout) if out.stdout.strip() else None)


def test_seed_january_through_vantage_daily(home, tmp_path, vantage):
    out, doc = run_json(home, tmp_path, "--group-by", "daily", "--filter", "provider=aws", "--filter", "type=aws:ec2/*")
    assert out.returncode == 0, out.stderr
    assert doc["schema_version"] == "pulumicost.actual/v1" and doc["currency"] == "USD"
    assert (doc["start"], doc["end"], doc["days"]) == ("2024-01-01", "2024-01-31", 31)
    assert doc["total_cost"] == 2287.64 and len(doc["groups"]) == 31
    assert [g["total_cost"] for g in doc["groups"][:3]] == [73.42, 74.18, 73.89]
    assert doc["groups"][-1] == {"key": "2024-01-31", "total_cost": 72.95, "currency": "USD",
                                 "by_provider": {"aws": 72.95}, "by_day": {"2024-01-31": 72.95}}
    # 2,287.64 / 31 = 73.7948...; the seeds' 73.80 is the three-provider case (test_actual_aggregate)
    assert doc["daily_average"] == 73.79 and doc["monthly_run_rate"] == 2287.64
    assert doc["partial"] is False and doc["sources"] == ["plugin vantage 0.1.0"]
    # 31 rows at 10 a page: every page followed, and one download served the resource
    pages = [r for r in vantage.requests if r["path"] == "/v2/costs"]
    assert len(pages) == 4 and all(r["auth"] == f"Bearer {TOKEN}" for r in pages)
    assert "costs.provider = 'aws'" in pages[0]["params"]["filter"]


def test_group_by_each_dimension(home, tmp_path):
    expect = {
        "resource": {"web": 2287.64, "logs": 2.5, "team-a": 77.5},
        "type": {"aws:ec2/instance:Instance": 2287.64, "aws:s3/bucket:Bucket": 2.5,
                 "kubernetes:core/v1:Namespace": 77.5},
        "provider": {"aws": 2290.14, "kubernetes": 77.5},
        "monthly": {"2024-01": 2367.64},
    }
    for by, groups in expect.items():
        out, doc = run_json(home, tmp_path, "--group-by", by)
        assert out.returncode == 0, out.stderr
        assert {g["key"]: g["total_cost"] for g in doc["groups"]} == groups, by
        assert doc["sources"] == ["plugin opencost 0.1.0", "plugin vantage 0.1.0"]


def test_tag_filter_selects_resources_and_reaches_the_vendor(home, tmp_path, vantage):
    out, doc = run_json(home, tmp_path, "--filter", "tag:env=dev", "--group-by", "resource")
    assert out.returncode == 0, out.stderr
    assert {g["key"]: g["total_cost"] for g in doc["groups"]} == {"logs": 2.5}
    assert "tags.name = 'env' AND tags.value = 'dev'" in vantage.requests[-1]["params"]["filter"]


def test_table_output_aligned_with_thousands_separators(home, tmp_path):
    state = write_state(tmp_path / "state.json")
    out = actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--pulumi-state", str(state),
                 "--group-by", "provider")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any("aws" in l and "$2,290.14 USD" in l for l in lines)
    assert any("Total" in l and "$2,367.64 USD" in l for l in lines)
    assert "31 days: daily average $76.38 USD, monthly run-rate $2,367.64 USD" in out.stdout


def test_ndjson_one_record_a_line(home, tmp_path):
    out, _ = (actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--pulumi-state",
                     str(write_state(tmp_path / "s.json")), "--output", "ndjson", "--group-by", "type"), None)
    lines = [json.loads(l) for l in out.stdout.splitlines()]
    assert [l["kind"] for l in lines] == ["group"] * 3 + ["summary"]
    assert lines[-1]["total_cost"] == 2367.64


def test_mixed_currencies_is_an_error(home, tmp_path, vantage):
    vantage.costs[0]["currency"] = "EUR"
    out, _ = run_json(home, tmp_path)
    assert out.returncode == 1
    assert "error: mixed currencies: records are in EUR, USD" in out.stderr and "Traceback" not in out.stderr


def test_429_then_200_is_retried(home, tmp_path, vantage):
    vantage.fail_next = [429, 503]
    out, doc = run_json(home, tmp_path, "--filter", "provider=aws", "--group-by", "provider")
    assert out.returncode == 0, out.stderr
    assert doc["total_cost"] == 2290.14
    assert [r["path"] for r in vantage.requests[:3]] == ["/v2/costs"] * 3


def test_401_names_the_problem_and_never_the_token(home, tmp_path, vantage, opencost):
    home.configure("vantage", {"VANTAGE_API_TOKEN": "wrong-token-5521", "VANTAGE_API_URL": vantage.url})
    out, _ = run_json(home, tmp_path, "--filter", "provider=aws")
    assert out.returncode == 3
    assert "rejected the API token (HTTP 401)" in out.stderr
    assert "wrong-token-5521" not in out.stderr + out.stdout


def test_partial_results_are_listed_and_marked(home, tmp_path, opencost):
    opencost.close()  # the kubernetes namespace cannot be asked
    out, doc = run_json(home, tmp_path, "--group-by", "provider")
    assert out.returncode == 4
    assert doc["partial"] is True and doc["total_cost"] == 2290.14
    assert [f["resource"] for f in doc["failures"]] == ["team-a"]
    assert "unreachable" in doc["failures"][0]["error"]


def test_compare_projected_shows_variance(home, tmp_path):
    out, doc = run_json(home, tmp_path, "--compare-projected", "--filter", "type=aws:ec2/*")
    assert out.returncode == 0, out.stderr
    [v] = doc["variance"]
    # projected t3.micro in us-east-1 from the price book: 0.0104 x 730; actual January run-rate 2,287.64
    assert v["resource"] == "web" and v["projected_monthly"] == 7.59 and v["actual_monthly"] == 2287.64
    assert v["variance"] == round(2287.64 - 7.592, 2)


def test_scope_query_without_state(home, tmp_path):
    out = actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--filter", "tag:env=prod",
                 "--plugin", "vantage", "--output", "json", "--group-by", "provider")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert {g["key"]: g["total_cost"] for g in doc["groups"]} == {"aws": 2287.64}


def test_a_vendor_outage_is_retried_by_the_plugin_only(home, tmp_path, vantage):
    """Vantage answers 503 every time: the plugin tries 4 times and says so with a retry pushback,
    so the host does not ask again (3 host attempts x 4 HTTP tries = 12 requests before)."""
    vantage.fail_next = [503] * 50
    out = actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--filter", "tag:env=prod",
                 "--plugin", "vantage", "--output", "json")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert "HTTP 503 (after 4 attempts)" in out.stderr
    assert len(vantage.requests) == 4


@pytest.mark.parametrize("args, message", [
    (["--start-date", "2024-02-01", "--end-date", "2024-01-01"], "--end-date 2024-01-01 is before --start-date 2024-02-01"),
    (["--start-date", "2024-01-01", "--end-date", "2999-01-01"], "--end-date 2999-01-01 is in the future"),
    (["--start-date", "2022-01-01", "--end-date", "2024-01-01"], "731 days is more than 366; shorten the range or use --group-by monthly"),
    (["--start-date", "01/01/2024", "--end-date", "2024-01-31"], "--start-date '01/01/2024': use YYYY-MM-DD or RFC 3339"),
    (["--start-date", "2024-01-01", "--end-date", "2024-01-31", "--filter", "env=prod"], "--filter 'env=prod': use tag:KEY=VALUE"),
    (["--start-date", "2024-01-01", "--end-date", "2024-01-31", "--plugin", "nope"], "--plugin nope: not installed"),
])
def test_usage_errors_exit_2(home, args, message):
    out = actual(home, *args)
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr


def test_no_plugin_installed_exits_3(tmp_path):
    out = actual(PluginRoot(tmp_path / "empty"), "--start-date", "2024-01-01", "--end-date", "2024-01-31")
    assert out.returncode == 3 and "no cost plugin is installed" in out.stderr


def test_rfc3339_end_includes_its_whole_day(home, tmp_path):
    out, doc = run_json(home, tmp_path, "--filter", "type=aws:ec2/*", "--group-by", "daily")
    out2 = actual(home, "--start-date", "2024-01-01T00:00:00Z", "--end-date", "2024-01-31T09:30:00+00:00",
                  "--pulumi-state", str(tmp_path / "state.json"), "--filter", "type=aws:ec2/*", "--output", "json")
    assert json.loads(out2.stdout)["total_cost"] == doc["total_cost"] == 2287.64


def write_state_with_silent(path: Path) -> Path:
    """The state plus an EKS cluster and a NAT gateway that the vendor has no cost rows for."""
    write_state(path)
    doc = json.loads(path.read_text())
    doc["deployment"]["resources"] += [
        resource("aws:eks/cluster:Cluster", "cluster", "prod-cluster",
                 {"arn": "arn:aws:eks:us-east-1:123456789012:cluster/prod-cluster", "tags": {"env": "prod"}}),
        resource("aws:ec2/natGateway:NatGateway", "nat", "nat-0abc",
                 {"arn": "arn:aws:ec2:us-east-1:123456789012:natgateway/nat-0abc", "tags": {"env": "prod"}}),
    ]
    path.write_text(json.dumps(doc))
    return path


def test_resources_without_records_are_no_data_and_partial(home, tmp_path):
    """The vantage plugin answers OK with no rows for the cluster and the NAT gateway: they are not
    $0, they are listed under `no_data` and the result is partial (exit 4)."""
    state = write_state_with_silent(tmp_path / "state.json")
    out = actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--pulumi-state", str(state),
                 "--output", "json", "--filter", "provider=aws")
    assert out.returncode == 4, out.stderr
    doc = json.loads(out.stdout)
    assert doc["partial"] is True and doc["no_data"] == ["cluster", "nat"] and doc["failures"] == []
    assert doc["total_cost"] == 2290.14  # web and logs only
    text = actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--pulumi-state", str(state),
                  "--filter", "provider=aws")
    assert text.returncode == 4
    assert "PARTIAL: the total covers 2 of 4 resources" in text.stdout
    assert "no data: 2 resources (cluster, nat): no plugin has actual costs for them" in text.stdout


def test_compare_projected_lists_resources_without_data(home, tmp_path):
    state = write_state_with_silent(tmp_path / "state.json")
    out = actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--pulumi-state", str(state),
                 "--output", "json", "--filter", "provider=aws", "--compare-projected")
    assert out.returncode == 4, out.stderr
    rows = {v["resource"]: v for v in json.loads(out.stdout)["variance"]}
    assert set(rows) == {"web", "logs", "cluster", "nat"}
    for name in ("cluster", "nat"):
        assert rows[name]["actual_monthly"] is None and rows[name]["variance"] is None
        assert "no data" in rows[name]["reason"]
    assert rows["web"]["actual_monthly"] == 2287.64
    text = actual(home, "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--pulumi-state", str(state),
                  "--filter", "provider=aws", "--compare-projected")
    assert sum("no data" in line and ("cluster" in line or "nat" in line) for line in text.stdout.splitlines()) >= 2


def _actual_env(home: PluginRoot, env: dict, *args: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("VANTAGE_")}
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.actual", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**base, **env, "PULUMICOST_HOME": str(home.path)}, timeout=120)


def test_an_exported_token_reaches_the_plugin_that_declares_it(home, tmp_path, vantage):
    """config.yaml names only the endpoint; the token is exported, as the plugin's message asks."""
    home.configure("vantage", {"VANTAGE_API_URL": vantage.url})
    state = write_state(tmp_path / "state.json")
    out = _actual_env(home, {"VANTAGE_API_TOKEN": TOKEN}, "--start-date", "2024-01-01", "--end-date", "2024-01-31",
                      "--pulumi-state", str(state), "--filter", "provider=aws", "--output", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["total_cost"] == 2290.14
    assert {r["auth"] for r in vantage.requests} == {f"Bearer {TOKEN}"}


def test_a_missing_token_is_said_once_per_run(home, tmp_path, vantage):
    home.configure("vantage", {"VANTAGE_API_URL": vantage.url})
    state = write_state_with_silent(tmp_path / "state.json")  # four aws resources to ask about
    out = _actual_env(home, {}, "--start-date", "2024-01-01", "--end-date", "2024-01-31",
                      "--pulumi-state", str(state), "--filter", "provider=aws")
    assert out.returncode == 3 and "Traceback" not in out.stderr
    said = [line for line in out.stderr.splitlines() if "VANTAGE_API_TOKEN" in line]
    assert len(said) == 1, out.stderr
    assert "is not set: export VANTAGE_API_TOKEN=..." in said[0] and "plugins.vantage.env.VANTAGE_API_TOKEN" in said[0]
    assert vantage.requests == []  # the plugin was not started to fail every resource
