"""Issue #23 items 14 and 15: the PR comment never pings anyone a name mentions, never carries
markup from a `--compare-to` report, and holds GitHub's 65,536-character cap for any input; the
infracost-json output writes null, never "Infinity", for an amount that is not finite."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pulumicost_policy.pricing.estimate import PRICED, ComponentCost, CostEstimate
from pulumicost_policy.reporting.document import Projection, Row
from pulumicost_policy.reporting.infracost import to_infracost
from pulumicost_policy.reporting.markdown import COMMENT_LIMIT, fit, to_markdown

ROOT = Path(__file__).resolve().parents[2]
EC2 = "aws:ec2/instance:Instance"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def state(tmp_path: Path, names: list[str], stack: str = "dev", project: str = "p") -> Path:
    resources = [{"urn": f"urn:pulumi:{stack}::{project}::{EC2}::{name}", "type": EC2, "custom": True,
                  "inputs": {"instanceType": "t3.micro", "region": "us-east-1"}} for name in names]
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 3, "deployment": {"resources": resources}}))
    return path


def test_item14_mentions_in_names_and_stack_never_ping(tmp_path):
    out = run("--pulumi-state", str(state(tmp_path, ["@org/team", "web-@someone"])), "--stack", "@org/admins",
              "--output", "markdown")
    assert out.returncode == 0, out.stderr
    assert "@org/team" not in out.stdout and "@someone" not in out.stdout and "@org/admins" not in out.stdout
    assert "@\u200borg/team" in out.stdout and "@\u200borg/admins" in out.stdout   # still readable


def test_item14_currency_from_a_compare_to_report_is_refused_and_never_written_raw(tmp_path):
    path = state(tmp_path, ["web"])
    report = json.loads(run("--pulumi-state", str(path), "--output", "json").stdout)
    for row in report["resources"]:
        row["currency"] = "<img src=x onerror=alert(1)></details>"
    old = tmp_path / "old.json"
    old.write_text(json.dumps(report))
    out = run("--pulumi-state", str(path), "--compare-to", str(old), "--output", "markdown")
    assert out.returncode == 2 and str(old) in out.stderr and "currency" in out.stderr
    assert "<img" not in out.stdout
    # Rendered directly (any other way such a currency could arrive), it is text, not markup.
    bad = CostEstimate(f"urn:pulumi:dev::p::{EC2}::web", "web", EC2, PRICED, 5.0, "<img onerror=x>")
    text = to_markdown(Projection([Row("same", bad, bad)], [], compared=True), [])
    assert "<img" not in text and "onerror" not in text and "XXX" in text


def test_item14_the_cap_holds_for_any_input(tmp_path):
    long = "n" * 100_000
    names = [f"{long}-{i}" for i in range(30)]
    stack = "s" * 50_000
    path = state(tmp_path, names, stack=stack, project="p" * 50_000)
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"resource-cost-limit": {"enforcementLevel": "advisory", "maxMonthlyCost": 1}}))
    out = run("--pulumi-state", str(path), "--output", "markdown", "--policy-pack-config", str(config))
    assert out.returncode == 0, out.stderr[-500:]
    assert len(out.stdout) <= COMMENT_LIMIT
    assert "**Monthly cost: $" in out.stdout
    # The last guard on its own: any text is cut on a line, sections closed, with a note.
    cut = fit("<details><summary>x</summary>\n" + ("y" * 1000 + "\n") * 100, 5000)
    assert len(cut) <= 5000 and cut.count("<details>") == cut.count("</details>") and "cut to GitHub" in cut


def test_item15_infracost_json_writes_null_for_amounts_that_are_not_finite():
    comp = ComponentCost("Instance usage", 1e300, "hour", "USD", 1.0, 1.5e308)
    rows = [Row("create", CostEstimate(f"urn:pulumi:dev::p::{EC2}::w{i}", f"w{i}", EC2, PRICED, 1.5e308, "USD",
                                       "specs 2025-04-04", components=(comp,)))
            for i in range(2)]   # each finite; their sum overflows
    projection = Projection(rows, [], compared=True)
    doc = to_infracost(projection, "p", "plan.json", "pulumi_preview_json")
    text = json.dumps(doc, allow_nan=False)
    assert "Infinity" not in text
    assert doc["totalMonthlyCost"] is None and doc["diffTotalMonthlyCost"] is None
    # Each resource's own (finite) amount is still written, exactly as a decimal.
    assert float(doc["projects"][0]["breakdown"]["resources"][0]["monthlyCost"]) == 1.5e308
