"""The bundled store against the vendor data files in ../shared/pricing (skipped when absent):
regenerating it gives the committed rows, and a preview digest in us-west-2 / eu-west-1 /
europe-west1 is priced at feed price x quantity, the feed price read here straight from the files."""
import gzip
import json
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import yaml

from pulumicost_policy.pricing.build import STORE_NAME, build_rows
from pulumicost_policy.pricing.pricebook import DEFAULT_SPECS_DIR
from pulumicost_policy.pricing.store import PriceStore

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "pricing"
FEEDS_A = SHARED / "aws-ec2-ebs-rds-elasticache-2025-04-04.tar.gz"
FEEDS_B = SHARED / "aws-services-pricingpages-2025-11-04.tar.gz"
GCP = SHARED / "gcp-pricing-yml-2026-07-30.yml.gz"
pytestmark = pytest.mark.skipif(not (FEEDS_A.exists() and FEEDS_B.exists() and GCP.exists()),
                                reason="needs ../shared/pricing")
HOURS = 730


def test_committed_store_is_what_the_importers_make_of_the_data_files():
    committed = PriceStore(DEFAULT_SPECS_DIR / STORE_NAME).rows()
    # A key may come twice at one rate (feeds list entries twice; RDS storage is in each engine's
    # feed); the store keeps the first in sort order.
    first = {}
    for row in sorted(build_rows(SHARED)):
        first.setdefault(row.key(), row)
    assert sorted(first.values()) == committed
    assert len(committed) > 50_000


class Feeds:
    """Reads prices straight from the tarballs by location name and entry key (no importer code)."""

    def __init__(self):
        self.docs = {}
        for path in (FEEDS_A, FEEDS_B):
            with tarfile.open(path, "r:gz") as tar:
                for m in tar.getmembers():
                    if m.isfile() and m.name.endswith(".json"):
                        self.docs[m.name.split("/", 1)[1].removeprefix("pricing/")] = json.load(tar.extractfile(m))

    def price(self, feed, location, key=None, **attrs):
        entries = self.docs[feed]["regions"][location]
        found = {float(v["price"]) for k, v in entries.items()
                 if (key is None or k == key) and all(v.get(a) == b for a, b in attrs.items())}
        assert len(found) == 1, (feed, location, key, attrs, found)
        return found.pop()

    def in_set(self, feed, location, set_name, **attrs):
        keys = set(self.docs[feed]["sets"][set_name])
        found = {float(v["price"]) for k, v in self.docs[feed]["regions"][location].items()
                 if k in keys and all(v.get(a) == b for a, b in attrs.items())}
        assert len(found) == 1, (set_name, found)
        return found.pop()


@pytest.fixture(scope="module")
def feeds():
    return Feeds()


@pytest.fixture(scope="module")
def gcp():
    with gzip.open(GCP, "rt") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def step(name, type_token, inputs, provider=None):
    return {"op": "create", "urn": f"urn:pulumi:dev::p::{type_token}::{name}",
            **({"provider": provider} if provider else {}),
            "newState": {"type": type_token, "inputs": inputs}}


def provider_step(pkg, region_key, region):
    urn = f"urn:pulumi:dev::p::pulumi:providers:{pkg}::default"
    return {"op": "create", "urn": urn, "newState": {"type": f"pulumi:providers:{pkg}", "inputs": {region_key: region}}}, \
        f"{urn}::id-1"


def run_digest(tmp_path, steps, usage):
    plan, usage_file = tmp_path / "plan.json", tmp_path / "usage.yaml"
    plan.write_text(json.dumps({"steps": steps}))
    usage_file.write_text(yaml.safe_dump({"version": 1, "resource_usage": usage}))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan),
                          "--usage", str(usage_file), "--output", "json"], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return {r["name"]: r for r in json.loads(out.stdout)["resources"]}, out.stderr


