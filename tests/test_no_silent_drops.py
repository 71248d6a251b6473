"""Issue #22 item 6, no silent drops in the offline run: PULUMICOST_USAGE_FILE is read (and --usage
wins over it, said on stderr), a usage entry that matches no resource is a warning with the closest
names, and --compare-to refuses another stack's file unless forced, and says what it replaces."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from seed_data import book_rate, mixed_example_monthly

ROOT = Path(__file__).resolve().parent.parent
MIXED = ROOT / "examples" / "mixed.json"
USAGE = ROOT / "examples" / "usage.yaml"


def run(*args, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "PULUMICOST_USAGE_FILE"}
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env={**base, **(env or {})})


def total(out: subprocess.CompletedProcess) -> float:
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["totals"]["monthly"]


def test_the_offline_run_reads_pulumicost_usage_file_and_says_so():
    out = run("--pulumi-json", MIXED, "--output", "json", env={"PULUMICOST_USAGE_FILE": str(USAGE)})
    assert total(out) == pytest.approx(sum(mixed_example_monthly().values()))  # the bucket's 100 GB counted
    assert f"note: usage file {USAGE} (from PULUMICOST_USAGE_FILE)" in out.stderr


def test_usage_flag_wins_over_the_environment(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("version: 1\nresource_usage:\n  assets: {storage_gb: 5000}\n")
    out = run("--pulumi-json", MIXED, "--output", "json", "--usage", USAGE, env={"PULUMICOST_USAGE_FILE": str(big)})
    assert total(out) == pytest.approx(sum(mixed_example_monthly().values()))
    assert f"usage file {USAGE} (from --usage); it wins over PULUMICOST_USAGE_FILE={big}" in out.stderr
    only_env = run("--pulumi-json", MIXED, "--output", "json", env={"PULUMICOST_USAGE_FILE": str(big)})
    storage = book_rate("aws", "s3:Bucket", "standard-storage", "us-east-1")
    assert total(only_env) == pytest.approx(sum(mixed_example_monthly(False).values()) + 5000 * storage)


def _renamed_bucket(tmp_path: Path) -> Path:
    """examples/mixed.json with the bucket named `countDown`."""
    text = MIXED.read_text().replace("aws:s3/bucket:Bucket::assets", "aws:s3/bucket:Bucket::countDown")
    plan = tmp_path / "plan.json"
    plan.write_text(text)
    return plan


def test_a_usage_entry_that_matches_nothing_warns_with_the_closest_names(tmp_path):
    usage = tmp_path / "usage.yaml"
    usage.write_text("version: 1\nresource_usage:\n"
                     "  countdown: {storage_gb: 100}\n"
                     "  \"urn:pulumi:prod::shop::aws:s3/bucket:Bucket::*\": {storage_gb: 100}\n"
                     "  aws:s3/bucket:Bucket: {storage_gb: 1}\n")
    out = run("--pulumi-json", _renamed_bucket(tmp_path), "--usage", usage, "--output", "json")
    assert out.returncode == 0, out.stderr
    warnings = [l for l in out.stderr.splitlines() if l.startswith("warning:") and "resource_usage" in l]
    assert len(warnings) == 2, out.stderr  # the type default applies, and would be no warning anyway
    assert (f"{usage} line 3: resource_usage['countdown'] matches no resource, so its quantities are not used; "
            f"did you mean countDown?") in warnings[0]
    assert "line 4" in warnings[1] and warnings[1].endswith("did you mean urn:pulumi:dev::shop::aws:s3/bucket:Bucket::countDown?")


def test_a_misspelt_usage_key_suggests_the_right_one(tmp_path):
    usage = tmp_path / "usage.yaml"
    usage.write_text("version: 1\nresource_usage:\n  assets: {storage_gbs: 100}\n")
    out = run("--pulumi-json", MIXED, "--usage", usage)
    assert out.returncode == 2 and "(did you mean storage_gb?)" in out.stderr


def _state(tmp_path: Path, stack: str, name: str) -> Path:
    """A `pulumi stack export` of examples/mixed.json's new states, as stack `stack`."""
    steps = json.loads(MIXED.read_text())["steps"]
    resources = json.loads(json.dumps([s["newState"] for s in steps]).replace("urn:pulumi:dev::", f"urn:pulumi:{stack}::"))
    path = tmp_path / name
    path.write_text(json.dumps({"version": 3, "deployment": {"manifest": {}, "resources": resources}}))
    return path


def test_compare_to_another_stack_is_refused_unless_forced(tmp_path):
    dev, prod = _state(tmp_path, "dev", "dev.json"), _state(tmp_path, "prod", "prod.json")
    out = run("--pulumi-state", dev, "--compare-to", prod)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert (f"error: --compare-to {prod}: not the same stack (it holds stack prod of project shop, the input stack "
            f"dev of project shop)") in out.stderr and "--force-compare" in out.stderr
    forced = run("--pulumi-state", dev, "--compare-to", prod, "--force-compare", "--output", "json")
    assert forced.returncode == 0, forced.stderr
    doc = json.loads(forced.stdout)
    # matched by type and name: every resource has its before (not 11 creates and 11 deletes)
    assert "create" not in {r["op"] for r in doc["resources"]} and doc["savings"]["totals"]["monthly"] == 0
    priced = [r for r in doc["resources"] if r["status"] == "priced"]
    assert len(priced) == 8 and all(r["op"] == "same" and r["past_monthly"] == r["monthly"] for r in priced)
    assert "compared by type and name (--force-compare)" in forced.stderr


def test_compare_to_with_a_plan_says_which_old_side_wins(tmp_path):
    dev = _state(tmp_path, "dev", "dev.json")
    out = run("--pulumi-json", MIXED, "--compare-to", dev, "--output", "json")
    assert out.returncode == 0, out.stderr
    assert f"note: --compare-to {dev} is the before side; the plan's own old state is not used" in out.stderr


def test_the_pack_warns_of_a_usage_entry_that_matches_nothing_in_the_stack(tmp_path):
    """As the offline run does: the stack summary names the entry and the closest resource."""
    from pulumicost_policy.testing.harness import EnginePack
    usage = tmp_path / "usage.yaml"
    usage.write_text("version: 1\nresource_usage:\n  countdown: {storage_gb: 100}\n")
    pack = EnginePack(env={"PULUMICOST_USAGE_FILE": str(usage)})
    try:
        pack.configure()
        diags = pack.analyze_stack([{"type": "aws:s3/bucket:Bucket", "name": "countDown", "props": {},
                                     "provider": {"region": "us-east-1"}}])
    finally:
        pack.close()
    [summary] = [d.message for d in diags if d.policy == "stack-cost-summary"]
    assert "resource_usage['countdown'] matches no resource" in summary and "did you mean countDown?" in summary
