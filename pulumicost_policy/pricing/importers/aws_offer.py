"""Import an AWS Price List offer file (AmazonEC2) into a price-book spec file.

    python -m pulumicost_policy.pricing.import_offer OFFER.json[.gz] --out specs/aws-ec2-us-east-1.yaml

The offer format is the one AWS publishes for every region and service: `products{sku:
{productFamily, attributes}}` and `terms.OnDemand{sku: {term: {priceDimensions}}}`. We keep
Linux, shared-tenancy, on-demand instances (the usual "BoxUsage" rows), EBS storage and IOPS,
NAT gateways, public IPv4 addresses, application/network load balancers and T2/T3 CPU credits
(AmazonEC2); RDS
instances and storage (AmazonRDS); cache nodes (AmazonElastiCache); the EKS control plane (AmazonEKS).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
import sys
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Optional

import ijson
import yaml

from ..pricebook import SCHEMA
from ..store import Row

# AWS Price List `location` names -> region codes.
LOCATIONS = {
    "US East (N. Virginia)": "us-east-1", "US East (Ohio)": "us-east-2",
    "US West (N. California)": "us-west-1", "US West (Oregon)": "us-west-2",
    "Africa (Cape Town)": "af-south-1", "Asia Pacific (Hong Kong)": "ap-east-1",
    "Asia Pacific (Mumbai)": "ap-south-1", "Asia Pacific (Osaka-Local)": "ap-northeast-3",
    "Asia Pacific (Osaka)": "ap-northeast-3", "Asia Pacific (Seoul)": "ap-northeast-2",
    "Asia Pacific (Singapore)": "ap-southeast-1", "Asia Pacific (Sydney)": "ap-southeast-2",
    "Asia Pacific (Tokyo)": "ap-northeast-1", "Canada (Central)": "ca-central-1",
    "EU (Frankfurt)": "eu-central-1", "EU (Ireland)": "eu-west-1", "EU (London)": "eu-west-2",
    "EU (Milan)": "eu-south-1", "EU (Paris)": "eu-west-3", "EU (Stockholm)": "eu-north-1",
    "Middle East (Bahrain)": "me-south-1", "South America (Sao Paulo)": "sa-east-1",
    "AWS GovCloud (US-East)": "us-gov-east-1", "AWS GovCloud (US-West)": "us-gov-west-1",
}
LINUX_ON_DEMAND = {"operatingSystem": "Linux", "tenancy": "Shared", "preInstalledSw": "NA",
                   "licenseModel": "No License required", "capacitystatus": "Used"}


class OfferError(Exception):
    """The offer file cannot be imported; the message names the file and what was expected."""


def load_offer(path: Path) -> dict[str, Any]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            offer = json.load(fh)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError, EOFError) as err:
        raise OfferError(f"{path}: not a readable AWS Price List offer JSON file ({err})") from None
    return check_offer(offer, str(path))


def check_offer(offer: Any, where: str) -> dict[str, Any]:
    """The offer if it has the offer-file shape; OfferError naming `where` otherwise."""
    if not isinstance(offer, dict) or not isinstance(offer.get("products"), dict) \
            or not isinstance(offer.get("terms", {}).get("OnDemand"), dict):
        raise OfferError(f"{where}: expected an AWS Price List offer file with products and terms.OnDemand")
    return offer


def _on_demand_rate(offer: dict[str, Any], sku: str) -> Optional[tuple[float, str, str]]:
    """(USD rate, unit, description) of the open-ended tier of the SKU's on-demand term."""
    return term_rate(offer["terms"]["OnDemand"].get(sku, {}), f"terms.OnDemand.{sku}")


def term_rate(terms: Any, where: str) -> Optional[tuple[float, str, str]]:
    """(USD rate, unit, description) of the open-ended tier of one SKU's on-demand terms; OfferError
    naming `where` when a term is not shaped as the offer format says or a price is not a number >= 0."""
    best = None
    for term in _map(terms, where).values():
        for dim in _map(_map(term, where).get("priceDimensions", {}), where).values():
            usd = _map(_map(dim, where).get("pricePerUnit", {}), where).get("USD")
            if usd is None:
                continue
            try:
                rate = float(usd) if isinstance(usd, (str, int, float)) and not isinstance(usd, bool) else math.nan
            except ValueError:
                rate = math.nan
            if not math.isfinite(rate) or rate < 0:
                raise OfferError(f"{where}: price {str(usd)[:40]!r} is not a number >= 0")
            if best is None or dim.get("endRange") == "Inf":
                best = (rate, str(dim.get("unit", "")), str(dim.get("description", "")))
    return best


def _map(node: Any, where: str) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise OfferError(f"{where}: expected a map, found {type(node).__name__}")
    return node


