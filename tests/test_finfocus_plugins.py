"""A released finfocus plugin, found and used the way it ships: a stand-in for the published
aws-public (tests/plugins/finfocus_standin, serving only finfocus.v1) installed as
`~/.finfocus/plugins/aws-public/0.1.8/finfocus-plugin-aws-public-us-east-1` with no manifest."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pulumicost_policy.testing.harness import EnginePack
from pulumicost_policy.plugins.wire import says_free, says_no_price
from pulumicost_policy.pricing.estimate import HOURS_PER_MONTH
from pulumicost_policy.pricing.pricebook import DEFAULT_SPECS_DIR, PriceBook

ROOT = Path(__file__).resolve().parent.parent
STANDIN = Path(__file__).resolve().parent / "plugins" / "finfocus_standin" / "plugin.py"
EXAMPLES = ROOT / "examples"
EC2 = "aws:ec2/instance:Instance"
BOOK = PriceBook.load(DEFAULT_SPECS_DIR)
T3_MONTH = BOOK.get("aws", "ec2:Instance", "t3.micro", "us-east-1").rate_per_unit * HOURS_PER_MONTH


def install_standin(home: Path, region: str = "us-east-1") -> Path:
    """The release layout: no manifest, region in the binary's name (one binary per region)."""
    directory = home / ".finfocus" / "plugins" / "aws-public" / "0.1.8"
    directory.mkdir(parents=True, exist_ok=True)
    return standin_binary(directory, region)


def standin_binary(directory: Path, region: str = "us-east-1") -> Path:
    binary = directory / f"finfocus-plugin-aws-public-{region}"
    binary.write_text(f'#!/bin/sh\nSTANDIN_REGION={region} PYTHONPATH="{ROOT}" exec "{sys.executable}" "{STANDIN}" "$@"\n')
    binary.chmod(0o755)
    return binary


@pytest.fixture
def env(tmp_path):
    home = tmp_path / "home"
    install_standin(home)
    log = tmp_path / "standin.log"
    base = {k: v for k, v in os.environ.items() if k not in ("FINFOCUS_HOME", "PULUMI_HOME", "PULUMICOST_NO_CACHE")}
    # A plugin gets a minimal environment: the stand-in's settings are passed on by config.yaml.
    ours = tmp_path / "pulumicost"
    ours.mkdir()
    (ours / "config.yaml").write_text("plugins:\n  aws-public:\n    inherit_env: [STANDIN_LOG, STANDIN_MODE, "
                                      "STANDIN_PAGE_SIZE]\n")
    return {**base, "HOME": str(home), "PULUMICOST_HOME": str(ours), "STANDIN_LOG": str(log)}


def calls(env, kind: str = "projected") -> list[str]:
    path = Path(env["STANDIN_LOG"])
    return [l for l in path.read_text().splitlines() if l.startswith(kind)] if path.exists() else []


def offline(env, plan: Path, *extra: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan),
                          "--output", "json", *extra], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_offline_run_prices_ten_t3_micro_through_released_finfocus_plugin(env):
    report = offline(env, EXAMPLES / "ten-t3-micro.json")
    instances = [r for r in report["resources"] if r["type"] == EC2]
    assert len(instances) == 10
    assert all(r["source"] == "plugin aws-public 0.1.8" for r in instances)
    assert report["totals"]["monthly"] == pytest.approx(10 * T3_MONTH)
    assert round(report["totals"]["monthly"], 2) == 75.92
    # What it was asked: the real descriptor (type token, sku, region, URN as id).
    asked = calls(env)
    assert asked and all(c.startswith(f"projected {EC2} t3.micro us-east-1 id=urn:pulumi:") for c in asked)


