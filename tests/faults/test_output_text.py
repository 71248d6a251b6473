"""Issue #14 item 16 and #16's terminal width: names are data (never rich markup, control
characters escaped) and a table fits the terminal without ever cutting a cost."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pulumicost_policy.money import money
from pulumicost_policy.pricing.estimate import HOURS_PER_MONTH
from pulumicost_policy.pricing.pricebook import PriceBook

ROOT = Path(__file__).resolve().parents[2]
EC2 = "aws:ec2/instance:Instance"
NAMES = ("logs[/var/log]", "web[prod]", "evil\x1b[31mred\x07", "a-very-long-resource-name-" + "x" * 60)


def state(tmp_path: Path) -> Path:
    resources = [{"urn": f"urn:pulumi:dev::p::{EC2}::{name}", "type": EC2, "custom": True,
                  "inputs": {"instanceType": "t3.micro", "region": "us-east-1"}} for name in NAMES]
    resources.append({"urn": "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", "type": "pulumi:pulumi:Stack",
                      "custom": False})
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 3, "deployment": {"resources": resources}}))
    return path


def run(tmp_path: Path, columns: str, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": columns}
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-state",
                           str(state(tmp_path)), *extra], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)


def test_item16_names_are_data_not_markup_and_escapes_never_reach_the_terminal(tmp_path):
    out = run(tmp_path, "400")
    assert out.returncode == 0, out.stderr
    assert "logs[/var/log]" in out.stdout and "web[prod]" in out.stdout
    assert "\x1b" not in out.stdout and "\x07" not in out.stdout and "\\x1b[31mred\\x07" in out.stdout


def test_80_columns_fit_and_costs_are_never_cut(tmp_path):
    out = run(tmp_path, "80")
    assert out.returncode == 0, out.stderr
    assert max(len(line) for line in out.stdout.splitlines()) <= 80
    rate = PriceBook.load().get("aws", "ec2:Instance", "t3.micro", "us-east-1").rate_per_unit
    # One currency: the header says it ("Monthly (USD)"), each cell is the whole amount, never cut.
    assert "Monthly (USD)" in out.stdout or "Monthly" in out.stdout and "(USD)" in out.stdout
    # A resource's line and its instance-hours component both end with the whole amount.
    cells = [line for line in out.stdout.splitlines() if line.endswith(f"  {money(rate * HOURS_PER_MONTH)}")]
    assert len(cells) == 2 * len(NAMES)


def test_free_resources_are_one_count_line_unless_asked(tmp_path):
    out = run(tmp_path, "200")
    assert "pulumi:pulumi:Stack" not in out.stdout and "1 resource with no direct cost not shown" in out.stdout
    shown = run(tmp_path, "200", "--show-free")
    assert "pulumi:pulumi:Stack" in shown.stdout
