"""One policy registry for the pack and the offline gate: same objects, same verdicts, one
reconciliation of levels, and the summary reporting the others' findings as data."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.testing.harness import EnginePack, urn
from pulumicost_policy.policies import BY_NAME, POLICIES, STACK, ConfigError, reconcile
from pulumicost_policy.policies import budgets, stack_summary

ROOT = Path(__file__).resolve().parent.parent
EC2 = "aws:ec2/instance:Instance"
RESOURCES = [  # availabilityZone on the resource: the same region for the pack and the offline run
    {"type": EC2, "name": "big", "props": {"instanceType": "m5.4xlarge", "availabilityZone": "us-east-1a"}},
    {"type": EC2, "name": "small", "props": {"instanceType": "t3.micro", "availabilityZone": "us-east-1b"}},
    {"type": EC2, "name": "mystery", "props": {"instanceType": "zz9.plural", "availabilityZone": "us-east-1a"}},
    {"type": "aws:iam/role:Role", "name": "role", "props": {}},
]
CONFIG = {
    "resource-cost-limit": {"enforcementLevel": "mandatory", "maxMonthlyCost": 50},
    "stack-budget": {"enforcementLevel": "advisory", "monthlyBudget": 100},
    "unpriced-resources": "mandatory",
    "cost-increase": "disabled",
}


def _state_file(tmp_path: Path) -> Path:
    resources = [{"urn": urn("pulumi:pulumi:Stack", "proj-dev"), "type": "pulumi:pulumi:Stack", "custom": False}]
    resources += [{"urn": urn(r["type"], r["name"]), "type": r["type"], "custom": True, "id": r["name"],
                   "inputs": r["props"], "outputs": r["props"]} for r in RESOURCES]
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 3, "deployment": {"resources": resources}}))
    return path


def test_pack_and_offline_gate_give_the_same_verdicts(tmp_path):
    pack = EnginePack()
    try:
        pack.configure(CONFIG)
        diags = [d for r in RESOURCES for d in pack.analyze(r["type"], r["name"], r["props"])]
        diags += pack.analyze_stack(RESOURCES)
    finally:
        pack.close()
    # The SDK puts the policy's description before each message.
    from_pack = sorted((d.policy, d.level, d.message.removeprefix(BY_NAME[d.policy].description + "\n"))
                       for d in diags if not BY_NAME[d.policy].reports_cost)
    cfg = tmp_path / "policy.json"
    cfg.write_text(json.dumps(CONFIG))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-state",
                          str(_state_file(tmp_path)), "--policy-pack-config", str(cfg), "--output", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 1, out.stderr  # a mandatory violation
    offline = sorted((v["policy"], v["enforcement_level"], v["message"]) for v in json.loads(out.stdout)["policies"])
    assert {p for p, _, _ in from_pack} == {"resource-cost-limit", "stack-budget", "unpriced-resources",
                                            "cost-recommendations"}
    assert from_pack == offline


def test_summary_runs_after_the_policies_it_reports():
    names = [p.name for p in POLICIES]
    assert names[-1] == stack_summary.NAME and names.index(budgets.NAME) < names.index(stack_summary.NAME)
    assert len(set(names)) == len(names)


def test_reconcile_once_for_every_runner():
    config = reconcile({"all": "mandatory", "stack-budget": {"monthlyBudget": 5}, "cost-increase": "disabled"},
                       POLICIES)
    assert config["stack-budget"] == ("mandatory", {"currency": "USD", "warnAtPercent": 80, "acceptUnknownCost": [],
                                                    "monthlyBudget": 5})
    assert config["cost-increase"][0] == "disabled" and config["unpriced-resources"][1] == {"ignoreTypes": []}
    with pytest.raises(ConfigError, match="unknown policy no-such-policy"):
        reconcile({"no-such-policy": "advisory"}, POLICIES)
    with pytest.raises(ConfigError, match="enforcementLevel should be one of"):
        reconcile({"stack-budget": "loud"}, POLICIES)


def test_every_policy_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for policy in POLICIES:
        assert f"`{policy.name}`" in readme, policy.name
        assert policy.kind in ("resource", STACK)


def test_budget_rows_reach_the_report_whatever_the_budget_level(tmp_path):
    """The summary takes the budget verdicts as data, not through a mutable side channel."""
    out = tmp_path / "report.json"
    pack = EnginePack()
    try:
        pack.configure({"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 1e6},
                        "stack-cost-summary": {"reportFile": str(out)}})
        pack.analyze_stack(RESOURCES)
    finally:
        pack.close()
    [row] = json.loads(out.read_text())["budgets"]
    assert row["scope"] == "stack" and row["over"] is False and row["budget"] == 1e6


def test_bad_usage_file_is_a_diagnostic_in_the_summary(tmp_path):
    bad = tmp_path / "usage.yaml"
    bad.write_text("version: 1\nresource_usage: [not, a, map]\n")
    pack = EnginePack(env={"PULUMICOST_USAGE_FILE": str(bad)})
    try:
        pack.configure()
        [summary] = [d for d in pack.analyze_stack(RESOURCES) if d.policy == stack_summary.NAME]
    finally:
        pack.close()
    assert "usage file not used" in summary.message and str(bad) in summary.message


def test_versioned_azure_native_tokens_are_their_base_token():
    from pulumicost_policy.descriptor import ResourceInput, describe
    from pulumicost_policy.descriptor.catalog import base_token
    assert base_token("azure-native:containerservice/v20240102preview:ManagedCluster") == \
        "azure-native:containerservice:ManagedCluster"
    assert base_token("azure-native:network/v20230201:VirtualNetwork") == "azure-native:network:VirtualNetwork"
    assert base_token("aws:ec2/instance:Instance") == "aws:ec2/instance:Instance"
    props = {"location": "eastus", "agentPoolProfiles": [{"count": 1, "vmSize": "Standard_DS2_v2", "name": "a"}]}
    for base, versioned in (("azure-native:containerservice:ManagedCluster",
                             "azure-native:containerservice/v20240102preview:ManagedCluster"),
                            ("azure-native:network:VirtualNetwork", "azure-native:network/v20230201:VirtualNetwork")):
        one, other = (describe(ResourceInput("urn:x", t, "x", props, env={})) for t in (base, versioned))
        assert one == other and "not supported" not in str(other)
