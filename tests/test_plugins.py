"""The plugin protocol, discovery, installation, configuration and the conformance suite."""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plugin_root import ROOT, PluginRoot
from pulumicost_policy.plugins.config import HostConfigError, load_config
from pulumicost_policy.plugins.discovery import discover
from pulumicost_policy.plugins.install import InstallError, install
from pulumicost_policy.protocol import codegen
from pulumicost_policy.protocol import costsource_pb2 as pb
from vendor_servers import OpenCost, Vantage

TOKEN = "vantage-test-token-7f3a"


def test_generated_code_is_not_stale(tmp_path):
    for generated in codegen.generate(tmp_path):
        assert filecmp.cmp(generated, codegen.PACKAGE_DIR / generated.name, shallow=False), \
            f"{generated.name} is stale: run python -m pulumicost_policy.protocol.codegen"


# Field numbers from the table in shared/protocols/costsource.md.
WIRE = {
    "ResourceDescriptor": {"provider": 1, "resource_type": 2, "sku": 3, "region": 4, "tags": 5,
                           "utilization_percentage": 6, "id": 7, "arn": 8},
    "SupportsResponse": {"supported": 1, "reason": 2, "capabilities": 3},
    "GetProjectedCostRequest": {"resource": 1, "utilization_percentage": 2},
    "GetProjectedCostResponse": {"unit_price": 1, "currency": 2, "cost_per_month": 3, "billing_detail": 4,
                                 "expires_at": 13},
    "GetActualCostRequest": {"resource_id": 1, "start": 2, "end": 3, "tags": 4, "arn": 5, "page_size": 7,
                             "page_token": 8},
    "GetActualCostResponse": {"results": 1, "next_page_token": 4},
    "ActualCostResult": {"timestamp": 1, "cost": 2, "usage_amount": 3, "usage_unit": 4, "source": 5},
    "PricingSpec": {"provider": 1, "resource_type": 2, "sku": 3, "region": 4, "billing_mode": 5,
                    "rate_per_unit": 6, "currency": 7, "description": 8, "plugin_metadata": 10, "source": 11,
                    "unit": 12, "assumptions": 13, "pricing_tiers": 14},
    "GetPluginInfoResponse": {"name": 1, "version": 2, "spec_version": 3, "providers": 4, "metadata": 5},
}


def test_wire_compatible_with_costsource_md():
    service = pb.DESCRIPTOR.services_by_name["CostSourceService"]
    assert service.full_name == "pulumicost.v1.CostSourceService"
    assert {m.name for m in service.methods} == {"Name", "Supports", "GetProjectedCost", "GetActualCost",
                                                 "GetPricingSpec", "GetPluginInfo",
                                                 "GetRecommendations", "DismissRecommendation"}  # finfocus.v1
    for message, fields in WIRE.items():
        got = {f.name: f.number for f in pb.DESCRIPTOR.message_types_by_name[message].fields}
        assert {k: got.get(k) for k in fields} == fields, message
    # Our extensions stay clear of numbers real plugins use.
    assert all(f.number >= 100 for f in pb.ActualCostResult.DESCRIPTOR.fields if f.name not in WIRE["ActualCostResult"])


def test_discovery_highest_valid_version_and_refusals(tmp_path):
    root = PluginRoot(tmp_path / "home")
    root.install_scripted("pricer", "ok", version="1.2.0")
    root.install_scripted("pricer", "ok", version="1.10.0")
    root.install_scripted("pricer", "ok", version="1.10.0-rc.1")
    (root.path / "plugins" / "pricer" / "latest").mkdir()
    specs, warnings = discover(root.path)
    # semver order: numeric (1.10 > 1.2, not lexical) and a pre-release below its release
    assert [(s.name, s.version) for s in specs] == [("pricer", "1.10.0")]
    assert any("latest is not a semver version" in w for w in warnings)


def test_world_writable_plugin_is_refused(tmp_path):
    root = PluginRoot(tmp_path / "home")
    directory = root.install_scripted("loose", "ok")
    binary = directory / "pulumicost-plugin-loose"
    binary.chmod(0o757)
    specs, warnings = discover(root.path)
    assert specs == []
    assert warnings == [f"refusing plugin loose 1.0.0: {binary} is writable by other users; run: chmod go-w {binary}"]


def test_install_errors_name_what_is_missing(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InstallError, match="no plugin.manifest.json"):
        install(tmp_path / "empty", tmp_path / "home")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "plugin.manifest.json").write_text('{"name": "Bad Name", "version": "1"}')
    with pytest.raises(InstallError, match="'name' must be lower-case"):
        install(tmp_path / "bad", tmp_path / "home")


def test_config_errors_name_file_and_key_and_never_echo_keys(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("plugins:\n  vantage:\n    timeout_seconds: fast\n")
    with pytest.raises(HostConfigError, match=r"config.yaml: plugins.vantage.timeout_seconds must be a positive number"):
        load_config(path)
    path.write_text("plugins:\n  vantage:\n    env: [sekrit-key-123]\n")
    with pytest.raises(HostConfigError) as err:
        load_config(path)
    assert "sekrit-key-123" not in str(err.value)
    path.write_text("plugins: {vantage: {env: {VANTAGE_API_TOKEN: x}}\n")
    with pytest.raises(HostConfigError, match=r"config.yaml line \d+: not valid YAML"):
        load_config(path)
    path.write_text("plugins: {vantage: {env: {VANTAGE_API_TOKEN: x}}}\n")
    path.chmod(0o644)
    assert "other users can read it; run: chmod 600" in load_config(path).warnings[0]


@pytest.fixture
def vantage():
    server = Vantage(TOKEN)
    server.prices[("aws", "t3.micro")] = [
        {"id": "prc_1", "unit": "hour", "region": "us-east-1", "rate_type": "compute", "currency": "USD", "amount": 0.0104}]
    yield server
    server.close()


@pytest.fixture
def opencost():
    server = OpenCost()
    yield server
    server.close()


def conformance(path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "conformance", str(path)],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env}, timeout=120)


@pytest.mark.parametrize("name", ["aws-public", "vantage", "opencost"])
def test_shipped_plugins_pass_conformance(tmp_path, vantage, opencost, name):
    env = {"VANTAGE_API_TOKEN": TOKEN, "VANTAGE_API_URL": vantage.url, "OPENCOST_URL": opencost.url}
    directory = install(ROOT / "plugins" / name, tmp_path / "home").directory
    result = conformance(directory, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 failed" in result.stdout and "FAIL" not in result.stdout
    assert "PASS  startup: listens on 127.0.0.1 only" in result.stdout


def test_conformance_fails_a_plugin_that_breaks_the_contract(tmp_path):
    root = PluginRoot(tmp_path / "home")
    directory = root.install_scripted("broken", "garbage")
    result = conformance(directory, {"SCRIPTED_MODE": "garbage"})
    assert result.returncode == 1
    assert "FAIL  startup: prints PORT=<n> on stdout: printed something other than PORT=<n>" in result.stdout


def test_plugins_cli_install_list_validate(tmp_path):
    home = tmp_path / "home"
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "--root", str(home), *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
    out = cli("install", "plugins/aws-public")
    assert out.returncode == 0 and "installed aws-public 0.1.0" in out.stdout
    out = cli("list")
    assert out.stdout.split()[:3] == ["aws-public", "0.1.0", "aws"]
    out = cli("validate")
    assert out.returncode == 0 and "ok    plugin aws-public 0.1.0 (aws)" in out.stdout
    out = cli("install", "nowhere")
    assert out.returncode == 2 and "nowhere: not a directory" in out.stderr and "Traceback" not in out.stderr