def test_pack_prices_ten_t3_micro_through_released_finfocus_plugin(env):
    pack = EnginePack(env=env)
    try:
        pack.configure()
        resources = [{"type": EC2, "name": f"web-{i}", "props": {"instanceType": "t3.micro"},
                      "provider": {"region": "us-east-1"}} for i in range(10)]
        [estimate] = [d for d in pack.analyze(EC2, "web-0", resources[0]["props"], provider={"region": "us-east-1"})
                      if d.policy == "cost-estimate"]
        assert "source: plugin aws-public 0.1.8" in estimate.message
        [summary] = [d.message for d in pack.analyze_stack(resources) if d.policy == "stack-cost-summary"]
    finally:
        pack.close()
    assert f"${10 * T3_MONTH:,.2f}" in summary and "$75.92" in summary


def test_not_supported_zero_is_not_a_price(env, tmp_path):
    """An EBS volume: the stand-in answers OK $0 "not supported"; the price book prices it instead."""
    doc = json.loads((EXAMPLES / "ten-t3-micro.json").read_text())
    step = json.loads(json.dumps(doc["steps"][2]))
    step["urn"] = step["urn"].replace(EC2, "aws:ebs/volume:Volume").rsplit("::", 1)[0] + "::data"
    step["newState"]["type"] = "aws:ebs/volume:Volume"
    step["newState"]["urn"] = step["urn"]
    step["newState"]["inputs"] = {"size": 100, "type": "gp3", "availabilityZone": "us-east-1a"}
    doc["steps"] = doc["steps"][:2] + [step]
    plan = tmp_path / "volume.json"
    plan.write_text(json.dumps(doc))
    [volume] = [r for r in offline(env, plan)["resources"] if r["type"] == "aws:ebs/volume:Volume"]
    assert any("aws:ebs/volume:Volume" in c for c in calls(env))  # it was asked, and said "not supported"
    assert volume["source"].startswith("specs") and volume["monthly"] > 0
    expected = BOOK.get("aws", "ebs:Volume", "gp3", "us-east-1").rate_per_unit * 100
    assert volume["monthly"] == pytest.approx(expected)


@pytest.mark.parametrize("detail", ['Resource type "aws:ebs/volume:Volume" not supported for cost estimation',
                                    "no pricing data found for region"])
def test_not_supported_wordings(detail):
    assert says_no_price(detail) and not says_free(detail)


def test_free_wording():
    assert says_free("vpc has no direct AWS charges") and not says_no_price("vpc has no direct AWS charges")


def test_second_run_uses_the_answer_cache_and_concurrent_runs_share_it(env):
    plan = EXAMPLES / "ten-t3-micro.json"
    with ThreadPoolExecutor(max_workers=3) as pool:  # three previews at once on an empty cache
        reports = list(pool.map(lambda _: offline(env, plan), range(3)))
    assert all(r["totals"]["monthly"] == pytest.approx(10 * T3_MONTH) for r in reports)
    first = len(calls(env))
    assert 1 <= first <= 3  # identical descriptors are asked once per run
    again = offline(env, plan)
    assert again["totals"]["monthly"] == pytest.approx(10 * T3_MONTH)
    assert len(calls(env)) == first  # no plugin call: every answer came from the cache
    assert offline(env, plan, "--no-cache")["totals"]["monthly"] == pytest.approx(10 * T3_MONTH)
    assert len(calls(env)) == first + 1
    cache = Path(env["PULUMICOST_HOME"]) / "cache" / "answers.sqlite"
    assert cache.exists() and b"t3.micro" not in cache.read_bytes()  # keys are hashes, no descriptor text


def test_corrupt_cache_is_rebuilt_with_a_note(env):
    cache = Path(env["PULUMICOST_HOME"]) / "cache" / "answers.sqlite"
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"this is not a database" * 100)
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json",
                          str(EXAMPLES / "ten-t3-micro.json")], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and "$75.92" in out.stdout
    assert "answer cache" in out.stderr and "rebuilt" in out.stderr