def _classify(family: str, attrs: dict[str, str]) -> Optional[tuple[str, str, str]]:
    """(resource_type, sku, billing_mode) for the rows we keep; None for the rest."""
    usage = attrs.get("usagetype", "")
    if family in ("Database Instance", "Database Storage"):
        return _classify_rds(family, attrs)
    if family == "Cache Instance":  # AmazonElastiCache: the engine picks the price, as in the feeds
        engine = attrs.get("cacheEngine", "").lower()
        if engine in ("redis", "memcached", "valkey") and attrs.get("instanceType") and "NodeUsage" in usage:
            return ("elasticache:Node", f"{attrs['instanceType']}:{engine}", "per_hour")
        return None
    if family == "Compute" and usage.endswith("AmazonEKS-Hours:perCluster"):  # AmazonEKS control plane
        return ("eks:Cluster", "standard", "per_hour")
    if family.startswith("Compute Instance"):
        if "BoxUsage" in usage and all(attrs.get(k) == v for k, v in LINUX_ON_DEMAND.items()):
            return ("ec2:Instance", attrs["instanceType"], "per_hour")
        return None
    if family == "CPU Credits" and attrs.get("operatingSystem") == "Linux" and usage.startswith("CPUCredits:"):
        # T2/T3 unlimited-mode surplus credits, per vCPU-hour (the `instance` attribute is the family).
        return ("ec2:CpuCredits", attrs.get("instance", "").lower(), "per_hour")
    if family == "Storage" and attrs.get("volumeApiName"):
        return ("ebs:Volume", attrs["volumeApiName"], "per_gb_month")
    if family == "System Operation" and attrs.get("group") == "EBS IOPS" and attrs.get("volumeApiName"):
        return ("ebs:Volume", f"{attrs['volumeApiName']}-iops", "per_iops_month")
    if family == "NAT Gateway":
        if usage.endswith("NatGateway-Hours"):
            return ("ec2:NatGateway", "standard", "per_hour")
        if usage.endswith("NatGateway-Bytes"):
            return ("ec2:NatGateway", "data-processed", "per_gb")
    if family == "IP Address" and usage.endswith("ElasticIP:AdditionalAddress"):
        return ("ec2:Eip", "public-ipv4", "per_hour")
    if family in ("Load Balancer-Application", "Load Balancer-Network"):
        kind = "application" if family.endswith("Application") else "network"
        if usage.endswith("LoadBalancerUsage"):
            return ("lb:LoadBalancer", kind, "per_hour")
        if usage.endswith("LCUUsage"):
            return ("lb:LoadBalancer", f"{kind}-lcu", "per_hour")
    return None


RDS_ENGINES = {"MySQL": "mysql", "PostgreSQL": "postgres", "MariaDB": "mariadb"}
RDS_DEPLOYMENTS = {"Single-AZ": "single-az", "Multi-AZ": "multi-az"}
RDS_VOLUMES = {"General Purpose": "gp2", "General Purpose-GP3": "gp3", "Provisioned IOPS": "io1",
               "Provisioned IOPS-IO2": "io2", "Magnetic": "standard"}


def _classify_rds(family: str, attrs: dict[str, str]) -> Optional[tuple[str, str, str]]:
    """RDS instances (MySQL, PostgreSQL, MariaDB; Single/Multi-AZ) and their storage, as the feeds key them."""
    deployment = RDS_DEPLOYMENTS.get(attrs.get("deploymentOption", ""))
    if deployment is None:
        return None
    if family == "Database Instance":
        engine = RDS_ENGINES.get(attrs.get("databaseEngine", ""))
        usage = attrs.get("usagetype", "")  # Single-AZ: "...InstanceUsage:db.x", Multi-AZ: "...Multi-AZUsage:db.x"
        if engine and attrs.get("instanceType") and ("InstanceUsage:" in usage or "Multi-AZUsage:" in usage):
            return ("rds:Instance", f"{attrs['instanceType']}:{engine}:{deployment}", "per_hour")
        return None
    volume = RDS_VOLUMES.get(attrs.get("volumeType", ""))
    return ("rds:Storage", f"{volume}:{deployment}", "per_gb_month") if volume else None


