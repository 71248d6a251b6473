"""Issue #26 item 5: every group's help exits 0, mistyped verbs and plugin names get the closest
matches, runtime messages name `pulumicost ...` commands, and `prices status` is a few lines."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.cli.__main__ import VERBS, main

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pulumicost_policy"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as done:          # argparse's own help and errors
        code = done.code
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("argv", [["cost", "--help"], ["cost", "-h"], *[[*words[:1], "--help"] for words, _, _ in VERBS],
                                  *[[*words, "--help"] for words, _, _ in VERBS]])
def test_every_group_and_verb_help_exits_0(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert out.startswith("usage: pulumicost") and "unknown command" not in out + err


def test_cost_help_lists_its_verbs(capsys):
    code, out, _ = run(capsys, "cost", "--help")
    assert code == 0 and "pulumicost cost projected" in out and "pulumicost cost actual" in out


@pytest.mark.parametrize("argv,close", [(["plugins", "list"], "plugin"), (["price", "status"], "prices"),
                                        (["cost", "projectd"], "cost projected"), (["usgae"], "usage")])
def test_unknown_verbs_suggest_the_closest(capsys, argv, close):
    code, _, err = run(capsys, *argv)
    assert code == 2 and f"did you mean {close}?" in err


def test_unknown_plugin_name_suggests_the_shipped_one(tmp_path):
    env = {**os.environ, "PULUMICOST_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pulumicost_policy.cli", "plugin", "install", "awspublic"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "did you mean aws-public?" in done.stderr and "Traceback" not in done.stderr


def test_runtime_messages_name_pulumicost_commands():
    """No message a user reads tells them to run only `python -m pulumicost_policy...` (docstrings,
    the developers' generators and argparse program names aside)."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if "python -m pulumicost_policy" not in line or line.lstrip().startswith(("#", '"""')):
                continue
            if "`pulumicost " in line:   # names the command first (the module form as an aside is fine)
                continue
            if any(ok in line for ok in ("PROG =", "prog=", ".pricing.build", "import_offer", "codegen",
                                         "usage_example", "protocol")):
                continue
            if "print(" in line or "Error(" in line or "return " in line or line.strip().startswith(('"', "f\"")):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, offenders


def test_prices_status_is_a_few_lines_and_verbose_lists_every_source(tmp_path):
    env = {**os.environ, "PULUMICOST_HOME": str(tmp_path)}
    short = subprocess.run([sys.executable, "-m", "pulumicost_policy.cli", "prices", "status"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60)
    full = subprocess.run([sys.executable, "-m", "pulumicost_policy.cli", "prices", "status", "--verbose"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert short.returncode == 0 and full.returncode == 0
    assert len(short.stdout.splitlines()) <= 5 and "prices from" in short.stdout and "dated" in short.stdout
    sources = int(short.stdout.split(" prices from ")[1].split(" source")[0])
    assert len(full.stdout.splitlines()) >= sources + 1
