"""Faults at run time: slow or port-stealing plugins, a full disk for the report, secrets and keys
that must not leak, concurrent callers, and partial failures that must not lose results."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.stacks import synthetic
from pulumicost_policy.testing.harness import EnginePack, secret
from plugin_root import ROOT, PluginRoot
from pulumicost_policy.plugins import process
from pulumicost_policy.plugins.config import PluginSettings
from pulumicost_policy.plugins.client import PluginClient
from pulumicost_policy.plugins.conformance import listening_addresses
from pulumicost_policy.plugins.discovery import discover

EC2 = "aws:ec2/instance:Instance"
US_EAST = {"region": "us-east-1"}


def estimate_and_summary(root: PluginRoot, name: str = "web"):
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure()
        [d] = [d for d in pack.analyze(EC2, name, {"instanceType": "t3.micro"}, provider=US_EAST)
               if d.policy == "cost-estimate"]
        [s] = [s.message for s in pack.analyze_stack([]) if s.policy == "stack-cost-summary"]
        return d.message, s
    finally:
        pack.close()


def test_slow_start_within_the_deadline_is_waited_for(root):
    root.install_scripted("slow", "slow", start_timeout_seconds=5)
    root.configure("slow", {"SCRIPTED_MODE": "slow", "SCRIPTED_DELAY": "1.0"}, start_timeout_seconds=5)
    message, _ = estimate_and_summary(root)
    assert "source: plugin slow 1.0.0" in message


def test_slow_start_past_the_deadline_falls_back(root):
    root.install_scripted("slow", "slow")
    root.configure("slow", {"SCRIPTED_MODE": "slow", "SCRIPTED_DELAY": "5"}, start_timeout_seconds=0.5)
    message, summary = estimate_and_summary(root)
    assert "source: specs" in message
    assert "plugin slow 1.0.0 did not start: did not print its port within 0.5 s" in summary


def test_port_already_in_use(root, monkeypatch, capfd):
    root.install_shipped("aws-public")
    [spec], _ = discover(root.path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        ports = iter([busy, process.free_port()])
        monkeypatch.setattr(process, "free_port", lambda: next(ports))
        client = PluginClient(spec, PluginSettings(start_timeout_seconds=10))
        try:
            client.ensure_started()  # the first launch finds its port taken, the second works
            assert client.problem is None and client._process.port != busy
            assert client.notes == ["plugin aws-public 0.1.0 exited at start (exited with code 1 before printing "
                                    "its port); started again on another port"]
        finally:
            client.close()
    assert f"[plugin aws-public] aws-public: cannot listen on 127.0.0.1:{busy} (in use?)" in capfd.readouterr().err


def test_disk_full_when_writing_the_report(tmp_path):
    pack = EnginePack(file_size_limit=16_384)  # writes past 16 KB fail (EFBIG) as on a full disk
    try:
        pack.configure({"stack-cost-summary": {"reportFile": str(tmp_path / "report.json")}})
        resources = [{"type": EC2, "name": f"web-{i}", "props": {"instanceType": "t3.micro"}, "provider": US_EAST}
                     for i in range(200)]
        [summary] = [d.message for d in pack.analyze_stack(resources) if d.policy == "stack-cost-summary"]
        assert "$1,518.40 USD" in summary  # 200 x 7.592: the preview completed
        assert f"Report not written: {tmp_path / 'report.json'}: File too large" in summary
        assert not (tmp_path / "report.json").exists() and list(tmp_path.iterdir()) == []  # no half report left
    finally:
        pack.close()


def test_secrets_never_leave_the_pack(root, tmp_path):
    """Secret values (wrapper or additionalSecretOutputs) appear in no diagnostic, log, report or plugin request."""
    log = tmp_path / "plugin.log"
    root.install_scripted("recorder", "ok", log=log)
    report = tmp_path / "report.json"
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure({"stack-cost-summary": {"reportFile": str(report)},
                        "stack-budget": {"tagBudgets": {"team=web": 1}}})
        resources = [
            ("a", {"instanceType": "t3.micro", "userData": secret("SECRET-userdata-1"),
                   "tags": {"team": "web", "token": secret("SECRET-tag-2")}}, ()),
            ("b", {"instanceType": secret("SECRET-sku-3")}, ()),
            ("c", {"instanceType": "t3.micro", "password": "SECRET-aso-4", "tags": {"pw": "SECRET-aso-tag-5"}},
             ("password", "tags")),
            ("d", {"instanceType": "m9.unheardof"}, ()),  # not marked secret: shown (a typo must be seen)
        ]
        diags = []
        for name, props, secret_outputs in resources:
            diags += pack.analyze(EC2, name, props, provider=US_EAST, secret_outputs=secret_outputs)
        diags += pack.analyze_stack([{"type": EC2, "name": n, "props": p, "provider": US_EAST} for n, p, _ in resources])
        shown = "\n".join(d.message for d in diags) + report.read_text() + pack.stderr()
        assert "$7.59" in shown and "SECRET-" not in shown and "m9.unheardof is not in the price book" in shown
        # Plugins get what pricing needs (type, SKU, region), never tags or outputs marked secret.
        sent = log.read_text()
        assert "aws:ec2/instance:Instance t3.micro us-east-1" in sent  # the real descriptor: the type token
        assert "SECRET-tag" not in sent and "SECRET-aso" not in sent and "SECRET-userdata" not in sent
    finally:
        pack.close()


def test_api_keys_stay_out_of_argv_logs_and_errors(root):
    key = "KEY-9f8e7d6c5b4a"
    root.install_scripted("keyed", "ok")
    root.configure("keyed", {"SCRIPTED_MODE": "ok", "KEYED_API_TOKEN": key})
    root.install_scripted("broken", "exit")
    root.configure("broken", {"SCRIPTED_MODE": "exit", "BROKEN_API_TOKEN": key})
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure()
        diags = pack.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider=US_EAST)
        pids = [p for p in Path("/proc").iterdir() if p.name.isdigit() and _is_plugin(p, root.path)]
        assert pids, "the keyed plugin should be running"
        for proc in pids:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
            assert key not in cmdline
            assert key.encode() in (proc / "environ").read_bytes()  # delivered by environment, as promised
            port = int(cmdline.split("\0")[cmdline.split("\0").index("--port") + 1])
            assert listening_addresses(port) == {"127.0.0.1"}  # loopback only
        [summary] = [d.message for d in pack.analyze_stack([]) if d.policy == "stack-cost-summary"]
        assert "plugin broken 1.0.0 did not start" in summary
        assert key not in summary + "".join(d.message for d in diags) + pack.stderr()
    finally:
        pack.close()


def _is_plugin(proc: Path, marker: Path) -> bool:
    try:
        return str(marker) in (proc / "cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False


def test_concurrent_analyze_and_analyze_stack_match_serial():
    resources = synthetic(60)
    stack = [{**r, "urn": r["urn"]} for r in resources]
    pack = EnginePack()
    try:
        pack.configure()
        def totals() -> str:
            [s] = [d.message for d in pack.analyze_stack(stack) if d.policy == "stack-cost-summary"]
            return s
        for r in resources:
            pack.analyze(r["type"], r["name"], r["props"], provider=r["provider"], resource_urn=r["urn"])
        serial = totals()
        assert "Projected monthly cost: $" in serial
        with ThreadPoolExecutor(max_workers=5) as pool:
            for _ in range(50):
                jobs = [pool.submit(lambda part: [pack.analyze(r["type"], r["name"], r["props"], provider=r["provider"],
                                                               resource_urn=r["urn"]) for r in part], resources[i::4])
                        for i in range(4)]
                summary = pool.submit(totals)
                for job in jobs:
                    job.result()
                assert summary.result() == serial
    finally:
        pack.close()


def test_offline_run_keeps_every_result_when_one_resource_fails(tmp_path):
    """A bug pricing one type (RDS here): its resources are listed as unpriced with the reason, the
    others are all there, and the total says it is partial."""
    plan = tmp_path / "plan.json"
    doc = json.loads((ROOT / "examples" / "mixed.json").read_text())
    plan.write_text(json.dumps(doc))
    script = (
        "import sys; import pulumicost_policy.pricing.pricer as p\n"
        "real = p.describe\n"
        "def broken(r):\n"
        "    if r.type == 'aws:rds/instance:Instance': raise KeyError('boom')\n"
        "    return real(r)\n"
        "p.describe = broken\n"
        "from pulumicost_policy.projected.__main__ import main\n"
        f"sys.exit(main(['--pulumi-json', {str(plan)!r}, '--usage', 'examples/usage.yaml', '--output', 'json']))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    rows = {r["name"]: r for r in report["resources"]}
    broken = [r for r in rows.values() if r["type"] == "aws:rds/instance:Instance"]
    assert broken and all(r["status"] == "unpriced" and "internal error (KeyError)" in r["unpriced_reason"] for r in broken)
    assert len(broken) == 3 and sum(1 for r in rows.values() if r["status"] == "priced") == 6
    assert report["coverage"]["unpriced"] == 3
    assert "internal error pricing urn:pulumi:" in out.stderr and "Traceback" not in out.stderr
