"""The cost of a change (#16): before -> after and the delta per resource, past/current/diff totals,
from a digest's old states and from `--compare-to` (a state or an earlier JSON report)."""
import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.pricing.estimate import HOURS_PER_MONTH
from pulumicost_policy.pricing.pricebook import PriceBook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BOOK = PriceBook.load()


def monthly(instance_type: str, region: str = "us-east-1") -> float:
    return BOOK.get("aws", "ec2:Instance", instance_type, region).rate_per_unit * HOURS_PER_MONTH


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env=env)


def change_digest(tmp_path: Path) -> Path:
    """Stack, provider and four instances: web-1 t3.large -> m5.2xlarge (update), web-2 replaced
    t3.micro -> m5.large, web-3 deleted (t3.micro), web-4 created (t3.micro), web-5 kept."""
    doc = json.loads((EXAMPLES / "ten-t3-micro.json").read_text())
    head, template = doc["steps"][:2], doc["steps"][2]

    def step(name, op, old_type, new_type):
        s = copy.deepcopy(template)
        s["urn"] = s["urn"].replace("web-1", name)
        state = s["newState"]
        state["urn"] = s["urn"]
        old = copy.deepcopy(state)
        old["inputs"]["instanceType"] = old["outputs"]["instanceType"] = old_type
        state["inputs"]["instanceType"] = state["outputs"]["instanceType"] = new_type
        s["op"] = op
        s["oldState"] = old if old_type else None
        s["newState"] = state if new_type else None
        return s

    doc["steps"] = head + [step("web-1", "update", "t3.large", "m5.2xlarge"),
                           step("web-2", "create-replacement", "t3.micro", "m5.large"),
                           step("web-2", "replace", "t3.micro", "m5.large"),
                           step("web-2", "delete-replaced", "t3.micro", None),
                           step("web-3", "delete", "t3.micro", None),
                           step("web-4", "create", None, "t3.micro"),
                           step("web-5", "same", "t3.micro", "t3.micro")]
    path = tmp_path / "change.json"
    path.write_text(json.dumps(doc))
    return path


