"""`cost-recommendations`: cheaper equivalents priced from the book, in the pack, the offline run
and every report format, merged with a finfocus plugin's GetRecommendations."""
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pulumicost_policy.recommend.rules import later_families
from pulumicost_policy.testing.harness import EnginePack
from seed_data import book_rate
from test_finfocus_plugins import calls, install_standin

ROOT = Path(__file__).resolve().parent.parent
NAME = "cost-recommendations"
EC2, EBS = "aws:ec2/instance:Instance", "aws:ebs/volume:Volume"
REGION = "us-east-1"
GP2_VOLUME = {"type": "gp2", "size": 100, "availabilityZone": "us-east-1a"}
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text())


def gp3_saving() -> float:
    return 100 * (book_rate("aws", "ebs:Volume", "gp2", REGION) - book_rate("aws", "ebs:Volume", "gp3", REGION))


def m4_saving() -> tuple[str, float]:
    """The cheapest later generation of m4.large the book prices, and the monthly saving."""
    from pulumicost_policy.pricing.pricebook import PriceBook
    book = PriceBook.load()
    rates = {f: book.get("aws", "ec2:Instance", f"{f}.large", REGION) for f in later_families("m4")}
    family, spec = min(((f, s) for f, s in rates.items() if s is not None), key=lambda fs: fs[1].rate_per_unit)
    return f"{family}.large", (book_rate("aws", "ec2:Instance", "m4.large", REGION) - spec.rate_per_unit) * 730


def digest(path: Path, resources: list[tuple[str, str, dict]]) -> Path:
    """A minimal `pulumi preview --json` digest creating `resources` (type, name, inputs)."""
    steps = [{"op": "create", "urn": f"urn:pulumi:dev::shop::{t}::{n}", "provider": "",
              "newState": {"urn": f"urn:pulumi:dev::shop::{t}::{n}", "custom": True, "type": t, "inputs": props}}
             for t, n, props in resources]
    path.write_text(json.dumps({"config": {"aws:region": REGION}, "steps": steps, "changeSummary": {"create": len(steps)}}))
    return path


STACK = [(EBS, "vol", GP2_VOLUME), (EC2, "web", {"instanceType": "m4.large"}), (EC2, "small", {"instanceType": "t3.micro"})]


@pytest.fixture(scope="module")
def engine():
    p = EnginePack()
    yield p
    p.close()


def test_pack_gp3_and_current_generation(engine):
    engine.configure({})
    diags = [d for d in engine.analyze_stack([
        {"type": EBS, "name": "vol", "props": GP2_VOLUME},
        {"type": EC2, "name": "web", "props": {"instanceType": "m4.large"}, "provider": {"region": REGION}}])
        if d.policy == NAME]
    assert diags and all(d.level == "advisory" for d in diags)
    text = "\n".join(d.message for d in diags)
    assert f'type: "gp2" -> "gp3" saves ${gp3_saving():,.2f} USD/month' in text
    new, saving = m4_saving()
    assert f'instanceType: "m4.large" -> "{new}" saves ${saving:,.2f} USD/month' in text
    assert "if your AMI/image is arm64" in text  # the Graviton one carries its condition
    # ignore by id: no Graviton; minMonthlySaving above the gp3 saving drops it
    engine.configure({NAME: {"ignore": ["graviton"], "minMonthlySaving": gp3_saving() + 0.01}})
    text = "\n".join(d.message for d in engine.analyze_stack([
        {"type": EBS, "name": "vol", "props": GP2_VOLUME},
        {"type": EC2, "name": "web", "props": {"instanceType": "m4.large"}, "provider": {"region": REGION}}])
        if d.policy == NAME)
    assert "gp3" not in text and "arm64" not in text and new in text