@pytest.mark.parametrize("region,location", [("us-west-2", "US West (Oregon)"), ("eu-west-1", "EU (Ireland)")])
def test_aws_digest_priced_from_the_feeds(tmp_path, feeds, region, location):
    prov, prov_ref = provider_step("aws", "region", region)
    steps = [prov,
             step("web", "aws:ec2/instance:Instance", {"instanceType": "t3.micro"}, prov_ref),
             step("vol", "aws:ebs/volume:Volume", {"type": "gp3", "size": 100, "iops": 4000, "throughput": 250,
                                                   "availabilityZone": f"{region}a"}),
             step("nat", "aws:ec2/natGateway:NatGateway", {}, prov_ref),
             step("ip", "aws:ec2/eip:Eip", {}, prov_ref),
             step("eks", "aws:eks/cluster:Cluster", {}, prov_ref),
             step("cache", "aws:elasticache/cluster:Cluster", {"nodeType": "cache.t3.micro", "engine": "redis",
                                                               "numCacheNodes": 2}, prov_ref),
             step("bucket", "aws:s3/bucketV2:BucketV2", {}, prov_ref),
             step("fn", "aws:lambda/function:Function", {"memorySize": 512, "architectures": ["arm64"]}, prov_ref),
             step("table", "aws:dynamodb/table:Table", {"billingMode": "PAY_PER_REQUEST"}, prov_ref)]
    for engine in ("mysql", "postgres", "mariadb"):
        for multi in (False, True):
            steps.append(step(f"db-{engine}-{multi}", "aws:rds/instance:Instance", {
                "instanceClass": "db.t3.micro", "engine": engine, "multiAz": multi, "allocatedStorage": 20,
                "storageType": "gp3"}, prov_ref))
    usage = {"nat": {"monthly_data_processed_gb": 10}, "bucket": {"storage_gb": 100, "monthly_put_requests": 10000,
                                                                    "monthly_get_requests": 100000},
             "fn": {"monthly_requests": 1000000, "request_duration_ms": 200},
             "table": {"monthly_write_request_units": 1000000, "monthly_read_request_units": 2000000, "storage_gb": 10}}
    got, stderr = run_digest(tmp_path, steps, usage)
    assert "prices update" in stderr  # the AWS feeds are older than 180 days: the freshness warning
    f = feeds.price
    t3 = f(f"ec2/{region}-ondemand.json", location, **{"Instance Type": "t3.micro"})
    assert got["web"]["monthly"] == pytest.approx(t3 * HOURS)
    assert got["web"]["monthly"] == pytest.approx({"us-west-2": 7.592, "eu-west-1": 8.322}[region])  # the figures
    ebs = "ebs/ebs.json"
    assert got["vol"]["monthly"] == pytest.approx(
        100 * f(ebs, location, "Storage General Purpose gp3 GB Mo")
        + 1000 * f(ebs, location, "Provisioned EBS IOPS gp3 Volumes per IOPS Mo")
        + 125 * f(ebs, location, "Provisioned Throughput gp3 per GiBps mo") / 1024)  # feed is per GiBps-month
    assert got["nat"]["monthly"] == pytest.approx(f("natgateway.json", location, "Hourly charge for NAT Gateways") * HOURS
                                                  + 10 * f("natgateway.json", location, "Charge for per GB data processed by NatGateways"))
    assert got["ip"]["monthly"] == pytest.approx(
        f("vpc.json", location, "Hourly charge for In use Public IPv4 Addresses per Hrs") * HOURS)
    assert got["eks"]["monthly"] == pytest.approx(f("eks.json", location, "Compute per hours") * HOURS)
    redis = feeds.in_set("elasticache/elasticache.json", location,
                         "OnDemand Cache Instance Standard Redis Current Generation", **{"Instance Type": "cache.t3.micro"})
    assert got["cache"]["monthly"] == pytest.approx(2 * redis * HOURS)
    assert got["bucket"]["monthly"] == pytest.approx(
        100 * f("s3.json", location, "Standard Storage First 50 TB per GB Mo")
        + 10000 * f("s3.json", location, "PUT COPY/POST or LIST requests per Requests")
        + 100000 * f("s3.json", location, "GET and all other requests per Requests"))
    assert got["fn"]["monthly"] == pytest.approx(
        1e6 * f("lambda.json", location, "Lambda Requests") + 1e6 * 0.2 * 0.5 * f("lambda.json", location, "Lambda Duration-ARM"))
    assert got["table"]["monthly"] == pytest.approx(
        1e6 * f("dynamodb.json", location, "PayPerRequest Write Request Units")
        + 2e6 * f("dynamodb.json", location, "PayPerRequest Read Request Units")
        + 10 * f("dynamodb.json", location, "Data Storage Indexed GB-Mo"))
    feed_engine = {"mysql": "MySQL", "postgres": "PostgreSQL", "mariadb": "MariaDB"}
    for engine in ("mysql", "postgres", "mariadb"):
        rds = f"rds/rds-{ {'postgres': 'postgresql'}.get(engine, engine)}-ondemand.json"
        for multi, dep, sto in ((False, "Single-AZ", "Single"), (True, "Multi-AZ", "Multi")):
            hour = f(rds, location, f"Database Instance {feed_engine[engine]} No license required db t3.micro "
                                    f"General purpose {dep} Current Generation")
            storage = f(rds, location, f"Database Storage {sto} AZ General Purpose-GP3")
            assert got[f"db-{engine}-{multi}"]["monthly"] == pytest.approx(hour * HOURS + 20 * storage)
    for name, res in got.items():
        if name != "default":  # the provider resource
            assert res["status"] == "priced" and ("2025-" in res["source"] or "2024-" in res["source"]), name