def extract(offer: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Spec entries (without the file-level defaults), sorted for stable diffs."""
    candidates = select(offer["products"].items(), "products")
    rates = {sku: rate for sku in {s for skus in candidates.values() for s in skus}
             if (rate := _on_demand_rate(offer, sku)) is not None}
    return entries(candidates, rates)


def select(products: Iterable[tuple[str, Any]], where: str) -> dict[tuple[str, str, str, str], list[str]]:
    """(resource_type, sku, region, billing_mode) -> the offer SKUs that may price it, in file order.

    Works on `products` as an iterator, so a streamed offer file is never held whole."""
    out: dict[tuple[str, str, str, str], list[str]] = {}
    for sku, product in products:
        attrs = _map(_map(product, f"{where}.{sku}").get("attributes", {}), f"{where}.{sku}.attributes")
        kind = _classify(str(product.get("productFamily", "")), attrs)
        region = attrs.get("regionCode") or LOCATIONS.get(attrs.get("location", ""))
        if kind is not None and isinstance(region, str) and region:
            out.setdefault((kind[0], kind[1], region, kind[2]), []).append(sku)
    return out


def entries(candidates: dict[tuple[str, str, str, str], list[str]],
            rates: dict[str, tuple[float, str, str]]) -> Iterator[dict[str, Any]]:
    """One entry per key: the first SKU in file order that has an on-demand rate (the offer repeats
    some rows per operation code; the first wins, deterministically)."""
    done: set[tuple[str, str, str]] = set()
    for key in sorted(candidates, key=lambda k: (k[0], k[1], k[2])):
        resource_type, spec_sku, region, mode = key
        rate = next((rates[sku] for sku in candidates[key] if sku in rates), None)
        if rate is not None and key[:3] not in done:
            done.add(key[:3])
            yield {"provider": "aws", "resource_type": resource_type, "sku": spec_sku, "region": region,
                   "billing_mode": mode, "rate_per_unit": rate[0], "description": rate[2]}


def stream_rows(path: Path, where: str, source_name: str) -> list[Row]:
    """The rows of an offer file on disk, read as a stream (ijson): three passes over the file (the
    header scalars, the products, the on-demand terms of the products we keep), so memory stays
    bounded by what we keep, whatever the file's size. OfferError naming `where` when malformed."""
    try:
        with open(path, "rb") as fh:
            header = _header(fh, where)
        if header.get("products") not in ("start_map", None):
            raise OfferError(f"{where}: expected an AWS Price List offer file with products and terms.OnDemand")
        with open(path, "rb") as fh:
            candidates = select(ijson.kvitems(fh, "products", use_float=True), f"{where}: products")
        wanted = {sku for skus in candidates.values() for sku in skus}
        rates = {}
        with open(path, "rb") as fh:
            for sku, terms in ijson.kvitems(fh, "terms.OnDemand", use_float=True):
                if sku in wanted and (rate := term_rate(terms, f"{where}: terms.OnDemand.{sku}")) is not None:
                    rates[sku] = rate
    except ijson.JSONError as err:
        raise OfferError(f"{where}: not complete JSON ({str(err)[:200]})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise OfferError(f"{where}: cannot read the offer file ({err})") from None
    source, published = _source(header, source_name)
    return [Row("aws", e["resource_type"], e["sku"], e["region"], e["billing_mode"], e["rate_per_unit"], source,
                published) for e in entries(candidates, rates)]


def _header(fh: IO[bytes], where: str) -> dict[str, Any]:
    """offerCode, version and publicationDate: the top-level strings that precede `products` in AWS's
    files; and under "products", the event that opens its value ("start_map" in an offer file).
    OfferError when the file is not a JSON object with products or terms."""
    out: dict[str, Any] = {}
    key = None
    events = ijson.parse(fh)
    for prefix, event, value in events:
        if prefix == "" and event == "map_key":
            if value in ("products", "terms"):
                if value == "products":
                    out["products"] = next(events)[1]
                return out
            key = value
        elif prefix == key and event in ("string", "number"):
            out[key] = value
    raise OfferError(f"{where}: expected an AWS Price List offer file with products and terms.OnDemand")


def offer_rows(offer: dict[str, Any], source_name: str) -> Iterator[Row]:
    """The same prices as store rows, with the offer's publication date as their date."""
    source, published = _source(offer, source_name)
    for entry in extract(offer):
        yield Row("aws", entry["resource_type"], entry["sku"], entry["region"], entry["billing_mode"],
                  entry["rate_per_unit"], source, published)


def _source(offer: dict[str, Any], source_name: str) -> tuple[str, str]:
    """The source text and the offer's publication date (OfferError when it is not a date)."""
    published = str(offer.get("publicationDate", ""))[:10]
    try:
        published = dt.date.fromisoformat(published).isoformat()
    except ValueError:
        raise OfferError(f"{source_name}: publicationDate {published[:40]!r} is not a date") from None
    return (f"AWS Price List offer {offer.get('offerCode', '?')} version {offer.get('version', '?')} ({source_name})",
            published)


def to_yaml(offer: dict[str, Any], source_name: str) -> str:
    source, published = _source(offer, source_name)
    doc = {
        "schema": SCHEMA,
        "defaults": {"currency": "USD", "effective_date": published, "source": source},
        "specs": list(extract(offer)),
    }
    header = ("# Generated by `python -m pulumicost_policy.pricing.import_offer`; do not edit by hand.\n"
              "# Linux, shared tenancy, on-demand list prices.\n")
    return header + yaml.safe_dump(doc, sort_keys=False, width=1000, default_flow_style=None)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(allow_abbrev=False, prog="python -m pulumicost_policy.pricing.import_offer",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("offer", type=Path, help="AWS Price List offer file (.json or .json.gz)")
    parser.add_argument("--out", type=Path, required=True, help="spec file to write (YAML)")
    args = parser.parse_args(argv)
    try:
        offer = load_offer(args.offer)
    except OfferError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    text = to_yaml(offer, args.offer.name)
    tmp = args.out.with_suffix(args.out.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(args.out)
    print(f"wrote {text.count('resource_type:')} specs to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
