"""Bad files get one line naming the file and what was expected, exit code 2, never a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plugin_root import ROOT

GOOD_PLAN = ROOT / "examples" / "ten-t3-micro.json"


def run(module: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120)


def one_line_error(out: subprocess.CompletedProcess, *needles: str) -> str:
    assert out.returncode == 2, (out.returncode, out.stderr)
    lines = [l for l in out.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), out.stderr
    assert "Traceback" not in out.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, what the message must say)."""
    files = {}
    text = GOOD_PLAN.read_text()
    (tmp / "truncated.json").write_text(text[: len(text) // 2])
    files["truncated"] = (tmp / "truncated.json", "not valid JSON (line")
    (tmp / "notjson.json").write_text("this is not json\n")
    files["non-JSON"] = (tmp / "notjson.json", "not valid JSON")
    (tmp / "empty.json").write_text("")
    files["empty"] = (tmp / "empty.json", "the file is empty")
    big = tmp / "huge.json"
    with big.open("wb") as fh:
        fh.truncate(200_000_000)  # sparse: 200 MB by size, nothing written
    files["200 MB"] = (big, "200 MB is more than the 128 MB")
    return files


@pytest.mark.parametrize("case", ["truncated", "non-JSON", "empty", "200 MB"])
def test_offline_run_bad_plan(tmp_path, case):
    path, says = bad_files(tmp_path)[case]
    one_line_error(run("pulumicost_policy.projected", "--pulumi-json", str(path)), str(path), says)


@pytest.mark.parametrize("case", ["truncated", "non-JSON", "empty", "200 MB"])
def test_actual_bad_state(tmp_path, case):
    path, says = bad_files(tmp_path)[case]
    one_line_error(run("pulumicost_policy.actual", "--start-date", "2024-01-01", "--end-date", "2024-01-31",
                       "--pulumi-state", str(path)), str(path), says)


def test_wrong_formats_are_named(tmp_path):
    tf = tmp_path / "tfplan.json"
    tf.write_text(json.dumps({"format_version": "1.2", "resource_changes": [], "planned_values": {}}))
    one_line_error(run("pulumicost_policy.projected", "--pulumi-json", str(tf)), "this is a Terraform plan")
    one_line_error(run("pulumicost_policy.projected", "--pulumi-state", str(GOOD_PLAN)),
                   "this is a `pulumi preview --json` digest; pass it with --pulumi-json")
    one_line_error(run("pulumicost_policy.actual", "--start-date", "2024-01-01", "--end-date", "2024-01-31",
                       "--pulumi-state", str(tf)), "expected a `pulumi stack export` file")


def test_bad_yaml_names_file_and_line(tmp_path):
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "bad.yaml").write_text("schema: pulumicost.pricebook/v1\nspecs:\n  - {provider: aws, sku: [\n")
    one_line_error(run("pulumicost_policy.projected", "--pulumi-json", str(GOOD_PLAN), "--specs", str(specs)),
                   str(specs / "bad.yaml") + " line ", "not valid YAML")
    usage = tmp_path / "usage.yaml"
    usage.write_text("version: 1\nresource_usage:\n  web: {storage_gb: 10\n")
    one_line_error(run("pulumicost_policy.projected", "--pulumi-json", str(GOOD_PLAN), "--usage", str(usage)),
                   str(usage) + " line ", "not valid YAML")
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.yaml").write_text("plugins:\n  vantage: {env: {K: v}\n")
    one_line_error(run("pulumicost_policy.plugins", "--root", str(home), "validate"),
                   str(home / "config.yaml") + " line ", "not valid YAML")
    # The same broken config.yaml never stops a run: the run says so and goes on with defaults.
    out = run("pulumicost_policy.projected", "--pulumi-json", str(GOOD_PLAN), env={"PULUMICOST_HOME": str(home)})
    assert out.returncode == 0 and "$75.92" in out.stdout
    assert f"{home / 'config.yaml'} line " in out.stderr and "plugins run with default settings" in out.stderr
