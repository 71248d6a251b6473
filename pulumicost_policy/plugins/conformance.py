"""The project's conformance suite for any cost-source plugin binary.

`python -m pulumicost_policy.plugins conformance PATH` launches PATH the way the host does and
checks the startup contract, every RPC, the error codes for bad input, and concurrent calls.
Configuration (API keys, vendor URLs) is taken from your environment: a developer's tool, run by
hand, passes the plugin the whole environment (the host passes only a minimal one plus config.yaml).
Each check prints PASS or FAIL with what was seen; the exit code is the number of failures
(capped at 1).
"""
from __future__ import annotations

import ipaddress
import math
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from ..protocol import costsource_pb2 as pb
from ..protocol.methods import SERVICES
from .client import stubs
from .discovery import PluginSpec
from .process import LaunchError, PluginProcess, free_port

# Codes a plugin may answer to a descriptor it cannot price or to bad input; anything else
# (UNKNOWN, INTERNAL, OK with garbage) means the plugin did not handle it.
BAD_INPUT_OK = {grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.NOT_FOUND, grpc.StatusCode.UNIMPLEMENTED,
                grpc.StatusCode.FAILED_PRECONDITION}
SEED_T3_MICRO = pb.ResourceDescriptor(provider="aws", resource_type="ec2:Instance", sku="t3.micro", region="us-east-1")


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


