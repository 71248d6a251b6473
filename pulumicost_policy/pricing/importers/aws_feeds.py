"""AWS pricing-page feeds ("meteredUnitMaps", the JSON behind aws.amazon.com pricing pages).

A feed is `{"manifest": {"hawkFilePublicationDate"...}, "sets": {name: [key...]},
"regions": {"<location name>": {"<key>": {"rateCode", "price", attributes...}}}}`. Location names
map to region codes through `locations.json`; only "AWS Region" locations are kept (Local and
Wavelength Zones resolve to their parent region elsewhere, and have their own prices). Global
services (Route 53, CloudFront) price under a pseudo-location ("Any", "", "United States"): a rule
naming it (`location=`) writes that price for every region, as the service charges it wherever the
resource's provider points.

The same feed may come in several tarballs (the 2025-11 archive and the 2025-12 one both have
`lambda.json`, one under `<archive>/pricing/`, one at the top): every copy yields rows, each with
its own publication date, and the build keeps the newer price of a key (`build.newest`).

The import is declarative: `FEED_RULES` has one row per price key. To price another AWS service,
add a row and regenerate (`python -m pulumicost_policy.pricing.build`).
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

import ijson

from ..pricebook import PriceBookError
from ..store import Row


@dataclass(frozen=True)
class FeedRule:
    """One price key: which feed file, which entries, and how to name the price.

    `key` is a regex matched against the feed's readable entry key (whole key); its named groups,
    lower-cased, and the entry's attributes (e.g. "{Instance Type}") fill `sku`. `in_set`, when
    given, is a regex over the feed's `sets` names: the entry must be in a matching set, whose
    named groups (lower-cased) also fill `sku`. `scale` converts the feed unit to the book's
    (e.g. 1e6 for "per request" -> per 1M requests).
    """

    resource_type: str
    sku: str
    billing_mode: str
    feed: str
    key: str
    in_set: Optional[str] = None
    scale: float = 1.0
    location: Optional[str] = None  # a global price's pseudo-location, written for every region


_EC2 = r".* Linux(?: .*)?"
_RDS_INSTANCE = r"Database Instance \w+ No license required db \S+ .+ (?P<dep>Single-AZ|Multi-AZ) (?:Current|Previous) Generation"
_RDS_STORAGE = r"Database Storage (?P<dep>Single|Multi) AZ "


def _rds(engine: str) -> tuple[FeedRule, ...]:
    feed = f"*/rds/rds-{engine}-ondemand.json"
    name = {"postgresql": "postgres"}.get(engine, engine)  # Pulumi's engine name
    return (FeedRule("rds:Instance", f"{{Instance Type}}:{name}:{{dep}}", "per_hour", feed, _RDS_INSTANCE),
            *_rds_storage(feed))


def _rds_storage(feed: str) -> tuple[FeedRule, ...]:
    """RDS storage lines (the engines share them): in each engine's feed, and in `rds-storage.json` (2025-12,
    which also prices them for Oracle and SQL Server)."""
    storage = {"gp2": "General Purpose", "gp3": "General Purpose-GP3", "io1": "Provisioned IOPS",
               "io2": "Provisioned IOPS-IO2", "standard": "Magnetic"}
    return (*(FeedRule("rds:Storage", f"{stype}:{{dep}}-az", "per_gb_month", feed, _RDS_STORAGE + re.escape(text))
              for stype, text in storage.items()),
            # Provisioned IOPS: "Provisioned IOPS Single AZ" is io1's; io2 and gp3 (above the baseline) name theirs.
            *(FeedRule("rds:Storage", f"{stype}-iops:{{dep}}-az", "per_iops_month", feed,
                       rf"Provisioned {text}IOPS (?P<dep>Single|Multi) AZ")
              for stype, text in (("io1", ""), ("io2", "IO2 "), ("gp3", "GP3 "))),
            # Magnetic storage I/O (feed: per request; book: per 1M) and backup storage beyond the free
            # allowance (the feed's "Storage Snapshot").
            FeedRule("rds:Storage", "standard-io", "per_1m_requests", feed, r"System Operation Magnetic", scale=1e6),
            FeedRule("rds:Storage", "backup", "per_gb_month", feed, r"Storage Snapshot"))


def _exact(service: str, resource_type: str, sku: str, billing_mode: str, entry: str, scale: float) -> FeedRule:
    """A rule for one feed entry named exactly (most services price a line with one entry)."""
    return FeedRule(resource_type, sku, billing_mode, f"*/{service}.json", re.escape(entry), scale=float(scale))


# S3 lines beyond Standard storage and requests, by storage class: (sku, feed entry, billing mode,
# feed unit -> book unit). Requests are per request in the feed, per 1k in the book.
S3_ENTRIES = (
    ("standard-select-scanned", "Data Scanned by S3 Select in Standard per GB", "per_gb", 1),
    ("standard-select-returned", "Data Returned by S3 Select in Standard per GB", "per_gb", 1),
    ("intelligent-tiering-frequent-storage", "Intelligent Tiering Frequent Access First 50 TB per GB Mo",
     "per_gb_month", 1),
    ("intelligent-tiering-infrequent-storage", "Intelligent Tiering Infrequent Access per GB Mo", "per_gb_month", 1),
    ("intelligent-tiering-monitoring",
     "Per object per month monitoring and automation fee for objects in Intelligent Tiering", "per_month", 1),
    ("intelligent-tiering-put", "PUT COPY/POST or LIST requests to Intelligent Tiering per Requests",
     "per_1k_requests", 1e3),
    ("intelligent-tiering-get", "GET and all other requests to Intelligent Tiering per Requests", "per_1k_requests",
     1e3),
    ("intelligent-tiering-lifecycle", "Lifecycle Transition Requests into Intelligent Tiering per Requests",
     "per_1k_requests", 1e3),
    ("intelligent-tiering-select-scanned", "Data Scanned by S3 Select in Intelligent Tiering per GB", "per_gb", 1),
    ("intelligent-tiering-select-returned", "Data Returned by S3 Select in Intelligent Tiering per GB", "per_gb", 1),
    *(entry for sku, name in (("standard-ia", "Standard Infrequent Access"), ("onezone-ia", "One Zone Infrequent Access"))
      for entry in ((f"{sku}-put", f"PUT COPY/POST or LIST requests to {name} per Requests", "per_1k_requests", 1e3),
                    (f"{sku}-get", f"GET and all other requests to {name} per Requests", "per_1k_requests", 1e3),
                    (f"{sku}-lifecycle", f"Lifecycle Transition Requests into {name} per Requests", "per_1k_requests",
                     1e3),
                    (f"{sku}-retrieval", f"Object Retrieval in {name} per GB", "per_gb", 1),
                    (f"{sku}-select-scanned", f"Data Scanned by S3 Select in {name} per GB", "per_gb", 1),
                    (f"{sku}-select-returned", f"Data Returned by S3 Select in {name} per GB", "per_gb", 1))),
    ("glacier-put", "PUT requests to Glacier per Requests", "per_1k_requests", 1e3),
    ("glacier-get", "GET and all other requests to GLACIER per Requests", "per_1k_requests", 1e3),
    ("glacier-lifecycle", "Lifecycle Transition Requests into Glacier per Requests", "per_1k_requests", 1e3),
    ("glacier-retrieval-standard", "Fee for Standard Retrieval of data stored", "per_gb", 1),
    ("glacier-retrieval-expedited", "Glacier S3 Expedited Retrieval", "per_gb", 1),
    ("glacier-retrieval-requests-expedited", "Glacier Expedited Glacier Restore Requests", "per_1k_requests", 1e3),
    ("deep-archive-get", "GET and all other requests to GDA per Requests", "per_1k_requests", 1e3),
    ("deep-archive-lifecycle", "Lifecycle Transition Requests into Glacier Deep Archive per Requests",
     "per_1k_requests", 1e3),
    ("deep-archive-retrieval-standard", "Fee for Standard Retrieval of data stored from Glacier Deep Archive", "per_gb",
     1),
    ("deep-archive-retrieval-bulk", "Fee for Bulk Retrieval of data stored from Glacier Deep Archive", "per_gb", 1),
)

_AURORA_INSTANCE = (r"Database Instance Aurora (?P<engine>MySQL|PostgreSQL) No license required {mode}db \S+ .+ "
                    r"Single-AZ (?:Current|Previous) Generation")
_AURORA_STORAGE = "*/rds-aurora-storage.json"
# Aurora: instance hours per engine (Standard and I/O-Optimized storage configurations), then the cluster's
# storage, I/O, Serverless v2 ACUs, backtrack, snapshot storage and export. SKUs name Pulumi's engines.
AURORA_RULES: tuple[FeedRule, ...] = (
    FeedRule("rds:ClusterInstance", "{Instance Type}:aurora-{engine}", "per_hour", "*/rds-aurora-ondemand.json",
             _AURORA_INSTANCE.format(mode="")),
    FeedRule("rds:ClusterInstance", "{Instance Type}:aurora-{engine}:io-optimized", "per_hour",
             "*/rds-aurora-ondemand.json", _AURORA_INSTANCE.format(mode="Aurora IO Optimization Mode ")),
    FeedRule("rds:Cluster", "storage", "per_gb_month", _AURORA_STORAGE,
             r"Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora"),
    FeedRule("rds:Cluster", "storage:io-optimized", "per_gb_month", _AURORA_STORAGE, r"Any IO Optimized Aurora"),
    FeedRule("rds:Cluster", "io", "per_1m_requests", _AURORA_STORAGE, r"System Operation Aurora I O Operation",
             scale=1e6),
    FeedRule("rds:Cluster", "serverless-v2:aurora-{engine}", "per_hour", _AURORA_STORAGE,
             r"Aurora (?P<engine>MySQL|PostgreSQL) ServerlessV2"),
    FeedRule("rds:Cluster", "serverless-v2:aurora-{engine}:io-optimized", "per_hour", _AURORA_STORAGE,
             r"Aurora (?P<engine>MySQL|PostgreSQL) ServerlessV2 Aurora IO Optimization Mode"),
    FeedRule("rds:Cluster", "serverless-v1:aurora-{engine}", "per_hour", _AURORA_STORAGE,
             r"Aurora (?P<engine>MySQL|PostgreSQL) Serverless"),
    FeedRule("rds:Cluster", "backtrack", "per_1m_requests", _AURORA_STORAGE, r"System Operation Aurora Backtrack",
             scale=1e6),
    FeedRule("rds:Cluster", "backup:aurora-{engine}", "per_gb_month", _AURORA_STORAGE,
             r"Storage Snapshot Aurora (?P<engine>MySQL|PostgreSQL)"),
    FeedRule("rds:Cluster", "snapshot-export:aurora-{engine}", "per_gb", _AURORA_STORAGE,
             r"RDS Snapshot Export Aurora (?P<engine>MySQL|PostgreSQL)"),
)

# CloudFront: requests by viewer geography (the feed's "United States", "EU", ...: Infracost's regions) and data
# transfer out to the internet (in the feed's volume tiers) and to the origin, under the global "" location;
# every region gets them (a distribution's price does not depend on its provider's region). Origin Shield
# requests are priced in the shield's own region.
CLOUDFRONT_GEOS = ("United States", "EU", "South Africa", "South America", "Japan", "Australia", "Asia Pacific",
                   "India")
# (sku suffix, the feed's words for the tier): GB bounds are in descriptor/aws/cloudfront.py
CLOUDFRONT_DT_TIERS = (("10tb", "First 10 TB"), ("40tb", "Next 40 TB"), ("100tb", "next 100 TB"),
                       ("350tb", "Next 350 TB"), ("524tb", "next 524 TB"), ("4pb", "Next 4 PB"), ("over-5pb", "Over 5 PB"))


def _geo(geo: str) -> str:
    return geo.lower().replace(" ", "-")


CLOUDFRONT_RULES: tuple[FeedRule, ...] = (
    *(FeedRule("cloudfront:Distribution", f"{sku}:{_geo(geo)}", "per_1m_requests", "*/cloudfront.json",
               re.escape(entry), scale=1e6, location=geo)
      for geo in CLOUDFRONT_GEOS for sku, entry in (
          ("http", "Request HTTP Methods"), ("https", "Request HTTPS Methods"),
          ("field-level-encryption", "HTTPS Proxy requests with Field Level Encryption"))),
    *(FeedRule("cloudfront:Distribution", f"internet-{tier}:{_geo(geo)}", "per_gb", "*/cloudfront.json",
               re.escape(f"Regional DT from {geo} to Internet {words}"), location="")
      for geo in CLOUDFRONT_GEOS for tier, words in CLOUDFRONT_DT_TIERS),
    *(FeedRule("cloudfront:Distribution", f"origin:{_geo(geo)}", "per_gb", "*/cloudfront.json",
               re.escape(f"Regional DT to Origin from {geo}"), location="") for geo in CLOUDFRONT_GEOS),
    FeedRule("cloudfront:Distribution", "origin-shield", "per_1m_requests", "*/cloudfront.json",
             r"CloudFront Request-Origin-Shield Origin Shield Requests", scale=1e6),
    FeedRule("cloudfront:Distribution", "invalidations", "per_1k_requests", "*/cloudfront.json",
             r"Charge for invalidating objects removing the objects from CloudFront edge locations", scale=1e3,
             location=""),
    FeedRule("cloudfront:Distribution", "invalidations-first-1k", "per_1k_requests", "*/cloudfront.json",
             r"Charge for invalidating objects removing the objects from CloudFront edge locations First 1000 free",
             scale=1e3, location=""),
    FeedRule("cloudfront:Distribution", "dedicated-ip-ssl", "per_month", "*/cloudfront.json",
             r"Charge for using an SSL certificate with a CloudFront alternate domain name", location="Any"),
)

FEED_RULES: tuple[FeedRule, ...] = (
    # EC2 Linux on-demand, shared tenancy: current and previous generation, every region.
    FeedRule("ec2:Instance", "{Instance Type}", "per_hour", "*/ec2/*-ondemand.json", _EC2),
    # EBS volumes, provisioned IOPS and gp3 throughput (feed: per GiBps-month; book: per MBps-month).
    FeedRule("ebs:Volume", "{t}", "per_gb_month", "*/ebs/ebs.json",
             r"Storage (?:General Purpose|Provisioned IOPS|Cold HDD|Throughput Optimized HDD|Magnetic) "
             r"(?P<t>gp2|gp3|io1|io2|sc1|st1|standard) GB (?:Mo|month)"),
    FeedRule("ebs:Volume", "{t}-iops", "per_iops_month", "*/ebs/ebs.json",
             r"Provisioned EBS IOPS (?P<t>gp3|io1|io2) Volumes per IOPS Mo"),
    # io2 IOPS above 32,000 (tier 2) and above 64,000 (tier 3) are cheaper.
    FeedRule("ebs:Volume", "io2-iops-tier{n}", "per_iops_month", "*/ebs/ebs.json",
             r"Provisioned EBS IOPS Tier (?P<n>[23]) io2 Volumes per IOPS Mo"),
    FeedRule("ebs:Volume", "gp3-throughput", "per_mbps_month", "*/ebs/ebs.json",
             r"Provisioned Throughput gp3 per GiBps mo", scale=1 / 1024),
    FeedRule("ebs:Volume", "standard-io", "per_1m_requests", "*/ebs/ebs.json",
             r"Provisioned EBS I O Requests standard Volumes per IOs", scale=1e6),
    FeedRule("ebs:Snapshot", "standard", "per_gb_month", "*/ebs/ebs.json", r"Storage Snapshot Amazon S3 GB Mo"),
    *_rds("mysql"), *_rds("postgresql"), *_rds("mariadb"), *_rds_storage("*/rds-storage.json"),
    *AURORA_RULES,
    # OpenSearch instances (the 2024-08 feed; the derived table's 2025-12 hours win where both price one)
    # and EBS storage: "EBS Volume GP3" etc.
    FeedRule("opensearch:Domain", "{Instance Type}", "per_hour", "*/es-ondemand.json", r"\S+ \S+\.search - OnDemand - .*"),
    *(FeedRule("opensearch:Domain", sku, mode, "*/es-ondemand.json", re.escape(entry)) for sku, entry, mode in (
        ("storage-gp2", "EBS Volume General Purpose", "per_gb_month"), ("storage-gp3", "EBS Volume GP3", "per_gb_month"),
        ("storage-standard", "EBS Volume Magnetic", "per_gb_month"),
        ("storage-io1", "EBS Volume Provisioned Storage", "per_gb_month"),
        ("iops-io1", "EBS Volume Provisioned IOPS", "per_iops_month"),
        ("iops-gp3", "EBS Volume GP3-Provisioned Storage", "per_iops_month"),
        ("throughput-gp3", "EBS Volume GP3-ThroughPut-Storage", "per_mbps_month"))),
    # Load balancers in every region: "<Application|Network|Gateway|Classic> Load Balancer Hours / LCU Hours".
    *(FeedRule("lb:LoadBalancer", sku, "per_hour", "*/elb.json", re.escape(entry)) for sku, entry in (
        ("application", "Application Load Balancer Hours"), ("application-lcu", "Application Load Balancer LCU Hours"),
        ("network", "Network Load Balancer Hours"), ("network-lcu", "Network Load Balancer LCU Hours"),
        ("gateway", "Gateway Load Balancer Hours"), ("gateway-lcu", "Gateway Load Balancer LCU Hours"),
        ("classic", "Classic Load Balancer Hours"))),
    FeedRule("lb:LoadBalancer", "classic-data", "per_gb", "*/elb.json", r"Classic Load Balancer Data"),
    # Route 53 is global: hosted zones under "Any", queries under "".
    FeedRule("route53:Zone", "first-25", "per_month", "*/route53.json", r"DNS Zone first 25", location="Any"),
    FeedRule("route53:Zone", "over-25", "per_month", "*/route53.json", r"DNS Zone", location="Any"),
    *(FeedRule("route53:Queries", f"{kind}{tier}", "per_1m_requests", "*/route53.json",
               rf"Query {text} External {entry}", scale=1e6, location="")
      for kind, text in (("standard", "Standard"), ("latency", "Latency Based Routing"), ("geo", "Geo DNS"),
                         ("geoproximity", "Geoproximity"), ("ip", "IP Based Routing"))
      for tier, entry in (("", "first 1B"), ("-over-1b", "over 1B"))),
    *(FeedRule("route53:HealthCheck", sku, "per_month", "*/route53.json", re.escape(entry), location="")
      for sku, entry in (("basic-aws", "Basic Health checks AWS per Mo"),
                         ("basic-external", "Basic Health checks External Non AWS per Mo"),
                         ("optional-aws", "Optional Health Check Features AWS per Mo"),
                         ("optional-external", "Optional Health Check Features External Non AWS per Mo"))),
    # RDS Proxy: per vCPU-hour of the provisioned instances it fronts (per ACU-hour for Serverless v2).
    FeedRule("rds:Proxy", "vcpu", "per_hour", "*/rds-proxy.json", r"RDSProxy"),
    # DocumentDB instance-based clusters: instances (Standard or I/O-Optimized storage configuration), storage,
    # I/O and backup; MemoryDB nodes by engine (the sets name it; entries are keyed by hashes).
    FeedRule("docdb:ClusterInstance", "{itype}", "per_hour", "*/docdb.json",
             r"OnDemand-instancetype-(?P<itype>db\.[a-z0-9-]+\.[a-z0-9]+)"),
    FeedRule("docdb:ClusterInstance", "{itype}:io-optimized", "per_hour", "*/docdb.json",
             r"OnDemand-instancetype-(?P<itype>db\.[a-z0-9-]+\.[a-z0-9]+) IO-Optimized-DocDB"),
    *(FeedRule("docdb:Cluster", sku, mode, "*/docdb.json", re.escape(entry), scale=scale) for sku, entry, mode, scale in (
        ("storage", "Database Storage", "per_gb_month", 1.0),
        ("storage:io-optimized", "Database Storage IO-Optimized-DocDB", "per_gb_month", 1.0),
        ("io", "1 million IO requests", "per_1m_requests", 1e6), ("backup", "Storage Snapshot", "per_gb_month", 1.0))),
    FeedRule("memorydb:Node", "{Instance}:{engine}", "per_hour", "*/memorydb.json", r".* V2",
             in_set=r"(?:Memory optimized|General purpose) (?P<engine>Redis|Valkey) Nodes"),
    *CLOUDFRONT_RULES,
    # ElastiCache Serverless: data stored (GB-hours) and ElastiCache Processing Units (per 1M ECPUs).
    FeedRule("elasticache:Serverless", "{engine}-storage", "per_hour", "*/elasticache.json",
             r"OnDemand ElastiCache Serverless (?P<engine>Redis|Valkey|Memcached) per GB-Hours"),
    FeedRule("elasticache:Serverless", "{engine}-ecpu", "per_1m_requests", "*/elasticache.json",
             r"OnDemand ElastiCache Serverless (?P<engine>Redis|Valkey|Memcached) per ElastiCacheProcessingUnit",
             scale=1e6),
    # ElastiCache nodes: the engine comes from the feed's sets (Redis, Memcached, Valkey prices differ).
    FeedRule("elasticache:Node", "{Instance Type}:{engine}", "per_hour", "*/elasticache/elasticache.json", r".*",
             in_set=r"OnDemand Cache Instance .* (?P<engine>Redis|Memcached|Valkey) (?:Current|Previous) Generation"),
    FeedRule("ec2:NatGateway", "standard", "per_hour", "*/natgateway.json", r"Hourly charge for NAT Gateways"),
    FeedRule("ec2:NatGateway", "data-processed", "per_gb", "*/natgateway.json",
             r"Charge for per GB data processed by NatGateways"),
    FeedRule("ec2:Eip", "public-ipv4", "per_hour", "*/vpc.json", r"Hourly charge for In use Public IPv4 Addresses per Hrs"),
    FeedRule("eks:Cluster", "standard", "per_hour", "*/eks.json", r"Compute per [Hh]ours"),
    FeedRule("eks:Cluster", "extended-support", "per_hour", "*/eks.json", r"Compute ExtendedSupport per Hours"),
    FeedRule("s3:Bucket", "standard-storage", "per_gb_month", "*/s3.json", r"Standard Storage First 50 TB per GB Mo"),
    FeedRule("s3:Bucket", "standard-put", "per_1k_requests", "*/s3.json",
             r"PUT COPY/POST or LIST requests per Requests", scale=1e3),
    FeedRule("s3:Bucket", "standard-get", "per_1k_requests", "*/s3.json", r"GET and all other requests per Requests",
             scale=1e3),
    FeedRule("lambda:Function", "requests", "per_1m_requests", "*/lambda.json", r"Lambda Requests", scale=1e6),
    FeedRule("lambda:Function", "duration-x86_64", "per_gb_second", "*/lambda.json", r"Lambda Duration"),
    FeedRule("lambda:Function", "duration-x86_64-{t}", "per_gb_second", "*/lambda.json", r"Lambda Duration (?P<t>Tier[23])"),
    FeedRule("lambda:Function", "duration-arm64", "per_gb_second", "*/lambda.json", r"Lambda Duration-ARM"),
    FeedRule("lambda:Function", "duration-arm64-{t}", "per_gb_second", "*/lambda.json",
             r"Lambda Duration-ARM (?P<t>Tier[23])"),
    FeedRule("dynamodb:Table", "on-demand-wru", "per_1m_requests", "*/dynamodb.json",
             r"PayPerRequest Write Request Units", scale=1e6),
    FeedRule("dynamodb:Table", "on-demand-rru", "per_1m_requests", "*/dynamodb.json",
             r"PayPerRequest Read Request Units", scale=1e6),
    FeedRule("dynamodb:Table", "storage", "per_gb_month", "*/dynamodb.json", r"Data Storage Indexed GB-Mo"),
    FeedRule("dynamodb:Table", "provisioned-wcu", "per_hour", "*/dynamodb.json", r"Provisioned Write Units"),
    FeedRule("dynamodb:Table", "provisioned-rcu", "per_hour", "*/dynamodb.json", r"Provisioned Read Units"),
    *(_exact(svc, price_type, sku, mode, entry, scale) for price_type, sku, svc, entry, mode, scale in (
        # (price resource_type, sku, feed, entry name, billing mode, feed unit -> book unit)
        ("dynamodb:Table", "provisioned-rwcu", "dynamodb", "Provisioned Replicated Write Units", "per_hour", 1),
        ("dynamodb:Table", "on-demand-rwru", "dynamodb", "PayPerRequest Replicated Write Request Units",
         "per_1m_requests", 1e6),
        ("dynamodb:Table", "pitr", "dynamodb", "PITR Backup Storage GB-Mo", "per_gb_month", 1),
        ("dynamodb:Table", "backup", "dynamodb", "On-Demand Backup Storage GB-Month", "per_gb_month", 1),
        ("dynamodb:Table", "restore", "dynamodb", "Restore Data Size", "per_gb", 1),
        ("dynamodb:Table", "streams-rru", "dynamodb", "Streams Read Requests", "per_1m_requests", 1e6),
        ("lambda:Function", "ephemeral-x86_64", "lambda", "Lambda Storage-Duration", "per_gb_second", 1),
        ("lambda:Function", "ephemeral-arm64", "lambda", "Lambda Storage-Duration-ARM", "per_gb_second", 1),
        ("s3:Bucket", "standard-ia-storage", "s3", "Standard Infrequent Access Storage per GB-Mo", "per_gb_month", 1),
        ("s3:Bucket", "onezone-ia-storage", "s3", "One Zone Infrequent Access Storage Inf per GB-Mo", "per_gb_month",
         1),
        ("s3:Bucket", "glacier-ir-storage", "s3", "Glacier Instant Retrieval Storage", "per_gb_month", 1),
        ("s3:Bucket", "glacier-storage", "s3", "Glacier Storage per GB Mo", "per_gb_month", 1),
        ("s3:Bucket", "intelligent-tiering-archive-storage", "s3", "IntelligentTieringArchiveAccess", "per_gb_month",
         1),
        ("s3:Bucket", "intelligent-tiering-deep-archive-storage", "s3", "IntelligentTieringDeepArchiveAccess",
         "per_gb_month", 1),
        # Glacier Deep Archive has its own feed (2025-08)
        ("s3:Bucket", "deep-archive-storage", "s3glacierdeeparchive", "Glacier Deep Archive GB Mo", "per_gb_month", 1),
        ("s3:Bucket", "deep-archive-put", "s3glacierdeeparchive", "PUT to Glacier Deep Archive Requests",
         "per_1k_requests", 1e3),
        ("s3:Bucket", "deep-archive-retrieval-requests-standard", "s3glacierdeeparchive",
         "GDA Standard Restore Requests", "per_1k_requests", 1e3),
        ("s3:Bucket", "deep-archive-retrieval-requests-bulk", "s3glacierdeeparchive",
         "Glacier Deep Archive Bulk Restore Requests", "per_1k_requests", 1e3),
        *(("s3:Bucket", sku, "s3", entry, mode, scale) for sku, entry, mode, scale in S3_ENTRIES),
        ("cloudwatch:Logs", "ingested", "cloudwatch", "Logs Collected Data Ingestion", "per_gb", 1),
        ("cloudwatch:Logs", "storage", "cloudwatch", "Stored Data", "per_gb_month", 1),
        ("cloudwatch:Logs", "insights-scanned", "cloudwatch", "Queried Logs Insights", "per_gb", 1),
        ("cloudwatch:Alarm", "standard", "cloudwatch", "Alarm Standard", "per_month", 1),
        ("cloudwatch:Alarm", "high", "cloudwatch", "Alarm High Resolution", "per_month", 1),
        ("cloudwatch:Alarm", "composite", "cloudwatch", "Alarm Composite", "per_month", 1),
        ("codepipeline:Pipeline", "v1", "codepipeline", "Active Pipeline Inf", "per_month", 1),
        ("codepipeline:Pipeline", "v2-minutes", "codepipeline", "Action Execution Minutes Inf", "per_minute", 1),
        ("cloudhsm:Hsm", "hsm", "cloudhsm", "CloudHSM Hourly", "per_hour", 1),
        ("glue:Job", "etl", "glue", "ETL Job run", "per_hour", 1),
        ("glue:Job", "etl-flex", "glue", "ETL Job run Flex", "per_hour", 1),
        ("glue:Crawler", "crawler", "glue", "Data catalog crawler run", "per_hour", 1),
        ("cloudtrail:Trail", "management-paid", "cloudtrail", "Management Paid Events Recorded", "per_1m_requests",
         1e6),
        ("cloudtrail:Trail", "data-events", "cloudtrail", "Data Events Recorded", "per_1m_requests", 1e6),
        ("cloudtrail:Trail", "insights", "cloudtrail", "Insights Events", "per_1m_requests", 1e6),
        ("cloudwatch:Metric", "metric", "cloudwatch", "Metric for the first 10000", "per_month", 1),
        ("kms:Key", "key", "kms", "Encryption Key", "per_month", 1),
        ("kms:Key", "requests", "kms", "API request - Non Free Tier", "per_1m_requests", 1e6),
        ("kms:Key", "requests-gdkp-ecc", "kms", "API Requests GenerateDatakeyPair ECC", "per_1m_requests", 1e6),
        ("kms:Key", "requests-gdkp-rsa", "kms", "API Requests GenerateDatakeyPair RSA", "per_1m_requests", 1e6),
        ("kms:Key", "requests-rsa2048", "kms", "Asymmetric Requests RSA_2048", "per_1m_requests", 1e6),
        ("kms:Key", "requests-asymmetric", "kms", "Asymmetric Requests except RSA_2048API", "per_1m_requests", 1e6),
        ("route53:Queries", "standard", "route53", "Query first 1B", "per_1m_requests", 1e6),
        ("route53:Queries", "standard-over-1b", "route53", "Query over 1B", "per_1m_requests", 1e6),
        ("secretsmanager:Secret", "secret", "secretsmanager", "Secret", "per_month", 1),
        ("secretsmanager:Secret", "requests", "secretsmanager", "API Request", "per_1m_requests", 1e6),
        ("sqs:Queue", "standard", "queueservice", "Standard per Requests", "per_1m_requests", 1e6),
        ("sqs:Queue", "fifo", "queueservice", "FIFO first-in first-out per Requests", "per_1m_requests", 1e6),
        ("ecr:Repository", "storage", "ecr", "EC2 Container Registry", "per_gb_month", 1),
        ("sfn:StateMachine", "transitions", "states", "AWS Step Functions", "per_1k_requests", 1e3),
        ("sfn:StateMachine", "express-requests", "states", "Number of Workflow Requests", "per_1m_requests", 1e6),
        ("sfn:StateMachine", "express-duration", "states", "Duration of Workflows from 0 to 3600000",
         "per_gb_second", 1),
        ("sfn:StateMachine", "express-duration-tier2", "states", "Duration of Workflows from 3600000 to 18000000",
         "per_gb_second", 1),
        ("sfn:StateMachine", "express-duration-tier3", "states", "Duration of Workflows over 18000000",
         "per_gb_second", 1),
        ("sns:Topic", "requests", "sns", "Amazon SNS API Requests", "per_1m_requests", 1e6),
        ("sns:Topic", "http", "sns", "HTTP Notifications", "per_1m_requests", 1e6),
        ("sns:Topic", "email", "sns", "SNS Email and Email JSON Notifications", "per_1m_requests", 1e6),
        ("sns:Topic", "mobile-push", "sns", "Amazon Device Messaging Mobile Push Notifications", "per_1m_requests",
         1e6),
        ("sns:Topic", "macos", "sns", "Apple Push Notification Service APNS Mac OS Notifications",
         "per_1m_requests", 1e6),
        ("efs:FileSystem", "standard-storage", "efs", "General Purpose Storage GB Mo", "per_gb_month", 1),
        ("efs:FileSystem", "standard-ia-storage", "efs", "Infrequent Access Storage GB Mo", "per_gb_month", 1),
        ("efs:FileSystem", "one-zone-storage", "efs", "One Zone General Purpose Storage GB Mo", "per_gb_month", 1),
        ("efs:FileSystem", "one-zone-ia-storage", "efs", "One Zone Infrequent Access Storage GB Mo", "per_gb_month",
         1),
        ("efs:FileSystem", "ia-read", "efs", "Infrequent Access Requests Read per GB", "per_gb", 1),
        ("efs:FileSystem", "ia-write", "efs", "Infrequent Access Requests Write per GB", "per_gb", 1),
        ("efs:FileSystem", "provisioned-throughput", "efs", "Throughput Provisioned", "per_mbps_month", 1),
        ("apigateway:Rest", "requests-tier1", "apigateway", "API Calls Number of up to 333 million",
         "per_1m_requests", 1e6),
        ("apigateway:Rest", "requests-tier2", "apigateway", "API Calls Number of Request Next 667 million",
         "per_1m_requests", 1e6),
        ("apigateway:Rest", "requests-tier3", "apigateway", "API Calls Number of Request Next 19 billion",
         "per_1m_requests", 1e6),
        ("apigateway:Rest", "requests-tier4", "apigateway", "API Calls Number of Request Over 20 billion",
         "per_1m_requests", 1e6),
        ("apigateway:Http", "requests-tier1", "apigateway", "ApiGatewayHttpApi First 300 million", "per_1m_requests",
         1e6),
        ("apigateway:Http", "requests-tier2", "apigateway", "ApiGatewayHttpApi more than 300 million",
         "per_1m_requests", 1e6),
        ("apigateway:WebSocket", "messages-tier1", "apigateway", "WebSocket Messages Messages first 1 billion",
         "per_1m_requests", 1e6),
        ("apigateway:WebSocket", "messages-tier2", "apigateway", "WebSocket Messages Messages over 1 billion",
         "per_1m_requests", 1e6),
        ("apigateway:WebSocket", "connection-minutes", "apigateway", "WebSocket Connection Minutes",
         "per_1m_requests", 1e6),
        *(("apigateway:Stage", f"cache-{size}", "apigateway", f"Caching Memory Size {size.replace('.', ' ')}",
           "per_hour", 1) for size in ("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237")),
        ("vpc:Endpoint", "interface", "vpc", "Hourly charge for VPC Endpoints per Hrs", "per_hour", 1),
        ("vpc:Endpoint", "interface-data", "vpc",
         "Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576", "per_gb", 1),
        ("vpc:Endpoint", "gatewayloadbalancer", "vpc",
         "Hourly charge for AWS Gateway Load Balancer VPC Endpoint per Hrs", "per_hour", 1),
        ("vpc:Endpoint", "gatewayloadbalancer-data", "vpc",
         "Charge for per GB data processed by AWS Gateway Load Balancer VPC Endpoint per GB", "per_gb", 1),
        ("vpc:PublicIpv4", "in-use", "vpc", "Hourly charge for In use Public IPv4 Addresses per Hrs", "per_hour", 1),
        ("ecs:Fargate", "vcpu-x86_64", "ecs", "perCPU per hour", "per_hour", 1),
        ("ecs:Fargate", "memory-x86_64", "ecs", "perGB per hour", "per_hour", 1),
        ("ecs:Fargate", "vcpu-arm64", "ecs", "ARM perCPU per hour", "per_hour", 1),
        ("ecs:Fargate", "memory-arm64", "ecs", "ARM perGB per hour", "per_hour", 1),
        ("vpc:VpnConnection", "site-to-site", "vpc", "CreateVpnConnection per Hrs", "per_hour", 1),
        ("vpc:TransitGateway", "vpc-attachment", "vpc", "Hourly charge for Transit Gateway VPC Attachments per hour",
         "per_hour", 1),
        ("vpc:TransitGateway", "vpn-attachment", "vpc",
         "Hourly charge for Transit Gateway Site to-Site VPN attachments per hour", "per_hour", 1),
        ("vpc:TransitGateway", "peering-attachment", "vpc",
         "Hourly charge for Transit Gateway Peering Attachments per hour", "per_hour", 1),
        ("vpc:TransitGateway", "connect-attachment", "vpc",
         "Hourly charge for Transit Gateway Connect attachments per hour", "per_hour", 1),
        ("vpc:TransitGateway", "vpc-data", "vpc",
         "Charge for per GB data processed by AWS Transit Gateways for VPC attachments per GigaBytes", "per_gb", 1),
        ("vpc:TransitGateway", "vpn-data", "vpc",
         "Charge for per GB data processed by AWS Transit Gateways for Site to-Site VPN attachments per GigaBytes",
         "per_gb", 1),
        ("vpc:ClientVpn", "association", "vpc", "Hourly charge for Client VPN Endpoints per Hourly", "per_hour", 1),
        ("vpc:ClientVpn", "connection", "vpc", "Hourly charge for Client VPN connections per Hourly", "per_hour", 1),
        ("waf:WebAcl", "web-acl", "waf", "Web ACL Activated per Month", "per_month", 1),
        ("waf:WebAcl", "rule", "waf", "Rules added per WebACL per month", "per_month", 1),
        ("waf:WebAcl", "requests", "waf", "Web Requests received per Request", "per_1m_requests", 1e6),
        ("kinesis:Stream", "shard", "kinesis", "Provisioned shard hour per ShardHour", "per_hour", 1),
        ("kinesis:Stream", "extended-retention", "kinesis", "Addon shard hour per ShardHour", "per_hour", 1),
        ("kinesis:Stream", "long-term-storage", "kinesis", "Long term Data Retention GB-month per GB-month",
         "per_gb_month", 1),
        ("kinesis:Stream", "put-payload", "kinesis", "Payload Units per PutRequest", "per_1m_requests", 1e6),
        ("kinesis:Stream", "on-demand-stream", "kinesis", "OnDemandStreamHr per StreamHr", "per_hour", 1),
        ("kinesis:Stream", "on-demand-ingested", "kinesis", "OnDemandDataIngested per GB", "per_gb", 1),
        ("kinesis:Stream", "on-demand-retrieved", "kinesis", "OnDemandDataRetrieval per GB", "per_gb", 1),
        ("kinesis:Stream", "on-demand-efo-data", "kinesis", "OnDemandEFODataRetrieval per GB", "per_gb", 1),
        ("kinesis:Stream", "on-demand-extended", "kinesis", "OnDemandExtendedRetentionByteHrs per GB month",
         "per_gb_month", 1),
        ("kinesis:Stream", "on-demand-long-term", "kinesis", "OnDemandLongTermRetentionByteHrs per GB month",
         "per_gb_month", 1),
        ("kinesis:Stream", "long-term-retrieval", "kinesis", "Long term Data Retrieval GB per GB", "per_gb", 1),
        ("kinesis:Stream", "efo", "kinesis", "Enhanced fan out per ConsumerShardHour", "per_hour", 1),
        ("kinesis:Stream", "efo-data", "kinesis", "Enhanced fan out GB of data retrieved per GB", "per_gb", 1),
    )),
    # MSK brokers: "RunBroker m5.large" -> kafka.m5.large, Pulumi's brokerNodeGroupInfo.instanceType.
    FeedRule("msk:Broker", "kafka.{itype}", "per_hour", "*/msk.json", r"RunBroker (?P<itype>[a-z0-9]+\.[a-z0-9]+)"),
    _exact("msk", "msk:Broker", "storage", "per_gb_month", "RunVolume", 1),
    # Redshift nodes: "dc2 large OnDemand Compute Instance..." -> dc2.large.
    FeedRule("redshift:Node", "{family}.{size}", "per_hour", "*/redshift.json",
             r"(?P<family>[a-z0-9]+) (?P<size>[a-z0-9]+) OnDemand Compute Instance Current Generation"),
    # Concurrency scaling beyond the free credits: per node-second in the feed, per node-hour in the book.
    FeedRule("redshift:Node", "{family}.{size}:concurrency-scaling", "per_hour", "*/redshift.json",
             r"(?P<family>[a-z0-9]+) (?P<size>[a-z0-9]+) Redshift Concurrency Scaling Current Generation .+",
             scale=3600),
)


def read_tarball(path: Path, wanted: Callable[[str], bool] = lambda name: True) -> dict[str, Any]:
    """The JSON members of one feed tarball that `wanted` accepts, by member name."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            return {m.name: json.load(tar.extractfile(m)) for m in tar.getmembers()
                    if m.isfile() and m.name.endswith(".json") and wanted(m.name)}
    except (OSError, tarfile.TarError, json.JSONDecodeError, UnicodeDecodeError, EOFError) as err:
        raise PriceBookError(f"{path}: not a readable tar.gz of AWS pricing feeds ({err})") from None