def test_gcp_digest_priced_from_pricing_yml(tmp_path, gcp):
    prov, prov_ref = provider_step("gcp", "region", "europe-west1")
    steps = [prov,
             step("vm", "gcp:compute/instance:Instance", {"machineType": "e2-medium", "zone": "europe-west1-b"}),
             step("big", "gcp:compute/instance:Instance", {"machineType": "n2-standard-8"}, prov_ref),
             step("disk", "gcp:compute/disk:Disk", {"type": "pd-ssd", "size": 50, "zone": "europe-west1-c"}),
             step("hdd", "gcp:compute/disk:Disk", {"size": 200}, prov_ref)]
    got, _ = run_digest(tmp_path, steps, {})
    cost = lambda kind, name: gcp["compute"][kind][name]["cost"]["europe-west1"]  # noqa: E731
    boot = 10 * cost("storage", "hdd")["month"]  # the image's 10 GB pd-standard boot disk, assumed and said
    assert got["vm"]["monthly"] == pytest.approx(cost("instance", "e2-medium")["hour"] * HOURS + boot)
    # N2 is billed with GCP's sustained-use discount, which pricing.yml's monthly figure includes
    assert got["big"]["monthly"] == pytest.approx(cost("instance", "n2-standard-8")["month"] + boot)
    assert got["disk"]["monthly"] == pytest.approx(50 * cost("storage", "ssd")["month"])
    assert got["hdd"]["monthly"] == pytest.approx(200 * cost("storage", "hdd")["month"])


# --- Azure and GKE: prices read straight from the data files (no importer code) -----------------

EU5 = SHARED / "azure-retail-eu5-vm-storage-2026-08-22.tar.gz"
SKYPILOT = SHARED / "skypilot-v6-azure-vms-us9.csv.gz"
FLEXERA = SHARED / "azure-flexera-disks-dbstorage-2026-07-12.tar.gz"
GKE = SHARED / "gcp-billing-catalog-gke-2025-08-08.tar.gz"
REALDATA = ROOT.parent / "shared" / "realdata"


def tar_json(path, member):
    with tarfile.open(path, "r:gz") as tar:
        return json.load(tar.extractfile(member))


def skypilot_price(size, region):
    import csv
    with gzip.open(SKYPILOT, "rt") as fh:
        [row] = [r for r in csv.DictReader(fh) if r["InstanceType"] == size and r["Region"] == region]
    return float(row["Price"])


