"""Issue #23 item 16: a usage file that says a key twice (YAML keeps the last: a reviewed
`monthly_hrs: 730` silently becomes 0) or more hours than a month has is refused, naming the file
and the line: exit 2 offline; in the pack the summary says so and no usage is used (the resource is
priced at the default hours, never at the $0 the duplicate asked for)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.money import money
from pulumicost_policy.pricing.estimate import HOURS_PER_MONTH
from pulumicost_policy.pricing.pricebook import DEFAULT_SPECS_DIR, PriceBook
from pulumicost_policy.pricing.usage import Usage, UsageFileError
from pulumicost_policy.testing.harness import EnginePack

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EC2 = "aws:ec2/instance:Instance"
US_EAST = {"region": "us-east-1"}
T3_MONTH = PriceBook.load(DEFAULT_SPECS_DIR).get("aws", "ec2:Instance", "t3.micro", "us-east-1").rate_per_unit \
    * HOURS_PER_MONTH

DUPLICATE = """\
version: 1
resource_usage:
  aws:ec2/instance:Instance:
    monthly_hrs: 730   # reviewed
    monthly_hrs: 0
"""
DUPLICATE_ENTRY = """\
version: 1
resource_usage:
  aws:ec2/instance:Instance: {monthly_hrs: 730}
  aws:ec2/instance:Instance: {monthly_hrs: 0}
"""
TOO_MANY_HOURS = """\
version: 1
resource_usage:
  aws:ec2/instance:Instance:
    monthly_hrs: 100000
"""
CASES = {  # file body -> what the error must say (file and line are added by the test)
    DUPLICATE: ("line 5: not valid YAML (duplicate key 'monthly_hrs' (first on line 4)"),
    DUPLICATE_ENTRY: ("line 4: not valid YAML (duplicate key 'aws:ec2/instance:Instance' (first on line 3)"),
    TOO_MANY_HOURS: ("line 4: resource_usage['aws:ec2/instance:Instance'].monthly_hrs is 100,000 hours; "
                     "a month has at most 744"),
}


def offline(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("body", list(CASES), ids=["duplicate-key", "duplicate-entry", "hours"])
def test_offline_run_refuses_with_file_and_line(tmp_path, body):
    usage = tmp_path / "usage.yaml"
    usage.write_text(body)
    out = offline("--pulumi-json", EXAMPLES / "ten-t3-micro.json", "--usage", usage, "--output", "json")
    assert out.returncode == 2, out.stdout
    assert out.stderr == f"error: {usage} {CASES[body]}" + out.stderr.split(CASES[body], 1)[1]
    assert "Traceback" not in out.stderr and out.stdout == ""


@pytest.mark.parametrize("body", list(CASES), ids=["duplicate-key", "duplicate-entry", "hours"])
def test_pack_reports_it_and_prices_at_the_default_hours(tmp_path, body):
    usage = tmp_path / "usage.yaml"
    usage.write_text(body)
    pack = EnginePack(env={"PULUMICOST_USAGE_FILE": str(usage)})
    try:
        pack.configure()
        [estimate] = [d for d in pack.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider=US_EAST)
                      if d.policy == "cost-estimate"]
        assert money(T3_MONTH) in estimate.message  # 730 h: neither the duplicate's 0 h nor 100,000 h
        [summary] = [d for d in pack.analyze_stack([{"type": EC2, "name": "web", "props": {"instanceType": "t3.micro"},
                                                     "provider": US_EAST}]) if d.policy == "stack-cost-summary"]
        assert "usage file not used" in summary.message and f"{usage} {CASES[body]}" in summary.message
    finally:
        pack.close()


def test_the_limits_leave_real_files_alone(tmp_path):
    usage = tmp_path / "usage.yaml"
    usage.write_text("resource_usage:\n  aws:ec2/instance:Instance: {monthly_hrs: 744}\n"
                     "  web: {monthly_hrs: 20}\n  api: {monthly_hrs: 20}\n")
    loaded = Usage.load(usage)  # the same key in different entries is no duplicate
    assert loaded.types[EC2] == {"monthly_hrs": 744.0} and loaded.exact["web"] == {"monthly_hrs": 20.0}
    out = offline("--pulumi-json", EXAMPLES / "ten-t3-micro.json", "--usage", usage, "--output", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["totals"]["monthly"] == pytest.approx(10 * T3_MONTH * 744 / 730, abs=0.01)
    with pytest.raises(UsageFileError, match=r"line 2: .*monthly_cpu_credit_hrs is 745 hours"):
        usage.write_text("resource_usage:\n  web: {monthly_cpu_credit_hrs: 745}\n")
        Usage.load(usage)
