"""Plugins misbehaving in every way we know: each gives a clear diagnostic and the preview goes on
(prices fall back to the price book), and no plugin outlives the pack."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from pulumicost_policy.testing.harness import EnginePack
from plugin_root import PluginRoot

EC2 = "aws:ec2/instance:Instance"
US_EAST = {"region": "us-east-1"}
FAST = {"start_timeout_seconds": 1.5, "timeout_seconds": 0.5, "attempts": 2}


def preview(root: PluginRoot, names=("web",)):
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure()
        per = {}
        for name in names:
            [d] = [d for d in pack.analyze(EC2, name, {"instanceType": "t3.micro"}, provider=US_EAST)
                   if d.policy == "cost-estimate"]
            per[name] = d.message
        stack = pack.analyze_stack([{"type": EC2, "name": n, "props": {"instanceType": "t3.micro"},
                                     "provider": US_EAST} for n in names])
        [summary] = [d.message for d in stack if d.policy == "stack-cost-summary"]
        return per, summary
    finally:
        pack.close()


@pytest.mark.parametrize("mode, diagnostic", [
    ("noport", "plugin flaky 1.0.0 did not start: did not print its port within 1.5 s"),
    ("exit", "plugin flaky 1.0.0 did not start: exited with code 4 before printing its port"),
    ("garbage", "plugin flaky 1.0.0 did not start: printed something other than PORT=<n>"),
    ("hang", "plugin flaky 1.0.0: DEADLINE_EXCEEDED after 2 attempts"),
    ("eur", "plugin flaky 1.0.0 answered in EUR, expected USD"),
    ("crashloop", "plugin flaky 1.0.0 crashed again after a restart; dropped for this run"),
])
def test_faulty_plugin_gives_diagnostic_and_price_book_answers(root, mode, diagnostic):
    root.install_scripted("flaky", mode, **FAST)
    per, summary = preview(root)
    assert "$7.59 USD/month" in per["web"] and "source: specs" in per["web"]  # the preview went on
    assert "Cost sources: " in summary and diagnostic in summary
    assert "$7.59" in summary


def test_plugin_crashing_mid_run_is_restarted_once(root, tmp_path):
    root.install_scripted("flaky", "crash", log=tmp_path / "calls.log", **FAST)
    per, summary = preview(root)
    assert "source: plugin flaky 1.0.0" in per["web"]  # answered after the restart
    assert "plugin flaky 1.0.0 crashed (UNAVAILABLE) and was restarted" in summary


def test_hanging_plugin_trips_the_breaker(root):
    root.install_scripted("flaky", "hang", **FAST)
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure()
        for i, sku in enumerate(["t3.micro", "t3.small", "t3.medium", "t3.large"]):
            pack.analyze(EC2, f"web{i}", {"instanceType": sku}, provider=US_EAST)
        started = time.monotonic()
        [d] = [d for d in pack.analyze(EC2, "last", {"instanceType": "m5.large"}, provider=US_EAST)
               if d.policy == "cost-estimate"]
        assert time.monotonic() - started < 0.5  # no longer asked: no deadline to wait out
        assert "source: specs" in d.message
        [summary] = [d.message for d in pack.analyze_stack([]) if d.policy == "stack-cost-summary"]
        assert "failed 3 calls in a row (DEADLINE_EXCEEDED); no longer asked in this run" in summary
    finally:
        pack.close()


def _plugin_pids(marker: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if marker in cmdline and "plugin.py" in cmdline:
                pids.append(int(entry.name))
    return pids


def _gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists()
                 and "Z" not in (Path(f"/proc/{p}/stat").read_text().split()[2:3] or ["Z"])]
        if not alive:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_no_plugin_outlives_the_pack(root, sig):
    root.install_shipped("aws-public")
    root.install_scripted("other", "ok")
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    pack.configure()
    pack.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider=US_EAST)
    pids = _plugin_pids(str(root.path))
    assert len(pids) == 2  # both plugins for provider aws were started
    os.kill(pack.proc.pid, sig)
    pack.proc.wait(timeout=5)
    assert _gone_within(pids, 5.0), f"plugin processes left: {pids}"
    pack.close()