def test_azure_vms_and_disks_priced_from_the_data_files(tmp_path):
    westeurope = tar_json(EU5, "vm-eu-west.json")
    [d2s] = {v["retailPrice"] for v in westeurope.values() if v["skuName"] == "D2s v3"
             and v["productName"] == "Virtual Machines DSv3 Series"}
    [d2s_win] = {v["retailPrice"] for v in westeurope.values() if v["skuName"] == "D2s v3"
                 and v["productName"] == "Virtual Machines DSv3 Series Windows"}
    p10 = tar_json(FLEXERA, "azure_md_pricing.json")["westus2"]["P10_LRS"]["pricePerUnit"]
    vm = "azure:compute/linuxVirtualMachine:LinuxVirtualMachine"
    disk = {"storageAccountType": "Premium_LRS", "diskSizeGb": 100}
    steps = [step("d2s", vm, {"size": "Standard_D2s_v3", "location": "westeurope",
                              "osDisk": {"storageAccountType": "Premium_LRS", "diskSizeGb": 100}}),
             step("win", "azure:compute/windowsVirtualMachine:WindowsVirtualMachine",
                  {"size": "Standard_D2s_v3", "location": "West Europe"}),
             step("b2s", vm, {"size": "standard_b2s", "location": "eastus"}),
             step("p10", "azure:compute/managedDisk:ManagedDisk", {**disk, "location": "westus2"}),
             step("far", vm, {"size": "Standard_D2s_v3", "location": "australiaeast"})]
    got, _ = run_digest(tmp_path, steps, {})
    eu_p10 = tar_json(EU5, "storage-eu-west.json")
    [we_p10] = {v["retailPrice"] for v in eu_p10.values() if v["skuName"] == "P10 LRS" and v["meterName"] == "P10 LRS Disk"}
    assert got["d2s"]["monthly"] == pytest.approx(d2s * HOURS + we_p10)  # Linux D2s v3 + its P10 OS disk
    assert got["d2s"]["source"] == "specs 2026-08-22"
    assert got["win"]["components"][0]["rate"] == d2s_win and d2s_win > d2s
    s4 = tar_json(FLEXERA, "azure_md_pricing.json")["eastus"]["S4_LRS"]["pricePerUnit"]  # a 30 GB image's OS disk
    assert got["b2s"]["monthly"] == pytest.approx(skypilot_price("Standard_B2s", "eastus") * HOURS + s4)
    assert got["p10"]["monthly"] == pytest.approx(p10)
    far = got["far"]
    assert far["status"] == "unpriced" and "in australiaeast" in far["unpriced_reason"]
    assert "westeurope" in far["unpriced_reason"] and "prices update --azure" in far["unpriced_reason"]


def test_gke_cluster_fee_from_the_billing_catalog(tmp_path):
    skus = {s["description"]: s for s in tar_json(GKE, "gcp_skus.json")["skus"]}

    def fee(name):
        price = skus[name]["pricingInfo"][0]["pricingExpression"]["tieredRates"][0]["unitPrice"]
        return int(price["units"]) + price["nanos"] / 1e9
    cluster = "gcp:container/cluster:Cluster"
    steps = [step("zonal", cluster, {"location": "europe-west1-b"}),
             step("regional", cluster, {"location": "europe-west1"}),
             step("autopilot", cluster, {"location": "us-central1", "enableAutopilot": True}),
             step("extended", cluster, {"location": "us-central1", "releaseChannel": {"channel": "EXTENDED"}})]
    got, _ = run_digest(tmp_path, steps, {})
    for name, sku in (("zonal", "Zonal"), ("regional", "Regional"), ("autopilot", "Autopilot"),
                      ("extended", "Extended Period")):
        assert got[name]["monthly"] == pytest.approx(fee(f"{sku} Kubernetes Clusters") * HOURS), name


@pytest.mark.skipif(not REALDATA.is_dir(), reason="needs ../shared/realdata")
def test_real_azure_native_aks_stack_prices_its_agent_pool():
    """azn-aks-v20240102preview: a versioned ManagedCluster token, one Standard_DS2_v2 node in
    eastus (Free tier: no cluster fee): the node's hours and its 128 GB Premium OS disk (P10)."""
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-state",
                          str(REALDATA / "azn-aks-v20240102preview-stack.json"), "--output", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    [cluster] = [r for r in json.loads(out.stdout)["resources"] if r["type"].endswith(":ManagedCluster")]
    p10 = tar_json(FLEXERA, "azure_md_pricing.json")["eastus"]["P10_LRS"]["pricePerUnit"]
    assert cluster["status"] == "priced"
    assert cluster["monthly"] == pytest.approx(skypilot_price("Standard_DS2_v2", "eastus") * HOURS + p10)


FEEDS_C = SHARED / "aws-pricewatcher-raw-feeds-2025-12-06.tar.gz"
DERIVED = SHARED / "aws-pricewatcher-processed-2025-12-06.tar.gz"


