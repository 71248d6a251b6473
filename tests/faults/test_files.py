"""Issue #14, files: reports only onto regular files (mode kept, no partial file left when killed),
usage files only from regular files, plans and states from pipes and `-`, deep JSON refused in one
line, and the engine harness keeps the pack's stderr when the pack fails to start."""
from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pulumicost_policy.testing.harness import EnginePack
from pulumicost_policy.reporting.write import ReportWriteError, write_report

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EC2 = "aws:ec2/instance:Instance"
US_EAST = {"region": "us-east-1"}


def run(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, **kw)


def test_item7_report_refuses_fifo_device_and_symlink_and_keeps_mode(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    for target in (fifo, Path("/dev/null"), link):
        before = os.lstat(target)
        with pytest.raises(ReportWriteError, match="not a regular file"):
            write_report(target, {"a": 1})
        after = os.lstat(target)
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert not (tmp_path / "elsewhere.json").exists()
    existing = tmp_path / "report.json"
    existing.write_text("{}")
    existing.chmod(0o644)
    write_report(existing, {"a": 1})
    assert stat.S_IMODE(existing.stat().st_mode) == 0o644 and json.loads(existing.read_text()) == {"a": 1}
    out = run("--pulumi-json", EXAMPLES / "ten-t3-micro.json", "--report", fifo)
    assert out.returncode == 2 and "not a regular file" in out.stderr and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_item7_sigterm_mid_write_leaves_no_partial_file(tmp_path):
    script = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from pulumicost_policy.reporting import write as report_file
        def slow_fsync(fd):
            print("writing", flush=True)
            time.sleep(30)
        report_file.os.fsync = slow_fsync
        report_file.write_report({str(tmp_path / "report.json")!r}, {{"rows": list(range(1000))}})
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "writing\n"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == -signal.SIGTERM  # still dies of the signal, as before
    assert list(tmp_path.iterdir()) == []


def test_item8_usage_file_fifo_and_dev_zero_do_not_stop_pack_start(tmp_path):
    fifo = tmp_path / "usage.fifo"
    os.mkfifo(fifo)
    for usage in (fifo, Path("/dev/zero")):
        started = time.monotonic()
        pack = EnginePack(env={"PULUMICOST_USAGE_FILE": str(usage)})
        try:
            pack.configure()
            [d] = [d for d in pack.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider=US_EAST)
                   if d.policy == "cost-estimate"]
            assert "$7.59" in d.message
            [summary] = [d for d in pack.analyze_stack([{"type": EC2, "name": "web", "props": {"instanceType": "t3.micro"},
                                                         "provider": US_EAST}]) if d.policy == "stack-cost-summary"]
            assert "usage file not used" in summary.message and f"{usage}: not a regular file" in summary.message
        finally:
            pack.close()
        assert time.monotonic() - started < 30


def test_item9_state_from_a_pipe_and_from_stdin(tmp_path):
    state = {"deployment": {"resources": [{"urn": f"urn:pulumi:dev::p::{EC2}::web", "type": EC2, "custom": True,
                                           "inputs": {"instanceType": "t3.micro", "region": "us-east-1"}}]}}
    text = json.dumps(state)
    out = subprocess.run(["bash", "-c", f"{sys.executable} -m pulumicost_policy.projected --output json "
                                        f"--pulumi-state <(cat {tmp_path / 's.json'})"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60,
                         preexec_fn=lambda: (tmp_path / "s.json").write_text(text))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["totals"]["monthly"] == pytest.approx(7.592)
    out = run("--pulumi-state", "-", "--output", "json", input=text)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["totals"]["monthly"] == pytest.approx(7.592)
    out = run("--pulumi-state", "-", input="x" * 2_000_000, env={**os.environ, "PULUMICOST_MAX_FILE_MB": "1"})
    assert out.returncode == 2 and "more than the 1 MB" in out.stderr


@pytest.mark.parametrize("flag", ["--pulumi-json", "--pulumi-state", "--policy-pack-config", "baseline"])
def test_item13_deep_json_is_a_one_line_usage_error(tmp_path, flag):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 10_000 + "]" * 10_000)
    args = {"--pulumi-json": ["--pulumi-json", deep], "--pulumi-state": ["--pulumi-state", deep],
            "--policy-pack-config": ["--pulumi-json", EXAMPLES / "ten-t3-micro.json", "--policy-pack-config", deep]}
    if flag == "baseline":
        config = tmp_path / "policy.json"
        config.write_text(json.dumps({"cost-increase": {"maxIncrease": 1, "baselineStateFile": str(deep)}}))
        args[flag] = ["--pulumi-json", EXAMPLES / "ten-t3-micro.json", "--policy-pack-config", config]
    out = run(*args[flag])
    assert out.returncode == 2, out.stderr
    assert out.stderr.count("\n") == 1 and "nested more than" in out.stderr, out.stderr


def test_item13_deep_baseline_in_the_pack_is_a_diagnostic(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"a":' * 10_000 + "1" + "}" * 10_000)
    pack = EnginePack()
    try:
        pack.configure({"cost-increase": {"maxIncrease": 1, "baselineStateFile": str(deep)}})
        diags = pack.analyze_stack([{"type": EC2, "name": "web", "props": {"instanceType": "t3.micro"},
                                     "provider": US_EAST}])
        [d] = [d for d in diags if d.policy == "cost-increase"]
        assert "baseline unusable" in d.message and "nested more than" in d.message
    finally:
        pack.close()


def test_harness_keeps_the_pack_error_when_the_pack_fails_to_start(tmp_path):
    (tmp_path / "PulumiPolicy.yaml").write_text("runtime: python\n")
    (tmp_path / "__main__.py").write_text("raise SystemExit('pack-broken-on-purpose')\n")
    with pytest.raises(RuntimeError, match="pack-broken-on-purpose"):
        EnginePack(pack_dir=tmp_path)
