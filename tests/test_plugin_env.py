"""What a plugin reads from the environment (issue #22, item 5): declared in its manifest, passed by
the host when exported, checked by `plugins validate`; the host's own secrets never qualify."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plugin_root import ROOT, PluginRoot
from pulumicost_policy.plugins.client import PluginClient, PluginDown
from pulumicost_policy.plugins.config import PluginSettings
from pulumicost_policy.plugins.discovery import discover
from pulumicost_policy.plugins.environment import plugin_env
from pulumicost_policy.plugins.install import install
from vendor_servers import Vantage

TOKEN = "vantage-validate-token-7f3e"


def plugins_cli(root: PluginRoot, env: dict, *args: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("VANTAGE_", "OPENCOST_"))}
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "--root", str(root.path), *args],
                          capture_output=True, text=True, cwd=ROOT, env={**base, **env}, timeout=120)


def test_validate_names_what_is_missing(tmp_path):
    root = PluginRoot(tmp_path / "home")
    root.install_shipped("vantage")
    root.install_shipped("opencost", env={"OPENCOST_URL": "localhost:9003"})  # no scheme: not an endpoint
    out = plugins_cli(root, {}, "validate")
    assert out.returncode == 1, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    [vantage] = [l for l in lines if "vantage" in l]
    assert vantage.startswith("FAIL") and "VANTAGE_API_TOKEN (Vantage API bearer token) is not set" in vantage
    [opencost] = [l for l in lines if "opencost" in l]
    assert opencost.startswith("FAIL") and "OPENCOST_URL" in opencost and "'localhost:9003', not an http(s) URL" in opencost


def test_validate_ok_with_the_exported_token_and_never_shows_it(tmp_path):
    server = Vantage(TOKEN)
    try:
        root = PluginRoot(tmp_path / "home")
        root.install_shipped("vantage", env={"VANTAGE_API_URL": server.url})
        out = plugins_cli(root, {"VANTAGE_API_TOKEN": TOKEN}, "validate", "vantage")
    finally:
        server.close()
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.startswith("ok    plugin vantage 0.1.0")
    assert "VANTAGE_API_TOKEN (set)" in out.stdout and "VANTAGE_WORKSPACE_TOKEN (not set)" in out.stdout
    assert TOKEN not in out.stdout + out.stderr


def test_install_and_list_say_what_the_plugin_reads(tmp_path):
    root = PluginRoot(tmp_path / "home")
    out = plugins_cli(root, {}, "install", str(ROOT / "plugins" / "vantage"))
    assert out.returncode == 0, out.stderr
    assert "vantage reads VANTAGE_API_TOKEN (required, secret), VANTAGE_API_URL" in out.stdout
    assert "reads VANTAGE_API_TOKEN (required, secret)" in plugins_cli(root, {}, "list").stdout


def _envdump(tmp_path: Path, env_decl: dict) -> tuple[Path, Path]:
    """A plugin that writes its environment to a file and declares `env_decl`."""
    dump = tmp_path / "env.json"
    src = tmp_path / "src"
    src.mkdir(parents=True)
    (src / "plugin.manifest.json").write_text(json.dumps({"name": "envdump", "version": "1.0.0", "env": env_decl}))
    binary = src / "pulumicost-plugin-envdump"
    binary.write_text(f"#!{sys.executable}\nimport json, os\n"
                      f"json.dump(dict(os.environ), open({str(dump)!r}, 'w'))\nprint('PORT=1', flush=True)\n")
    binary.chmod(0o755)
    return src, dump


def test_declared_variables_reach_the_plugin_and_nothing_else(tmp_path, monkeypatch):
    src, dump = _envdump(tmp_path, {"VENDOR_TOKEN": {"required": True, "secret": True}, "VENDOR_URL": {"url": True}})
    spec = install(src, tmp_path / "root")
    for name, value in {"VENDOR_TOKEN": "from-env", "OTHER_TOKEN": "no", "AWS_SECRET_ACCESS_KEY": "aws-456",
                        "PULUMI_CONFIG": '{"db:password": "s3cret"}'}.items():
        monkeypatch.setenv(name, value)
    client = PluginClient(spec, PluginSettings(env={"VENDOR_URL": "http://127.0.0.1:1"}))
    with pytest.raises(PluginDown):
        client.ensure_started()  # the dump plugin exits after writing: only its environment matters here
    client.close()
    got = json.loads(dump.read_text())
    assert got["VENDOR_TOKEN"] == "from-env" and got["VENDOR_URL"] == "http://127.0.0.1:1"
    for leaked in ("OTHER_TOKEN", "AWS_SECRET_ACCESS_KEY", "PULUMI_CONFIG"):
        assert leaked not in got


def test_config_env_wins_over_the_exported_value(tmp_path, monkeypatch):
    src, dump = _envdump(tmp_path, {"VENDOR_TOKEN": {"required": True}})
    spec = install(src, tmp_path / "root")
    monkeypatch.setenv("VENDOR_TOKEN", "from-env")
    assert plugin_env(spec.env, {"VENDOR_TOKEN": "from-config"}) == {"VENDOR_TOKEN": "from-config"}
    assert plugin_env(spec.env, {}) == {"VENDOR_TOKEN": "from-env"}


def test_a_manifest_may_not_ask_for_the_hosts_secrets(tmp_path):
    for i, name in enumerate(("PULUMI_CONFIG", "PULUMI_ACCESS_TOKEN", "LD_PRELOAD")):
        src, _ = _envdump(tmp_path / str(i), {name: {}})
        root = tmp_path / str(i) / "root"
        (root / "plugins" / "envdump").mkdir(parents=True)
        shutil.copytree(src, root / "plugins" / "envdump" / "1.0.0")
        specs, warnings = discover(root)
        assert specs == [] and any(name in w and "may not ask for it" in w for w in warnings), warnings
