"""Same-stack references unknown during preview, matched through the engine's propertyDependencies
and dependencies (issue #25): offline from a digest, and in the pack's AnalyzeStack."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.descriptor import describe
from pulumicost_policy.descriptor.model import Unpriced
from pulumicost_policy.descriptor.resolve import resolve_references
from pulumicost_policy.inputs.resource import ResourceInput
from pulumicost_policy.money import money
from pulumicost_policy.pricing.pricebook import PriceBook
from pulumicost_policy.testing.harness import UNKNOWN, EnginePack, urn

ROOT = Path(__file__).resolve().parent.parent
LT, ASG = "aws:ec2/launchTemplate:LaunchTemplate", "aws:autoscaling/group:Group"
US_EAST = {"region": "us-east-1"}


def ec2_rate(itype: str) -> float:
    return PriceBook.load().get("aws", "ec2:Instance", itype, "us-east-1").rate_per_unit


def step(type_token: str, name: str, inputs: dict, outputs: dict | None = None, **extra) -> dict:
    u = urn(type_token, name)
    state = {"urn": u, "custom": True, "type": type_token, "inputs": inputs, "outputs": outputs or {}, **extra}
    return {"op": "create", "urn": u, "provider": urn("pulumi:providers:aws", "default") + "::x", "newState": state}


def preview_digest() -> dict:
    """A launch template and the ASG and EC2-launched node group using it, all created in one preview:
    the template's id is unknown, so only propertyDependencies link them."""
    lt_urn = urn(LT, "lt")
    provider = {"op": "create", "urn": urn("pulumi:providers:aws", "default"),
                "newState": {"type": "pulumi:providers:aws", "inputs": US_EAST, "outputs": US_EAST, "custom": True}}
    return {"config": {}, "steps": [
        provider,
        step(LT, "lt", {"instanceType": "m5.large"}, {"id": UNKNOWN, "arn": UNKNOWN}),
        step(ASG, "asg", {"desiredCapacity": 3, "launchTemplate": {"id": UNKNOWN, "version": "$Latest"}},
             propertyDependencies={"launchTemplate": [lt_urn]}, dependencies=[lt_urn]),
        step(ASG, "by-config", {"desiredCapacity": 1, "launchConfiguration": UNKNOWN},
             dependencies=[lt_urn]),  # no propertyDependencies: the one template among its dependencies
    ]}


def test_asg_template_unknown_during_preview_is_priced_offline(tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(preview_digest()))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan),
                          "--output", "json"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    rows = {r["name"]: r for r in json.loads(out.stdout)["resources"]}
    assert rows["asg"]["monthly"] == pytest.approx(3 * 730 * ec2_rate("m5.large"))
    assert rows["by-config"]["monthly"] == pytest.approx(730 * ec2_rate("m5.large"))


def test_ambiguous_or_absent_dependencies_stay_unpriced():
    lt1 = ResourceInput("urn:lt1", LT, "lt1", {"instanceType": "m5.large", "id": UNKNOWN})
    lt2 = ResourceInput("urn:lt2", LT, "lt2", {"instanceType": "c5.large", "id": UNKNOWN})
    asg = ResourceInput("urn:asg", ASG, "asg", {"desiredCapacity": 1, "launchTemplate": {"id": UNKNOWN}}, US_EAST,
                        dependencies=("urn:lt1", "urn:lt2"))
    assert isinstance(describe(resolve_references([lt1, lt2, asg])[2]), Unpriced)  # two candidates: no guess
    known = ResourceInput("urn:asg", ASG, "asg", {"desiredCapacity": 1, "launchTemplate": {"id": "lt-other"}},
                          US_EAST, dependencies=("urn:lt1",))
    assert isinstance(describe(resolve_references([lt1, known])[1]), Unpriced)  # a known id of another stack


def test_ecs_node_group_and_scaling_target_through_property_dependencies():
    task = ResourceInput("urn:td", "aws:ecs/taskDefinition:TaskDefinition", "td", {"cpu": "512", "memory": "1024",
                                                                                   "arn": UNKNOWN})
    svc = ResourceInput("urn:svc", "aws:ecs/service:Service", "svc",
                        {"launchType": "FARGATE", "desiredCount": 2, "taskDefinition": UNKNOWN}, US_EAST,
                        property_dependencies={"taskDefinition": ("urn:td",)})
    lt = ResourceInput("urn:lt", LT, "lt", {"instanceType": "m5.xlarge", "id": UNKNOWN})
    ng = ResourceInput("urn:ng", "aws:eks/nodeGroup:NodeGroup", "ng",
                       {"scalingConfig": {"desiredSize": 2}, "launchTemplate": {"id": UNKNOWN, "version": "1"}},
                       US_EAST, property_dependencies={"launchTemplate": ("urn:lt",)})
    table = ResourceInput("urn:t", "aws:dynamodb/table:Table", "t",
                          {"billingMode": "PROVISIONED", "name": UNKNOWN, "readCapacity": 1, "writeCapacity": 1},
                          US_EAST)
    target = ResourceInput("urn:tg", "aws:appautoscaling/target:Target", "tg",
                           {"scalableDimension": "dynamodb:table:ReadCapacityUnits", "resourceId": UNKNOWN,
                            "minCapacity": 25, "maxCapacity": 100}, US_EAST,
                           property_dependencies={"resourceId": ("urn:t",)})
    out = {r.urn: describe(r) for r in resolve_references([task, svc, lt, ng, table, target])}
    assert [(c.sku, c.quantity) for c in out["urn:svc"].components] == [("memory-x86_64", 2.0), ("vcpu-x86_64", 1.0)]
    assert out["urn:ng"].sku == "m5.xlarge" and out["urn:ng"].components[0].quantity == 2.0
    reads = [c for c in out["urn:t"].components if "read" in c.label.lower()]
    assert reads and reads[0].quantity == 25.0


def test_asg_through_property_dependencies_in_analyze_stack():
    lt_urn, asg_urn = urn(LT, "lt"), urn(ASG, "asg")
    pack = EnginePack()
    try:
        # Analyze sees the ASG alone: the template is out of its view, and it says so.
        [alone] = [d for d in pack.analyze(ASG, "asg", {"desiredCapacity": 3, "launchTemplate": {"id": UNKNOWN}},
                                           provider=US_EAST, resource_urn=asg_urn) if d.policy == "cost-estimate"]
        assert "not found in this stack view" in alone.message
        diags = pack.analyze_stack([
            {"type": LT, "name": "lt", "urn": lt_urn, "props": {"instanceType": "m5.large", "id": UNKNOWN},
             "provider": US_EAST},
            {"type": ASG, "name": "asg", "urn": asg_urn, "provider": US_EAST,
             "props": {"desiredCapacity": 3, "launchTemplate": {"id": UNKNOWN}},
             "dependencies": [lt_urn], "propertyDependencies": {"launchTemplate": [lt_urn]}},
        ])
    finally:
        pack.close()
    [summary] = [d for d in diags if d.policy == "stack-cost-summary"]
    assert money(3 * 730 * ec2_rate("m5.large"), "USD") in summary.message
    assert "1 priced" in summary.message and "0 unpriced" in summary.message
