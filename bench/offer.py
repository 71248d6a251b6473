"""`prices update` at real scale: a generated offer file in AmazonEC2's shape, served from 127.0.0.1.

AmazonEC2's us-east-1 offer file is hundreds of MB: per instance type, one product per operating
system, tenancy, pre-installed software, licence model and capacity status, each with an on-demand
term and a dozen reserved terms. The generated file has that shape (its Linux/shared/on-demand rows
carry the bundled book's us-east-1 prices, so the update's plausibility check passes), is written
as a stream, and is served by a plain HTTP server; the update runs as users run it, in a process of
its own, whose peak RSS is read from the kernel (ru_maxrss).
"""
from __future__ import annotations

import functools
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any

from pulumicost_policy.pricing.store import PriceStore
from pulumicost_policy.pricing.build import STORE_NAME
from pulumicost_policy.pricing.pricebook import DEFAULT_SPECS_DIR

OFFER_PATH = "offers/v1.0/aws/AmazonEC2/20261101000000/us-east-1/index.json"
INDEX_PATH = "offers/v1.0/aws/AmazonEC2/current/region_index.json"
VARIANTS = list(itertools.product(
    ("Linux", "Windows", "RHEL", "SUSE"), ("Shared", "Dedicated", "Host"), ("NA", "SQL Web", "SQL Std"),
    ("No License required", "Bring your own license"), ("Used", "UnusedCapacityReservation")))
RESERVED = [(length, option, cls) for length in ("1yr", "3yr") for option in ("No Upfront", "Partial Upfront",
                                                                               "All Upfront")
            for cls in ("standard", "convertible")]


def instance_rates() -> dict[str, float]:
    """The bundled book's EC2 Linux on-demand rates in us-east-1."""
    store = PriceStore(DEFAULT_SPECS_DIR / STORE_NAME)
    return {r.sku: r.rate for r in store.rows()
            if r.resource_type == "ec2:Instance" and r.region == "us-east-1" and r.rate > 0}


