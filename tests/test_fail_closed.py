"""A gate you can trust: a verdict that depends on unknown cost fails closed, in the pack and offline.

Each case here passed a mandatory budget before: a partial plan, a region typo, a misspelled key,
an overflowing count. Figures come from the offline run of complete inputs (the price book), never
typed in.
"""
import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.pricing.pricebook import PriceBook
from pulumicost_policy.testing.harness import EnginePack
from seed_data import mixed_example_monthly

ROOT = Path(__file__).resolve().parent.parent
MIXED = ROOT / "examples" / "mixed.json"


def run(*args):
    env = {**os.environ, "COLUMNS": "300"}  # one message a line: the assertions read whole sentences
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


def write(tmp_path, name, doc):
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


def mixed_state(doc):
    """The stack mixed.json creates, as `pulumi stack export` would give it."""
    return {"version": 3, "deployment": {"resources": [copy.deepcopy(s["newState"]) for s in doc["steps"]]}}


def partial_update(doc):
    """`pulumi preview --json` (no --show-sames) of web-1 growing to m5.large: the root stack step
    and the update only; changeSummary still counts the sames."""
    steps = {s["urn"].rsplit("::", 1)[-1]: s for s in doc["steps"]}
    root = steps["shop-dev"]
    web1 = copy.deepcopy(steps["web-1"])
    old = copy.deepcopy(web1["newState"])
    web1["newState"]["inputs"]["instanceType"] = "m5.large"
    web1["newState"]["outputs"]["instanceType"] = "m5.large"
    update = {**web1, "op": "update", "oldState": old}
    same_root = {**root, "op": "same", "oldState": root["newState"], "newState": root["newState"]}
    return {"config": doc["config"], "steps": [same_root, update],
            "changeSummary": {"same": len(doc["steps"]) - 1, "update": 1}}


def gate(tmp_path, config):
    return write(tmp_path, "policy.json", config)


