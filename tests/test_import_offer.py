"""The AWS Price List importer, on an offer excerpt built here and on the real offer file."""
import gzip
import json
from pathlib import Path

import pytest
import yaml

from pulumicost_policy.pricing import import_offer
from pulumicost_policy.pricing.importers.aws_offer import offer_rows
from pulumicost_policy.pricing.pricebook import PriceBook
from pulumicost_policy.pricing.store import PriceStore

ROOT = Path(__file__).resolve().parent.parent
SHARED_OFFER = ROOT.parent / "shared" / "pricing" / "aws-ec2-offer-us-east-1-2020-07-09.json.gz"
SHIPPED = ROOT / "specs" / "pricebook.sqlite"

LINUX = {"operatingSystem": "Linux", "tenancy": "Shared", "preInstalledSw": "NA",
         "licenseModel": "No License required", "capacitystatus": "Used"}


def product(family, **attrs):
    return {"productFamily": family, "attributes": {"location": "US East (Ohio)", **attrs}}


def on_demand(usd, unit="Hrs", tiers=None):
    dims = tiers or {"R1": {"unit": unit, "pricePerUnit": {"USD": usd}, "description": "d", "beginRange": "0",
                            "endRange": "Inf"}}
    return {"T1": {"priceDimensions": dims}}


def excerpt():
    products = {
        "A": product("Compute Instance", instanceType="m5.large", usagetype="USE2-BoxUsage:m5.large", **LINUX),
        "B": product("Compute Instance", instanceType="m5.large", usagetype="USE2-BoxUsage:m5.large",
                     **{**LINUX, "operatingSystem": "Windows"}),
        "C": product("Compute Instance", instanceType="m5.large", usagetype="USE2-DedicatedUsage:m5.large",
                     **{**LINUX, "tenancy": "Dedicated"}),
        "D": product("Compute Instance", instanceType="m5.large", usagetype="USE2-UnusedBox:m5.large",
                     **{**LINUX, "capacitystatus": "UnusedCapacityReservation"}),
        "E": product("Storage", volumeApiName="gp2", usagetype="USE2-EBS:VolumeUsage.gp2"),
        "F": product("NAT Gateway", usagetype="USE2-NatGateway-Hours"),
        "G": product("IP Address", usagetype="USE2-ElasticIP:AdditionalAddress"),
        "H": product("Load Balancer-Network", usagetype="USE2-LoadBalancerUsage"),
        "I": product("Compute Instance", instanceType="t3.nano", usagetype="BoxUsage:t3.nano",
                     **{**LINUX, "location": "Mars (Olympus)"}),
    }
    terms = {"A": on_demand("0.0960000000"), "B": on_demand("0.1920000000"), "C": on_demand("0.1000000000"),
             "D": on_demand("0.0960000000"), "E": on_demand("0.1000000000", "GB-Mo"), "F": on_demand("0.0450000000"),
             "G": on_demand("0.005", tiers={"a": {"unit": "Hrs", "pricePerUnit": {"USD": "0"}, "endRange": "1"},
                                            "b": {"unit": "Hrs", "pricePerUnit": {"USD": "0.005"}, "endRange": "Inf"}}),
             "H": on_demand("0.0225"), "I": on_demand("1")}
    return {"offerCode": "AmazonEC2", "version": "20240101", "publicationDate": "2024-01-02T00:00:00Z",
            "products": products, "terms": {"OnDemand": terms}}


