"""The benchmark: `python -m bench [--sizes 100,1000,10000,100000] [--quick]`.

Prints one table and writes bench/results.json. Everything runs the way users run it: the pack
spawned as Pulumi spawns it and called over gRPC (pulumicost_policy.testing.harness), plugins installed into a
temporary root and launched as processes, the offline run as a subprocess. No timed assertions
anywhere: these are figures to read (targets are in issue #6 and the README).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from pulumicost_policy.testing.harness import EnginePack  # noqa: E402

from bench.nullpack import write_null_pack  # noqa: E402
from bench.offer import prices_update  # noqa: E402
from bench.stacks import UNKNOWN, preview_digest, synthetic  # noqa: E402
from pulumicost_policy.actual.aggregate import GROUP_BYS, CostRecord, group  # noqa: E402
from pulumicost_policy.descriptor import ResourceDescriptor, ResourceInput, describe  # noqa: E402
from pulumicost_policy.plugins.host import PluginHost  # noqa: E402
from pulumicost_policy.plugins.install import install  # noqa: E402
from pulumicost_policy.sources import open_sources  # noqa: E402
from pulumicost_policy.protocol import costsource_pb2 as pb  # noqa: E402

CALLERS = 4  # the engine analyzes resources in parallel


def pack_start(runs: int, env: dict[str, str]) -> dict[str, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        pack = EnginePack(env=env)  # returns once the port line is read
        times.append(time.perf_counter() - started)
        pack.close()
    return {"median_s": statistics.median(times), "runs": runs}


def analyze_throughput(resources: list[dict], env: dict[str, str], pack_dir: Path = ROOT) -> dict[str, float]:
    pack = EnginePack(env=env, pack_dir=pack_dir)
    try:
        pack.configure()
        pack.analyze(resources[0]["type"], "warmup", resources[0]["props"], provider=resources[0]["provider"])
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=CALLERS) as pool:
            list(pool.map(lambda r: pack.analyze(r["type"], r["name"], r["props"], provider=r["provider"],
                                                 resource_urn=r["urn"]), resources))
        elapsed = time.perf_counter() - started
    finally:
        pack.close()
    return {"resources": len(resources), "seconds": elapsed, "per_s": len(resources) / elapsed}


def analyze_stack(resources: list[dict], env: dict[str, str], pack_dir: Path = ROOT,
                  after_analyze: bool = False) -> dict[str, float]:
    """Seconds of one AnalyzeStack; `after_analyze`: each resource's Analyze first (untimed), as in a
    preview, where the engine calls Analyze for every resource before AnalyzeStack."""
    pack = EnginePack(env=env, pack_dir=pack_dir)
    try:
        pack.configure()
        for r in resources if after_analyze else ():
            pack.analyze(r["type"], r["name"], r["props"], provider=r["provider"], resource_urn=r["urn"])
        stack = [{**r, "props": {**r["props"], "arn": UNKNOWN}} for r in resources]
        started = time.perf_counter()
        pack.analyze_stack(stack)
        return {"resources": len(resources), "seconds": time.perf_counter() - started}
    finally:
        pack.close()


def paired_ratios(ours: Callable[[], float], null: Callable[[], float], pairs: int) -> dict[str, Any]:
    """Ours / null, interleaved run by run (a noisy machine slows both of a pair alike), as the median of
    the paired ratios."""
    ratios, ours_v, null_v = [], [], []
    for _ in range(pairs):
        o, n = ours(), null()
        ours_v.append(o)
        null_v.append(n)
        ratios.append(o / n)
    return {"ratio": statistics.median(ratios), "ours": statistics.median(ours_v), "null": statistics.median(null_v),
            "pairs": pairs}


def against_null(resources: list[dict], stack_sizes: list[int], env: dict[str, str], null_dir: Path,
                 pairs: int) -> dict[str, Any]:
    """Analyze res/s and AnalyzeStack seconds, ours vs the null pack, paired."""
    out: dict[str, Any] = {"analyze": paired_ratios(lambda: analyze_throughput(resources, env)["per_s"],
                                                    lambda: analyze_throughput(resources, env, null_dir)["per_s"],
                                                    pairs)}
    for n in stack_sizes:
        stack = synthetic(n)
        out[f"stack_{n}"] = paired_ratios(lambda: analyze_stack(stack, env)["seconds"],
                                          lambda: analyze_stack(stack, env, null_dir)["seconds"], pairs)
    n = stack_sizes[0]  # the smallest size again, after Analyze of every resource (a real preview's order)
    stack = synthetic(n)
    out[f"preview_stack_{n}"] = paired_ratios(lambda: analyze_stack(stack, env, after_analyze=True)["seconds"],
                                              lambda: analyze_stack(stack, env, null_dir, True)["seconds"], pairs)
    return out


# A small intermediate process runs the offline run and reports its children's peak RSS: ru_maxrss of a
# child forked from the benchmark itself would include the benchmark's own memory.
RSS_PROBE = ("import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
             "print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def offline(resources: list[dict], workdir: Path) -> dict[str, float]:
    plan = workdir / f"plan-{len(resources)}.json"
    plan.write_text(json.dumps(preview_digest(resources)))
    started = time.perf_counter()
    probe = subprocess.run([sys.executable, "-c", RSS_PROBE, sys.executable, "-m", "pulumicost_policy.projected",
                            "--pulumi-json", str(plan), "--output", "json"], cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    rc, max_rss_kb = (int(x) for x in probe.stdout.split())
    if probe.returncode != 0 or rc != 0:
        raise RuntimeError(f"offline run failed: {probe.stderr[-500:]}")
    return {"resources": len(resources), "seconds": elapsed, "peak_rss_mb": max_rss_kb / 1024,
            "plan_mb": plan.stat().st_size / 1e6}


def plugin_path(resources: list[dict], home: Path) -> dict[str, Any]:
    """Launch + first call, steady-state latency of GetProjectedCost, and RPCs vs resources."""
    started = time.perf_counter()
    host = PluginHost.from_environment(home)
    [client] = host.for_provider("aws")
    request = pb.GetProjectedCostRequest(resource=pb.ResourceDescriptor(
        provider="aws", resource_type="ec2:Instance", sku="t3.micro", region="us-east-1"))
    client.call("GetProjectedCost", request)
    first = time.perf_counter() - started
    lat = []
    for _ in range(2000):
        t = time.perf_counter()
        client.call("GetProjectedCost", request)
        lat.append(time.perf_counter() - t)
    lat.sort()
    host.close()
    # Requests vs resources: price the whole stack through the plugin source, from a cold answer
    # cache (the earlier steps filled the persistent one under `home`).
    shutil.rmtree(home / "cache", ignore_errors=True)
    sources = open_sources(host=PluginHost.from_environment(home))
    pricer, host = sources.pricer, sources.host
    [client] = host.for_provider("aws")
    before = client.calls
    inputs = [ResourceInput(r["urn"], r["type"], r["name"], r["props"], r["provider"]) for r in resources]
    started = time.perf_counter()
    estimates = [pricer.estimate(i) for i in inputs]
    priced = time.perf_counter() - started
    from_plugin = sum(1 for e in estimates if e.source.startswith("plugin"))
    host.close()
    # The most RPCs the cache allows: one per component of each distinct aws descriptor.
    described = {d.cache_key(): len(d.components) for d in map(describe, inputs)
                 if isinstance(d, ResourceDescriptor) and d.provider == "aws"}
    return {"first_call_s": first, "p50_ms": 1000 * lat[len(lat) // 2], "p99_ms": 1000 * lat[int(len(lat) * 0.99)],
            "resources": len(resources), "rpcs": client.calls - before, "priced_by_plugin": from_plugin,
            "distinct_descriptors": len(described), "rpc_bound": sum(described.values()),
            "estimate_per_s": len(resources) / priced}


def aggregation(n: int) -> dict[str, float]:
    start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    days = [start + dt.timedelta(days=d) for d in range(365)]
    types = ["aws:ec2/instance:Instance", "aws:s3/bucket:Bucket", "azure:compute:VirtualMachine", "gcp:compute:Instance"]
    records = [CostRecord(f"res-{i % 2740}", types[i % 4], days[i % 365], 1.25 + (i % 7) * 0.5) for i in range(n)]
    out = {}
    for by in GROUP_BYS:
        started = time.perf_counter()
        group(records, by)
        out[by] = n / (time.perf_counter() - started)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--sizes", default="100,1000,10000,100000")
    parser.add_argument("--quick", action="store_true", help="smallest size only, few repeats (used by the tests)")
    parser.add_argument("--offer-mb", type=int, help="size of the generated AmazonEC2 offer file for `prices update` "
                        "(default 320; 30 with --quick)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)
    sizes = [100] if args.quick else [int(s) for s in args.sizes.split(",")]
    results: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                           "platform": platform.platform()},
                               "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        empty, home = work / "empty", work / "home"
        empty.mkdir()
        install(ROOT / "plugins" / "aws-public", home)
        book_env, plugin_env = {"PULUMICOST_HOME": str(empty)}, {"PULUMICOST_HOME": str(home)}
        step("pack start", lambda: results.__setitem__("pack_start", pack_start(2 if args.quick else 7, book_env)))
        analyze_n = min(max(sizes), 100 if args.quick else 2000)
        res = synthetic(analyze_n)
        step("analyze (price book)", lambda: results.__setitem__("analyze_book", analyze_throughput(res, book_env)))
        step("analyze (plugin)", lambda: results.__setitem__("analyze_plugin", analyze_throughput(res, plugin_env)))
        results["analyze_stack"], results["offline"] = [], []
        for n in sizes:
            stack = synthetic(n)
            step(f"analyze stack {n}", lambda: results["analyze_stack"].append(analyze_stack(stack, book_env)))
            step(f"offline {n}", lambda: results["offline"].append(offline(stack, work)))
        null_dir = write_null_pack(work / "null-pack")
        stack_sizes = [100] if args.quick else [s for s in (1000, 10000) if s <= max(sizes)]
        step("against the null pack", lambda: results.__setitem__(
            "vs_null", against_null(res, stack_sizes, book_env, null_dir, 1 if args.quick else 5)))
        step("plugin path", lambda: results.__setitem__("plugin", plugin_path(synthetic(min(max(sizes), 10000)), home)))
        agg_n = 10_000 if args.quick else 1_000_000
        step("aggregation", lambda: results.__setitem__("aggregation", {"records": agg_n, "per_s": aggregation(agg_n)}))
        offer_mb = args.offer_mb or (30 if args.quick else 320)
        step(f"prices update ({offer_mb} MB offer file)",
             lambda: results.__setitem__("prices_update", prices_update(work, offer_mb, ROOT)))
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)
    return 0


def step(label: str, work: Callable[[], None]) -> None:
    print(f"... {label}", file=sys.stderr, flush=True)
    work()


def print_table(r: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"pulumicost-policy benchmark ({r['machine']['cpus']} CPUs, Python {r['machine']['python']})")
    for col in ("measure", "figure", "target"):
        t.add_column(col, justify="left" if col != "figure" else "right")
    t.add_row("pack start (port line, price book loaded), median", f"{r['pack_start']['median_s']:.2f} s", "< 1.0 s")
    for key, label, target in (("analyze_book", "price book", ">= 3,000/s"), ("analyze_plugin", "aws-public plugin", ">= 1,000/s")):
        a = r[key]
        t.add_row(f"Analyze, {CALLERS} callers, {label} ({a['resources']:,} resources)", f"{a['per_s']:,.0f} res/s", target)
    for a in r["analyze_stack"]:
        t.add_row(f"AnalyzeStack {a['resources']:,} resources", f"{a['seconds']:.2f} s", "< 1 s at 10,000")
    for o in r["offline"]:
        t.add_row(f"offline run {o['resources']:,} resources ({o['plan_mb']:.0f} MB plan)",
                  f"{o['seconds']:.2f} s, {o['peak_rss_mb']:.0f} MB RSS", "< 20 s, < 1 GB at 100,000")
    v = r["vs_null"]
    t.add_row(f"Analyze, ours / null pack ({v['analyze']['ours']:,.0f} / {v['analyze']['null']:,.0f} res/s)",
              f"{v['analyze']['ratio']:.2f}x", ">= 0.95x")
    for key, a in v.items():
        if key.startswith("stack_"):
            t.add_row(f"AnalyzeStack {int(key[6:]):,}, ours / null pack ({a['ours']:.2f} / {a['null']:.2f} s)",
                      f"{a['ratio']:.2f}x", "<= 1.1x")
        elif key.startswith("preview_stack_"):
            t.add_row(f"AnalyzeStack {int(key[14:]):,} after Analyze (as in a preview), ours / null "
                      f"({a['ours']:.2f} / {a['null']:.2f} s)", f"{a['ratio']:.2f}x", "<= 1.1x")
    p = r["plugin"]
    t.add_row("plugin launch + connect + first call", f"{1000 * p['first_call_s']:.0f} ms", "< 500 ms")
    t.add_row("plugin steady state p50 / p99", f"{p['p50_ms']:.2f} / {p['p99_ms']:.2f} ms", "p50 < 1 ms")
    t.add_row(f"plugin RPCs for {p['resources']:,} resources, {p['distinct_descriptors']} distinct descriptors",
              f"{p['rpcs']:,} RPCs", f"<= {p['rpc_bound']} (1 per distinct component)")
    for by, rate in r["aggregation"]["per_s"].items():
        t.add_row(f"aggregate {r['aggregation']['records']:,} records by {by}", f"{rate:,.0f} rec/s", ">= 1,000,000/s")
    u = r["prices_update"]
    t.add_row(f"prices update, {u['offer_mb']:.0f} MB AmazonEC2-shaped offer file ({u['products']:,} products) "
              "from 127.0.0.1", f"{u['seconds']:.1f} s, {u['peak_rss_mb']:.0f} MB RSS", "< 500 MB RSS")
    Console(width=130).print(t)


if __name__ == "__main__":
    sys.exit(main())
