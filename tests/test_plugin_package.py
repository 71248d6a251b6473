"""`pulumicost plugin package`: a shipped plugin as a release that runs where finfocus runs it, with
only a Python that has grpcio and protobuf (no checkout, no PYTHONPATH, no other library)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tarfile
from pathlib import Path

import google.protobuf
import grpc
import pytest

from pulumicost_policy.plugins.client import stubs
from pulumicost_policy.plugins.release import install_release
from pulumicost_policy.protocol import costsource_pb2 as pb
from seed_data import book_rate

ROOT = Path(__file__).resolve().parent.parent
FINFOCUS = "finfocus.v1.CostSourceService"


def bare_python(where: Path) -> Path:
    """A virtual environment of the running interpreter holding grpcio and protobuf only."""
    subprocess.run([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", str(where)],
                   check=True, timeout=120)
    [site] = list(where.glob("lib/python*/site-packages"))
    (site / "grpc").symlink_to(Path(grpc.__file__).parent)
    (site / "google").mkdir()
    (site / "google" / "protobuf").symlink_to(Path(google.protobuf.__file__).parent)
    return where / "bin"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_packaged_aws_public_prices_t3_micro_over_finfocus(tmp_path):
    dist = tmp_path / "dist"
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.cli", "plugin", "package", "aws-public",
                          "--out", str(dist)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    archive = Path(out.stdout.strip())
    assert archive.name == "finfocus-plugin-aws-public_0.1.0_py3.tar.gz"
    release = tmp_path / "release"  # an empty directory outside the repository
    release.mkdir()
    with tarfile.open(archive) as tar:
        tar.extractall(release, filter="data")
    assert json.loads((release / "plugin.metadata.json").read_text())["version"] == "0.1.0"
    binary = release / "finfocus-plugin-aws-public"
    assert os.access(binary, os.X_OK)
    bin_dir = bare_python(tmp_path / "python")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    port = _port()
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path), "FINFOCUS_PLUGIN_PORT": str(port)}
    proc = subprocess.Popen([str(binary), f"--port={port}"], cwd=elsewhere, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.strip() == f"PORT={port}", proc.stderr.read() if proc.poll() is not None else line
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            call = stubs(channel, FINFOCUS)
            assert call["Name"](pb.NameRequest(), timeout=10).name == "aws-public"
            answer = call["GetProjectedCost"](pb.GetProjectedCostRequest(resource=pb.ResourceDescriptor(
                provider="aws", resource_type="aws:ec2/instance:Instance", sku="t3.micro", region="us-east-1")),
                timeout=10)
    finally:
        proc.terminate()
        proc.wait(10)
    assert answer.cost_per_month == pytest.approx(book_rate("aws", "ec2:Instance", "t3.micro", "us-east-1") * 730)
    assert round(answer.cost_per_month, 3) == pytest.approx(7.592)  # the figure, for the reader
    # Our own host installs the same archive as a finfocus release.
    spec = install_release(archive, tmp_path / "root")
    assert (spec.name, spec.version) == ("aws-public", "0.1.0")


def test_package_unknown_plugin_is_a_clear_error(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "package", str(tmp_path / "nope"),
                          "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "plugin.manifest.json" in out.stderr and "Traceback" not in out.stderr
