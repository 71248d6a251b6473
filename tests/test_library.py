"""The library import root: every name in `__all__` resolves, and the doc example prices a plan."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pulumicost_policy
from pulumicost_policy import load_resources, open_sources, rollup

ROOT = Path(__file__).resolve().parent.parent


def test_every_exported_name_resolves():
    for name in pulumicost_policy.__all__:
        assert getattr(pulumicost_policy, name) is not None, name


def test_library_prices_a_plan_like_the_offline_run():
    planned = load_resources(ROOT / "examples" / "ten-t3-micro.json", "preview")
    stack = rollup(open_sources().pricer.estimate_many([p.resource for p in planned]))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json",
                          str(ROOT / "examples" / "ten-t3-micro.json"), "--output", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert stack.totals["USD"] == json.loads(out.stdout)["totals"]["monthly"] > 0


def test_importing_the_root_loads_no_layer():
    out = subprocess.run([sys.executable, "-c", "import sys, pulumicost_policy; "
                          "print(sorted(m for m in sys.modules if m.startswith('pulumicost_policy.')))"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout
