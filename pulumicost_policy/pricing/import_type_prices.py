"""Price-book rows for the types of issue #13, from AWS's pricing-page feeds and GCP's pricing.yml.

A declarative table: each row names a price key (price resource_type, sku), the feed and the entry
that prices it, the billing mode and the factor from the feed's unit to the book's (a per-request
price x 1e6 is a per-1M-requests rate). Every region the feed lists is imported. Keys another spec
file already prices are skipped, so the book keeps one entry per key.

    venv/bin/python -m pulumicost_policy.pricing.import_type_prices \\
        ../shared/pricing/aws-services-pricingpages-2025-11-04.tar.gz \\
        ../shared/pricing/aws-ec2-ebs-rds-elasticache-2025-04-04.tar.gz \\
        ../shared/pricing/gcp-pricing-yml-2026-07-30.yml.gz --out specs/types-2025-11-04.yaml

Run by a maintainer to regenerate the committed spec file; the project never reads ../shared at run time.
When the SQLite price store (pricing/importers, FEED_RULES) lands, these rows become rows of that table
(the price keys are the same; ElastiCache is keyed `cache.X:<engine>` there too) and this module goes.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tarfile
from pathlib import Path
from typing import Any, Iterator

import yaml

from .pricebook import SCHEMA, load_file

# (price resource_type, sku, feed, entry name, billing mode, factor)
AWS_ROWS: tuple[tuple[str, str, str, str, str, float], ...] = (
    ("cloudwatch:Logs", "ingested", "cloudwatch", "Logs Collected Data Ingestion", "per_gb", 1),
    ("cloudwatch:Logs", "storage", "cloudwatch", "Stored Data", "per_gb_month", 1),
    ("cloudwatch:Logs", "insights-scanned", "cloudwatch", "Queried Logs Insights", "per_gb", 1),
    ("cloudwatch:Alarm", "standard", "cloudwatch", "Alarm Standard", "per_month", 1),
    ("cloudwatch:Alarm", "high", "cloudwatch", "Alarm High Resolution", "per_month", 1),
    ("cloudwatch:Metric", "metric", "cloudwatch", "Metric for the first 10000", "per_month", 1),
    ("kms:Key", "key", "kms", "Encryption Key", "per_month", 1),
    ("kms:Key", "requests", "kms", "API request - Non Free Tier", "per_1m_requests", 1e6),
    ("kms:Key", "requests-gdkp-ecc", "kms", "API Requests GenerateDatakeyPair ECC", "per_1m_requests", 1e6),
    ("kms:Key", "requests-gdkp-rsa", "kms", "API Requests GenerateDatakeyPair RSA", "per_1m_requests", 1e6),
    ("kms:Key", "requests-rsa2048", "kms", "Asymmetric Requests RSA_2048", "per_1m_requests", 1e6),
    ("kms:Key", "requests-asymmetric", "kms", "Asymmetric Requests except RSA_2048API", "per_1m_requests", 1e6),
    ("route53:Queries", "standard", "route53", "Query first 1B", "per_1m_requests", 1e6),
    ("route53:Queries", "standard-over-1b", "route53", "Query over 1B", "per_1m_requests", 1e6),
    ("sns:Topic", "requests", "sns", "Amazon SNS API Requests", "per_1m_requests", 1e6),
    ("sns:Topic", "http", "sns", "HTTP Notifications", "per_1m_requests", 1e6),
    ("sns:Topic", "email", "sns", "SNS Email and Email JSON Notifications", "per_1m_requests", 1e6),
    ("sns:Topic", "mobile-push", "sns", "Amazon Device Messaging Mobile Push Notifications", "per_1m_requests", 1e6),
    ("sns:Topic", "macos", "sns", "Apple Push Notification Service APNS Mac OS Notifications", "per_1m_requests",
     1e6),
    ("efs:FileSystem", "standard-storage", "efs", "General Purpose Storage GB Mo", "per_gb_month", 1),
    ("efs:FileSystem", "standard-ia-storage", "efs", "Infrequent Access Storage GB Mo", "per_gb_month", 1),
    ("efs:FileSystem", "one-zone-storage", "efs", "One Zone General Purpose Storage GB Mo", "per_gb_month", 1),
    ("efs:FileSystem", "one-zone-ia-storage", "efs", "One Zone Infrequent Access Storage GB Mo", "per_gb_month", 1),
    ("efs:FileSystem", "ia-read", "efs", "Infrequent Access Requests Read per GB", "per_gb", 1),
    ("efs:FileSystem", "ia-write", "efs", "Infrequent Access Requests Write per GB", "per_gb", 1),
    ("efs:FileSystem", "provisioned-throughput", "efs", "Throughput Provisioned", "per_mbps_month", 1),
    ("apigateway:Rest", "requests-tier1", "apigateway", "API Calls Number of up to 333 million", "per_1m_requests", 1e6),
    ("apigateway:Rest", "requests-tier2", "apigateway", "API Calls Number of Request Next 667 million",
     "per_1m_requests", 1e6),
    ("apigateway:Rest", "requests-tier3", "apigateway", "API Calls Number of Request Next 19 billion",
     "per_1m_requests", 1e6),
    ("apigateway:Rest", "requests-tier4", "apigateway", "API Calls Number of Request Over 20 billion",
     "per_1m_requests", 1e6),
    ("apigateway:Http", "requests-tier1", "apigateway", "ApiGatewayHttpApi First 300 million", "per_1m_requests", 1e6),
    ("apigateway:Http", "requests-tier2", "apigateway", "ApiGatewayHttpApi more than 300 million", "per_1m_requests",
     1e6),
    ("apigateway:WebSocket", "messages-tier1", "apigateway", "WebSocket Messages Messages first 1 billion",
     "per_1m_requests", 1e6),
    ("apigateway:WebSocket", "messages-tier2", "apigateway", "WebSocket Messages Messages over 1 billion",
     "per_1m_requests", 1e6),
    ("apigateway:WebSocket", "connection-minutes", "apigateway", "WebSocket Connection Minutes", "per_1m_requests",
     1e6),
    ("vpc:Endpoint", "interface", "vpc", "Hourly charge for VPC Endpoints per Hrs", "per_hour", 1),
    ("vpc:Endpoint", "interface-data", "vpc", "Charge for per GB data processed by VPC Endpoints per GB from 0 to "
     "1048576", "per_gb", 1),
    ("vpc:Endpoint", "gatewayloadbalancer", "vpc", "Hourly charge for AWS Gateway Load Balancer VPC Endpoint per Hrs",
     "per_hour", 1),
    ("vpc:Endpoint", "gatewayloadbalancer-data", "vpc", "Charge for per GB data processed by AWS Gateway Load "
     "Balancer VPC Endpoint per GB", "per_gb", 1),
    ("vpc:PublicIpv4", "in-use", "vpc", "Hourly charge for In use Public IPv4 Addresses per Hrs", "per_hour", 1),
    ("ec2:Eip", "public-ipv4", "vpc", "Hourly charge for In use Public IPv4 Addresses per Hrs", "per_hour", 1),
    ("ec2:NatGateway", "standard", "natgateway", "Hourly charge for NAT Gateways", "per_hour", 1),
    ("ec2:NatGateway", "data-processed", "natgateway", "Charge for per GB data processed by NatGateways", "per_gb", 1),
    ("eks:Cluster", "standard", "eks", "Compute per hours", "per_hour", 1),
    ("eks:Cluster", "extended-support", "eks", "Compute ExtendedSupport per Hours", "per_hour", 1),
    ("ecs:Fargate", "vcpu-x86_64", "ecs", "perCPU per hour", "per_hour", 1),
    ("ecs:Fargate", "memory-x86_64", "ecs", "perGB per hour", "per_hour", 1),
    ("ecs:Fargate", "vcpu-arm64", "ecs", "ARM perCPU per hour", "per_hour", 1),
    ("ecs:Fargate", "memory-arm64", "ecs", "ARM perGB per hour", "per_hour", 1),
    ("lambda:Function", "requests", "lambda", "Lambda Requests", "per_1m_requests", 1e6),
    ("lambda:Function", "duration-x86_64", "lambda", "Lambda Duration", "per_gb_second", 1),
    ("lambda:Function", "duration-x86_64-tier2", "lambda", "Lambda Duration Tier2", "per_gb_second", 1),
    ("lambda:Function", "duration-x86_64-tier3", "lambda", "Lambda Duration Tier3", "per_gb_second", 1),
    ("lambda:Function", "duration-arm64", "lambda", "Lambda Duration-ARM", "per_gb_second", 1),
    ("lambda:Function", "duration-arm64-tier2", "lambda", "Lambda Duration-ARM Tier2", "per_gb_second", 1),
    ("lambda:Function", "duration-arm64-tier3", "lambda", "Lambda Duration-ARM Tier3", "per_gb_second", 1),
    ("lambda:Function", "ephemeral-x86_64", "lambda", "Lambda Storage-Duration", "per_gb_second", 1),
    ("lambda:Function", "ephemeral-arm64", "lambda", "Lambda Storage-Duration-ARM", "per_gb_second", 1),
    ("dynamodb:Table", "provisioned-wcu", "dynamodb", "Provisioned Write Units", "per_hour", 1),
    ("dynamodb:Table", "provisioned-rcu", "dynamodb", "Provisioned Read Units", "per_hour", 1),
    ("dynamodb:Table", "provisioned-rwcu", "dynamodb", "Provisioned Replicated Write Units", "per_hour", 1),
    ("dynamodb:Table", "on-demand-wru", "dynamodb", "PayPerRequest Write Request Units", "per_1m_requests", 1e6),
    ("dynamodb:Table", "on-demand-rru", "dynamodb", "PayPerRequest Read Request Units", "per_1m_requests", 1e6),
    ("dynamodb:Table", "on-demand-rwru", "dynamodb", "PayPerRequest Replicated Write Request Units",
     "per_1m_requests", 1e6),
    ("dynamodb:Table", "storage", "dynamodb", "Data Storage Indexed GB-Mo", "per_gb_month", 1),
    ("dynamodb:Table", "pitr", "dynamodb", "PITR Backup Storage GB-Mo", "per_gb_month", 1),
    ("dynamodb:Table", "backup", "dynamodb", "On-Demand Backup Storage GB-Month", "per_gb_month", 1),
    ("dynamodb:Table", "restore", "dynamodb", "Restore Data Size", "per_gb", 1),
    ("dynamodb:Table", "streams-rru", "dynamodb", "Streams Read Requests", "per_1m_requests", 1e6),
    ("s3:Bucket", "standard-storage", "s3", "Standard Storage First 50 TB per GB Mo", "per_gb_month", 1),
    ("s3:Bucket", "standard-put", "s3", "PUT COPY/POST or LIST requests per Requests", "per_1k_requests", 1e3),
    ("s3:Bucket", "standard-get", "s3", "GET and all other requests per Requests", "per_1k_requests", 1e3),
    ("s3:Bucket", "standard-ia-storage", "s3", "Standard Infrequent Access Storage per GB-Mo", "per_gb_month", 1),
    ("s3:Bucket", "onezone-ia-storage", "s3", "One Zone Infrequent Access Storage Inf per GB-Mo", "per_gb_month", 1),
    ("s3:Bucket", "glacier-ir-storage", "s3", "Glacier Instant Retrieval Storage", "per_gb_month", 1),
    ("s3:Bucket", "glacier-storage", "s3", "Glacier Storage per GB Mo", "per_gb_month", 1),
)
EBS_ROWS = (("gp2", "Storage General Purpose gp2 GB Mo"), ("gp3", "Storage General Purpose gp3 GB Mo"),
            ("io1", "Storage Provisioned IOPS io1 GB Mo"), ("io2", "Storage Provisioned IOPS io2 GB month"),
            ("st1", "Storage Throughput Optimized HDD st1 GB Mo"), ("sc1", "Storage Cold HDD sc1 GB Mo"),
            ("standard", "Storage Magnetic standard GB Mo"))
SOURCE = ("AWS pricing-page feeds (aws-services-pricingpages-2025-11-04, aws-ec2-ebs-rds-elasticache-2025-04-04) "
          "and Google Cloud pricing.yml (2026-07-30), through import_type_prices")
_CACHE = re.compile(r"^OnDemand Cache Instance .* cache (\S+) (Redis|Memcached|Valkey) (Current|Previous) Generation$")
_RDS = re.compile(r"^Database Instance (?:MySQL|PostgreSQL|MariaDB) No license required db (\S+) .* "
                  r"(Single-AZ|Multi-AZ) (?:Current|Previous) Generation$")
RDS_FEEDS = {"mysql": "rds/rds-mysql-ondemand.json", "postgres": "rds/rds-postgresql-ondemand.json",
             "mariadb": "rds/rds-mariadb-ondemand.json"}
RDS_STORAGE = (("gp2", "General Purpose"), ("gp3", "General Purpose-GP3"), ("io1", "Provisioned IOPS"),
               ("io2", "Provisioned IOPS-IO2"), ("standard", "Magnetic"))
_REDSHIFT = re.compile(r"^([a-z0-9]+) ([a-z0-9]+) OnDemand Compute Instance Current Generation$")


def _member(tar: tarfile.TarFile, suffix: str) -> Any:
    for member in tar.getmembers():
        if member.name.endswith(suffix):
            handle = tar.extractfile(member)
            if handle is not None:
                return json.load(handle)
    raise SystemExit(f"error: {tar.name}: no {suffix} inside")


def _feed_rows(feed: dict, locations: dict[str, str]) -> Iterator[tuple[str, str, float]]:
    """(region, entry name, price) for every named entry of a feed."""
    for location, entries in feed.get("regions", {}).items():
        region = locations.get(location)
        if region is None:
            continue
        for name, entry in entries.items():
            if " " in name and isinstance(entry, dict):
                yield region, name, float(entry["price"])


def _spec(price_type: str, sku: str, region: str, mode: str, rate: float, source: str, date: str) -> dict:
    return {"provider": "aws", "resource_type": price_type, "sku": sku, "region": region, "billing_mode": mode,
            "rate_per_unit": round(rate, 10), "source": source, "effective_date": date}


def aws_specs(services: Path, ec2_bundle: Path) -> list[dict]:
    out: list[dict] = []
    with tarfile.open(services) as tar:
        locations = {k: v["code"] for k, v in _member(tar, "locations.json").items() if isinstance(v, dict)}
        feeds: dict[str, dict] = {}
        for price_type, sku, svc, name, mode, factor in AWS_ROWS:
            feed = feeds.setdefault(svc, _member(tar, f"pricing/{svc}.json"))
            date = feed["manifest"]["hawkFilePublicationDate"][:10]
            source = f"AWS pricing-page feed {svc} ({services.name}): {name}"
            out += [_spec(price_type, sku, region, mode, price * factor, source, date)
                    for region, entry, price in _feed_rows(feed, locations) if entry == name]
        redshift = feeds.setdefault("redshift", _member(tar, "pricing/redshift.json"))
        for region, name, price in _feed_rows(redshift, locations):
            m = _REDSHIFT.match(name)
            if m:
                out.append(_spec("redshift:Node", f"{m.group(1)}.{m.group(2)}", region, "per_hour", price,
                                 f"AWS pricing-page feed redshift ({services.name}): {name}",
                                 redshift["manifest"]["hawkFilePublicationDate"][:10]))
    with tarfile.open(ec2_bundle) as tar:
        cache = _member(tar, "elasticache/elasticache.json")
        date = cache["manifest"]["hawkFilePublicationDate"][:10]
        for region, name, price in _feed_rows(cache, locations):
            m = _CACHE.match(name)
            if m:
                out.append(_spec("elasticache:Node", f"cache.{m.group(1)}:{m.group(2).lower()}", region, "per_hour",
                                 price, f"AWS pricing-page feed elasticache ({ec2_bundle.name}): {name}", date))
        for engine, member in RDS_FEEDS.items():
            rds = _member(tar, member)
            date = rds["manifest"]["hawkFilePublicationDate"][:10]
            source = f"AWS pricing-page feed {member} ({ec2_bundle.name})"
            for region, name, price in _feed_rows(rds, locations):
                m = _RDS.match(name)
                if m:
                    out.append(_spec("rds:Instance", f"db.{m.group(1)}:{engine}:{m.group(2).lower()}", region,
                                     "per_hour", price, f"{source}: {name}", date))
                for stype, label in RDS_STORAGE:
                    for az, deployment in (("Single AZ", "single-az"), ("Multi AZ", "multi-az")):
                        if name == f"Database Storage {az} {label}":
                            out.append(_spec("rds:Storage", f"{stype}:{deployment}", region, "per_gb_month", price,
                                             f"{source}: {name}", date))
        ebs = _member(tar, "ebs/ebs.json")
        date = ebs["manifest"]["hawkFilePublicationDate"][:10]
        for vtype, entry in EBS_ROWS:
            out += [_spec("ebs:Volume", vtype, region, "per_gb_month", price,
                          f"AWS pricing-page feed ebs ({ec2_bundle.name}): {entry}", date)
                    for region, name, price in _feed_rows(ebs, locations) if name == entry]
    return out


def gcp_specs(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    date = str(doc.get("about", {}).get("generated", ""))
    stamp = "2026-07-30" if "2026" in date else date[:10]
    source = f"Google Cloud pricing.yml ({path.name})"
    net = doc["compute"]["network"]
    out = []

    def rows(price_type: str, sku: str, costs: dict, key: str, mode: str, factor: float = 1.0, what: str = "") -> None:
        for region, cost in costs.items():
            if isinstance(cost, dict) and key in cost:
                out.append({"provider": "gcp", "resource_type": price_type, "sku": sku, "region": region,
                            "billing_mode": mode, "rate_per_unit": round(float(cost[key]) * factor, 10),
                            "source": f"{source}: {what}", "effective_date": stamp})

    rows("compute:Address", "unused", net["ip"]["unused"]["cost"], "hour", "per_hour", what="compute.network.ip.unused")
    # Cloud NAT: the gateway price covers up to 32 VMs at one per-VM rate, so the per-VM rate is 1/32 of it.
    rows("compute:RouterNat", "vm", net["nat"]["gateway"]["cost"], "hour", "per_hour", 1 / 32,
         "compute.network.nat.gateway / 32 VMs")
    rows("compute:RouterNat", "data-processed", net["nat"]["data"]["cost"], "month", "per_gb",
         what="compute.network.nat.data")
    buckets = doc.get("storage", {}).get("bucket", {})
    for name, cls in (("standard", "standard"), ("nearline", "nearline"), ("coldline", "coldline"),
                      ("archiv", "archive")):  # regional classes (dual/multi-region buckets are left out)
        rows("storage:Bucket", f"{cls}-storage", buckets[name]["cost"], "month", "per_gb_month",
             what=f"storage.bucket.{name}")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("services", type=Path)
    p.add_argument("ec2_bundle", type=Path)
    p.add_argument("gcp", type=Path)
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    existing: set[tuple[str, ...]] = set()
    for path in sorted(args.out.parent.glob("*.yaml")):
        if path.resolve() != args.out.resolve():
            existing |= {spec.key() for _, spec in load_file(path)}
    specs = [s for s in aws_specs(args.services, args.ec2_bundle) + gcp_specs(args.gcp)
             if (s["provider"], s["resource_type"], s["sku"], s["region"]) not in existing]
    unique = {(s["provider"], s["resource_type"], s["sku"], s["region"]): s for s in specs}
    # JSON (which is YAML) with one price a line: the book reads it with json, fast at this size.
    head = json.dumps({"schema": SCHEMA, "generated_by": "pulumicost_policy.pricing.import_type_prices (its table "
                       "names the feed entry behind each key); do not edit by hand",
                       "defaults": {"currency": "USD", "source": SOURCE}})[:-1]
    rows = ",\n".join(json.dumps({k: v for k, v in unique[key].items() if k != "source"}) for key in sorted(unique))
    args.out.write_text(f"{head}, \"specs\": [\n{rows}\n]}}\n")
    print(f"wrote {len(unique)} prices to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
