"""Issue #14, numbers: every cost and every configured limit is finite before it is summed or
compared; non-finite inputs make a resource unpriced, non-finite config is refused, a total that is
not finite fails closed; huge integers, deep JSON, duplicate URNs and look-alike globs are handled."""
from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pulumicost_policy.testing.harness import EnginePack
from pulumicost_policy.actual.dates import DateRangeError, date_range
from pulumicost_policy.descriptor import ResourceInput
from pulumicost_policy.policies import budgets
from pulumicost_policy.policies import BY_NAME
from pulumicost_policy.policies.model import VIOLATION, StackContext
from pulumicost_policy.pricing.pricebook import PriceBook
from pulumicost_policy.pricing.pricer import Pricer
from pulumicost_policy.pricing.rollup import rollup
from pulumicost_policy.pricing.usage import Usage, UsageFileError

ROOT = Path(__file__).resolve().parents[2]
LAMBDA, ASG, EC2 = "aws:lambda/function:Function", "aws:autoscaling/group:Group", "aws:ec2/instance:Instance"
BOOK = PriceBook.load()


def ec2_monthly(sku: str) -> float:
    return BOOK.get("aws", "ec2:Instance", sku, "us-east-1").rate_per_unit * 730


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def digest(tmp_path: Path, resources: list[tuple[str, str, dict]]) -> Path:
    steps = [{"op": "create", "urn": f"urn:pulumi:dev::p::{t}::{n}",
              "newState": {"type": t, "inputs": {"region": "us-east-1", **props}}} for t, n, props in resources]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps({"config": {"aws:region": "us-east-1"}, "steps": steps}))
    return path


def asg(count) -> dict:
    return {"desiredCapacity": count,
            "mixedInstancesPolicy": {"launchTemplate": {"overrides": [{"instanceType": "t3.micro"}]}}}