def _state(path: Path, instances: dict[str, dict]) -> Path:
    resources = [{"urn": "urn:pulumi:prod::shop::pulumi:providers:aws::default", "custom": True,
                  "type": "pulumi:providers:aws", "id": "prov-id", "inputs": {"region": "us-east-1"}}]
    for name, props in instances.items():
        arn = f"arn:aws:ec2:us-east-1:123456789012:instance/i-{name}"
        resources.append({"urn": f"urn:pulumi:prod::shop::{EC2}::{name}", "custom": True, "type": EC2,
                          "id": f"i-{name}", "inputs": {**props, "arn": arn}, "outputs": {**props, "arn": arn},
                          "provider": "urn:pulumi:prod::shop::pulumi:providers:aws::default::prov-id"})
    path.write_text(json.dumps({"version": 3, "deployment": {"manifest": {}, "resources": resources}}))
    return path


def actual(env, state: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.actual", "--start-date", "2024-01-01",
                           "--end-date", "2024-01-31", "--pulumi-state", str(state), "--output", "json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_actual_sends_sku_and_region_tags_and_follows_pages(env, tmp_path):
    out = actual(env, _state(tmp_path / "state.json", {"web": {"instanceType": "t3.micro", "tags": {"env": "prod"}}}))
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["total_cost"] == pytest.approx(31 * 1.25) and doc["partial"] is False  # 11 pages of 3 days
    asked = calls(env, "actual")
    assert len(asked) == 11 and "('sku', 't3.micro')" in asked[0] and "('region', 'us-east-1')" in asked[0]
    assert "('env', 'prod')" in asked[0]


def test_actual_asks_only_the_binary_for_the_resources_region(env, tmp_path):
    install_standin(Path(env["HOME"]), "eu-west-1")
    out = actual(env, _state(tmp_path / "state.json", {"web": {"instanceType": "t3.micro"}}))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["partial"] is False and "FAILED_PRECONDITION" not in out.stderr
    asked = calls(env, "actual")
    assert asked and all(c.endswith("served-by=us-east-1") for c in asked)


def test_actual_shows_the_plugins_refusal_reason(env, tmp_path):
    """No instanceType: no sku to send, the plugin refuses, and the user sees why."""
    out = actual(env, _state(tmp_path / "state.json", {"web": {"tags": {"env": "prod"}}}))
    assert out.returncode != 0
    assert "INVALID_ARGUMENT" in out.stderr and "sku tag is required when an ARN is given" in out.stderr


def _conformance(binary: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "conformance", str(binary)], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=120)


def test_conformance_runs_over_finfocus_v1_and_fails_a_plugin_that_answers_nothing(tmp_path):
    binary = install_standin(tmp_path / "home")
    good = _conformance(binary)
    assert "PASS  serves finfocus.v1.CostSourceService" in good.stdout
    assert "PASS  Name answers a non-empty name" in good.stdout
    assert "PASS  startup: FINFOCUS_PLUGIN_PORT is used without --port" in good.stdout
    empty = _conformance(binary, STANDIN_MODE="nameonly")
    assert empty.returncode != 0
    assert "FAIL  answers at least one of GetProjectedCost, GetActualCost, GetPricingSpec" in empty.stdout


def _release_dir(tmp_path: Path, region: str = "us-east-1") -> Path:
    source = tmp_path / f"release-{region}"
    source.mkdir()
    standin_binary(source, region)
    return source


def _install_cli(source: Path, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "install", str(source)], cwd=ROOT,
                          env={**os.environ, "PULUMICOST_HOME": str(root)}, capture_output=True, text=True, timeout=60)