def _is_locations(name: str) -> bool:
    return name.endswith("/locations.json") or name == "locations.json"


def locations(members: dict[str, Any]) -> dict[str, str]:
    """AWS location name -> region code, AWS Regions only (from `locations.json`)."""
    found = [doc for name, doc in members.items() if _is_locations(name)]
    if not found:
        raise PriceBookError("no locations.json among the AWS feed files; it ships in the services tarball")
    return {name: loc["code"] for name, loc in found[0].items()
            if isinstance(loc, dict) and loc.get("type") == "AWS Region" and loc.get("code")}


def region_codes(tarballs: Iterable[Path]) -> dict[str, str]:
    """AWS location name -> region code, from the first tarball that carries `locations.json`."""
    for tarball in tarballs:
        found = read_tarball(Path(tarball), _is_locations)
        if found:
            return locations(found)
    return locations({})  # raises: the region codes are needed


def _matches(pattern: str, member: str) -> bool:
    """A rule's feed pattern against a member name; "/" first so "*/x.json" also finds a top-level x.json."""
    return fnmatch.fnmatch("/" + member, pattern)


def import_feeds(tarballs: Iterable[Path], rules: tuple[FeedRule, ...] = FEED_RULES) -> Iterator[Row]:
    """Rows for every rule, region and matching entry in the feeds of `tarballs` (every copy of a feed)."""
    members: dict[tuple[str, str], Any] = {}
    codes: dict[str, str] = {}
    patterns = {rule.feed for rule in rules}
    for tarball in tarballs:
        docs = read_tarball(Path(tarball), lambda n: _is_locations(n) or any(_matches(p, n) for p in patterns))
        for name, doc in docs.items():
            if _is_locations(name):
                codes = codes or locations({name: doc})
            else:
                members[(Path(tarball).name, name)] = doc
    if not codes:
        locations({})  # raises: the region codes are needed
    for rule in rules:
        feeds = sorted(key for key in members if _matches(rule.feed, key[1]))
        if not feeds:
            raise PriceBookError(f"no feed file matches {rule.feed} (rule {rule.resource_type} {rule.sku})")
        for origin, name in feeds:
            yield from _rows(rule, members[(origin, name)],
                             f"AWS pricing-page feed {name.split('/', 1)[-1]} ({origin})", codes)