def _members(path, names):
    """Named JSON members of a tarball, read here without the importers' code."""
    with tarfile.open(path, "r:gz") as tar:
        return {m.name: json.load(tar.extractfile(m)) for m in tar.getmembers() if m.name in names}


@pytest.mark.skipif(not (FEEDS_C.exists() and DERIVED.exists()), reason="needs the 2025-12 AWS archives")
def test_2025_12_aws_data_priced_from_the_files(tmp_path):
    """Aurora, an ALB, SQL Server, OpenSearch and Secrets Manager in eu-west-1, each at the price its file
    holds (the 2025-12 feeds, the derived table), times the quantity."""
    raw = _members(FEEDS_C, {"rds-aurora-ondemand.json", "elb.json", "secretsmanager.json"})
    table = _members(DERIVED, {"processed/rds-sqlserver-ondemand.json", "processed/es.json"})
    ireland = "EU (Ireland)"
    feed = lambda name, key: float(raw[name]["regions"][ireland][key]["price"])  # noqa: E731

    def derived(name, key):
        found = [float(v) for label, v in table[name][key].items() if label.startswith(ireland + " (")]
        assert len(found) == 1, (name, key, found)
        return found[0]

    prov, ref = provider_step("aws", "region", "eu-west-1")
    steps = [prov,
             step("aurora", "aws:rds/clusterInstance:ClusterInstance",
                  {"engine": "aurora-mysql", "instanceClass": "db.r6g.large"}, ref),
             step("alb", "aws:lb/loadBalancer:LoadBalancer", {"loadBalancerType": "application"}, ref),
             step("mssql", "aws:rds/instance:Instance", {"engine": "sqlserver-se", "instanceClass": "db.m5.large",
                                                         "licenseModel": "license-included", "allocatedStorage": 20},
                  ref),
             step("search", "aws:opensearch/domain:Domain",
                  {"clusterConfig": {"instanceType": "m6g.large.search", "instanceCount": 2}}, ref),
             step("secret", "aws:secretsmanager/secret:Secret", {}, ref)]
    got, _ = run_digest(tmp_path, steps, {"alb": {"capacity_units": 2}, "secret": {"monthly_requests": 100000}})
    assert got["aurora"]["monthly"] == pytest.approx(HOURS * feed(
        "rds-aurora-ondemand.json", "Database Instance Aurora MySQL No license required db r6g.large Memory optimized "
                                    "Single-AZ Current Generation"))
    assert got["alb"]["monthly"] == pytest.approx(HOURS * (feed("elb.json", "Application Load Balancer Hours")
                                                           + 2 * feed("elb.json", "Application Load Balancer LCU Hours")))
    hour = derived("processed/rds-sqlserver-ondemand.json", "Database Instance SQL Server Standard License included "
                   "db m5.large General purpose Single-AZ Current Generation")
    storage = float(_members(FEEDS_C, {"rds-storage.json"})["rds-storage.json"]["regions"][ireland][
        "Database Storage Single AZ General Purpose"]["price"])
    assert got["mssql"]["monthly"] == pytest.approx(HOURS * hour + 20 * storage)
    assert got["search"]["monthly"] == pytest.approx(2 * HOURS * derived(
        "processed/es.json", "m6g large.search - General purpose - OnDemand - EBS Only - - - Hourly Cost"))
    assert got["secret"]["monthly"] == pytest.approx(feed("secretsmanager.json", "Secret")
                                                     + 1e5 * feed("secretsmanager.json", "API Request"))
    for name in ("aurora", "alb", "mssql", "search", "secret"):
        assert got[name]["status"] == "priced" and "2025-" in got[name]["source"], name


TOGEN = SHARED / "togen-azure-prices-25regions-2026-09-06.json.gz"


def togen_price(service, meter, region):
    """A price of the 25-region Azure table, read here without the importers' code."""
    with gzip.open(TOGEN, "rt") as fh:
        [price] = [s["price"] for s in json.load(fh)["skus"] if s["service"] == service
                   and s["attributes"]["meterName"] == meter and s["attributes"]["armRegionName"] == region]
    return price


