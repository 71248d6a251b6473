"""Budget gates through the engine harness and through the offline run's CI gate."""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pulumicost_policy.testing.harness import UNKNOWN, EnginePack, urn
from seed_data import mixed_example_monthly

ROOT = Path(__file__).resolve().parent.parent
EC2 = "aws:ec2/instance:Instance"
US_EAST = {"region": "us-east-1"}
STACK = [  # m5.4xlarge $560.64 + t3.micro $7.592 = $568.232
    {"type": EC2, "name": "big", "props": {"instanceType": "m5.4xlarge", "tags": {"team": "data"}}, "provider": US_EAST},
    {"type": EC2, "name": "small", "props": {"instanceType": "t3.micro", "tags": {"team": "web"}}, "provider": US_EAST},
    {"type": "aws:iam/role:Role", "name": "role", "props": {}},
]


@pytest.fixture(scope="module")
def engine():
    p = EnginePack()
    yield p
    p.close()


def engine_validate(engine, file_config):
    """The engine's step before any resource: validate each policy's config against its schema."""
    for name, (level, props) in engine.configure(file_config).items():
        schema = {"type": "object", "properties": engine.schemas()[name]}
        jsonschema.validate(props, schema)


def by_policy(diags, name):
    return [d for d in diags if d.policy == name]


def test_schemas_are_typed_and_documented(engine):
    schemas = engine.schemas()
    budget = schemas["stack-budget"]
    assert budget["monthlyBudget"]["type"] == "number" and budget["monthlyBudget"]["minimum"] == 0
    assert budget["currency"]["default"] == "USD" and budget["warnAtPercent"]["default"] == 80
    for policy, props in schemas.items():
        for prop, schema in props.items():
            assert schema.get("description"), f"{policy}.{prop} has no description"


@pytest.mark.parametrize("level,expect", [("mandatory", "mandatory"), ("advisory", "advisory"),
                                          ("remediate", "mandatory"), ("disabled", None)])
def test_stack_budget_levels(engine, level, expect):
    engine_validate(engine, {"stack-budget": {"enforcementLevel": level, "monthlyBudget": 500}})
    diags = by_policy(engine.analyze_stack(STACK), "stack-budget")
    if expect is None:
        assert diags == []
        return
    [d] = diags
    assert d.level == expect
    assert "$568.23 USD/month is over the budget of $500.00 USD by $68.23" in d.message
    assert "big $560.64" in d.message  # the most expensive resources behind it


def test_budget_above_total_gives_only_the_summary(engine):
    engine_validate(engine, {"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 600}})
    diags = engine.analyze_stack(STACK)
    assert by_policy(diags, "stack-budget") == []
    [summary] = by_policy(diags, "stack-cost-summary")
    assert "$568.23 USD" in summary.message
    assert "95% of the $600.00 budget (warning at 80%)" in summary.message and summary.level == "advisory"


def test_provider_type_and_tag_budgets(engine):
    engine_validate(engine, {"stack-budget": {"providerBudgets": {"aws": 100}, "typeBudgets": {EC2: 1000},
                                              "tagBudgets": {"team=web": 5, "team=data": 1000}}})
    messages = [d.message for d in by_policy(engine.analyze_stack(STACK), "stack-budget")]
    assert any("provider aws: projected $568.23" in m for m in messages)
    assert any("tag team=web: projected $7.59" in m for m in messages)
    assert not any("type " in m or "team=data" in m for m in messages)


def test_resource_cost_limit_mandatory(engine):
    engine_validate(engine, {"resource-cost-limit": {"enforcementLevel": "mandatory", "maxMonthlyCost": 50}})
    [big] = by_policy(engine.analyze(EC2, "big", {"instanceType": "m5.4xlarge"}, provider=US_EAST), "resource-cost-limit")
    assert big.level == "mandatory" and "$560.64 USD/month is over the limit of $50.00" in big.message
    assert by_policy(engine.analyze(EC2, "small", {"instanceType": "t3.micro"}, provider=US_EAST), "resource-cost-limit") == []
    engine_validate(engine, {"resource-cost-limit": {"enforcementLevel": "mandatory", "maxMonthlyCost": 50,
                                                     "limitsByType": {EC2: 1000}}})
    assert by_policy(engine.analyze(EC2, "big", {"instanceType": "m5.4xlarge"}, provider=US_EAST), "resource-cost-limit") == []


def test_bad_config_rejected_by_schema(engine):
    with pytest.raises(jsonschema.ValidationError, match="'lots' is not of type 'number'"):
        engine_validate(engine, {"stack-budget": {"monthlyBudget": "lots"}})
    for bad in ({"monthlyBudget": -5}, {"currency": "DOLLARS"}, {"warnAtPercent": 5000}):
        with pytest.raises(jsonschema.ValidationError):
            engine_validate(engine, {"stack-budget": bad})


def test_bad_config_that_reaches_the_policy_is_a_violation_not_a_crash(engine):
    engine.configure({"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": "lots"}})
    [d] = by_policy(engine.analyze_stack(STACK), "stack-budget")
    assert "invalid stack-budget config: monthlyBudget" in d.message


def test_mixed_currency_budget_is_a_violation(engine):
    engine_validate(engine, {"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 1000, "currency": "EUR"}})
    [d] = by_policy(engine.analyze_stack(STACK), "stack-budget")
    assert "costs in USD cannot be held to a EUR budget" in d.message


def test_unpriced_resources_mandatory_and_ignore(engine):
    stack = STACK + [{"type": "aws:mq/broker:Broker", "name": "q", "props": {}},
                     {"type": EC2, "name": "later", "props": {"instanceType": UNKNOWN}, "provider": US_EAST}]
    engine_validate(engine, {"unpriced-resources": "mandatory"})
    diags = by_policy(engine.analyze_stack(stack), "unpriced-resources")
    assert {d.level for d in diags} == {"mandatory"} and len(diags) == 2
    assert any(d.urn == urn("aws:mq/broker:Broker", "q") for d in diags)
    engine_validate(engine, {"unpriced-resources": {"enforcementLevel": "mandatory", "ignoreTypes": ["aws:mq/*"]}})
    assert len(by_policy(engine.analyze_stack(stack), "unpriced-resources")) == 1


def test_cost_increase_against_stack_export(engine, tmp_path):
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"version": 3, "deployment": {"resources": [
        {"urn": urn(EC2, "small"), "custom": True, "type": EC2, "inputs": {"instanceType": "t3.micro"},
         "provider": urn("pulumi:providers:aws", "p") + "::id"},
        {"urn": urn("pulumi:providers:aws", "p"), "custom": True, "type": "pulumi:providers:aws",
         "inputs": {"region": "us-east-1"}}]}}))
    engine_validate(engine, {"cost-increase": {"enforcementLevel": "mandatory", "maxIncrease": 100,
                                               "baselineStateFile": str(state)}})
    [d] = by_policy(engine.analyze_stack(STACK), "cost-increase")
    assert d.level == "mandatory" and "rises by $560.64 USD ($7.59 -> $568.23)" in d.message
    engine_validate(engine, {"cost-increase": {"enforcementLevel": "mandatory", "maxIncrease": 100}})
    assert by_policy(engine.analyze_stack(STACK), "cost-increase") == []