def offline(plan: Path, output: str, env=None, config=None, tmp=None):
    extra = []
    if config is not None:
        (tmp / "policy.json").write_text(json.dumps(config))
        extra = ["--policy-pack-config", str(tmp / "policy.json")]
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan),
                          "--output", output, *extra], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_offline_json_markdown_html_and_table(tmp_path):
    plan = digest(tmp_path / "plan.json", STACK)
    report = json.loads(offline(plan, "json"))
    jsonschema.validate(report, SCHEMA)
    recs = {(r["name"], r["id"]): r for r in report["recommendations"]}
    gp3 = recs[("vol", "ebs-gp2-to-gp3")]
    assert gp3["monthly_saving"] == pytest.approx(gp3_saving())
    assert gp3["changes"] == [{"path": "type", "from": "gp2", "to": "gp3"}] and gp3["sources"] == ["pulumicost"]
    assert gp3["current_monthly"] - gp3["proposed_monthly"] == pytest.approx(gp3_saving())
    new, saving = m4_saving()
    gen = recs[("web", "current-generation")]
    assert gen["changes"] == [{"path": "instanceType", "from": "m4.large", "to": new}]
    assert gen["monthly_saving"] == pytest.approx(saving)
    assert [p["policy"] for p in report["policies"]].count(NAME) == len(report["recommendations"])
    markdown = offline(plan, "markdown")
    assert "### Savings opportunities" in markdown and f"${gp3_saving():,.2f}/month" in markdown
    html = offline(plan, "html")
    assert "<h2>Savings opportunities</h2>" in html and f"{new}&quot;" in html
    table = offline(plan, "table")
    lines = table.split("Savings opportunities:", 1)[1].splitlines()
    assert any(l.startswith("  vol: type: \"gp2\" -> \"gp3\"") for l in lines)
    assert "- [advisory]  cost-recommendations" not in table  # the lines above are the advisory ones
    assert {p["policy"] for p in report["policies"]} == {NAME}  # the policy's name offline


@pytest.fixture
def plugin_env(tmp_path):
    home = tmp_path / "home"
    install_standin(home)
    ours = tmp_path / "pulumicost"
    ours.mkdir()
    (ours / "config.yaml").write_text("plugins:\n  aws-public:\n    inherit_env: [STANDIN_LOG]\n")
    base = {k: v for k, v in os.environ.items() if k not in ("FINFOCUS_HOME", "PULUMI_HOME", "PULUMICOST_NO_CACHE")}
    return {**base, "HOME": str(home), "PULUMICOST_HOME": str(ours), "STANDIN_LOG": str(tmp_path / "standin.log")}


def test_plugin_recommendations_are_merged(tmp_path, plugin_env):
    plan = digest(tmp_path / "plan.json", STACK)
    # t3 -> t3a saves less than the default minMonthlySaving ($1)
    report = json.loads(offline(plan, "json", plugin_env, {NAME: {"minMonthlySaving": 0}}, tmp_path))
    jsonschema.validate(report, SCHEMA)
    by = {(r["name"], tuple(c["to"] for c in r["changes"])): r for r in report["recommendations"]}
    new, _ = m4_saving()
    if new == "m5.large":  # the stand-in gives the same advice: one entry naming both sources
        [same] = [r for r in report["recommendations"] if r["name"] == "web" and r["changes"][0]["to"] == "m5.large"]
        assert same["sources"][0] == "pulumicost" and same["sources"][1].startswith("plugin aws-public")
    theirs = by[("small", ("t3a.micro",))]  # the plugin's own advice
    assert theirs["sources"] == ["plugin aws-public"]
    t3, t3a = (book_rate("aws", "ec2:Instance", s, REGION) for s in ("t3.micro", "t3a.micro"))
    assert theirs["monthly_saving"] == pytest.approx((t3 - t3a) * 730)
    assert theirs["id"] == "standin-t3a-small"
    # `ignore` ids go to the plugin as excluded_recommendation_ids, and its advice is gone
    report = json.loads(offline(plan, "json", plugin_env, {NAME: {"ignore": ["standin-t3a-small"], "minMonthlySaving": 0}}, tmp_path))
    assert not [r for r in report["recommendations"] if r["id"] == "standin-t3a-small"]
    assert [r for r in report["recommendations"] if r["name"] == "small"]  # ours stay
    assert any("excluded=['standin-t3a-small']" in c for c in calls(plugin_env, "recommendations"))
