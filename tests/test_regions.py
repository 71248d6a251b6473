"""Region order (property, zone, ARN, provider, stack config, provider env), the origin shown in
the message, Azure names in both forms, ElastiCache nodes, and the freshness warning."""
import datetime as dt
from pathlib import Path

import pytest

from pulumicost_policy.descriptor import ResourceInput
from pulumicost_policy.descriptor.regions import normalise
from pulumicost_policy.policies.messages import resource_message
from pulumicost_policy.pricing.estimate import PRICED, UNPRICED
from pulumicost_policy.pricing.freshness import MAX_AGE_ENV, max_age_days, stale_warning
from pulumicost_policy.pricing.pricer import Pricer
from seed_data import book_rate

PRICER = Pricer.from_specs()
LAMBDA = "aws:lambda/function:Function"
EC2 = "aws:ec2/instance:Instance"


def est(type_token, props, provider=None, config=None, env=None, name="r"):
    return PRICER.estimate(ResourceInput(f"urn:pulumi:s::p::{type_token}::{name}", type_token, name, props,
                                         provider, config or {}, env=env if env is not None else {}))


@pytest.mark.parametrize("props,provider,config,env,region,origin", [
    ({"availabilityZone": "eu-west-1b"}, {"region": "us-west-2"}, {"aws:region": "us-east-1"}, {"AWS_REGION": "ap-south-1"},
     "eu-west-1", ""),
    ({}, {"region": "us-west-2"}, {"aws:region": "us-east-1"}, {"AWS_REGION": "ap-south-1"}, "us-west-2", "the provider"),
    ({}, {}, {"aws:region": "us-east-1"}, {"AWS_REGION": "ap-south-1"}, "us-east-1", "stack config aws:region"),
    ({}, {}, {}, {"AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "eu-west-1"}, "ap-south-1", "environment AWS_REGION"),
    ({}, {}, {}, {"AWS_DEFAULT_REGION": "eu-west-1"}, "eu-west-1", "environment AWS_DEFAULT_REGION"),
])
def test_aws_region_order_and_origin(props, provider, config, env, region, origin):
    e = est(EC2, {"instanceType": "t3.micro", **props}, provider, config, env)
    assert (e.status, e.region, e.region_from) == (PRICED, region, origin)
    assert e.monthly == pytest.approx(book_rate("aws", "ec2:Instance", "t3.micro", region) * 730)
    assert (f"region {region} from {origin}" in resource_message(e)) == bool(origin)


def test_lambda_region_from_its_arn_before_the_provider():
    e = est(LAMBDA, {"arn": "arn:aws:lambda:eu-west-1:123456789012:function:api"}, {"region": "us-west-2"},
            env={"AWS_REGION": "us-east-1"})
    assert (e.region, e.region_from) == ("eu-west-1", "")


def test_gcp_env_fallbacks_in_order_and_region_unknown_names_them():
    e = est("gcp:compute/instance:Instance", {"machineType": "e2-medium"},
            env={"CLOUDSDK_COMPUTE_REGION": "europe-west1", "GOOGLE_ZONE": "us-east1-b"})
    assert (e.region, e.region_from) == ("europe-west1", "environment CLOUDSDK_COMPUTE_REGION")
    assert e.monthly == pytest.approx(book_rate("gcp", "compute:Instance", "e2-medium", "europe-west1") * 730
                                      + 10 * book_rate("gcp", "compute:Disk", "pd-standard", "europe-west1"))
    zone = est("gcp:compute/instance:Instance", {"machineType": "e2-medium"}, env={"GOOGLE_ZONE": "us-east1-b"})
    assert zone.region == "us-east1"
    none = est(EC2, {"instanceType": "t3.micro"})
    assert none.status == UNPRICED and "AWS_REGION" in none.reason


def test_azure_regions_in_both_forms():
    assert normalise("azure", "West US 2") == normalise("azure", "westus2") == "westus2"
    assert normalise("azure-native", "EASTUS") == normalise("azure", "East US") == "eastus"
    vm = "azure:compute/linuxVirtualMachine:LinuxVirtualMachine"
    east = est(vm, {"size": "Standard_B1s", "location": "East US"})
    assert east.status == PRICED and east.region == "eastus"
    env = est(vm, {"size": "Standard_B1s"}, env={"ARM_LOCATION": "West US 2"})
    assert env.status == PRICED and env.region == "westus2"


@pytest.mark.parametrize("engine", ["redis", "valkey", "memcached"])
def test_elasticache_nodes(engine):
    e = est("aws:elasticache/cluster:Cluster", {"nodeType": "cache.t3.micro", "engine": engine, "numCacheNodes": 3},
            {"region": "eu-west-1"})
    assert e.monthly == pytest.approx(3 * 730 * book_rate("aws", "elasticache:Node", f"cache.t3.micro:{engine}", "eu-west-1"))


def test_freshness_warning_names_prices_update():
    e = est(EC2, {"instanceType": "t3.micro"}, {"region": "us-west-2"})
    date = min(dt.date.fromisoformat(d) for d in e.source.removeprefix("specs ").split(", "))  # the oldest price used
    assert stale_warning([e], today=date + dt.timedelta(days=180)) is None
    warning = stale_warning([e], today=date + dt.timedelta(days=181))
    assert "prices update" in warning and date.isoformat() in warning and "181 days" in warning
    assert stale_warning([e], today=date + dt.timedelta(days=20), max_age=10) is not None
    assert max_age_days({MAX_AGE_ENV: "30"}) == 30 and max_age_days({MAX_AGE_ENV: "soon"}) == 180


def test_stack_summary_warns_when_prices_are_old():
    from pulumicost_policy.policies.messages import summary_message
    from pulumicost_policy.pricing.rollup import rollup

    e = est(EC2, {"instanceType": "t3.micro"}, {"region": "us-west-2"})
    stale = stale_warning([e])
    assert stale is not None  # the bundled 2025-04 EC2 feed is older than 180 days today
    assert summary_message(rollup([e])).endswith(stale)


def test_the_json_report_says_where_a_region_came_from(tmp_path):
    """The offline JSON report carries `region_from` (null when the resource names its own region)."""
    import json
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    doc = json.loads((root / "examples" / "ten-t3-micro.json").read_text())
    own = json.loads(json.dumps(doc["steps"][2]))
    own["urn"] = own["newState"]["urn"] = own["urn"].replace("web-1", "zoned")
    own["newState"]["inputs"]["availabilityZone"] = "us-east-1a"
    doc["steps"] = doc["steps"][:3] + [own]
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan), "--output",
                          "json"], cwd=root, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    rows = {r["name"]: r for r in json.loads(out.stdout)["resources"]}
    assert rows["web-1"]["region_from"] == "the provider" and rows["zoned"]["region_from"] is None