def test_report_file_matches_schema(engine, tmp_path):
    out = tmp_path / "nested" / "report.json"
    engine_validate(engine, {"stack-budget": {"monthlyBudget": 500}, "stack-cost-summary": {"reportFile": str(out)}})
    engine.analyze_stack(STACK + [{"type": "aws:mq/broker:Broker", "name": "q", "props": {}}])
    report = json.loads(out.read_text())
    jsonschema.validate(report, json.loads((ROOT / "schemas" / "report.schema.json").read_text()))
    assert report["totals"]["monthly"] == pytest.approx(568.232)
    assert report["coverage"]["unpriced"] == 1 and report["stack"] == "dev"
    assert report["budgets"] == [{"scope": "stack", "total": pytest.approx(568.232), "budget": 500.0,
                                  "currency": "USD", "over": True, "unknown": 1, "verified": False}]


def test_report_write_failure_is_a_diagnostic(engine, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    engine_validate(engine, {"stack-cost-summary": {"reportFile": str(blocker / "report.json")}})
    [summary] = by_policy(engine.analyze_stack(STACK), "stack-cost-summary")
    assert "Report not written" in summary.message and "$568.23" in summary.message


def offline(tmp_path, config, *extra):
    cfg = tmp_path / "policy.json"
    cfg.write_text(json.dumps(config))
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json",
                           str(ROOT / "examples" / "mixed.json"), "--usage", str(ROOT / "examples" / "usage.yaml"),
                           "--policy-pack-config", str(cfg), *extra], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_offline_gate_mandatory_exits_1_advisory_exits_0(tmp_path):
    out = offline(tmp_path, {"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 100}})
    assert out.returncode == 1, out.stderr
    assert "- [mandatory]  stack-budget  (pulumi:pulumi:Stack" in out.stdout
    assert "over the budget of $100.00 USD by $14.72" in out.stdout
    out = offline(tmp_path, {"stack-budget": {"enforcementLevel": "advisory", "monthlyBudget": 100}})
    assert out.returncode == 0 and "- [advisory]  stack-budget" in out.stdout
    out = offline(tmp_path, {"all": "mandatory", "stack-budget": {"monthlyBudget": 100}}, "--mandatory-exit-code", "7")
    assert out.returncode == 7


def test_offline_gate_rejects_bad_config(tmp_path):
    out = offline(tmp_path, {"stack-budget": {"monthlyBudget": "lots"}})
    assert out.returncode == 2
    assert "stack-budget: monthlyBudget: 'lots' is not of type 'number'" in out.stderr


def test_offline_report_validates(tmp_path):
    rep = tmp_path / "r.json"
    out = offline(tmp_path, {"resource-cost-limit": {"maxMonthlyCost": 20}, "stack-budget": {"monthlyBudget": 200}},
                  "--report", str(rep), "--stack", "dev")
    assert out.returncode == 0
    report = json.loads(rep.read_text())
    jsonschema.validate(report, json.loads((ROOT / "schemas" / "report.schema.json").read_text()))
    assert [p["resource"] for p in report["policies"] if p["policy"] == "resource-cost-limit"] == \
        [f"aws:rds/instance:Instance: db-{i}" for i in (1, 2, 3)]
    assert report["budgets"] == [{"scope": "stack", "total": pytest.approx(sum(mixed_example_monthly().values())), "budget": 200.0,
                                  "currency": "USD", "over": False, "unknown": 0, "verified": True}]