def _rows(rule: FeedRule, feed: dict[str, Any], source: str, codes: dict[str, str]) -> Iterator[Row]:
    date = str(feed.get("manifest", {}).get("hawkFilePublicationDate", ""))[:10]
    if not date:
        raise PriceBookError(f"{source}: the feed has no manifest.hawkFilePublicationDate")
    key_re = re.compile(rule.key)
    set_groups = _set_groups(rule, feed)
    for location, entries in feed.get("regions", {}).items():
        if rule.location is not None:
            regions = sorted(set(codes.values())) if location == rule.location else []
        else:
            regions = [codes[location]] if location in codes else []
        if not regions:
            continue
        for key, entry in entries.items():
            m = key_re.fullmatch(key)
            if m is None or (set_groups is not None and key not in set_groups):
                continue
            groups = {k: v.lower() for k, v in {**m.groupdict(), **(set_groups or {}).get(key, {})}.items() if v}
            try:
                sku = rule.sku.format(**entry, **groups)
                rate = float(entry["price"]) * rule.scale
            except (KeyError, ValueError, TypeError) as err:
                raise PriceBookError(f"{source}: {location} {key!r}: cannot read price or sku ({err})") from None
            for region in regions:
                yield Row("aws", rule.resource_type, sku, region, rule.billing_mode, rate, source, date)


