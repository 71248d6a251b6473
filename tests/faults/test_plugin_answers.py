"""Issue #14 items in the plugin path: secrets never reach a plugin (3), identical components are
asked once (25), $0 without "free" is not a price but a note (#15), and `actual` refuses NaN and
out-of-range records (22), pages and takes big answers (20) and shows refusals (24)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.testing.harness import EnginePack, secret
from plugin_root import ROOT, PluginRoot

EC2 = "aws:ec2/instance:Instance"
RDS = "aws:rds/instance:Instance"
US_EAST = {"region": "us-east-1"}
ACTUAL_PLUGIN = Path(__file__).resolve().parent.parent / "plugins" / "actual_scripted" / "plugin.py"


def _pack_estimates(root: PluginRoot, resources: list[tuple[str, str, dict]]):
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure()
        per = {}
        for type_token, name, props in resources:
            [d] = [d for d in pack.analyze(type_token, name, props, provider=US_EAST) if d.policy == "cost-estimate"]
            per[name] = d.message
        stack = pack.analyze_stack([{"type": t, "name": n, "props": p, "provider": US_EAST} for t, n, p in resources])
        [summary] = [d.message for d in stack if d.policy == "stack-cost-summary"]
        return per, summary
    finally:
        pack.close()


def test_secret_property_values_never_reach_a_plugin(root, tmp_path):
    """The engine hands secrets to Analyze as plain values: neither as SKU, component SKU nor tag."""
    log = tmp_path / "calls.log"
    root.install_scripted("counter", "ok", log=log)
    _pack_estimates(root, [
        (EC2, "web", {"instanceType": "t3.micro", "userData": secret("hunter2-SECRET"),
                      "tags": {"owner": secret("hunter2-SECRET-tag")}, "rootBlockDevice": {"volumeSize": 8}}),
        (EC2, "box", {"instanceType": secret("hunter2-SECRET-type")}),
        (RDS, "db", {"instanceClass": "db.t3.micro", "engine": "mysql", "allocatedStorage": 20,
                     "storageType": secret("hunter2-SECRET-storage")}),
    ])
    sent = log.read_text() if log.exists() else ""
    assert sent, "the plugin should still have been asked about the non-secret parts"
    assert "hunter2" not in sent


def test_identical_components_are_asked_once(root, tmp_path):
    log = tmp_path / "calls.log"
    root.install_scripted("counter", "ok", log=log)
    devices = [{"volumeSize": 8, "volumeType": "gp3"} for _ in range(2000)]
    per, _ = _pack_estimates(root, [(EC2, "big", {"instanceType": "t3.micro", "ebsBlockDevices": devices})])
    assert "source: plugin counter 1.0.0" in per["big"]
    assert len(log.read_text().splitlines()) == 2  # the instance type and the gp3 volume, once each


def test_bare_zero_is_not_a_price_and_is_noted(root, tmp_path):
    root.install_scripted("zero", "zero")
    per, summary = _pack_estimates(root, [(EC2, "web", {"instanceType": "t3.micro"})])
    assert "source: specs" in per["web"] and "$7.59" in per["web"]
    assert "Cost sources:" in summary and "at exactly $0 without saying it is free" in summary


# --- actual -----------------------------------------------------------------------------------

def _install_actual(root: PluginRoot, mode: str, tmp_path: Path) -> None:
    source = tmp_path / f"src-{mode}"
    source.mkdir()
    (source / "plugin.py").write_text(ACTUAL_PLUGIN.read_text())
    launcher = source / "pulumicost-plugin-acts"
    launcher.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" "$(dirname "$0")/plugin.py" "$@"\n')
    launcher.chmod(0o755)
    (source / "plugin.manifest.json").write_text(json.dumps({"name": "acts", "version": "1.0.0",
                                                             "providers": ["aws"]}))
    from pulumicost_policy.plugins.install import install
    install(source, root.path)
    root.configure("acts", {"ACTS_MODE": mode})


def _actual(root: PluginRoot, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.actual", "--start-date", "2024-01-01",
                           "--end-date", "2024-01-31", "--output", "json", *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PULUMICOST_HOME": str(root.path)}, timeout=180)


def test_nan_and_out_of_range_records_are_refused_and_listed(root, tmp_path):
    _install_actual(root, "bad-records", tmp_path)
    out = _actual(root)
    doc = json.loads(out.stdout)
    assert doc["partial"] is True and doc["total_cost"] == pytest.approx(31 * 2.0)
    errors = " ".join(f["error"] for f in doc["failures"])
    assert "non-finite cost" in errors and "outside 2024-01-01 to 2024-01-31" in errors


def test_whole_scope_answer_over_4_mb_and_pages(root, tmp_path):
    _install_actual(root, "big", tmp_path)
    out = _actual(root)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["total_cost"] == pytest.approx(2 * 120_000 * 0.01)  # two pages of 120,000 rows


def test_refusal_reason_is_shown(root, tmp_path):
    _install_actual(root, "refuse", tmp_path)
    out = _actual(root)
    assert out.returncode == 3
    assert "FAILED_PRECONDITION" in out.stderr and "set ACTS_TOKEN in the plugin's environment" in out.stderr
