"""The offline run (`python -m pulumicost_policy.projected`) as a user runs it: a subprocess."""
import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from seed_data import mixed_example_monthly

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args):
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def report(*args):
    out = run(*args, "--output", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_seed_ten_t3_micro_plan():
    # The integration seed prints "10 x $7.59 = $75.90": it rounds each instance before summing.
    # The arithmetic is 10 x 0.0104 x 730 = 75.92, which is what we show.
    r = report("--pulumi-json", EXAMPLES / "ten-t3-micro.json")
    assert r["totals"]["monthly"] == pytest.approx(75.92)
    assert r["totals"]["monthly"] != pytest.approx(75.90)
    assert r["coverage"]["priced"] == 10 and r["coverage"]["unpriced"] == 0
    table = run("--pulumi-json", EXAMPLES / "ten-t3-micro.json")
    assert "$75.92 USD" in table.stdout


def test_seed_mixed_plan_with_usage():
    # Figures from the price book (the seed's $114.72 / $112.42 are what it gives today).
    expected = mixed_example_monthly()
    r = report("--pulumi-json", EXAMPLES / "mixed.json", "--usage", EXAMPLES / "usage.yaml")
    assert r["totals"]["monthly"] == pytest.approx(sum(expected.values()))
    assert r["totals"]["by_type"]["USD"] == pytest.approx(expected)
    without_usage = report("--pulumi-json", EXAMPLES / "mixed.json")
    assert without_usage["totals"]["monthly"] == pytest.approx(sum(mixed_example_monthly(False).values()))
    assert without_usage["coverage"]["usage_based"] == 1


def test_ops_replace_once_delete_as_saving_same_from_old_state(tmp_path):
    doc = json.loads((EXAMPLES / "ten-t3-micro.json").read_text())
    web1, web2, web3 = (copy.deepcopy(s) for s in doc["steps"][2:5])
    web1["op"] = "replace"
    web1["oldState"] = copy.deepcopy(web1["newState"])
    web1["newState"]["inputs"]["instanceType"] = "m5.large"
    repl = copy.deepcopy(web1)
    repl["op"] = "create-replacement"
    web2["op"], web2["oldState"], web2["newState"] = "delete", web2["newState"], None
    web3["op"], web3["oldState"], web3["newState"] = "same", web3["newState"], None
    doc["steps"] = doc["steps"][:2] + [web1, repl, web2, web3]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc))
    r = report("--pulumi-json", plan)
    assert [x["op"] for x in r["resources"] if x["type"].startswith("aws:")] == ["replace", "same"]
    assert r["totals"]["monthly"] == pytest.approx(70.08 + 7.592)
    assert r["savings"]["totals"]["monthly"] == pytest.approx(7.592)


def test_stack_export(tmp_path):
    state = {"version": 3, "deployment": {"manifest": {}, "resources": [
        {"urn": "urn:pulumi:dev::p::pulumi:providers:aws::default", "custom": True, "type": "pulumi:providers:aws",
         "inputs": {"region": "us-east-1"}},
        {"urn": "urn:pulumi:dev::p::aws:ec2/instance:Instance::a", "custom": True, "type": "aws:ec2/instance:Instance",
         "inputs": {"instanceType": "m5.4xlarge"}, "provider": "urn:pulumi:dev::p::pulumi:providers:aws::default::abc"},
        {"urn": "urn:pulumi:dev::p::aws:ec2/instance:Instance::gone", "custom": True, "delete": True,
         "type": "aws:ec2/instance:Instance", "inputs": {"instanceType": "m5.4xlarge"}},
    ]}}
    f = tmp_path / "state.json"
    f.write_text(json.dumps(state))
    r = report("--pulumi-state", f)
    assert r["totals"]["monthly"] == pytest.approx(560.64)


@pytest.mark.parametrize("content,expect", [
    ("", "the file is empty"),
    ('{"steps": [', "not valid JSON (line 1"),
    ('{"format_version": "1.2", "resource_changes": []}', "this is a Terraform plan"),
    ('{"version": 3, "deployment": {"resources": []}}', "pass it with --pulumi-state"),
    ("[1, 2]", "expected a `pulumi preview --json` object"),
])
def test_bad_plan_files_one_line_error_exit_2(tmp_path, content, expect):
    f = tmp_path / "plan.json"
    f.write_text(content)
    out = run("--pulumi-json", f)
    assert out.returncode == 2
    assert expect in out.stderr and str(f) in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_missing_file_and_bad_usage(tmp_path):
    out = run("--pulumi-json", tmp_path / "nope.json")
    assert out.returncode == 2 and "nope.json" in out.stderr and "Traceback" not in out.stderr
    usage = tmp_path / "usage.yaml"
    usage.write_text("resource_usage: [\n")
    out = run("--pulumi-json", EXAMPLES / "mixed.json", "--usage", usage)
    assert out.returncode == 2 and "usage.yaml line" in out.stderr


def test_ndjson_one_record_a_line():
    out = run("--pulumi-json", EXAMPLES / "ten-t3-micro.json", "--output", "ndjson")
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["kind"] for r in lines].count("resource") == 12
    assert lines[-1]["kind"] == "summary" and lines[-1]["totals"]["monthly"] == pytest.approx(75.92)