def write_offer(out: IO[str], target_bytes: int) -> int:
    """Write products, then terms, until the file is about `target_bytes`; the number of products."""
    rates = sorted(instance_rates().items())
    out.write('{"formatVersion":"v1.0","disclaimer":"generated for the benchmark","offerCode":"AmazonEC2",'
              '"version":"20261101000000","publicationDate":"2026-11-01T00:00:00Z","products":{')
    skus: list[tuple[str, float]] = []
    per_sku = 9_000  # bytes of product + terms per SKU (~9,400 measured: the file comes out a little larger)
    wanted = max(1, target_bytes // per_sku)
    for n in range(wanted):
        itype, rate = rates[(n // len(VARIANTS)) % len(rates)]
        variant = VARIANTS[n % len(VARIANTS)]
        os_name, tenancy, software, licence, capacity = variant
        sku = f"SKU{n:012d}"
        linux = variant == ("Linux", "Shared", "NA", "No License required", "Used")
        price = rate if linux else rate * (1.3 + 0.1 * (n % 7))
        skus.append((sku, price))
        product = {"sku": sku, "productFamily": "Compute Instance", "attributes": {
            "servicecode": "AmazonEC2", "location": "US East (N. Virginia)", "locationType": "AWS Region",
            "instanceType": itype, "currentGeneration": "Yes", "instanceFamily": "General purpose", "vcpu": "2",
            "physicalProcessor": "Intel Xeon Platinum 8175", "clockSpeed": "3.1 GHz", "memory": "8 GiB",
            "storage": "EBS only", "networkPerformance": "Up to 10 Gigabit", "processorArchitecture": "64-bit",
            "tenancy": tenancy, "operatingSystem": os_name, "licenseModel": licence,
            "usagetype": f"BoxUsage:{itype}" if tenancy == "Shared" else f"DedicatedUsage:{itype}",
            "operation": "RunInstances", "availabilityzone": "NA", "capacitystatus": capacity,
            "classicnetworkingsupport": "false", "dedicatedEbsThroughput": "Up to 2120 Mbps", "ecu": "10",
            "enhancedNetworkingSupported": "Yes", "gpuMemory": "NA", "intelAvxAvailable": "Yes",
            "intelAvx2Available": "Yes", "intelTurboAvailable": "Yes", "marketoption": "OnDemand",
            "normalizationSizeFactor": "4", "preInstalledSw": software, "processorFeatures": "AVX; AVX2",
            "regionCode": "us-east-1", "servicename": "Amazon Elastic Compute Cloud", "vpcnetworkingsupport": "true"}}
        out.write(("," if n else "") + json.dumps(sku) + ":" + json.dumps(product, separators=(",", ":")))
    out.write('},"terms":{"OnDemand":{')
    for n, (sku, price) in enumerate(skus):
        code = f"{sku}.JRTCKXETXF"
        term = {code: {"offerTermCode": "JRTCKXETXF", "sku": sku, "effectiveDate": "2026-11-01T00:00:00Z",
                       "priceDimensions": {f"{code}.6YS6EN2CT7": {
                           "rateCode": f"{code}.6YS6EN2CT7", "description": f"${price:.4f} per On Demand hour",
                           "beginRange": "0", "endRange": "Inf", "unit": "Hrs", "appliesTo": [],
                           "pricePerUnit": {"USD": f"{price:.10f}"}}}, "termAttributes": {}}}
        out.write(("," if n else "") + json.dumps(sku) + ":" + json.dumps(term, separators=(",", ":")))
    out.write('},"Reserved":{')
    for n, (sku, price) in enumerate(skus):
        terms = {}
        for i, (length, option, cls) in enumerate(RESERVED):
            code = f"{sku}.R{i:02d}"
            terms[code] = {"offerTermCode": f"R{i:02d}", "sku": sku, "effectiveDate": "2026-11-01T00:00:00Z",
                           "priceDimensions": {f"{code}.{d}": {
                               "rateCode": f"{code}.{d}", "description": "Upfront Fee" if d == "2TG2D8R56U" else
                               "per hour", "beginRange": "0", "endRange": "Inf", "unit": "Quantity" if
                               d == "2TG2D8R56U" else "Hrs", "appliesTo": [],
                               "pricePerUnit": {"USD": f"{price * 0.6:.10f}"}} for d in ("2TG2D8R56U", "6YS6EN2CT7")},
                           "termAttributes": {"LeaseContractLength": length, "OfferingClass": cls,
                                              "PurchaseOption": option}}
        out.write(("," if n else "") + json.dumps(sku) + ":" + json.dumps(terms, separators=(",", ":")))
    out.write('}},"attributesList":{}}')
    return len(skus)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


# As in bench/run.py: a small intermediate process reads its child's peak RSS.
RSS_PROBE = ("import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
             "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def prices_update(work: Path, target_mb: int, root: Path) -> dict[str, Any]:
    """Generate the offer file, serve it, run `prices update --aws` on it: seconds, peak RSS, prices."""
    site = work / "site"
    (site / OFFER_PATH).parent.mkdir(parents=True, exist_ok=True)
    (site / INDEX_PATH).parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with open(site / OFFER_PATH, "w", encoding="utf-8", buffering=1 << 20) as out:
        products = write_offer(out, target_mb * 1_000_000)
    generated = time.perf_counter() - started
    (site / INDEX_PATH).write_text(json.dumps({"formatVersion": "v1.0", "regions": {"us-east-1": {
        "regionCode": "us-east-1", "currentVersionUrl": "/" + OFFER_PATH}}}))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    home = work / "update-home"
    env = {**os.environ, "PULUMICOST_HOME": str(home),
           "PULUMICOST_AWS_PRICING_URL": f"http://127.0.0.1:{httpd.server_address[1]}"}
    try:
        started = time.perf_counter()
        probe = subprocess.run([sys.executable, "-c", RSS_PROBE, sys.executable, "-m", "pulumicost_policy.prices",
                                "update", "--aws", "--services", "AmazonEC2"], cwd=root, env=env,
                               capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    finally:
        httpd.shutdown()
        httpd.server_close()
    rc, max_rss_kb = (int(x) for x in probe.stdout.split())
    if probe.returncode != 0 or rc != 0:
        raise RuntimeError(f"prices update failed (exit {rc}): {probe.stderr[-500:]}")
    file_mb = (site / OFFER_PATH).stat().st_size / 1e6
    (site / OFFER_PATH).unlink()
    return {"offer_mb": file_mb, "products": products, "generate_s": generated, "seconds": elapsed,
            "peak_rss_mb": max_rss_kb / 1024, "prices": len(PriceStore(home / "prices" / "aws.sqlite"))}
