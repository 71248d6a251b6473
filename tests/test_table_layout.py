"""Issue #26, items 1 and 2: the table explains each number (the cost components under each
resource, as Infracost prints them) and fits 80- and 120-column terminals without splitting a word
or a number."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.money import money, rate_text

ROOT = Path(__file__).resolve().parent.parent
MIXED = ROOT / "examples" / "mixed.json"


def run(*args: str, columns: str = "120") -> str:
    env = {**os.environ, "COLUMNS": columns}
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def report() -> dict:
    return json.loads(run("--pulumi-json", str(MIXED), "--output", "json"))


def block(table: str, name: str) -> list[str]:
    """The lines of one resource: its own line up to the blank line after its tree."""
    lines = table.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split("  ")[0] == name)
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    return lines[start:end]


@pytest.mark.parametrize("columns", ["80", "120"])
def test_every_name_sku_and_region_is_whole_on_one_line(columns):
    table = run("--pulumi-json", str(MIXED), columns=columns)
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    rows = [r for r in report()["resources"] if r["status"] != "free"]
    assert rows
    for row in rows:
        for word in (row["name"], row["sku"], row["region"]):
            assert any(word in line for line in lines), f"{word!r} split at {columns} columns:\n{table}"
    # Component labels wrap between words only: every word of every label is whole on some line.
    words = {w.rstrip(":") for r in rows for c in r["components"] for w in c["label"].split()}
    tokens = {t.rstrip(":") for line in lines for t in line.split()}
    assert words <= tokens, sorted(words - tokens)


@pytest.mark.parametrize("columns", ["80", "120", "200"])
def test_components_are_a_tree_under_each_resource(columns):
    table = run("--pulumi-json", str(MIXED), columns=columns)
    web = next(r for r in report()["resources"] if r["name"] == "web-1")
    lines = block(table, "web-1")
    text = "\n".join(lines)
    hourly = next(c for c in web["components"] if c["monthly"] is not None)
    # The instance-hours line: 730 hours and its monthly cost, the same figure the resource shows.
    line = next(line for line in lines if hourly["label"].split()[0] in line and "730" in line)
    assert "hours" in line and line.endswith(money(hourly["monthly"])) and "├─" in line
    # A line whose quantity is usage not given: its unit price and the usage key to set.
    usage = [c for c in web["components"] if c["monthly"] is None]
    assert usage
    for comp in usage:
        assert f"depends on usage: {rate_text(comp['rate'])} per {comp['unit']}" in " ".join(text.split())
    assert "root_volume_gb" in text and "└─" in text
    # The usage file sets the bucket's storage: its component then has a quantity and a cost.
    with_usage = run("--pulumi-json", str(MIXED), "--usage", str(ROOT / "examples" / "usage.yaml"), columns=columns)
    storage = next(line for line in block(with_usage, "assets") if "Standard storage" in line)
    assert "100" in storage and "GB-month" in storage and storage.rstrip().endswith("$2.30")


def test_no_components_is_one_line_per_resource_and_ops_only_when_they_vary():
    compact = run("--pulumi-json", str(MIXED), "--no-components", columns="120")
    assert "├─" not in compact and "└─" not in compact
    names = [r["name"] for r in report()["resources"] if r["status"] != "free"]
    lines = compact.splitlines()
    for name in names:
        assert sum(1 for line in lines if line.split("  ")[0] == name) == 1
    # Every resource of this plan is a create: said once in the title, not in a column.
    assert "every resource: create" in lines[0] and "[create]" not in compact


def test_a_piped_run_uses_a_sensible_width():
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(MIXED)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    table_lines = out.stdout.split("\n\n", 1)[1].splitlines()
    assert 80 <= max(len(line) for line in table_lines) <= 120