def test_the_source_dates_the_prices_in_the_total():
    """A t3.micro's total is its hours (the 2025 feed); its CPU-credit line is by usage, shown at the
    2020 offer file's unit price but not counted, so it does not date the estimate (nor trigger an
    old-prices warning); a resource with only by-usage lines is dated by the unit prices it shows."""
    from pulumicost_policy.pricing.pricebook import PriceBook
    book = PriceBook.load()
    hours = book.get("aws", "ec2:Instance", "t3.micro", "us-east-1")
    credits = book.get("aws", "ec2:CpuCredits", "t3", "us-east-1")
    assert credits.effective_date < hours.effective_date  # the case this test is about
    e = est(EC2, {"instanceType": "t3.micro"}, {"region": "us-east-1"})
    assert e.source == f"specs {hours.effective_date}"
    assert any(c.label.startswith("CPU credits") and c.monthly is None for c in e.components)
    assert credits.effective_date not in (stale_warning([e], dt.date(2026, 1, 1), 180) or "")
    bucket = est("aws:s3/bucket:Bucket", {}, {"region": "us-east-1"})
    assert bucket.source.startswith("specs 20")


# --- regions stated in the file itself (issue #25) -------------------------------------------

def test_region_from_an_arn_shaped_id_a_border_group_and_a_subnets_zone():
    from pulumicost_policy.descriptor import describe
    from pulumicost_policy.descriptor.resolve import resolve_references
    alb = describe(ResourceInput("urn:alb", "aws:lb/loadBalancer:LoadBalancer", "alb",
                                 {"id": "arn:aws:elasticloadbalancing:eu-central-1:1:loadbalancer/app/a/1"}, env={}))
    assert alb.region == "eu-central-1"
    nat = ResourceInput("urn:nat", "aws:ec2/natGateway:NatGateway", "nat", {"subnetId": "subnet-1"}, env={})
    subnet = ResourceInput("urn:sn", "aws:ec2/subnet:Subnet", "sn", {"id": "subnet-1", "availabilityZone": "eu-west-3b"})
    assert "region unknown" in describe(nat).reason
    resolved = describe(resolve_references([subnet, nat])[1])
    assert (resolved.region, resolved.region_from) == ("eu-west-3", "its subnet's availability zone")
    # no subnet: the one region the other resources on the same provider state (an old checkpoint's API)
    bucket = ResourceInput("urn:b", "aws:s3/bucket:Bucket", "b", {"region": "us-east-2"}, env={})
    api = describe(resolve_references([bucket, ResourceInput("urn:a", "aws:apigateway/restApi:RestApi", "a", {},
                                                             env={})])[1])
    assert (api.region, api.region_from) == ("us-east-2", "other resources on its provider")
    other = ResourceInput("urn:b2", "aws:s3/bucket:Bucket", "b2", {"region": "eu-west-1"}, env={})
    two = describe(resolve_references([bucket, other, ResourceInput("urn:a", "aws:apigateway/restApi:RestApi", "a",
                                                                    {}, env={})])[2])
    assert "region unknown" in two.reason  # two regions among its neighbours: no guess
    eip = describe(ResourceInput("urn:eip", "aws:ec2/eip:Eip", "eip", {"networkBorderGroup": "us-west-2-lax-1"}, env={}))
    assert eip.region == "us-west-2"
    disk = describe(ResourceInput("urn:d", "azure:compute/managedDisk:ManagedDisk", "d",
                                  {"location": "West Europe", "storageAccountType": "Premium_LRS", "diskSizeGb": 64},
                                  env={}))
    assert disk.region == "westeurope"


@pytest.mark.skipif(not (Path(__file__).resolve().parent.parent.parent / "shared" / "realdata").is_dir(),
                    reason="../shared/realdata is not here")
def test_awsx_stack_without_a_provider_region_has_no_region_unknown():
    import json
    import subprocess
    import sys
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-state",
                          str(root.parent / "shared" / "realdata" / "awsx-alb-fargate-stack.json"), "--output", "json"],
                         cwd=root, capture_output=True, text=True, timeout=60,
                         env={k: v for k, v in __import__("os").environ.items()
                              if k not in ("AWS_REGION", "AWS_DEFAULT_REGION")})
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["resources"]
    assert not [r for r in rows if "region unknown" in (r["unpriced_reason"] or "")]
    [svc] = [r for r in rows if r["type"] == "aws:ecs/service:Service"]
    assert svc["status"] == "priced" and svc["region"] == "us-west-2"