def _set_groups(rule: FeedRule, feed: dict[str, Any]) -> Optional[dict[str, dict[str, str]]]:
    """Entry key -> named groups of the set that holds it, for rules that select by set."""
    if rule.in_set is None:
        return None
    set_re = re.compile(rule.in_set)
    out: dict[str, dict[str, str]] = {}
    for name, keys in feed.get("sets", {}).items():
        m = set_re.fullmatch(name)
        if m:
            for key in keys:
                out[key] = m.groupdict()
    return out


def stream_rows(path: Path, rules: Iterable[FeedRule], where: str, source: str, codes: dict[str, str]) -> list[Row]:
    """The rows of `rules` in one feed file on disk (`prices update`'s download), read as a stream
    (ijson): the manifest, the sets, then one location at a time, each through the same `_rows` the
    build uses, so memory stays bounded by one location's entries whatever the file's size. A
    downloaded file is not trusted: PriceBookError naming `where` when it is not a feed's shape."""
    rules = tuple(rules)
    try:
        with open(path, "rb") as fh:
            manifest = next(ijson.items(fh, "manifest"), None)
        if not isinstance(manifest, dict) or not _is_date(manifest.get("hawkFilePublicationDate")):
            raise PriceBookError(f"{where}: expected a pricing-page feed with manifest.hawkFilePublicationDate")
        sets: dict[str, Any] = {}
        if any(rule.in_set is not None for rule in rules):
            with open(path, "rb") as fh:
                sets = dict(ijson.kvitems(fh, "sets"))
            if not all(isinstance(keys, list) and all(isinstance(k, str) for k in keys) for keys in sets.values()):
                raise PriceBookError(f"{where}: sets: expected lists of entry keys")
        rows: list[Row] = []
        with open(path, "rb") as fh:
            for location, entries in ijson.kvitems(fh, "regions"):
                if not isinstance(entries, dict) or not all(isinstance(e, dict) for e in entries.values()):
                    raise PriceBookError(f"{where}: regions[{location!r}]: expected a map of price entries")
                doc = {"manifest": manifest, "sets": sets, "regions": {location: entries}}
                for rule in rules:
                    rows += _rows(rule, doc, source, codes)
    except ijson.JSONError as err:
        first = (str(err).splitlines() or [""])[0]  # yajl's message goes on to quote the bytes, over lines
        raise PriceBookError(f"{where}: not complete JSON ({first[:200]})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise PriceBookError(f"{where}: cannot read the feed ({err})") from None
    return rows


def _is_date(value: Any) -> bool:
    """An ISO date (or date-time) as the manifests give it: the date every price of the feed carries."""
    try:
        return isinstance(value, str) and bool(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return False
