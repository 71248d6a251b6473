"""`cost-recommendations`, the rules beyond EBS and EC2 generations: S3 Standard -> Intelligent-Tiering
by usage, one NAT gateway per stack, Azure older VM series, RDS previous generations. Every figure
is derived from the bundled price book."""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pulumicost_policy.inputs.resource import ResourceInput
from pulumicost_policy.pricing.pricer import Pricer
from pulumicost_policy.pricing.usage import Usage
from pulumicost_policy.recommend import recommend
from pulumicost_policy.recommend.settings import Settings
from seed_data import book_rate

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text())
REGION = "us-east-1"
BUCKET, NAT, SUBNET = "aws:s3/bucket:Bucket", "aws:ec2/natGateway:NatGateway", "aws:ec2/subnet:Subnet"
LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2"
HOURS = 730


def res(type_token: str, name: str, props: dict, stack: str = "prod") -> ResourceInput:
    return ResourceInput(f"urn:pulumi:{stack}::shop::{type_token}::{name}", type_token, name, props,
                         {"region": REGION})


def recs(resources: list[ResourceInput], usage: dict, settings: Settings = Settings(), **kw) -> dict:
    pricer = Pricer.from_specs(usage=Usage.parse({"resource_usage": usage}, "usage"))
    return {(r.name, r.id): r for r in recommend(pricer.estimate_many(resources), pricer, settings=settings, **kw)}


def s3(sku: str) -> float:
    return book_rate("aws", "s3:Bucket", sku, REGION)


def tiering_saving(gb: float, share: float, object_mb: float) -> float:
    """Standard storage against Intelligent-Tiering's two tiers plus its per-object monitoring fee."""
    tiered = gb * (1 - share) * s3("intelligent-tiering-frequent-storage") + \
        gb * share * s3("intelligent-tiering-infrequent-storage") + \
        gb * 1024 / object_mb * s3("intelligent-tiering-monitoring")
    return gb * s3("standard-storage") - tiered


def test_s3_standard_to_intelligent_tiering_by_usage():
    bucket = res(BUCKET, "logs", {"bucket": "logs-1"})
    got = recs([bucket], {"logs": {"storage_gb": 10000}})[("logs", "s3-intelligent-tiering")]
    assert got.saving == pytest.approx(tiering_saving(10000, 0.5, 1.0))
    assert got.current == pytest.approx(10000 * s3("standard-storage"))
    [change] = got.changes
    assert change.path == "lifecycleRules" and change.old is None
    assert change.new[0]["transitions"][0] == {"days": 0, "storageClass": "INTELLIGENT_TIERING"}
    fee = s3("intelligent-tiering-monitoring") * 1000  # the book's fee per 1,000 objects, in the caveat
    assert f"${fee:.4f} USD per 1,000 objects" in got.caveat and "50% of the data" in got.caveat
    # the assumptions are settings: all data read monthly -> only the monitoring fee changes: no saving
    assert ("logs", "s3-intelligent-tiering") not in recs([bucket], {"logs": {"storage_gb": 10000}},
                                                          Settings(infrequent_share=0.0))
    other = recs([bucket], {"logs": {"storage_gb": 10000}}, Settings(infrequent_share=0.8, object_mb=8.0))
    assert other[("logs", "s3-intelligent-tiering")].saving == pytest.approx(tiering_saving(10000, 0.8, 8.0))
    # requests move to Intelligent-Tiering's request prices
    gets = recs([bucket], {"logs": {"storage_gb": 10000, "monthly_get_requests": 5_000_000}})
    delta = 5000 * (s3("standard-get") - s3("intelligent-tiering-get"))
    assert gets[("logs", "s3-intelligent-tiering")].saving == pytest.approx(tiering_saving(10000, 0.5, 1.0) + delta)