def test_item10_nan_lambda_is_unpriced_and_nan_budget_is_refused(tmp_path):
    usage = tmp_path / "usage.yaml"
    usage.write_text("version: 1\nresource_usage:\n  fn: {monthly_requests: 1.0e+308, request_duration_ms: 1.0e+308}\n")
    # (memorySize 5e-324 made NaN from inf x 0 when usage was multiplied before the scale; the scale now
    # comes first, so that input is ~0 GB-s. 10 GB at 1e308 requests x 1e308 ms overflows for real.)
    plan = digest(tmp_path, [(LAMBDA, "fn", {"memorySize": 10240}), (EC2, "big", {"instanceType": "m5.24xlarge"})])
    config = tmp_path / "policy.json"
    config.write_text(json.dumps({"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 100}}))
    out = run("--pulumi-json", plan, "--usage", usage, "--policy-pack-config", config, "--output", "json")
    assert out.returncode == 1, out.stderr  # the m5.24xlarge is over the budget: a violation
    report = json.loads(out.stdout)
    fn = next(r for r in report["resources"] if r["name"] == "fn")
    assert fn["status"] == "unpriced" and "not a finite number" in fn["unpriced_reason"]
    assert report["totals"]["monthly"] == pytest.approx(ec2_monthly("m5.24xlarge"))
    config.write_text('{"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": NaN}}')
    out = run("--pulumi-json", plan, "--policy-pack-config", config)
    assert out.returncode == 2 and "monthlyBudget" in out.stderr and "finite" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr


@settings(max_examples=60, deadline=None)
@given(bad=st.sampled_from([math.nan, math.inf, -math.inf, 10 ** 400]),
       where=st.sampled_from(["monthlyBudget", "providerBudgets", "warnAtPercent"]))
def test_item10_12_non_finite_or_huge_budget_config_is_refused(bad, where):
    config = {where: {"aws": bad}} if where == "providerBudgets" else {where: bad}
    errors = BY_NAME["stack-budget"].errors(config)
    assert errors and where in errors[0], errors


def test_item10_non_finite_total_fails_a_mandatory_budget_closed():
    ests = [Pricer.from_specs().estimate(ResourceInput(f"urn:pulumi:dev::p::{ASG}::g{i}", ASG, f"g{i}", asg(1.5e307),
                                                       {"region": "us-east-1"})) for i in range(2)]
    stack = rollup(ests)
    assert not math.isfinite(stack.totals["USD"])
    policy = budgets.POLICY
    findings = policy.run(StackContext(stack=stack, pricer=None), {"monthlyBudget": 100})
    [violation] = [f for f in findings if f.kind == VIOLATION]
    assert "not a finite number" in violation.message and violation.data["total"] is None


def test_item11_overflowing_groups_offline_exit_1_and_valid_json(tmp_path):
    config = tmp_path / "policy.json"
    config.write_text(json.dumps({"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 100}}))
    for count in (1, 2):
        plan = digest(tmp_path, [(ASG, f"g{i}", asg(1.5e307)) for i in range(count)])
        report_path = tmp_path / f"report{count}.json"
        out = run("--pulumi-json", plan, "--policy-pack-config", config, "--output", "json", "--report", report_path)
        assert "Traceback" not in out.stderr, out.stderr
        assert out.returncode == 1, out.stderr
        for text in (out.stdout, report_path.read_text()):
            json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in the JSON report"))


def test_item11_overflowing_groups_in_the_pack_give_a_diagnostic():
    pack = EnginePack()
    try:
        pack.configure({"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 100}})
        diags = pack.analyze_stack([{"type": ASG, "name": f"g{i}", "props": asg(1.5e307),
                                     "provider": {"region": "us-east-1"}} for i in range(2)])
        [budget] = [d for d in diags if d.policy == "stack-budget"]
        assert budget.level == "mandatory" and "not a finite number" in budget.message
    finally:
        pack.close()


def test_item12_huge_integer_in_usage_file_and_budget(tmp_path):
    usage = tmp_path / "usage.yaml"
    usage.write_text("version: 1\nresource_usage:\n  fn: {monthly_requests: " + "9" * 400 + "}\n")
    with pytest.raises(UsageFileError, match="monthly_requests"):
        Usage.load(usage)
    plan = digest(tmp_path, [(EC2, "web", {"instanceType": "t3.micro"})])
    out = run("--pulumi-json", plan, "--usage", usage)
    assert out.returncode == 2 and "Traceback" not in out.stderr and "monthly_requests" in out.stderr
    config = tmp_path / "policy.json"
    config.write_text('{"stack-budget": {"monthlyBudget": ' + "9" * 400 + "}}")
    out = run("--pulumi-json", plan, "--policy-pack-config", config)
    assert out.returncode == 2 and "Traceback" not in out.stderr and "monthlyBudget" in out.stderr, out.stderr
    pack = EnginePack(env={"PULUMICOST_USAGE_FILE": str(usage)})  # pack start survives it
    try:
        pack.configure()
        [d] = [d for d in pack.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider={"region": "us-east-1"})
               if d.policy == "cost-estimate"]
        assert "$7.59" in d.message
    finally:
        pack.close()


def test_item14_duplicate_urn_in_a_state_is_refused(tmp_path):
    res = {"urn": f"urn:pulumi:dev::p::{EC2}::web", "type": EC2, "custom": True,
           "inputs": {"instanceType": "m5.large", "region": "us-east-1"}}
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"deployment": {"resources": [res, res]}}))
    out = run("--pulumi-state", state)
    assert out.returncode == 2 and "appears twice" in out.stderr and "web" in out.stderr, out.stderr


def test_item15_usage_key_with_brackets_is_exact():
    usage = Usage.parse({"resource_usage": {"logs[1]": {"storage_gb": 5}, "api-*": {"storage_gb": 7}}}, "u")
    assert usage.for_resource("urn:x::logs1", "logs1", "t") == {}
    assert usage.for_resource("urn:x::logs[1]", "logs[1]", "t") == {"storage_gb": 5}
    assert usage.for_resource("urn:x::api-1", "api-1", "t") == {"storage_gb": 7}
    assert Usage.parse({"resource_usage": {"a[b]*": {"x": 1}}}, "u").for_resource("u", "a[b]-z", "t") == {"x": 1}


def test_item23_far_end_date_is_a_usage_error():
    with pytest.raises(DateRangeError, match="--end-date"):
        date_range("2024-01-01", "9999-12-31T23:00:00-05:00", False, today=dt.date(2024, 6, 1))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.actual", "--start-date", "2024-01-01",
                          "--end-date", "9999-12-31T23:00:00-05:00", "--pulumi-state", ROOT / "README.md"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
