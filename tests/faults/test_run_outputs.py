"""Issue #23 items 17 and 18, the offline run's options and outputs: `--mandatory-exit-code` is an
exit status that reads as failure (1-255); an unwritable `--report` exits 2 as `--out-file` does; an
earlier report listing a URN twice is refused as a state is; `--out-file` and `--report` leave no
partial file when the run is stopped by SIGHUP or SIGQUIT; a 300-digit cost leaves the table readable."""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pulumicost_policy.pricing.pricebook import DEFAULT_SPECS_DIR, PriceBook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
MIXED = EXAMPLES / "mixed.json"


def offline(*args: object, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


def over_budget(tmp_path: Path) -> list[object]:
    """Arguments for a run that violates a mandatory budget (a $1 budget for the mixed example)."""
    config = tmp_path / "policy.json"
    config.write_text(json.dumps({"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 1}}))
    return ["--pulumi-json", MIXED, "--usage", EXAMPLES / "usage.yaml", "--policy-pack-config", config]


@pytest.mark.parametrize("code", ["256", "512", "-256", "0", "-1", "1000", "seven"])
def test_mandatory_exit_code_outside_1_to_255_is_a_usage_error(tmp_path, code):
    out = offline(*over_budget(tmp_path), f"--mandatory-exit-code={code}")
    assert out.returncode == 2 and out.stdout == ""
    assert f"argument --mandatory-exit-code: {code!r} is not an exit code from 1 to 255" in out.stderr


@pytest.mark.parametrize("code", [1, 7, 255])
def test_mandatory_exit_code_in_range_is_the_exit_status_of_a_violation(tmp_path, code):
    out = offline(*over_budget(tmp_path), "--mandatory-exit-code", code)
    assert out.returncode == code, out.stderr
    assert "- [mandatory]  stack-budget" in out.stdout


def test_unwritable_report_exits_2_like_out_file(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = offline("--pulumi-json", MIXED, "--report", blocker / "report.json")
    assert out.returncode == 2
    assert f"error: report not written: {blocker / 'report.json'}: Not a directory" in out.stderr
    assert "Projected monthly cost" in out.stdout  # the output asked for is still shown
    out = offline("--pulumi-json", MIXED, "--out-file", blocker / "out.txt")
    assert out.returncode == 2  # as it always did
    # a violated mandatory policy does not hide the missing report: still 2, not 1
    out = offline(*over_budget(tmp_path), "--report", blocker / "report.json")
    assert out.returncode == 2 and "report not written" in out.stderr


def test_compare_to_report_listing_a_urn_twice_is_refused(tmp_path):
    report = tmp_path / "old.json"
    out = offline("--pulumi-json", MIXED, "--usage", EXAMPLES / "usage.yaml", "--report", report)
    assert out.returncode == 0, out.stderr
    assert offline("--pulumi-json", MIXED, "--compare-to", report).returncode == 0
    doc = json.loads(report.read_text())
    doc["resources"].append(dict(doc["resources"][0]))
    report.write_text(json.dumps(doc))
    urn = doc["resources"][0]["urn"]
    out = offline("--pulumi-json", MIXED, "--compare-to", report)
    assert out.returncode == 2 and out.stdout == ""
    assert f"error: {report}: resource {urn} appears twice in resources; a report lists each URN once" in out.stderr


SLOW_RUN = """
import os, sys, time
sys.path.insert(0, {root!r})
from pulumicost_policy.reporting import write as report_file
def slow_fsync(fd):
    print("writing", file=sys.stderr, flush=True)
    time.sleep(60)
report_file.os.fsync = slow_fsync
from pulumicost_policy.projected.__main__ import main
main(["--pulumi-json", {plan!r}, "--output", "json", {flag!r}, {target!r}])
"""


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGQUIT, signal.SIGTERM], ids=lambda s: s.name)
@pytest.mark.parametrize("flag", ["--out-file", "--report"])
def test_stopped_mid_write_leaves_no_partial_file(tmp_path, sig, flag):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    script = textwrap.dedent(SLOW_RUN.format(root=str(ROOT), plan=str(MIXED), flag=flag,
                                             target=str(out_dir / "report.json")))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, cwd=tmp_path,
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)))
    try:
        assert "writing\n" in iter(proc.stderr.readline, "")
        assert [p.name for p in out_dir.iterdir()][0].startswith(".report.json.")  # the temp file is there
        proc.send_signal(sig)
        assert proc.wait(timeout=20) == -sig  # still dies of the signal, as before
    finally:
        proc.kill()
        proc.wait()
    assert list(out_dir.iterdir()) == []


def test_a_300_digit_cost_leaves_the_other_columns_readable(tmp_path):
    usage = tmp_path / "usage.yaml"
    usage.write_text("resource_usage:\n  assets: {storage_gb: 1.0e+300}\n")
    rate = PriceBook.load(DEFAULT_SPECS_DIR).get("aws", "s3:Bucket", "standard-storage", "us-east-1").rate_per_unit
    out = offline("--pulumi-json", MIXED, "--usage", usage, "--report", tmp_path / "report.json",
                  env={"COLUMNS": "120"})
    assert out.returncode == 0, out.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    [assets] = [r for r in report["resources"] if r["name"] == "assets"]
    assert assets["monthly"] == pytest.approx(rate * 1e300)  # the figure itself is kept whole in JSON
    shown = f"${rate * 1e300:.2e}"
    lines = out.stdout.splitlines()
    table = lines[:lines.index(next(l for l in lines if "with no direct cost" in l))]
    assert max(len(line) for line in table) <= 120
    for row in report["resources"]:
        if row["status"] == "free":
            continue
        [line] = [l for l in table if l.split("  ")[0] == row["name"]]  # the name in one piece, on one line
    [line] = [l for l in table if l.startswith("assets  ")]
    assert line.endswith(f" {shown}  +{shown}")   # Monthly and Change whole, right-aligned
    assert f"Projected monthly cost: {shown} USD" in out.stdout