def test_importer_keeps_linux_shared_on_demand(tmp_path):
    src = tmp_path / "offer.json.gz"
    with gzip.open(src, "wt") as fh:
        json.dump(excerpt(), fh)
    specs = tmp_path / "specs"
    specs.mkdir()
    assert import_offer.main([str(src), "--out", str(specs / "aws.yaml")]) == 0
    book = PriceBook.load(specs)
    got = {(s.resource_type, s.sku, s.region, s.billing_mode, s.rate_per_unit) for s in book}
    assert got == {
        ("ec2:Instance", "m5.large", "us-east-2", "per_hour", 0.096),
        ("ebs:Volume", "gp2", "us-east-2", "per_gb_month", 0.10),
        ("ec2:NatGateway", "standard", "us-east-2", "per_hour", 0.045),
        ("ec2:Eip", "public-ipv4", "us-east-2", "per_hour", 0.005),
        ("lb:LoadBalancer", "network", "us-east-2", "per_hour", 0.0225),
    }
    spec = book.get("aws", "ec2:Instance", "m5.large", "us-east-2")
    assert spec.effective_date == "2024-01-02" and "AmazonEC2 version 20240101" in spec.source


def test_importer_rejects_non_offer(tmp_path, capsys):
    bad = tmp_path / "plan.json"
    bad.write_text(json.dumps({"steps": []}))
    assert import_offer.main([str(bad), "--out", str(tmp_path / "x.yaml")]) == 2
    assert "expected an AWS Price List offer file" in capsys.readouterr().err


@pytest.mark.skipif(not SHARED_OFFER.exists(), reason="needs ../shared/pricing")
def test_real_offer_imports_and_fills_what_the_feeds_lack():
    # The whole store is compared with a regeneration in test_price_data.py; here the offer's part.
    offer = import_offer.load_offer(SHARED_OFFER)
    rows = list(offer_rows(offer, SHARED_OFFER.name))
    assert len(rows) > 300 and len(yaml.safe_load(import_offer.to_yaml(offer, SHARED_OFFER.name))["specs"]) == len(rows)
    store = PriceStore(SHIPPED)
    for row in rows:
        if row.resource_type == "ec2:CpuCredits":  # no feed prices CPU credits: the offer's rows are shipped
            assert store.get(*row.key()).rate_per_unit == row.rate


def test_offer_rows_for_rds_elasticache_and_eks():
    # Attribute names as in the AmazonRDS / AmazonElastiCache / AmazonEKS offer files.
    products = {
        "R": {"productFamily": "Database Instance", "attributes": {
            "regionCode": "eu-west-1", "instanceType": "db.t3.micro", "databaseEngine": "PostgreSQL",
            "deploymentOption": "Multi-AZ", "usagetype": "EU-Multi-AZUsage:db.t3.micro", "location": "EU (Ireland)"}},
        "S": {"productFamily": "Database Storage", "attributes": {
            "regionCode": "eu-west-1", "volumeType": "General Purpose-GP3", "deploymentOption": "Single-AZ",
            "usagetype": "EU-RDS:GP3-Storage", "location": "EU (Ireland)"}},
        "C": {"productFamily": "Cache Instance", "attributes": {
            "regionCode": "eu-west-1", "instanceType": "cache.t3.micro", "cacheEngine": "Valkey",
            "usagetype": "EU-NodeUsage:cache.t3.micro", "location": "EU (Ireland)"}},
        "K": {"productFamily": "Compute", "attributes": {
            "regionCode": "eu-west-1", "usagetype": "EU-AmazonEKS-Hours:perCluster", "location": "EU (Ireland)"}},
    }
    terms = {sku: on_demand(str(0.001 * (i + 1))) for i, sku in enumerate(products)}
    offer = {"offerCode": "Mixed", "version": "1", "publicationDate": "2026-11-01T00:00:00Z", "products": products,
             "terms": {"OnDemand": terms}}
    got = {(r.resource_type, r.sku, r.region, r.billing_mode, r.rate) for r in offer_rows(offer, "x")}
    assert got == {("rds:Instance", "db.t3.micro:postgres:multi-az", "eu-west-1", "per_hour", 0.001),
                   ("rds:Storage", "gp3:single-az", "eu-west-1", "per_gb_month", 0.002),
                   ("elasticache:Node", "cache.t3.micro:valkey", "eu-west-1", "per_hour", 0.003),
                   ("eks:Cluster", "standard", "eu-west-1", "per_hour", 0.004)}
