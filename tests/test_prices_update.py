"""`prices update` against local servers in the vendors' formats: AWS Price List (region index +
offer JSON), Azure Retail Prices pages with NextPageLink, GCP pricing.yml; failures keep the old store."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from price_servers import FileServer
from pulumicost_policy.pricing.pricebook import PriceBook
from pulumicost_policy.pricing.store import PriceStore

ROOT = Path(__file__).resolve().parent.parent
BOOK = PriceBook.load()
# Seed figures from the bundled book, so the served files carry real list prices.
T3_MICRO_W2 = BOOK.get("aws", "ec2:Instance", "t3.micro", "us-west-2").rate_per_unit
M5_LARGE_W2 = BOOK.get("aws", "ec2:Instance", "m5.large", "us-west-2").rate_per_unit
C5_LARGE_W2 = BOOK.get("aws", "ec2:Instance", "c5.large", "us-west-2").rate_per_unit
E2_MEDIUM_EW1 = BOOK.get("gcp", "compute:Instance", "e2-medium", "europe-west1").rate_per_unit
B1S_EASTUS = BOOK.get("azure", "vm:Linux", "Standard_B1s", "eastus").rate_per_unit

LINUX = {"operatingSystem": "Linux", "tenancy": "Shared", "preInstalledSw": "NA",
         "licenseModel": "No License required", "capacitystatus": "Used"}


def offer(region, prices):
    products, terms = {}, {}
    for i, (itype, usd) in enumerate(prices.items()):
        sku = f"SKU{i}"
        products[sku] = {"sku": sku, "productFamily": "Compute Instance", "attributes": {
            "instanceType": itype, "usagetype": f"USW2-BoxUsage:{itype}", "regionCode": region,
            "location": "US West (Oregon)", **LINUX}}
        terms[sku] = {f"{sku}.JRTCKXETXF": {"priceDimensions": {f"{sku}.JRTCKXETXF.6YS6EN2CT7": {
            "unit": "Hrs", "endRange": "Inf", "pricePerUnit": {"USD": f"{usd:.10f}"}, "description": "d"}}}}
    return {"formatVersion": "v1.0", "offerCode": "AmazonEC2", "version": "20261101000000",
            "publicationDate": "2026-11-01T00:00:00Z", "products": products, "terms": {"OnDemand": terms}}


def aws_files(prices):
    path = "/offers/v1.0/aws/AmazonEC2/20261101000000/us-west-2/index.json"
    index = {"formatVersion": "v1.0", "publicationDate": "2026-11-01T00:00:00Z",
             "regions": {"us-west-2": {"regionCode": "us-west-2", "currentVersionUrl": path}}}
    return {"/offers/v1.0/aws/AmazonEC2/current/region_index.json": json.dumps(index).encode(),
            path: json.dumps(offer("us-west-2", prices)).encode()}


def run(home, env, *args):
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.prices", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PULUMICOST_HOME": str(home), **env})


def store_rate(home, cloud, *key):
    spec = PriceStore(home / "prices" / f"{cloud}.sqlite").get(*key)
    return spec.rate_per_unit if spec else None


@pytest.fixture
def server():
    srv = FileServer({})
    yield srv
    srv.close()


def test_aws_update_installs_offer_prices_and_the_offline_run_uses_them_first(server, tmp_path):
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2 * 2, "m5.large": M5_LARGE_W2}))
    out = run(tmp_path, {"PULUMICOST_AWS_PRICING_URL": server.url}, "update", "--aws", "--services", "AmazonEC2")
    assert out.returncode == 0, out.stderr
    assert store_rate(tmp_path, "aws", "aws", "ec2:Instance", "t3.micro", "us-west-2") == T3_MICRO_W2 * 2
    status = run(tmp_path, {}, "status")
    assert "aws.sqlite (user): 2 prices" in status.stdout and "2026-11-01" in status.stdout
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"steps": [{"op": "create", "urn": "urn:pulumi:s::p::aws:ec2/instance:Instance::web",
                                           "newState": {"type": "aws:ec2/instance:Instance", "inputs": {
                                               "instanceType": "t3.micro", "availabilityZone": "us-west-2a"}}}]}))
    proj = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan),
                           "--output", "json"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PULUMICOST_HOME": str(tmp_path)})
    assert proj.returncode == 0, proj.stderr
    [res] = json.loads(proj.stdout)["resources"]
    assert res["monthly"] == pytest.approx(T3_MICRO_W2 * 2 * 730)
    assert "2026-11-01" in res["source"]


@pytest.mark.parametrize("failure", ["500", "truncated", "empty", "implausible"])
def test_aws_failures_keep_the_old_store(server, tmp_path, failure):
    server.files.update(aws_files({"t3.micro": T3_MICRO_W2, "m5.large": M5_LARGE_W2, "c5.large": C5_LARGE_W2}))
    env = {"PULUMICOST_AWS_PRICING_URL": server.url}
    assert run(tmp_path, env, "update", "--aws", "--services", "AmazonEC2").returncode == 0
    before = (tmp_path / "prices" / "aws.sqlite").read_bytes()
    offer_path = "/offers/v1.0/aws/AmazonEC2/20261101000000/us-west-2/index.json"
    if failure == "500":
        server.status[offer_path] = 500
    elif failure == "truncated":
        server.files[offer_path] = server.files[offer_path][: len(server.files[offer_path]) // 2]
    elif failure == "empty":
        server.files.update(aws_files({}))
    else:
        server.files.update(aws_files({"t3.micro": T3_MICRO_W2 * 3}))  # two of three prices gone
    out = run(tmp_path, env, "update", "--aws", "--services", "AmazonEC2")
    assert out.returncode == 1
    assert "aws: not updated" in out.stderr
    assert {"500": "HTTP 500", "truncated": "not complete JSON", "empty": "no prices",
            "implausible": "fewer than half"}[failure] in out.stderr
    assert (tmp_path / "prices" / "aws.sqlite").read_bytes() == before
    assert not list((tmp_path / "prices").glob("*.tmp"))


def azure_item(sku, region, price, **over):
    return {"currencyCode": "USD", "tierMinimumUnits": 0.0, "retailPrice": price, "unitPrice": price,
            "armRegionName": region, "location": region, "effectiveStartDate": "2026-01-01T00:00:00Z",
            "meterName": sku.split("_", 1)[-1], "productName": "Virtual Machines BS Series", "skuName": "B1s",
            "serviceName": "Virtual Machines", "serviceFamily": "Compute", "unitOfMeasure": "1 Hour",
            "type": "Consumption", "isPrimaryMeterRegion": True, "armSkuName": sku, **over}


def azure_files(server, second_page_status=None):
    """Two pages for VMs (the first links to the second), one page for disks: the documented shape."""
    vm_q = "api-version=2023-01-01-preview&%24filter=serviceName+eq+%27Virtual+Machines%27+and+priceType+eq+%27Consumption%27"
    page2 = "/api/retail/prices?api-version=2023-01-01-preview&$skip=100"
    disk = {"Items": [azure_item("", "westus2", 5.28 * 1.1, serviceName="Storage", productName="Premium SSD Managed Disks",
                                 skuName="P4 LRS", meterName="P4 LRS Disk", unitOfMeasure="1/Month", armSkuName="")],
            "NextPageLink": None, "Count": 1}
    server.files.update({
        f"/api/retail/prices?{vm_q}": json.dumps({"BillingCurrency": "USD", "Items": [
            azure_item("Standard_B1s", "westus2", B1S_EASTUS * 1.1),
            azure_item("Standard_B1s", "westus2", B1S_EASTUS * 5, productName="Virtual Machines BS Series Windows"),
            azure_item("Standard_B1s", "westus2", B1S_EASTUS / 5, skuName="B1s Spot")],
            "NextPageLink": server.url + page2, "Count": 3}).encode(),
        "/api/retail/prices?api-version=2023-01-01-preview&$skip=100": json.dumps({"Items": [
            azure_item("Standard_B1s", "eastus", B1S_EASTUS)], "NextPageLink": None, "Count": 1}).encode(),
    })
    # Every other query (the disk filter) answers the disk page.
    server.files["/api/retail/prices"] = json.dumps(disk).encode()
    if second_page_status:
        server.status["/api/retail/prices?api-version=2023-01-01-preview&$skip=100"] = second_page_status


def test_azure_update_follows_next_page_link_and_keeps_linux_pay_as_you_go(server, tmp_path):
    azure_files(server)
    out = run(tmp_path, {"PULUMICOST_AZURE_PRICES_URL": server.url + "/api/retail/prices"}, "update", "--azure")
    assert out.returncode == 0, out.stderr
    assert store_rate(tmp_path, "azure", "azure", "vm:Linux", "Standard_B1s", "westus2") == B1S_EASTUS * 1.1
    assert store_rate(tmp_path, "azure", "azure", "vm:Linux", "Standard_B1s", "eastus") == B1S_EASTUS
    assert store_rate(tmp_path, "azure", "azure", "managed-disk", "Premium_LRS:P4", "westus2") == 5.28 * 1.1
    assert any("skip=100" in r for r in server.requests)


def test_azure_500_on_page_two_keeps_the_old_store(server, tmp_path):
    azure_files(server)
    env = {"PULUMICOST_AZURE_PRICES_URL": server.url + "/api/retail/prices"}
    assert run(tmp_path, env, "update", "--azure").returncode == 0
    before = (tmp_path / "prices" / "azure.sqlite").read_bytes()
    azure_files(server, second_page_status=500)
    out = run(tmp_path, env, "update", "--azure")
    assert out.returncode == 1 and "HTTP 500" in out.stderr
    assert (tmp_path / "prices" / "azure.sqlite").read_bytes() == before


def gcp_yml(scale):
    doc = {"about": {"generated": "Sun Nov 01 00:00:00 2026", "timestamp": 1793491200},
           "compute": {"instance": {"e2-medium": {"cpu": 1, "ram": 4, "cost": {
               "europe-west1": {"hour": E2_MEDIUM_EW1 * scale, "month": E2_MEDIUM_EW1 * scale * 730}}}},
               "storage": {"hdd": {"cost": {"europe-west1": {"month": 0.04}}}}, "network": {}},
           "storage": {"bucket": {}}}
    return yaml.safe_dump(doc).encode()


def test_gcp_update_and_truncated_yml(server, tmp_path):
    server.files["/pricing.yml"] = gcp_yml(1.5)
    env = {"PULUMICOST_GCP_PRICING_YML_URL": server.url + "/pricing.yml"}
    out = run(tmp_path, env, "update", "--gcp")
    assert out.returncode == 0, out.stderr
    assert store_rate(tmp_path, "gcp", "gcp", "compute:Instance", "e2-medium", "europe-west1") == E2_MEDIUM_EW1 * 1.5
    before = (tmp_path / "prices" / "gcp.sqlite").read_bytes()
    server.files["/pricing.yml"] = gcp_yml(2.0)[:40]
    out = run(tmp_path, env, "update", "--gcp")
    assert out.returncode == 1 and "gcp: not updated" in out.stderr
    assert (tmp_path / "prices" / "gcp.sqlite").read_bytes() == before


def test_unknown_service_is_a_usage_error(tmp_path):
    out = run(tmp_path, {}, "update", "--aws", "--services", "AmazonNope")
    assert out.returncode == 2 and "AmazonNope" in out.stderr
