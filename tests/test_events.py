"""Engine-event streams (`pulumi up --json`, streaming `pulumi preview --json`) and checkpoints of
never-deployed stacks are read (#16), on the real recordings in ../shared/realdata."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.inputs import plan
from pulumicost_policy.pricing.estimate import HOURS_PER_MONTH
from pulumicost_policy.pricing.pricebook import PriceBook

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "realdata"
BOOK = PriceBook.load()
needs_realdata = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/realdata is not here")


def report(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(path),
                          "--output", "json"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@needs_realdata
def test_webserver_update_events_price_the_replaced_instance_with_its_change():
    r = report(REAL / "pp-events-webserver-userdata.json")
    (web,) = [x for x in r["resources"] if x["type"] == "aws:ec2/instance:Instance"]
    rate = BOOK.get("aws", "ec2:Instance", "t2.micro", "us-west-2").rate_per_unit
    assert web["region"] == "us-west-2" and web["op"] in ("replace", "create-replacement")
    [hours] = [c for c in web["components"] if c["label"].startswith("Instance usage")]
    assert hours["monthly"] == pytest.approx(rate * HOURS_PER_MONTH)
    # Only userData changed: the replacement keeps the old root volume (from the same AMI) and public
    # IPv4 (same subnet), which a preview's new state cannot know. Like with like: no saving claimed.
    assert web["monthly"] == pytest.approx(web["past_monthly"]) and web["monthly_change"] == 0
    assert any(c["label"].startswith("Public IPv4") for c in web["components"])
    assert r["coverage"]["unpriced"] == 0


@needs_realdata
def test_eks_events_price_cluster_nat_and_eip_and_components_are_not_unpriced():
    r = report(REAL / "pp-events-eks-template-body.json")
    by_type = r["totals"]["by_type"]["USD"]
    for token in ("aws:eks/cluster:Cluster", "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip"):
        assert by_type.get(token, 0) > 0, token
    assert r["coverage"]["unpriced"] == 0, r["coverage"]   # awsx:x:ec2:* (four-part tokens) are components


@needs_realdata
def test_destroy_events_are_savings():
    r = report(REAL / "pp-events-destroy-custom-parent.json")
    assert {x["op"] for x in r["savings"]["resources"]} == {"delete"} and r["savings"]["resources"]


def test_event_stream_with_a_broken_line_is_a_clear_error(tmp_path):
    bad = tmp_path / "events.json"
    bad.write_text('{"sequence":0,"timestamp":1,"preludeEvent":{"config":{}}}\n{"sequence":1,\n')
    with pytest.raises(plan.PlanError, match="event on line 2"):
        plan.load(bad, "preview")


def test_a_checkpoint_never_deployed_is_an_empty_stack(tmp_path):
    path = tmp_path / "dev.json"
    path.write_text(json.dumps({"version": 3, "checkpoint": {"stack": "organization/p/dev", "config": {}}}))
    assert plan.load(path, "state") == []
    path.write_text(json.dumps({"version": 3, "checkpoint": {"latest": "nope"}}))
    with pytest.raises(plan.PlanError):
        plan.load(path, "state")


@needs_realdata
def test_a_pre_v1_checkpoint_is_read():
    """`{"target", "latest": {...}}`: Pulumi's checkpoint layout of 2017 (pp-todo-prev1.json)."""
    planned = plan.load(REAL / "pp-todo-prev1.json", "state")
    assert any(p.resource.type == "aws:dynamodb/table:Table" for p in planned)