def test_digest_change_per_resource_and_totals_in_json(tmp_path):
    out = run("--pulumi-json", change_digest(tmp_path), "--output", "json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    rows = {r["name"]: r for r in report["resources"] + report["savings"]["resources"]}
    large, big, micro, m5l = monthly("t3.large"), monthly("m5.2xlarge"), monthly("t3.micro"), monthly("m5.large")
    assert rows["web-1"]["past_monthly"] == pytest.approx(large) and rows["web-1"]["monthly"] == pytest.approx(big)
    assert rows["web-1"]["monthly_change"] == pytest.approx(big - large)
    assert rows["web-2"]["op"] == "create-replacement"
    assert rows["web-2"]["monthly_change"] == pytest.approx(m5l - micro)
    assert rows["web-3"]["op"] == "delete" and rows["web-3"]["monthly_change"] == pytest.approx(-micro)
    assert rows["web-4"]["past_monthly"] == 0.0 and rows["web-4"]["monthly_change"] == pytest.approx(micro)
    assert rows["web-5"]["monthly_change"] == 0.0
    past = large + micro + micro + micro        # web-1, web-2, web-3, web-5 as they are now
    now = big + m5l + micro + micro             # web-1, web-2, web-4, web-5 after
    assert report["past_totals"]["monthly"] == pytest.approx(past)
    assert report["totals"]["monthly"] == pytest.approx(now)
    assert report["diff_monthly"] == pytest.approx(now - past)


def test_digest_change_in_the_table(tmp_path):
    out = run("--pulumi-json", change_digest(tmp_path), env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    large, big = monthly("t3.large"), monthly("m5.2xlarge")
    web1 = next(line for line in out.stdout.splitlines() if "web-1" in line) + " "
    # The issue's own example: $60.74 -> $280.32 (+$219.58), from today's us-east-1 prices.
    assert f" ${large:,.2f} " in web1 and f" ${big:,.2f} " in web1 and f" +${big - large:,.2f} " in web1
    assert re.search(r"Projected monthly cost and change \(USD[;)]", out.stdout)
    assert re.search(r"Resource .* Before +Monthly +Change", out.stdout)
    assert re.search(r"Monthly cost change: \$[\d,.]+ -> \$[\d,.]+ USD \(\+\$[\d,.]+\)", out.stdout)


def test_a_change_with_nothing_priced_is_zero_not_mixed_currencies(tmp_path):
    """A digest whose only resource is of an unknown type: no currency on either side is $0 -> $0,
    not "mixed currencies" (it said so on a real engine-event stream)."""
    doc = json.loads((EXAMPLES / "ten-t3-micro.json").read_text())
    step = copy.deepcopy(doc["steps"][2])
    step["op"] = "create"
    step["newState"]["type"] = step["type"] = "pkgA:m:typA"
    step["urn"] = step["newState"]["urn"] = step["urn"].replace("aws:ec2/instance:Instance", "pkgA:m:typA")
    doc["steps"] = doc["steps"][:2] + [step]
    path = tmp_path / "unknown.json"
    path.write_text(json.dumps(doc))
    out = run("--pulumi-json", path, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert "Monthly cost change: $0.00 -> $0.00 USD ($0.00)" in out.stdout and "mixed currencies" not in out.stdout
    markdown = run("--pulumi-json", path, "--output", "markdown")
    assert "(was $0.00, **$0.00**)" in markdown.stdout and "mixed currencies" not in markdown.stdout


def test_compare_a_state_to_an_earlier_report_and_to_an_older_state(tmp_path):
    """A state run has no old states: --compare-to gives them, from a report or a state."""
    digest = json.loads((EXAMPLES / "ten-t3-micro.json").read_text())
    resources = [s["newState"] for s in digest["steps"]]
    old_state = {"version": 3, "deployment": {"resources": copy.deepcopy(resources)}}
    resources[2]["inputs"]["instanceType"] = "m5.large"         # web-1 grows
    new_state = {"version": 3, "deployment": {"resources": resources[:-1]}}  # the last one is gone
    (tmp_path / "old.json").write_text(json.dumps(old_state))
    (tmp_path / "new.json").write_text(json.dumps(new_state))
    earlier = run("--pulumi-state", tmp_path / "old.json", "--output", "json")
    (tmp_path / "earlier-report.json").write_text(earlier.stdout)
    micro, m5l = monthly("t3.micro"), monthly("m5.large")
    for old in ("old.json", "earlier-report.json"):
        out = run("--pulumi-state", tmp_path / "new.json", "--compare-to", tmp_path / old, "--output", "json")
        assert out.returncode == 0, out.stderr
        report = json.loads(out.stdout)
        rows = {r["name"]: r for r in report["resources"] + report["savings"]["resources"]}
        assert rows["web-1"]["op"] == "update" and rows["web-1"]["monthly_change"] == pytest.approx(m5l - micro)
        assert rows["web-2"]["op"] == "same"
        assert rows["web-10"]["op"] == "delete" and rows["web-10"]["monthly_change"] == pytest.approx(-micro)
        assert report["diff_monthly"] == pytest.approx(m5l - micro - micro)


def test_compare_to_a_bad_file_is_exit_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema_version": "pulumicost.report/v1", "resources": "nope"}))
    out = run("--pulumi-state", EXAMPLES / "ten-t3-micro.json", "--compare-to", bad)
    assert out.returncode == 2
    out = run("--pulumi-json", EXAMPLES / "ten-t3-micro.json", "--compare-to", bad)
    assert out.returncode == 2 and "not a valid pulumicost.report/v1 report" in out.stderr
    assert "Traceback" not in out.stderr


def test_the_pack_shows_the_change_when_a_baseline_is_configured(tmp_path):
    """In the pack, `cost-increase`'s baselineStateFile is the before: the summary states the change
    in total and the report (reportFile) per resource, even with no limit configured."""
    from pulumicost_policy.testing.harness import EnginePack

    ec2 = "aws:ec2/instance:Instance"
    base = {"version": 3, "deployment": {"resources": [
        {"urn": "urn:pulumi:dev::proj::pulumi:providers:aws::default", "type": "pulumi:providers:aws",
         "custom": True, "inputs": {"region": "us-east-1"}},
        {"urn": "urn:pulumi:dev::proj::aws:ec2/instance:Instance::web", "type": ec2, "custom": True,
         "provider": "urn:pulumi:dev::proj::pulumi:providers:aws::default::1", "inputs": {"instanceType": "t3.micro"}},
        {"urn": "urn:pulumi:dev::proj::aws:ec2/instance:Instance::gone", "type": ec2, "custom": True,
         "provider": "urn:pulumi:dev::proj::pulumi:providers:aws::default::1", "inputs": {"instanceType": "t3.micro"}},
    ]}}
    (tmp_path / "base.json").write_text(json.dumps(base))
    report_file = tmp_path / "report.json"
    pack = EnginePack()
    try:
        pack.configure({"cost-increase": {"baselineStateFile": str(tmp_path / "base.json")},
                        "stack-cost-summary": {"reportFile": str(report_file)}})
        diags = pack.analyze_stack([{"type": ec2, "name": "web", "props": {"instanceType": "m5.large"},
                                     "provider": {"region": "us-east-1"},
                                     "urn": "urn:pulumi:dev::proj::aws:ec2/instance:Instance::web"}])
    finally:
        pack.close()
    micro, m5l = monthly("t3.micro"), monthly("m5.large")
    [summary] = [d for d in diags if d.policy == "stack-cost-summary"]
    assert (f"Monthly cost change: ${2 * micro:,.2f} -> ${m5l:,.2f} USD (+${m5l - 2 * micro:,.2f})"
            in summary.message), summary.message
    report = json.loads(report_file.read_text())
    rows = {r["name"]: r for r in report["resources"] + report["savings"]["resources"]}
    assert rows["web"]["monthly_change"] == pytest.approx(m5l - micro)
    assert rows["gone"]["op"] == "delete" and report["diff_monthly"] == pytest.approx(m5l - 2 * micro)


REAL = ROOT.parent / "shared" / "realdata"
needs_realdata = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata is not here")


@needs_realdata
@pytest.mark.parametrize("output", ["table", "markdown", "infracost-json", "json"])
def test_a_userdata_replacement_claims_no_saving_in_any_output(output):
    """Issue #22: only userData changed; the new side cannot know the root volume or the public
    IPv4 during preview. It used to read $12.52 -> $8.47 (-$4.05) everywhere."""
    out = run("--pulumi-json", REAL / "pp-events-webserver-userdata.json", "--output", output,
              env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert not re.search(r"-\$\d", out.stdout), "a saving is claimed"
    if output == "infracost-json":
        doc = json.loads(out.stdout)
        assert float(doc["diffTotalMonthlyCost"]) == 0


def test_a_line_unknown_on_one_side_makes_the_change_unknown(tmp_path):
    """A replacement with a new AMI: the new root volume's size is unknown (it comes from the AMI),
    the old one's is known; the difference would claim a saving, so it is `?` (null)."""
    doc = json.loads((EXAMPLES / "ten-t3-micro.json").read_text())
    step = next(s for s in doc["steps"] if s["urn"].endswith("::web-1"))
    old = copy.deepcopy(step["newState"])
    old["outputs"] = {**old.get("outputs", {}), "rootBlockDevice": {"volumeSize": 30, "volumeType": "gp3"}}
    step["newState"]["inputs"]["ami"] = "ami-0new"
    step.update(op="replace", oldState=old)
    path = tmp_path / "replace.json"
    path.write_text(json.dumps(doc))
    report = json.loads(run("--pulumi-json", path, "--output", "json").stdout)
    [web1] = [r for r in report["resources"] if r["name"] == "web-1"]
    assert web1["past_monthly"] > web1["monthly"] and web1["monthly_change"] is None
    assert report["diff_monthly"] is None  # nor in the total
    # Same AMI: the old volume is carried over and the change is known (none).
    step["newState"]["inputs"]["ami"] = old["inputs"]["ami"]
    path.write_text(json.dumps(doc))
    report = json.loads(run("--pulumi-json", path, "--output", "json").stdout)
    [web1] = [r for r in report["resources"] if r["name"] == "web-1"]
    assert web1["monthly_change"] == 0 and web1["monthly"] == pytest.approx(web1["past_monthly"])