@pytest.mark.skipif(not TOGEN.exists(), reason="needs the 25-region Azure table")
def test_function_app_on_a_consumption_plan_priced_by_usage_from_the_data_file():
    """Executions and GB-seconds at the table's Functions prices (no free grant deducted: it is per subscription)."""
    from pulumicost_policy.descriptor import ResourceInput, describe
    from pulumicost_policy.descriptor.resolve import resolve_references
    from pulumicost_policy.pricing.lookup import price_from_book
    from pulumicost_policy.pricing.pricebook import PriceBook
    plan = ResourceInput("urn:p", "azure:appservice/plan:Plan", "p",
                         {"id": "/plans/p", "sku": {"tier": "Dynamic", "size": "Y1"}, "location": "westeurope"}, env={})
    app = ResourceInput("urn:f", "azure:appservice/linuxFunctionApp:LinuxFunctionApp", "f",
                        {"servicePlanId": "/plans/p", "location": "westeurope"}, env={})
    desc = describe(resolve_references([plan, app])[1])
    usage = {"monthly_executions": 3_000_000, "execution_duration_ms": 500, "memory_mb": 256}
    got = price_from_book(PriceBook.load(), desc, usage)
    gb_seconds = 3_000_000 * 0.5 * 0.25
    per_gb_second = togen_price("Functions", "Standard Execution Time", "westeurope")
    per_execution = togen_price("Functions", "Standard Total Executions", "westeurope")
    assert got.monthly == pytest.approx(gb_seconds * per_gb_second + 3_000_000 * per_execution)
    assert all("free grant is per subscription" in c.label for c in got.components)
    assert price_from_book(PriceBook.load(), desc, {}).monthly == 0  # by usage: nothing until the usage file says


@pytest.mark.skipif(not TOGEN.exists(), reason="needs the 25-region Azure table")
def test_container_app_priced_from_the_data_file():
    """A Consumption-plan container app: its minReplicas all month and its active replica-hours by usage, each
    replica the sum of its containers, at the table's active vCPU and memory rates; requests by usage."""
    from pulumicost_policy.descriptor import ResourceInput, describe
    from pulumicost_policy.descriptor.model import Unpriced
    from pulumicost_policy.pricing.lookup import price_from_book
    from pulumicost_policy.pricing.pricebook import PriceBook
    vcpu_hour = togen_price("Azure Container Apps", "Standard vCPU Active Usage", "westeurope")
    gib_hour = togen_price("Azure Container Apps", "Standard Memory Active Usage", "westeurope")
    per_request = togen_price("Azure Container Apps", "Standard Requests", "westeurope")
    native = {"location": "westeurope", "template": {
        "containers": [{"resources": {"cpu": 0.5, "memory": "1Gi"}}, {"resources": {"cpu": 0.25, "memory": "512Mi"}}],
        "scale": {"minReplicas": 2}}}
    desc = describe(ResourceInput("urn:x", "azure-native:app:ContainerApp", "api", native, {}, {}, True))
    got = price_from_book(PriceBook.load(), desc, {"active_replica_hrs": 100, "monthly_requests": 5_000_000})
    kept = 2 * 730 * (0.75 * vcpu_hour + 1.5 * gib_hour)
    assert got.monthly == pytest.approx(kept + 100 * (0.75 * vcpu_hour + 1.5 * gib_hour) + 5_000_000 * per_request)
    assert "upper bound" in got.components[0].label
    classic = {"template": {"containers": [{"cpu": 0.5, "memory": "1Gi"}]}}
    west = {"location": "westeurope"}
    idle = describe(ResourceInput("urn:y", "azure:containerapp/app:App", "c", classic, west, {}, True))
    assert price_from_book(PriceBook.load(), idle, {}).monthly == 0  # scales to zero: all by usage
    dedicated = describe(ResourceInput("urn:z", "azure:containerapp/app:App", "d",
                                       {**classic, "workloadProfileName": "D4"}, west, {}, True))
    assert isinstance(dedicated, Unpriced) and "D4" in dedicated.reason
    no_memory = describe(ResourceInput("urn:m", "azure:containerapp/app:App", "m",
                                       {"template": {"containers": [{"cpu": 0.5}]}}, west, {}, True))
    assert isinstance(no_memory, Unpriced) and "needs cpu and memory" in no_memory.reason
