"""Issue #14, secrets and trust: labels and messages carry only values the price book knows; plugins
get a minimal environment; config.yaml and the plugin root must be ours and not writable by
others; `install` never loosens or tightens a directory it did not create; Vantage follows
pagination only on its own origin and stops on a repeating or endless page chain."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from pulumicost_policy.testing.harness import EnginePack, secret
from plugin_root import SCRIPTED, SHIPPED
from pulumicost_policy.plugins.config import HostConfigError, load_config
from pulumicost_policy.plugins.discovery import discover
from pulumicost_policy.plugins.install import InstallError, install
from pulumicost_policy.plugins.process import PluginProcess

ROOT = Path(__file__).resolve().parents[2]
RDS, AZ_VM = "aws:rds/instance:Instance", "azure:compute/linuxVirtualMachine:LinuxVirtualMachine"
NOBODY = 65534


def test_item1_secret_storage_type_and_azure_location_never_echoed(tmp_path):
    report = tmp_path / "report.json"
    pack = EnginePack(config={"aws:region": "us-east-1", "azure:location": "eastus"})
    try:
        pack.configure({"stack-cost-summary": {"reportFile": str(report)}, "unpriced-resources": "mandatory"})
        rds = {"instanceClass": "db.t3.micro", "engine": "mysql", "allocatedStorage": 20,
               "storageType": secret("hunter2-SECRET")}
        vm = {"size": "Standard_B1s", "location": secret("easthunter")}
        texts = []
        for type_token, name, props in ((RDS, "db", rds), (AZ_VM, "vm", vm)):
            texts += [d.message for d in pack.analyze(type_token, name, props, provider={"region": "us-east-1"})]
        texts += [d.message for d in pack.analyze_stack([
            {"type": RDS, "name": "db", "props": rds, "provider": {"region": "us-east-1"}},
            {"type": AZ_VM, "name": "vm", "props": vm}])]
        texts.append(report.read_text())
        joined = "\n".join(texts)
        assert "db: unpriced" in joined and "vm: unpriced" in joined
        assert "hunter" not in joined.lower(), joined
    finally:
        pack.close()


def test_item2_plugin_gets_a_minimal_environment(tmp_path, monkeypatch):
    env_file = tmp_path / "env.json"
    plugin = tmp_path / "src"
    plugin.mkdir()
    (plugin / "plugin.manifest.json").write_text(json.dumps({"name": "envdump", "version": "1.0.0"}))
    binary = plugin / "pulumicost-plugin-envdump"
    binary.write_text(f"#!{sys.executable}\nimport json, os\n"
                      f"json.dump(dict(os.environ), open({str(env_file)!r}, 'w'))\nprint('PORT=1', flush=True)\n")
    binary.chmod(0o755)
    root = tmp_path / "root"
    spec = install(plugin, root)
    for name, value in {"PULUMI_CONFIG": '{"db:password": "s3cret"}', "PULUMI_ACCESS_TOKEN": "pul-123",
                        "PULUMI_CONFIG_PASSPHRASE": "pass", "AWS_SECRET_ACCESS_KEY": "aws-456",
                        "AWS_PROFILE": "dev", "HOME": str(tmp_path)}.items():
        monkeypatch.setenv(name, value)
    (root / "config.yaml").write_text(yaml.safe_dump({"plugins": {"envdump": {
        "env": {"VENDOR_TOKEN": "v"}, "inherit_env": ["AWS_PROFILE"]}}}))
    (root / "config.yaml").chmod(0o600)
    settings_ = load_config(root / "config.yaml").settings("envdump")
    proc = PluginProcess.launch(spec, settings_.env, 10)
    proc.stop()
    got = json.loads(env_file.read_text())
    assert got["VENDOR_TOKEN"] == "v" and got["AWS_PROFILE"] == "dev" and got["HOME"] == str(tmp_path)
    assert "PULUMICOST_PLUGIN_PORT" in got and "PATH" in got
    for leaked in ("PULUMI_CONFIG", "PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE", "AWS_SECRET_ACCESS_KEY"):
        assert leaked not in got


def _config(root: Path, body: dict) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / "config.yaml"
    path.write_text(yaml.safe_dump(body))
    path.chmod(0o600)
    return path


@pytest.mark.parametrize("key", ["PYTHONPATH", "PYTHONSTARTUP", "LD_PRELOAD", "LD_LIBRARY_PATH", "PATH",
                                 "NODE_OPTIONS", "BASH_ENV"])
def test_item4_env_keys_that_change_what_runs_are_refused(tmp_path, key):
    for section in ("env", "inherit_env"):
        value = {key: "/tmp/evil"} if section == "env" else [key]
        path = _config(tmp_path / section, {"plugins": {"p": {section: value}}})
        with pytest.raises(HostConfigError, match=key):
            load_config(path)


def test_item4_config_owned_by_others_or_writable_is_refused(tmp_path):
    path = _config(tmp_path / "root", {"plugins": {"p": {"env": {"TOKEN": "x"}}}})
    for mode, says in ((0o620, "chmod go-w"), (0o602, "chmod go-w")):
        path.chmod(mode)
        with pytest.raises(HostConfigError, match=says):
            load_config(path)
    path.chmod(0o600)
    os.chown(path, NOBODY, NOBODY)
    with pytest.raises(HostConfigError, match="owned by another user"):
        load_config(path)
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "--root", str(tmp_path / "root"),
                          "validate"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "owned by another user" in out.stderr and "chown" in out.stderr


def test_item4_writable_plugin_root_is_refused(tmp_path):
    root = tmp_path / "root"
    install(SCRIPTED, root)
    assert discover(root)[0]
    root.chmod(0o777)
    specs, warnings = discover(root)
    assert specs == [] and any("writable" in w and "chmod" in w for w in warnings)


def test_item5_install_never_chmods_an_existing_directory(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    link = tmp_path / "link"
    link.symlink_to(shared)
    with pytest.raises(InstallError, match="writable"):
        install(SHIPPED / "aws-public", link)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o750)
    mine.chmod(0o750)
    install(SHIPPED / "aws-public", mine)
    assert stat.S_IMODE(mine.stat().st_mode) == 0o750
    fresh = tmp_path / "fresh"
    install(SHIPPED / "aws-public", fresh)
    assert not fresh.stat().st_mode & 0o022


class _Vantage(BaseHTTPRequestHandler):
    """/v2/costs pages: mode "offsite" links to another origin, "loop" repeats a token, "endless" never ends."""

    mode = "offsite"
    other = ""
    hits: list[tuple[str, str]] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        type(self).hits.append((self.path, self.headers.get("Authorization", "")))
        if self.mode == "offsite":
            nxt = f"{self.other}/v2/costs?page=2"
        elif self.mode == "loop":
            nxt = f"http://{self.headers['Host']}/v2/costs?page=token-A"
        else:
            nxt = f"http://{self.headers['Host']}/v2/costs?page={len(self.hits)}"
        body = json.dumps({"costs": [], "links": {"next": nxt}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def _serve(handler) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.mark.parametrize("mode", ["offsite", "loop", "endless"])
def test_item6_21_vantage_pagination_stays_on_origin_and_ends(mode, monkeypatch):
    sys.path.insert(0, str(SHIPPED / "vantage"))
    import importlib
    vantage = importlib.import_module("plugin")
    from pulumicost_policy.plugins.errors import PluginError

    other_server, other = _serve(type("Other", (_Vantage,), {"hits": []}))
    handler = type("Main", (_Vantage,), {"mode": mode, "other": other, "hits": []})
    server, base = _serve(handler)
    monkeypatch.setenv("VANTAGE_API_TOKEN", "tok-SECRET")
    monkeypatch.setenv("VANTAGE_API_URL", base)
    try:
        import datetime as dt
        with pytest.raises(PluginError) as err:
            vantage.Vantage()._scope("costs.provider = 'aws'", dt.date(2024, 1, 1), dt.date(2024, 1, 31))
        assert other_server.RequestHandlerClass.hits == []  # the token never went to another origin
        assert len(handler.hits) <= vantage.MAX_PAGES + 1
        assert {"offsite": "origin", "loop": "repeat", "endless": "pages"}[mode] in str(err.value)
    finally:
        server.shutdown()
        other_server.shutdown()
        sys.path.remove(str(SHIPPED / "vantage"))
        sys.modules.pop("plugin", None)


def test_item19_no_home_directory_starts_on_the_price_book(tmp_path, monkeypatch):
    """No HOME and a uid without a passwd entry: Path.home() raises; the sources still open."""
    from pulumicost_policy.sources import open_sources
    from pulumicost_policy.descriptor import ResourceInput

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("HOME", "PULUMICOST_HOME", "FINFOCUS_HOME", "PULUMI_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    sources = open_sources()
    assert any("no home directory" in p for p in sources.problems())
    est = sources.pricer.estimate(ResourceInput("urn:pulumi:s::p::aws:ec2/instance:Instance::web",
                                                "aws:ec2/instance:Instance", "web", {"instanceType": "t3.micro"},
                                                {"region": "us-east-1"}))
    assert est.status == "priced" and est.source.startswith("specs")
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "list"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, env={"PATH": os.environ["PATH"]})
    assert "Traceback" not in out.stderr


def test_item18_plugin_stderr_is_bounded(tmp_path, capfd):
    """20 MB on stderr with no newline, then many lines: we forward a cut first line and at most
    MAX_FORWARDED bytes in all (the pipe is drained, so the plugin never blocks)."""
    import time
    from pulumicost_policy.plugins.process import MAX_FORWARDED

    plugin = tmp_path / "src"
    plugin.mkdir()
    (plugin / "plugin.manifest.json").write_text(json.dumps({"name": "noisy", "version": "1.0.0"}))
    binary = plugin / "pulumicost-plugin-noisy"
    binary.write_text(f"#!{sys.executable}\nimport sys, time\nsys.stderr.write('x' * 20_000_000)\n"
                      "sys.stderr.write('\\nend of the long line\\n' + 'line\\n' * 500_000)\nsys.stderr.flush()\n"
                      "print('PORT=1', flush=True)\ntime.sleep(1)\n")
    binary.chmod(0o755)
    spec = install(plugin, tmp_path / "root")
    proc = PluginProcess.launch(spec, {}, 30)
    time.sleep(1.5)
    proc.stop()
    err = capfd.readouterr().err
    assert "(line cut)" in err and "the rest is dropped" in err
    assert len(err) < MAX_FORWARDED + 64 * 1024


def _launching_host(root: Path) -> subprocess.Popen:
    """A host process that launches the plugin installed under `root`, says "launched", then waits
    (for the test to kill it)."""
    return subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom pathlib import Path\n"
        "from pulumicost_policy.plugins.discovery import discover\n"
        "from pulumicost_policy.plugins.process import PluginProcess\n"
        f"[spec], _ = discover(Path({str(root)!r}))\n"
        "PluginProcess.launch(spec, {}, 10)\nprint('launched', flush=True)\ntime.sleep(600)\n")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)


def test_item17_a_plugin_ignoring_sigterm_dies_with_a_killed_host(tmp_path):
    """A plugin that ignores SIGTERM (not built on our SDK, which watches its parent) is gone
    within 5 s of its host being SIGKILLed: the parent-death signal is SIGKILL."""
    import signal
    import time

    plugin = tmp_path / "src"
    plugin.mkdir()
    (plugin / "plugin.manifest.json").write_text(json.dumps({"name": "stubborn", "version": "1.0.0"}))
    binary = plugin / "pulumicost-plugin-stubborn"
    pid_file = tmp_path / "plugin.pid"
    binary.write_text(f"#!{sys.executable}\nimport os, signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                      f"open({str(pid_file)!r}, 'w').write(str(os.getpid()))\nprint('PORT=1', flush=True)\n"
                      "time.sleep(600)\n")
    binary.chmod(0o755)
    install(plugin, tmp_path / "root")
    host = _launching_host(tmp_path / "root")
    try:
        assert host.stdout.readline() == "launched\n"
        pid = int(pid_file.read_text())
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=5)
        deadline = time.monotonic() + 5
        while Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]:
            assert time.monotonic() < deadline, "the plugin outlived its killed host by 5 s"
            time.sleep(0.1)
    finally:
        host.kill()


def _detaching_plugin(tmp_path: Path, then: str) -> tuple[Path, Path]:
    """A plugin that starts a helper in a session of its own (setsid), which ignores SIGTERM and
    writes its pid to a file, then prints its port and does `then`. Returns (plugin root, pid file)."""
    plugin = tmp_path / "src"
    plugin.mkdir()
    (plugin / "plugin.manifest.json").write_text(json.dumps({"name": "detacher", "version": "1.0.0"}))
    pid_file = tmp_path / "helper.pid"
    helper = (f"import os, signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
              f"open({str(pid_file) + '.tmp'!r}, 'w').write(str(os.getpid()))\n"
              f"os.rename({str(pid_file) + '.tmp'!r}, {str(pid_file)!r})\ntime.sleep(600)\n")
    binary = plugin / "pulumicost-plugin-detacher"
    binary.write_text(f"#!{sys.executable}\nimport subprocess, sys, time\n"
                      f"subprocess.Popen([sys.executable, '-c', {helper!r}], start_new_session=True,\n"
                      "                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
                      f"print('PORT=1', flush=True)\n{then}\n")
    binary.chmod(0o755)
    install(plugin, tmp_path / "root")
    return tmp_path / "root", pid_file


def _helper_pid(pid_file: Path) -> int:
    import time
    deadline = time.monotonic() + 10
    while not pid_file.exists():
        assert time.monotonic() < deadline, "the plugin's helper never started"
        time.sleep(0.05)
    return int(pid_file.read_text())


def _gone_within(pid: int, seconds: float) -> bool:
    """Whether `pid` is gone (or a zombie) within `seconds`; SIGKILLs it either way, so a failing
    test leaves nothing behind."""
    import signal
    import time
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            try:
                if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] in "ZX":
                    return True
            except (FileNotFoundError, ProcessLookupError):
                return True
            time.sleep(0.1)
        return False
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the plugin launcher is Linux only")
def test_item17_a_detached_helper_of_a_plugin_dies_with_a_killed_host(tmp_path):
    """A helper the plugin started in a session of its own, ignoring SIGTERM, is gone within 5 s
    of the host being SIGKILLed: the launcher is its subreaper and takes the whole tree down."""
    import signal
    root, pid_file = _detaching_plugin(tmp_path, "time.sleep(600)")
    host = _launching_host(root)
    try:
        assert host.stdout.readline() == "launched\n"
        pid = _helper_pid(pid_file)
        host.send_signal(signal.SIGKILL)
        host.wait(timeout=5)
        assert _gone_within(pid, 5), "the plugin's detached helper outlived its killed host by 5 s"
    finally:
        host.kill()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the plugin launcher is Linux only")
@pytest.mark.parametrize("exits", [False, True], ids=["stopped", "exits"])
def test_item17_a_detached_helper_dies_when_its_plugin_is_stopped_or_exits(tmp_path, exits):
    """After a normal stop, or once the plugin exits by itself, its detached SIGTERM-ignoring helper
    is gone within 5 s too; a plugin that exits reports its own exit code."""
    import time
    pid_file = tmp_path / "helper.pid"
    then = (f"import os\nwhile not os.path.exists({str(pid_file)!r}): time.sleep(0.05)\nsys.exit(3)" if exits
            else "time.sleep(600)")
    root, _ = _detaching_plugin(tmp_path, then)
    [spec], _ = discover(root)
    proc = PluginProcess.launch(spec, {}, 10)
    pid = _helper_pid(pid_file)
    if exits:
        assert proc.proc.wait(timeout=10) == 3
    else:
        started = time.monotonic()
        proc.stop()
        assert time.monotonic() - started < 5
    assert _gone_within(pid, 5), "the plugin's detached helper outlived its plugin by 5 s"


def test_item17_the_launcher_adds_nothing_to_a_plugins_environment(tmp_path, monkeypatch):
    """In a C locale the interpreter running the launcher sets LC_CTYPE (PEP 538); the plugin
    still gets exactly the variables the host chose."""
    env_file = tmp_path / "env.txt"
    plugin = tmp_path / "src"
    plugin.mkdir()
    (plugin / "plugin.manifest.json").write_text(json.dumps({"name": "envdump", "version": "1.0.0"}))
    binary = plugin / "pulumicost-plugin-envdump"  # not Python: its interpreter would coerce too
    binary.write_text(f"#!/bin/sh\nenv > '{env_file}'\necho PORT=1\n")
    binary.chmod(0o755)
    for name in ("LANG", "LC_ALL", "LC_CTYPE"):
        monkeypatch.delenv(name, raising=False)
    proc = PluginProcess.launch(install(plugin, tmp_path / "root"), {}, 10)
    proc.stop()
    got = dict(line.split("=", 1) for line in env_file.read_text().splitlines())
    assert "LC_CTYPE" not in got, got
    ports = {"PULUMICOST_PLUGIN_PORT", "FINFOCUS_PLUGIN_PORT"}
    shell_own = {"PWD", "SHLVL", "_", "OLDPWD"}
    assert set(got) - shell_own == ({"PATH", "HOME", "TMPDIR"} & set(os.environ)) | ports


def test_item17_a_plugin_that_cannot_be_run_is_named(tmp_path):
    """A plugin whose interpreter is missing: the launcher cannot exec it, and the host says so
    (not 'exited before printing its port', which would start it again on another port)."""
    from pulumicost_policy.plugins.process import LaunchError
    plugin = tmp_path / "src"
    plugin.mkdir()
    (plugin / "plugin.manifest.json").write_text(json.dumps({"name": "orphaned", "version": "1.0.0"}))
    binary = plugin / "pulumicost-plugin-orphaned"
    binary.write_text(f"#!{tmp_path / 'no-such-interpreter'}\n")
    binary.chmod(0o755)
    spec = install(plugin, tmp_path / "root")
    with pytest.raises(LaunchError) as caught:
        PluginProcess.launch(spec, {}, 10)
    assert str(caught.value) == f"cannot run {spec.binary}: No such file or directory"
    assert not caught.value.exited
