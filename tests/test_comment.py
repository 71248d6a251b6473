"""Issue #26 items 1, 3 and 6: the PR comment names the project and stack from the URNs, carries a
hidden marker a CI job can find its own comment by, states the change with a percent, right-aligns
money, shows where prices come from and how old they are, lists each priced resource's components
in a collapsed section, and lists unpriced resources only under their own heading. Infracost JSON
amounts carry no float noise and a relative path."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from pulumicost_policy.money import money, rate_text

from test_change import change_digest

ROOT = Path(__file__).resolve().parent.parent
MIXED = ROOT / "examples" / "mixed.json"


def run(*args, code: int = 0) -> str:
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == code, out.stderr
    return out.stdout


def test_comment_names_project_and_stack_and_carries_the_marker():
    text = run("--pulumi-json", MIXED, "--output", "markdown")
    urn = next(s["urn"] for s in json.loads(MIXED.read_text())["steps"])
    stack, project = urn.split(":")[2], urn.split("::")[1]        # urn:pulumi:STACK::PROJECT::...
    assert text.startswith(f"<!-- pulumicost: {project}/{stack} -->\n")
    assert f"### Pulumi cost estimate: {project}/{stack}" in text
    # --stack names the stack; the project still comes from the URNs.
    assert run("--pulumi-json", MIXED, "--output", "markdown", "--stack", "prod").startswith(
        f"<!-- pulumicost: {project}/prod -->")


def test_change_with_percent_right_aligned_money_and_price_age(tmp_path):
    digest = change_digest(tmp_path)
    report = json.loads(run("--pulumi-json", digest, "--output", "json"))
    text = run("--pulumi-json", digest, "--output", "markdown")
    past, now = report["past_totals"]["monthly"], report["totals"]["monthly"]
    pct = (now - past) / past * 100
    assert f"(was {money(past)}, **+{money(now - past)} (+{pct:,.1f}%)**)" in text
    assert "|---|---|---|---|---:|---:|---:|" in text   # Before, After, Change right-aligned
    dates = sorted({re.search(r"\d{4}-\d{2}-\d{2}", r["source"]).group() for r in report["resources"] if r["source"]})
    when = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
    assert f"<sub>Prices: specs ({when})" in text.replace("\\(", "(").replace("\\)", ")")
    assert ":warning: Prices used date from" in text   # the price book is older than 180 days: reviewers see it


def test_each_priced_resource_is_collapsed_with_its_components_and_unpriced_are_not_listed_as_priced(tmp_path):
    plan = json.loads(MIXED.read_text())
    step = json.loads(json.dumps(plan["steps"][-1]))
    step["type"] = step["newState"]["type"] = "aws:mq/broker:Broker"   # registered, no price: unpriced
    step["urn"] = step["newState"]["urn"] = step["urn"].rsplit("::", 2)[0] + "::aws:mq/broker:Broker::queue"
    plan["steps"].append(step)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    report = json.loads(run("--pulumi-json", path, "--output", "json"))
    text = run("--pulumi-json", path, "--output", "markdown")
    priced = [r for r in report["resources"] if r["status"] in ("priced", "usage_based")]
    assert f"#### Resources with a cost ({len(priced)})" in text
    assert text.count("<details><summary><strong>") == len(priced)
    assert "<details><summary><strong>queue</strong>" not in text and "Unpriced resources (1)" in text
    web = next(r for r in report["resources"] if r["name"] == "web-1")
    section = text.split("<strong>web-1</strong>", 1)[1].split("</details>", 1)[0]
    hours = next(c for c in web["components"] if c["monthly"] is not None)
    assert f"| 730 | hours | {money(hours['monthly'])} |" in section
    for comp in (c for c in web["components"] if c["monthly"] is None):
        assert f"depends on usage: {rate_text(comp['rate'])} per {comp['unit']}" in section


def test_infracost_json_has_no_float_noise_and_a_relative_path(tmp_path):
    for plan in (MIXED, change_digest(tmp_path)):
        doc = json.loads(run("--pulumi-json", plan, "--output", "infracost-json"))
        amounts = re.findall(r'"(-?\d+\.\d+)"', json.dumps(doc))
        assert amounts
        noisy = [a for a in amounts if re.search(r"\.\d*(0{7,}[1-9]|9{7,})\d*$", a)]
        assert not noisy, noisy[:5]
        for a in amounts:   # each amount is the shortest text of its value
            assert Decimal(a) == Decimal(format(float(a), ".15g"))
        path = doc["projects"][0]["metadata"]["path"]
        assert not Path(path).is_absolute() and (ROOT / path).resolve() == Path(plan).resolve() or path == Path(plan).name
    report = run("--pulumi-json", MIXED, "--output", "json")
    assert not re.search(r"\d\.\d*(0{7,}[1-9]|9{7,})", report)
