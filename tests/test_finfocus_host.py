"""Our shipped plugins launched and called the way the finfocus host does: `--port=N` plus
FINFOCUS_PLUGIN_PORT, service `finfocus.v1`, the real descriptor (Pulumi type token, sku, region,
tags, URN as id)."""
from __future__ import annotations

import os
import socket
import subprocess
import time

import grpc
import pytest

from plugin_root import PluginRoot
from pulumicost_policy.plugins.client import stubs
from pulumicost_policy.pricing.estimate import HOURS_PER_MONTH
from pulumicost_policy.pricing.pricebook import DEFAULT_SPECS_DIR, PriceBook
from pulumicost_policy.protocol import costsource_pb2 as pb

FINFOCUS = "finfocus.v1.CostSourceService"
URN = "urn:pulumi:dev::shop::aws:ec2/instance:Instance::web"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _launch_like_finfocus(binary, argv_style: str):
    """finfocus passes `--port=N` and FINFOCUS_PLUGIN_PORT, then polls the TCP port."""
    port = _port()
    argv = [str(binary), f"--port={port}"] if argv_style == "--port=N" else [str(binary), "-port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "PULUMICOST_PLUGIN_PORT"}
    env["FINFOCUS_PLUGIN_PORT"] = str(port)
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail("plugin never listened on the port finfocus gave it")


@pytest.mark.parametrize("argv_style", ["--port=N", "-port N"])
@pytest.mark.parametrize("resource_type", ["aws:ec2/instance:Instance", "ec2", "ec2:Instance"])
def test_shipped_aws_public_answers_finfocus_host(tmp_path, argv_style, resource_type):
    expected = PriceBook.load(DEFAULT_SPECS_DIR).get("aws", "ec2:Instance", "t3.micro", "us-east-1").rate_per_unit \
        * HOURS_PER_MONTH
    directory = PluginRoot(tmp_path / "home").install_shipped("aws-public")
    proc, port = _launch_like_finfocus(directory / "pulumicost-plugin-aws-public", argv_style)
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            call = stubs(channel, FINFOCUS)
            assert call["Name"](pb.NameRequest(), timeout=10).name == "aws-public"
            answer = call["GetProjectedCost"](pb.GetProjectedCostRequest(resource=pb.ResourceDescriptor(
                provider="aws", resource_type=resource_type, sku="t3.micro", region="us-east-1",
                tags={"instanceType": "t3.micro", "ami": "ami-123"}, id=URN)), timeout=10)
    finally:
        proc.terminate()
        proc.wait(10)
    assert answer.cost_per_month == pytest.approx(expected)
    assert round(answer.cost_per_month, 3) == pytest.approx(7.592)  # the figure, for the reader


def test_shipped_plugin_serves_reflection_for_both_service_names(tmp_path):
    """Like the published SDK, our plugins register gRPC server reflection: a client (grpcurl, a
    host) lists both service names and gets a full description of each, methods and messages."""
    from google.protobuf import descriptor_pb2
    from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

    directory = PluginRoot(tmp_path / "home").install_shipped("aws-public")
    proc, port = _launch_like_finfocus(directory / "pulumicost-plugin-aws-public", "--port=N")
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = reflection_pb2_grpc.ServerReflectionStub(channel)

            def ask(**request):
                return next(iter(stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(**request)]),
                                                           timeout=10)))

            listed = {s.name for s in ask(list_services="").list_services_response.service}
            described = {}
            for service in ("pulumicost.v1.CostSourceService", FINFOCUS):
                files = ask(file_containing_symbol=service).file_descriptor_response.file_descriptor_proto
                protos = [descriptor_pb2.FileDescriptorProto.FromString(f) for f in files]
                described[service] = {(m.name, m.input_type) for p in protos for s in p.service for m in s.method}
    finally:
        proc.terminate()
        proc.wait(10)
    assert {"pulumicost.v1.CostSourceService", FINFOCUS, "grpc.reflection.v1alpha.ServerReflection"} <= listed
    assert ("GetProjectedCost", ".finfocus.v1.GetProjectedCostRequest") in described[FINFOCUS]
    assert ("GetProjectedCost", ".pulumicost.v1.GetProjectedCostRequest") in described["pulumicost.v1.CostSourceService"]