def test_install_released_archive_and_refuse_path_traversal(tmp_path):
    import tarfile
    source = _release_dir(tmp_path)
    archive = tmp_path / "finfocus-plugin-aws-public_0.1.8_linux_amd64.tar.gz"
    with tarfile.open(archive, "w:gz") as tf:
        tf.add(source / "finfocus-plugin-aws-public-us-east-1", arcname="finfocus-plugin-aws-public-us-east-1")
    out = _install_cli(archive, tmp_path / "root")
    assert out.returncode == 0, out.stderr
    installed = tmp_path / "root" / "plugins" / "aws-public" / "0.1.8" / "finfocus-plugin-aws-public-us-east-1"
    assert installed.exists()
    from pulumicost_policy.plugins.discovery import discover
    [spec], _ = discover(tmp_path / "root")
    assert (spec.name, spec.version, spec.region) == ("aws-public", "0.1.8", "us-east-1")

    evil = tmp_path / "finfocus-plugin-evil_1.0.0_linux_amd64.tar.gz"
    with tarfile.open(evil, "w:gz") as tf:
        tf.add(source / "finfocus-plugin-aws-public-us-east-1", arcname="../../escaped")
    out = _install_cli(evil, tmp_path / "root2")
    assert out.returncode == 2 and "points outside the archive; refused" in out.stderr
    assert not (tmp_path / "escaped").exists()


def test_install_released_directory_with_metadata(tmp_path):
    source = _release_dir(tmp_path)
    (source / "plugin.metadata.json").write_text(json.dumps({"version": "0.1.8", "region": "us-east-1"}))
    out = _install_cli(source, tmp_path / "root")
    assert out.returncode == 0, out.stderr
    assert "installed aws-public 0.1.8" in out.stdout


def test_plugins_list_shows_released_finfocus_plugins_too(env):
    """The host uses ~/.finfocus plugins; `plugins list` shows them (it used to look only under
    $PULUMICOST_HOME), and --root narrows it to one root."""
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "list"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "aws-public" in out.stdout and "0.1.8" in out.stdout and ".finfocus" in out.stdout
    only = subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "--root", env["PULUMICOST_HOME"], "list"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert "aws-public" not in only.stdout


def test_one_binary_per_region_each_prices_its_own_region(env, tmp_path):
    """aws-public ships one binary per region in one version directory: each is a plugin of its
    own, asked only about its region (a binary asked about another region would refuse)."""
    install_standin(Path(env["HOME"]), "eu-west-1")
    pack = EnginePack(env=env)
    try:
        pack.configure()
        messages = {region: [d.message for d in pack.analyze(EC2, f"web-{region}", {"instanceType": "t3.micro"},
                                                              provider={"region": region})
                             if d.policy == "cost-estimate"][0]
                    for region in ("us-east-1", "eu-west-1")}
        [summary] = [d.message for d in pack.analyze_stack([]) if d.policy == "stack-cost-summary"]
    finally:
        pack.close()
    for region, message in messages.items():
        month = BOOK.get("aws", "ec2:Instance", "t3.micro", region).rate_per_unit * HOURS_PER_MONTH
        assert f"${month:,.2f}" in message and "source: plugin aws-public 0.1.8" in message, message
    served = {(c.split()[3], c.rsplit("served-by=", 1)[1]) for c in calls(env)}
    assert served == {("us-east-1", "us-east-1"), ("eu-west-1", "eu-west-1")}
    assert "FAILED_PRECONDITION" not in summary and "serves" not in summary


def test_installing_a_second_region_keeps_the_first(tmp_path):
    root = tmp_path / "root"
    for region in ("us-east-1", "eu-west-1"):
        source = _release_dir(tmp_path, region)
        (source / "plugin.metadata.json").write_text(json.dumps({"version": "0.1.8"}))
        out = _install_cli(source, root)
        assert out.returncode == 0 and f"installed aws-public 0.1.8 for {region}" in out.stdout, out.stderr
    from pulumicost_policy.plugins.discovery import discover
    specs, warnings = discover(root)
    assert sorted(s.region for s in specs) == ["eu-west-1", "us-east-1"] and not warnings
    listed = subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "--root", str(root), "list"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "in eu-west-1" in listed.stdout and "in us-east-1" in listed.stdout