class Suite:
    def __init__(self, binary: Path, timeout: float = 5.0) -> None:
        self.binary = binary
        self.timeout = timeout
        self.results: list[Check] = []
        self.spec = PluginSpec(binary.name.removeprefix("pulumicost-plugin-").removeprefix("finfocus-plugin-"),
                               "0.0.0", binary.parent, binary)
        self.service = SERVICES[0]
        self.implemented: set[str] = set()  # pricing RPCs that answered something other than UNIMPLEMENTED

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        self.results.append(Check(name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    def run(self) -> int:
        try:
            process = PluginProcess.launch(self.spec, dict(os.environ), self.timeout)
        except LaunchError as err:
            self.check("startup: prints PORT=<n> on stdout", False, str(err))
            return 1
        try:
            self._startup(process)
            with grpc.insecure_channel(process.address) as channel:
                calls = self._service(channel)
                if calls is not None:
                    self._rpcs(calls)
                    self.check("answers at least one of GetProjectedCost, GetActualCost, GetPricingSpec",
                               bool(self.implemented),
                               ", ".join(sorted(self.implemented)) or "every pricing call was UNIMPLEMENTED")
                    self._concurrency(calls)
            self._shutdown(process)
        finally:
            process.stop()
        self._env_port()
        failed = sum(not r.ok for r in self.results)
        print(f"{len(self.results) - failed} passed, {failed} failed", flush=True)
        return 1 if failed else 0

    def _startup(self, process: PluginProcess) -> None:
        requested = int(process.proc.args[-1])
        self.check("startup: serves on the --port it was given", process.port == requested,
                   f"asked {requested}, announced {process.port}")
        addresses = listening_addresses(process.port)
        self.check("startup: listens on 127.0.0.1 only", addresses == {"127.0.0.1"},
                   f"listening on {', '.join(sorted(addresses)) or 'nothing'}")

    def _service(self, channel: grpc.Channel) -> Optional[dict[str, Callable]]:
        """The service name the plugin serves (pulumicost.v1 or finfocus.v1), found through Name."""
        for service in SERVICES:
            calls = stubs(channel, service)
            _, code = self._call(calls, "Name", pb.NameRequest())
            if code != grpc.StatusCode.UNIMPLEMENTED:
                self.service = service
                self.check(f"serves {service}", True)
                return calls
        self.check("serves pulumicost.v1 or finfocus.v1", False, "Name is UNIMPLEMENTED under both service names")
        return None

    def _call(self, calls: dict[str, Callable], method: str, request: Any) -> tuple[Optional[Any], Optional[grpc.StatusCode]]:
        try:
            answer = calls[method](request, timeout=self.timeout)
            code = None
        except grpc.RpcError as err:
            answer, code = None, err.code()
        if code != grpc.StatusCode.UNIMPLEMENTED and method in ("GetProjectedCost", "GetActualCost", "GetPricingSpec"):
            self.implemented.add(method)
        return answer, code

    def _rpcs(self, calls: dict[str, Callable]) -> None:
        name, code = self._call(calls, "Name", pb.NameRequest())
        self.check("Name answers a non-empty name", bool(name and name.name), f"code {code.name}" if code else "")
        info, code = self._call(calls, "GetPluginInfo", pb.GetPluginInfoRequest())
        if code == grpc.StatusCode.UNIMPLEMENTED:
            self.check("GetPluginInfo (UNIMPLEMENTED tolerated)", True, "unimplemented")
        else:
            self.check("GetPluginInfo names the plugin and a version", bool(info and name and info.name == name.name and info.version),
                       f"code {code.name}" if code else f"name {info.name!r}, version {info.version!r}")
        sup, code = self._call(calls, "Supports", pb.SupportsRequest(resource=pb.ResourceDescriptor()))
        self.check("Supports(empty descriptor) answers or refuses cleanly", code is None or code in BAD_INPUT_OK,
                   f"code {code.name}" if code else f"supported={sup.supported}")
        for method, request in (
                ("GetProjectedCost", pb.GetProjectedCostRequest(resource=pb.ResourceDescriptor())),
                ("GetProjectedCost", pb.GetProjectedCostRequest(resource=pb.ResourceDescriptor(
                    provider="no-such-cloud", resource_type="x:Y", sku="z", region="nowhere-1"))),
                ("GetPricingSpec", pb.GetPricingSpecRequest(resource=pb.ResourceDescriptor())),
                ("GetActualCost", pb.GetActualCostRequest(resource_id="conformance-check", start=_ts(2024, 2, 1),
                                                          end=_ts(2024, 1, 1)))):
            what = "empty descriptor" if method != "GetActualCost" else "end before start"
            if request.DESCRIPTOR.fields_by_name.get("resource") and getattr(request, "resource").provider:
                what = "unknown provider"
            _, code = self._call(calls, method, request)
            self.check(f"{method}({what}) is refused with a clear code", code in BAD_INPUT_OK,
                       f"code {code.name if code else 'OK'}")
        answer, code = self._call(calls, "GetProjectedCost", pb.GetProjectedCostRequest(resource=SEED_T3_MICRO))
        if code is None:
            self.check("GetProjectedCost(t3.micro) is well-formed", well_formed(answer),
                       f"{answer.unit_price} {answer.currency}/unit, {answer.cost_per_month}/month")
        else:
            self.check("GetProjectedCost(t3.micro) answers or declines cleanly", code in BAD_INPUT_OK, f"code {code.name}")

    def _concurrency(self, calls: dict[str, Callable]) -> None:
        def one(i: int) -> tuple:
            if i % 2:
                name, code = self._call(calls, "Name", pb.NameRequest())
                return ("Name", name.name if name else None, code)
            answer, code = self._call(calls, "GetProjectedCost", pb.GetProjectedCostRequest(resource=SEED_T3_MICRO))
            return ("Projected", answer.SerializeToString(deterministic=True) if answer else None, code)
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(one, range(64)))
        distinct = {r for r in results}
        self.check("64 concurrent calls on 8 threads give consistent answers", len(distinct) <= 2
                   and all(code is None or code in BAD_INPUT_OK for _, _, code in results), f"{len(distinct)} distinct results")

    def _shutdown(self, process: PluginProcess) -> None:
        started = time.monotonic()
        process.proc.send_signal(signal.SIGTERM)
        try:
            process.proc.wait(timeout=5)
            self.check("SIGTERM stops it within 5 s", True, f"{time.monotonic() - started:.2f} s")
        except subprocess.TimeoutExpired:
            self.check("SIGTERM stops it within 5 s", False, "still running")

    def _env_port(self) -> None:
        port = free_port()
        variable = "FINFOCUS_PLUGIN_PORT" if self.service.startswith("finfocus.") else "PULUMICOST_PLUGIN_PORT"
        proc = subprocess.Popen([str(self.binary)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL, env={**os.environ, variable: str(port)},
                                start_new_session=True)
        try:
            line = _first_line(proc, self.timeout)
            self.check(f"startup: {variable} is used without --port", line in (f"PORT={port}", str(port)),
                       f"printed {line!r}")
        finally:
            proc.kill()
            proc.wait()


def _first_line(proc: subprocess.Popen, timeout: float) -> str:
    with ThreadPoolExecutor(max_workers=1) as pool:
        future = pool.submit(proc.stdout.readline)
        try:
            return future.result(timeout=timeout).decode("utf-8", "replace").strip()
        except Exception:  # noqa: BLE001 - a timeout is a failed check, shown as such
            proc.kill()
            return "(nothing)"


def well_formed(answer: pb.GetProjectedCostResponse) -> bool:
    return (all(math.isfinite(v) and v >= 0 for v in (answer.unit_price, answer.cost_per_month))
            and len(answer.currency) == 3 and answer.currency.isalpha())


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on `port` (Linux /proc/net/tcp and tcp6)."""
    found: set[str] = set()
    for table, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            addr, port_hex = fields[1].split(":")
            if int(port_hex, 16) != port or fields[3] != "0A":  # 0A = LISTEN
                continue
            found.add(_addr(addr, v6))
    return found


def _addr(hex_addr: str, v6: bool) -> str:
    """/proc/net addresses are 32-bit words in host (little-endian) order; v4-mapped v6 shows as v4."""
    raw = b"".join(bytes.fromhex(hex_addr[i:i + 8])[::-1] for i in range(0, len(hex_addr), 8))
    if not v6:
        return str(ipaddress.IPv4Address(raw))
    addr = ipaddress.IPv6Address(raw)
    return str(addr.ipv4_mapped or addr)


def _ts(year: int, month: int, day: int) -> Timestamp:
    import datetime as dt
    stamp = Timestamp()
    stamp.FromDatetime(dt.datetime(year, month, day, tzinfo=dt.timezone.utc))
    return stamp


def run(path: Path) -> int:
    if path.is_dir():
        matches = sorted(path.glob("pulumicost-plugin-*"))
        if not matches:
            print(f"{path}: no pulumicost-plugin-* executable in this directory", file=sys.stderr)
            return 2
        path = matches[0]
    if not os.access(path, os.X_OK):
        print(f"{path}: not an executable plugin binary", file=sys.stderr)
        return 2
    return Suite(path.resolve()).run()