MANDATORY_100 = {"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 100}}


def test_partial_update_plan_fails_a_mandatory_budget_and_the_state_completes_it(tmp_path):
    doc = json.loads(MIXED.read_text())
    plan = write(tmp_path, "update.json", partial_update(doc))
    state = write(tmp_path, "state.json", mixed_state(doc))
    cfg = gate(tmp_path, MANDATORY_100)
    out = run("--pulumi-json", plan, "--policy-pack-config", cfg)
    assert out.returncode == 1, out.stdout + out.stderr
    omitted = len(doc["steps"]) - 2  # all but the root stack (listed) and web-1 (updated)
    assert "cannot verify" in out.stdout and f"{omitted} unchanged resources not in the plan" in out.stdout
    assert "--show-sames" in out.stdout  # the summary says how to get a complete plan
    report = json.loads(run("--pulumi-json", plan, "--output", "json").stdout)
    assert report["totals"]["partial"] is True and report["totals"]["omitted"] == omitted

    # The whole stack after the change, priced from a state that already has it: the reference.
    after = mixed_state(doc)
    web1 = next(r for r in after["deployment"]["resources"] if r["urn"].endswith("::web-1"))
    web1["inputs"]["instanceType"] = web1["outputs"]["instanceType"] = "m5.large"
    whole = json.loads(run("--pulumi-state", write(tmp_path, "after.json", after), "--output", "json").stdout)
    completed = run("--pulumi-json", plan, "--pulumi-state", state, "--output", "json")
    assert completed.returncode == 0, completed.stderr
    full = json.loads(completed.stdout)
    assert full["totals"]["omitted"] == 0 and full["totals"]["partial"] is False
    assert full["totals"]["monthly"] == pytest.approx(whole["totals"]["monthly"])
    assert full["totals"]["monthly"] > report["totals"]["monthly"]
    verdict = run("--pulumi-json", plan, "--pulumi-state", state, "--policy-pack-config", cfg)
    # Known now: the whole stack is over 100, an ordinary violation (not "cannot verify").
    assert verdict.returncode == 1 and "is over the budget" in verdict.stdout and "cannot verify" not in verdict.stdout


def typo_region(doc, typo="us-esat-1"):
    return json.loads(json.dumps(doc).replace("us-east-1", typo))


def test_region_typo_fails_a_mandatory_budget_with_cannot_verify(tmp_path):
    plan = write(tmp_path, "typo.json", typo_region(json.loads(MIXED.read_text())))
    out = run("--pulumi-json", plan, "--policy-pack-config",
              gate(tmp_path, {"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 50}}))
    assert out.returncode == 1, out.stdout
    assert "cannot verify" in out.stdout and "resources without a price" in out.stdout
    assert "Every resource has a known cost" not in out.stdout
    # Accepting unknown cost explicitly is the only way through.
    accepted = run("--pulumi-json", plan, "--policy-pack-config", gate(tmp_path, {"stack-budget": {
        "enforcementLevel": "mandatory", "monthlyBudget": 50, "acceptUnknownCost": ["*"]}}))
    assert accepted.returncode == 0, accepted.stdout


def test_known_part_over_the_budget_is_the_ordinary_violation(tmp_path):
    doc = json.loads(MIXED.read_text())
    web1 = next(s for s in doc["steps"] if s["urn"].endswith("::web-1"))
    web1["newState"]["inputs"]["instanceType"] = "t3.mirco"  # unpriced
    known = sum(v for k, v in mixed_example_monthly().items() if k != "web-1")
    out = run("--pulumi-json", write(tmp_path, "p.json", doc), "--policy-pack-config",
              gate(tmp_path, {"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": known / 2}}))
    assert out.returncode == 1 and "is over the budget" in out.stdout
    assert "1 resource without a price (web-1" in out.stdout


def test_misspelled_key_is_refused_offline_and_reported_by_the_pack(tmp_path):
    config = {"stack-budget": {"enforcementLevel": "mandatory", "montlyBudget": 500}}
    out = run("--pulumi-json", MIXED, "--policy-pack-config", gate(tmp_path, config))
    assert out.returncode == 2
    assert "montlyBudget" in out.stderr and "did you mean monthlyBudget?" in out.stderr
    pack = EnginePack()
    try:
        pack.configure(config)
        diags = [d for d in pack.analyze_stack(pack_resources(json.loads(MIXED.read_text())))
                 if d.policy == "stack-budget"]
    finally:
        pack.close()
    [d] = diags
    assert d.level == "mandatory" and "did you mean monthlyBudget?" in d.message


def pack_resources(doc):
    """The digest's resources as the engine hands them to AnalyzeStack."""
    providers = {s["urn"]: s["newState"]["inputs"] for s in doc["steps"]
                 if s["newState"]["type"].startswith("pulumi:providers:")}
    out = []
    for s in doc["steps"]:
        state = s["newState"]
        if state["type"].startswith("pulumi:"):
            continue
        provider = providers.get(state.get("provider", "").rsplit("::", 1)[0])
        out.append({"type": state["type"], "name": s["urn"].rsplit("::", 1)[-1], "urn": s["urn"],
                    "props": state["inputs"], "provider": provider})
    return out


def offline_verdicts(tmp_path, plan_doc, config):
    out = run("--pulumi-json", write(tmp_path, "plan.json", plan_doc), "--policy-pack-config",
              gate(tmp_path, config), "--output", "json")
    assert out.returncode in (0, 1), out.stderr
    return sorted({(p["policy"], p["enforcement_level"]) for p in json.loads(out.stdout)["policies"]})


def pack_verdicts(pack, plan_doc, config):
    pack.configure(config)
    resources = pack_resources(plan_doc)
    diags = [d for r in resources for d in pack.analyze(r["type"], r["name"], r["props"], r["provider"], r["urn"])]
    diags += pack.analyze_stack(resources)
    reported = {"cost-estimate", "stack-cost-summary"}  # the offline run prints these as its table
    return sorted({(d.policy, d.level) for d in diags if d.policy not in reported})


CASES = {
    "resource limit, typo region": ({"resource-cost-limit": {"enforcementLevel": "mandatory", "maxMonthlyCost": 500}},
                                    True),
    "resource limit, priced": ({"resource-cost-limit": {"enforcementLevel": "mandatory", "maxMonthlyCost": 20}}, False),
    "stack budget, typo region": ({"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 1000}}, True),
    "provider budget, accepted": ({"stack-budget": {"enforcementLevel": "mandatory", "providerBudgets": {"aws": 1000},
                                                    "acceptUnknownCost": ["aws:*"]}}, True),
    "type budget, advisory": ({"stack-budget": {"typeBudgets": {"aws:ec2/instance:Instance": 10}}}, False),
    "tag budget": ({"stack-budget": {"enforcementLevel": "mandatory", "tagBudgets": {"app=shop": 10}}}, False),
    "unpriced": ({"unpriced-resources": "mandatory"}, True),
    "none": ({}, True),
}


@pytest.fixture(scope="module")
def engine():
    pack = EnginePack()
    yield pack
    pack.close()


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_same_config_gives_the_same_verdict_in_the_pack_and_offline(engine, tmp_path, case):
    config, typo = CASES[case]
    doc = json.loads(MIXED.read_text())
    doc = typo_region(doc) if typo else doc
    assert pack_verdicts(engine, doc, config) == offline_verdicts(tmp_path, doc, config)


def test_cost_increase_same_verdict_in_the_pack_and_offline(engine, tmp_path):
    doc = json.loads(MIXED.read_text())
    baseline = write(tmp_path, "baseline.json", mixed_state(typo_region(doc)))
    config = {"cost-increase": {"enforcementLevel": "mandatory", "maxIncrease": 1000,
                                "baselineStateFile": str(baseline)}}
    verdicts = pack_verdicts(engine, doc, config)
    assert verdicts == offline_verdicts(tmp_path, doc, config) == [("cost-increase", "mandatory"),
                                                                   ("cost-recommendations", "advisory")]


@pytest.mark.parametrize("where", ["offline", "pack"])
def test_an_overflowing_count_fails_mandatory_gates(engine, tmp_path, where):
    """`desiredSize: 1e308`: the resource's cost is not finite, it is unpriced, and unpriced is
    never $0 in a verdict (1e300 was already over; 1e308 used to pass)."""
    config = {"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 100},
              "resource-cost-limit": {"enforcementLevel": "mandatory", "maxMonthlyCost": 50}}
    instance = {"type": "aws:ec2/instance:Instance", "name": "big", "urn": "urn:pulumi:dev::shop::aws:ec2/instance:Instance::big",
                "props": {"instanceType": "t3.micro"}, "provider": {"region": "us-east-1"}}
    fleet = {"type": "aws:eks/nodeGroup:NodeGroup", "name": "fleet", "provider": {"region": "us-east-1"},
             "urn": "urn:pulumi:dev::shop::aws:eks/nodeGroup:NodeGroup::fleet",
             "props": {"instanceTypes": ["t3.micro"], "scalingConfig": {"desiredSize": 1e308, "maxSize": 1e308,
                                                                        "minSize": 1}}}
    resources = [instance, fleet]
    if where == "pack":
        engine.configure(config)
        diags = [d for r in resources for d in engine.analyze(r["type"], r["name"], r["props"], r["provider"], r["urn"])]
        diags += engine.analyze_stack(resources)
        found = {(d.policy, d.level) for d in diags}
    else:
        steps = [{"op": "create", "urn": r["urn"], "provider": "urn:pulumi:dev::shop::pulumi:providers:aws::p::1",
                  "newState": {"urn": r["urn"], "type": r["type"], "custom": True, "inputs": r["props"],
                               "provider": "urn:pulumi:dev::shop::pulumi:providers:aws::p::1"}} for r in resources]
        steps.insert(0, {"op": "create", "urn": "urn:pulumi:dev::shop::pulumi:providers:aws::p",
                         "newState": {"urn": "urn:pulumi:dev::shop::pulumi:providers:aws::p", "type": "pulumi:providers:aws",
                                      "inputs": {"region": "us-east-1"}}})
        found = set(offline_verdicts(tmp_path, {"steps": steps}, config))
    assert ("stack-budget", "mandatory") in found and ("resource-cost-limit", "mandatory") in found


def test_messages_show_what_the_user_typed_and_the_closest_known_value(engine):
    """Values not marked secret are shown, with where they came from and the closest known values;
    a value the engine marks secret is never shown (the pack keeps the engine's secret marks)."""
    from pulumicost_policy.testing.harness import secret
    engine.configure({"cost-estimate": {"reportEach": "all"}})
    [typo] = [d.message for d in engine.analyze("aws:ec2/instance:Instance", "web", {"instanceType": "t3.mirco"},
                                                provider={"region": "us-east-1"}) if d.policy == "cost-estimate"]
    assert "t3.mirco is not in the price book (did you mean t3.micro" in typo
    [region] = [d.message for d in engine.analyze("aws:ec2/instance:Instance", "web", {"instanceType": "t3.micro"},
                                                  provider={"region": "eu-west-l"}) if d.policy == "cost-estimate"]
    assert "region eu-west-l (from the provider)" in region and "eu-west-1" in region
    [hidden] = [d.message for d in engine.analyze("aws:ec2/instance:Instance", "web",
                                                  {"instanceType": secret("t3.mirco-hunter2")},
                                                  provider={"region": "us-east-1"}) if d.policy == "cost-estimate"]
    assert "instanceType is a secret" in hidden and "hunter2" not in hidden


def test_headlines_do_not_claim_what_did_not_happen(tmp_path):
    """No policy ran: not "all passed"; a delete's saving is an amount saved, not a negative one."""
    out = run("--pulumi-json", MIXED, "--policy-pack-config", gate(tmp_path, {"all": "disabled"}))
    assert out.returncode == 0 and "no policy ran" in out.stdout and "✅" not in out.stdout
    doc = json.loads((ROOT / "examples" / "ten-t3-micro.json").read_text())
    step = next(s for s in doc["steps"] if s["urn"].endswith("::web-1"))
    step.update(op="delete", oldState=step.pop("newState"))
    deleted = run("--pulumi-json", write(tmp_path, "delete.json", doc))
    line = next(x for x in deleted.stdout.splitlines() if x.startswith("Savings from deletes"))
    rate = PriceBook.load().get("aws", "ec2:Instance", "t3.micro", "us-east-1").rate_per_unit
    assert f"${rate * 730:,.2f}" in line and "-$" not in line


@pytest.mark.parametrize("output", ["table", "json", "ndjson", "markdown", "html", "infracost-json"])
def test_every_output_says_a_plan_is_partial(tmp_path, output):
    """Issue #22: every total carries what it could not price, in every output format."""
    doc = json.loads(MIXED.read_text())
    plan = write(tmp_path, "update.json", partial_update(doc))
    out = run("--pulumi-json", plan, "--output", output)
    assert out.returncode == 0, out.stderr
    omitted = len(doc["steps"]) - 2
    if output in ("json", "ndjson"):
        summary = json.loads(out.stdout.splitlines()[-1] if output == "ndjson" else out.stdout)
        assert summary["totals"]["partial"] is True and summary["totals"]["omitted"] == omitted
    else:
        assert f"Partial: {omitted} unchanged resources are not in the plan" in out.stdout
