"""`cost-allocation-tags` through the engine harness and the offline run's gate."""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pulumicost_policy.testing.harness import UNKNOWN, EnginePack
from seed_data import book_rate

ROOT = Path(__file__).resolve().parent.parent
EC2 = "aws:ec2/instance:Instance"
NAME = "cost-allocation-tags"


@pytest.fixture(scope="module")
def engine():
    p = EnginePack()
    yield p
    p.close()


def by_policy(diags, name):
    return [d for d in diags if d.policy == name]


def summary(diags):
    [d] = by_policy(diags, "stack-cost-summary")
    return d.message


def test_mandatory_fails_on_untagged_instance_and_passes_with_provider_default_tags(engine):
    engine.configure({NAME: {"enforcementLevel": "mandatory", "requiredTags": ["team"]}})
    t3 = book_rate("aws", "ec2:Instance", "t3.micro", "us-east-1") * 730
    stack = [{"type": EC2, "name": "web", "props": {"instanceType": "t3.micro"}, "provider": {"region": "us-east-1"}},
             {"type": "aws:iam/role:Role", "name": "role", "props": {}}]  # free: exempt
    diags = engine.analyze_stack(stack)
    [d] = by_policy(diags, NAME)
    assert d.level == "mandatory"
    assert "web (aws:ec2/instance:Instance" in d.message and "lacks required tags: team" in d.message
    assert f"${t3:,.2f} USD/month untagged, 1 resource" in summary(diags)
    # The provider's default tags count: as the engine passes them (a JSON string) and as an object.
    for default_tags in ('{"tags":{"team":"web"}}', {"tags": {"team": "web"}}):
        stack[0]["provider"] = {"region": "us-east-1", "defaultTags": default_tags}
        diags = engine.analyze_stack(stack)
        assert by_policy(diags, NAME) == []
        assert "$0.00 USD/month untagged, 0 resources" in summary(diags)


def test_values_patterns_and_unknown_values(engine):
    engine.configure({NAME: {"enforcementLevel": "advisory", "requiredTags": [
        "team", {"key": "env", "values": ["prod", "dev"]}, {"key": "cc", "pattern": "cc-[0-9]+"}]}})
    res = lambda name, tags: {"type": EC2, "name": name, "props": {"instanceType": "t3.micro", "tags": tags},
                              "provider": {"region": "us-east-1"}}
    diags = by_policy(engine.analyze_stack([
        res("good", {"team": "a", "env": "dev", "cc": "cc-12"}),
        res("bad-env", {"team": "a", "env": "qa", "cc": "cc-12"}),
        res("bad-cc", {"team": "a", "env": "prod", "cc": "x-12"}),
        res("pending", {"team": UNKNOWN, "env": "prod", "cc": "cc-1"}),  # the key will be there
        res("pending-env", {"team": "a", "env": UNKNOWN, "cc": "cc-1"}),
    ]), NAME)
    text = {d.message.splitlines()[-1].split(" ")[0]: d.message for d in diags}
    assert set(text) == {"bad-env", "bad-cc", "pending-env"}
    assert "env (value not one of prod, dev)" in text["bad-env"] and "qa" not in text["bad-env"]
    assert "cc (value does not match cc-[0-9]+)" in text["bad-cc"]
    assert "env (value unknown until apply" in text["pending-env"]


def test_unpriced_untagged_spend_is_a_lower_bound(engine):
    engine.configure({NAME: {"requiredTags": ["team"]}})
    diags = engine.analyze_stack([
        {"type": EC2, "name": "web", "props": {"instanceType": "t3.micro"}, "provider": {"region": "us-east-1"}},
        {"type": "aws:mq/broker:Broker", "name": "mq", "props": {}, "provider": {"region": "us-east-1"}}])
    assert len(by_policy(diags, NAME)) == 2
    assert "untagged, 2 resources (1 of them not priced or billed by usage: the untagged spend is at least this)" \
        in summary(diags)


def test_bad_pattern_is_a_violation_not_a_crash(engine):
    engine.configure({NAME: {"requiredTags": [{"key": "team", "pattern": "("}]}})
    [d] = by_policy(engine.analyze_stack([{"type": EC2, "name": "web", "props": {"instanceType": "t3.micro"},
                                           "provider": {"region": "us-east-1"}}]), NAME)
    assert "invalid cost-allocation-tags config: requiredTags[0].pattern is not a regular expression" in d.message


def test_gcp_labels_and_default_labels(engine):
    engine.configure({NAME: {"requiredTags": ["team"]}})
    vm = {"type": "gcp:compute/instance:Instance", "name": "vm",
          "props": {"machineType": "e2-medium", "zone": "us-central1-a", "tags": ["web"], "labels": {}}}
    assert len(by_policy(engine.analyze_stack([vm]), NAME)) == 1
    vm["props"]["labels"] = {"team": "data"}
    assert by_policy(engine.analyze_stack([vm]), NAME) == []
    vm["props"]["labels"] = {}
    vm["provider"] = {"defaultLabels": '{"team":"data"}'}
    assert by_policy(engine.analyze_stack([vm]), NAME) == []


def offline(tmp_path, config, *extra):
    cfg = tmp_path / "policy.json"
    cfg.write_text(json.dumps(config))
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json",
                           str(ROOT / "examples" / "mixed.json"), "--policy-pack-config", str(cfg), *extra],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_offline_gate(tmp_path):
    out = offline(tmp_path, {NAME: {"enforcementLevel": "mandatory", "requiredTags": ["app"]}})
    assert out.returncode == 0, out.stdout + out.stderr  # every billable resource of the example has app
    out = offline(tmp_path, {NAME: {"enforcementLevel": "mandatory", "requiredTags": ["team"]}},
                  "--report", str(tmp_path / "r.json"))
    assert out.returncode == 1, out.stderr
    assert f"- [mandatory]  {NAME}  (aws:ec2/instance:Instance: web-1)" in out.stdout
    assert "Cost allocation: $" in out.stdout and "/month untagged" in out.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    jsonschema.validate(report, json.loads((ROOT / "schemas" / "report.schema.json").read_text()))
    assert report["untagged"]["count"] == sum(1 for p in report["policies"] if p["policy"] == NAME) > 0


def test_offline_provider_default_tags_count(tmp_path):
    """A digest as `pulumi preview --json` writes it: the provider's defaultTags are a JSON string input."""
    provider = "urn:pulumi:dev::shop::pulumi:providers:aws::tagged"
    web = "urn:pulumi:dev::shop::aws:ec2/instance:Instance::web"
    def plan(default_tags):
        inputs = {"region": "us-east-1", **({"defaultTags": default_tags} if default_tags else {})}
        return {"steps": [
            {"op": "create", "urn": provider, "provider": "", "newState": {
                "urn": provider, "custom": True, "type": "pulumi:providers:aws", "inputs": inputs}},
            {"op": "create", "urn": web, "provider": f"{provider}::04da6b54-80e4-46f7-96ec-b56ff0331ba9", "newState": {
                "urn": web, "custom": True, "type": EC2, "inputs": {"instanceType": "t3.micro"},
                "provider": f"{provider}::04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}]}
    cfg = tmp_path / "policy.json"
    cfg.write_text(json.dumps({NAME: {"enforcementLevel": "mandatory", "requiredTags": ["team"]}}))
    for default_tags, code in ((None, 1), ('{"tags":{"team":"web"}}', 0)):
        path = tmp_path / "plan.json"
        path.write_text(json.dumps(plan(default_tags)))
        out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(path),
                              "--policy-pack-config", str(cfg)], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert out.returncode == code, out.stdout + out.stderr