def test_s3_with_a_lifecycle_rule_or_small_storage_gets_none():
    usage = {"logs": {"storage_gb": 10000}}
    ruled = res(BUCKET, "logs", {"bucket": "logs-1", "lifecycleRules": [{"enabled": True, "expirations": [{"days": 90}]}]})
    assert not recs([ruled], usage)
    bucket = res(BUCKET, "logs", {"bucket": "logs-1"})
    for target in ("logs-1", "04da6b54-80e4-46f7-96ec-b56ff0331ba9"):  # its name, or unknown until apply
        assert not recs([bucket, res(LIFECYCLE, "rules", {"bucket": target, "rules": []})], usage)
    # a configuration for another bucket leaves this one's advice
    assert recs([bucket, res(LIFECYCLE, "rules", {"bucket": "other-bucket", "rules": []})], usage)
    # no storage_gb: nothing to price; a small bucket saves less than minMonthlySaving
    assert not recs([bucket], {})
    small = tiering_saving(50, 0.5, 1.0)
    assert 0 < small < 1 and not recs([bucket], {"logs": {"storage_gb": 50}}, min_saving=1.0)


def nat_hours() -> float:
    return book_rate("aws", "ec2:NatGateway", "standard", REGION) * HOURS


def test_nat_gateways_in_one_az_become_one():
    subnets = [res(SUBNET, f"private-{i}", {"availabilityZone": "us-east-1a", "cidrBlock": f"10.0.{i}.0/24"})
               for i in range(3)]
    nats = [res(NAT, f"nat-{c}", {"subnetId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"}) for c in "abc"]
    usage = {"nat-a": {"monthly_data_processed_gb": 100}, "nat-b": {"monthly_data_processed_gb": 50}}
    got = recs(subnets + nats, usage)[("stack prod", "single-nat-gateway")]
    assert got.saving == pytest.approx(2 * nat_hours())  # the hours of the two others; data still processed
    gb = book_rate("aws", "ec2:NatGateway", "data-processed", REGION)
    assert got.proposed == pytest.approx(nat_hours() + 150 * gb)
    assert [(c.path, c.old, c.new) for c in got.changes] == [("natGateways", ["nat-a", "nat-b", "nat-c"], ["nat-a"])]
    assert got.urn == "" and "us-east-1a" in got.title and not got.caveat
    # subnets in two AZs (or an AZ unknown until apply) in a production stack: they are redundancy
    spread = subnets + [res(SUBNET, "private-b", {"availabilityZone": "us-east-1b"})]
    assert not recs(spread + nats, usage)
    assert not recs(subnets + [res(SUBNET, "x", {"availabilityZone": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"})] + nats, usage)
    assert not recs(subnets + nats[:1], usage)  # one NAT gateway already
    assert not recs(subnets + nats, usage, ignore=["single-nat-gateway"])


def test_nat_gateway_per_az_in_a_dev_stack():
    stack = [res(SUBNET, f"private-{z}", {"availabilityZone": f"us-east-1{z}"}, "dev") for z in "ab"] + \
        [res(NAT, f"nat-{z}", {}, "dev") for z in "ab"]
    got = recs(stack, {})[("stack dev", "single-nat-gateway")]
    assert got.saving == pytest.approx(nat_hours()) and "inter-AZ" in got.caveat
    assert not recs(stack, {}, Settings(dev_stacks=("sandbox",)))  # not a dev stack by these names


def offline(tmp: Path, resources: list[tuple[str, str, dict]], usage: dict, output: str = "json") -> str:
    steps = [{"op": "create", "urn": f"urn:pulumi:dev::shop::{t}::{n}", "provider": "",
              "newState": {"urn": f"urn:pulumi:dev::shop::{t}::{n}", "custom": True, "type": t, "inputs": props}}
             for t, n, props in resources]
    (tmp / "plan.json").write_text(json.dumps({"config": {"aws:region": REGION}, "steps": steps,
                                               "changeSummary": {"create": len(steps)}}))
    (tmp / "usage.yaml").write_text(json.dumps({"version": 1, "resource_usage": usage}))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(tmp / "plan.json"),
                          "--usage", str(tmp / "usage.yaml"), "--output", output], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


OFFLINE_STACK = [(BUCKET, "logs", {"bucket": "logs-1"}), (SUBNET, "private-a", {"availabilityZone": "us-east-1a"}),
                 (SUBNET, "private-b", {"availabilityZone": "us-east-1b"}), (NAT, "nat-a", {}), (NAT, "nat-b", {})]


def test_offline_report_carries_the_new_rules(tmp_path):
    usage = {"logs": {"storage_gb": 10000}}
    report = json.loads(offline(tmp_path, OFFLINE_STACK, usage))
    jsonschema.validate(report, SCHEMA)
    by = {r["id"]: r for r in report["recommendations"]}
    assert by["s3-intelligent-tiering"]["monthly_saving"] == pytest.approx(tiering_saving(10000, 0.5, 1.0))
    nat = by["single-nat-gateway"]  # stack "dev", a NAT gateway per AZ
    assert nat["monthly_saving"] == pytest.approx(nat_hours()) and nat["urn"] == ""
    assert nat["changes"] == [{"path": "natGateways", "from": ["nat-a", "nat-b"], "to": ["nat-a"]}]
    markdown = offline(tmp_path, OFFLINE_STACK, usage, "markdown")
    assert '| stack dev | natGateways: \\["nat-a", "nat-b"\\] -\\> \\["nat-a"\\] |' in markdown  # escaped


LINUX_VM, NATIVE_VM = "azure:compute/linuxVirtualMachine:LinuxVirtualMachine", "azure-native:compute:VirtualMachine"


def vm_rate(size: str, region: str = "eastus") -> float:
    return book_rate("azure", "vm:Linux", size, region)


def cheapest(sizes: list[str], region: str = "eastus") -> tuple[str, float]:
    from pulumicost_policy.pricing.pricebook import PriceBook
    book = PriceBook.load()
    priced = [(s, book.get("azure", "vm:Linux", s, region)) for s in sizes]
    return min(((s, p.rate_per_unit) for s, p in priced if p is not None), key=lambda sp: sp[1])


@pytest.mark.parametrize("token,props,region", [
    (LINUX_VM, lambda size: {"size": size}, "eastus"),
    (NATIVE_VM, lambda size: {"hardwareProfile": {"vmSize": size}}, "westus2")])
def test_azure_dv2_to_current_series(token, props, region):
    vm = ResourceInput(f"urn:pulumi:prod::shop::{token}::api", token, "api", {**props("Standard_D2_v2"), "location": region})
    got = recs([vm], {})
    # like-for-like keeps the temporary disk: Ddsv5 / Dadsv5 with 2 vCPUs
    new, rate = cheapest(["Standard_D2ds_v5", "Standard_D2ads_v5"], region)
    same = got[("api", "azure-current-series")]
    assert same.saving == pytest.approx((vm_rate("Standard_D2_v2", region) - rate) * HOURS)
    assert same.changes[0].new == new and same.changes[0].old == "Standard_D2_v2" and not same.caveat
    # without the temporary disk it is cheaper still, with that condition
    bare, bare_rate = cheapest(["Standard_D2s_v5", "Standard_D2as_v5"], region)
    assert bare_rate < rate
    assert got[("api", "azure-current-series-no-temp-disk")].changes[0].new == bare
    assert "temporary disk" in got[("api", "azure-current-series-no-temp-disk")].caveat


def test_azure_other_series_and_current_sizes():
    def one(size: str) -> dict:
        return recs([ResourceInput(f"urn:pulumi:prod::shop::{LINUX_VM}::vm", LINUX_VM, "vm",
                                   {"size": size, "location": "eastus"})], {})
    # memory-optimised D11_v2 (2 vCPUs) -> Ev5 with 2 vCPUs
    new, rate = cheapest(["Standard_E2ds_v5", "Standard_E2ads_v5"])
    got = one("standard_d11_v2")[("vm", "azure-current-series")]  # any case, as Azure accepts
    assert got.changes[0].new == new and got.saving == pytest.approx((vm_rate("Standard_D11_v2") - rate) * HOURS)
    # Dv3 -> Dv5 costs the same: a like-for-like proposal only if the book has one cheaper
    v3 = one("Standard_D2s_v3")
    new, rate = cheapest(["Standard_D2ds_v5", "Standard_D2ads_v5"])
    assert (("vm", "azure-current-series") in v3) == (rate < vm_rate("Standard_D2s_v3"))
    # Av2 (2 GiB per vCPU, temporary disk): the no-temp-disk alternative only when it saves more
    a2 = one("Standard_A2_v2")
    new, rate = cheapest(["Standard_D2lds_v5", "Standard_F2s_v2"])
    assert a2[("vm", "azure-current-series")].saving == pytest.approx((vm_rate("Standard_A2_v2") - rate) * HOURS)
    bare = a2.get(("vm", "azure-current-series-no-temp-disk"))
    assert bare is None or bare.saving > a2[("vm", "azure-current-series")].saving
    for current in ("Standard_D2s_v5", "Standard_B2s", "Standard_D1_v2"):  # current, or no successor of 1 vCPU
        assert not one(current), current


RDS = "aws:rds/instance:Instance"


def rds_rate(cls: str, engine: str = "mysql") -> float:
    return book_rate("aws", "rds:Instance", f"{cls}:{engine}:single-az", REGION)


def test_rds_previous_generation_and_storage():
    from pulumicost_policy.pricing.pricebook import PriceBook
    from pulumicost_policy.recommend.rules import later_families
    book = PriceBook.load()
    for old, size in (("m4", "large"), ("r4", "large"), ("t2", "micro")):
        db = res(RDS, "db", {"instanceClass": f"db.{old}.{size}", "engine": "mysql", "allocatedStorage": 100})
        got = recs([db], {})
        later = [(f, book.get("aws", "rds:Instance", f"db.{f}.{size}:mysql:single-az", REGION)) for f in later_families(old)]
        rates = [(f, s.rate_per_unit) for f, s in later if s is not None]
        family, rate = min(rates, key=lambda fr: fr[1])
        if rate < rds_rate(f"db.{old}.{size}"):
            gen = got[("db", "current-generation")]
            assert gen.changes[0].new == f"db.{family}.{size}"
            assert gen.saving == pytest.approx((rds_rate(f"db.{old}.{size}") - rate) * HOURS)
        else:  # the same price (db.r4 -> db.r5, db.t2 -> db.t3 in us-east-1): no advice
            assert ("db", "current-generation") not in got
    assert any(rds_rate(f"db.{f}.large") < rds_rate("db.m4.large") for f in later_families("m4"))  # m4 has one
    # gp2 -> gp3 storage: only where the book's gp3 rate is lower (equal in us-east-1, lower Multi-AZ in Seoul)
    cheaper = 0
    for region, multi in ((REGION, False), ("ap-northeast-2", True)):
        props = {"instanceClass": "db.m5.large", "engine": "mysql", "allocatedStorage": 500, "multiAz": multi}
        deployment = "multi-az" if multi else "single-az"
        gp2, gp3 = (book_rate("aws", "rds:Storage", f"{t}:{deployment}", region) for t in ("gp2", "gp3"))
        db = ResourceInput(f"urn:pulumi:prod::shop::{RDS}::db", RDS, "db", props, {"region": region})
        got = recs([db], {}, min_saving=0.0)
        if gp3 < gp2:
            cheaper += 1
            assert got[("db", "rds-gp2-to-gp3")].saving == pytest.approx(500 * (gp2 - gp3))
            assert got[("db", "rds-gp2-to-gp3")].changes[0].old == "gp2"  # unset: the provider's default
        else:
            assert ("db", "rds-gp2-to-gp3") not in got
        ready = ResourceInput(db.urn, RDS, "db", {**props, "storageType": "gp3"}, {"region": region})
        assert ("db", "rds-gp2-to-gp3") not in recs([ready], {}, min_saving=0.0)
    assert cheaper, "no region where the book prices RDS gp3 below gp2: pick one that does"
