"""Issue #26 item 5: `pulumicost usage init` writes a usage file for a real plan's resources (every
usage key of their types, commented, with defaults) that the usage checker accepts; `--sync` adds
new resources without losing what the user set; the example usage file ships with the package."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pulumicost_policy.inputs import plan
from pulumicost_policy.pricing.usage import Usage
from pulumicost_policy.pricing.usage_check import check_usage_file
from pulumicost_policy.pricing.usage_init import usage_keys

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "realdata"
if not REAL.is_dir():
    REAL = Path("/work/shared/realdata")
PLANS = [("--pulumi-json", "stratify-sample-preview-creates.json"), ("--pulumi-state", "eks-managed-nodegroups-stack.json"),
         ("--pulumi-state", "tfstacktest-aws-serverless-export.json")]


def cli(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def resources(flag: str, path: Path):
    planned = plan.load(path, "preview" if flag == "--pulumi-json" else "state")
    return [p.resource for p in planned if p.op not in plan.SAVING_OPS]


def real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} not available (../shared/realdata)")
    return path


@pytest.mark.parametrize("flag,name", PLANS)
def test_init_writes_every_key_of_the_plans_types_and_the_checker_accepts_it(tmp_path, flag, name):
    source = real(name)
    out = tmp_path / "usage.yml"
    done = cli("usage", "init", flag, source, "--out", out)
    assert done.returncode == 0, done.stderr
    items = resources(flag, source)
    check_usage_file(out, items)                     # raises on any key that does not apply
    usage = Usage.load(out)
    text = out.read_text()
    entries = yaml.safe_load(text)["resource_usage"]
    with_keys = [r for r in items if usage_keys(r.type)]
    assert with_keys and len(entries) == len(with_keys)
    lines = text.splitlines()
    for r in with_keys:
        key = r.name if r.name in entries else r.urn
        assert key in entries and entries[key] is None   # nothing set: every key is commented
        assert usage.for_resource(r.urn, r.name, r.type) == {}
        start = next(i for i, line in enumerate(lines) if line.startswith(f"  {json.dumps(key)}:"))
        block = []
        for line in lines[start + 1:]:
            if not line.startswith("    #"):
                break
            block.append(line)
        for k in usage_keys(r.type):
            line = next(line for line in block if line.startswith(f"    # {k.name}: "))
            if k.default is not None:
                assert f"(default {k.default:g})" in line
    # The offline run reads it as it is.
    run = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", flag, str(source), "--usage", str(out),
                          "--output", "json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_uncommenting_a_key_prices_it_and_sync_keeps_values_and_adds_new_resources(tmp_path):
    flag, source = "--pulumi-state", real("tfstacktest-aws-serverless-export.json")
    out = tmp_path / "usage.yml"
    assert cli("usage", "init", flag, source, "--out", out).returncode == 0
    first = project(flag, source, out)
    # A line that waits for usage, with one key: uncomment that key in its resource's entry.
    row, comp = next((r, c) for r in first["resources"] for c in r["components"]
                     if c["monthly"] is None and c["usage_key"] and "*" not in c["usage_key"])
    lines = out.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith((f'  "{row["name"]}":', f'  "{row["urn"]}":')))
    at = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(f"    # {comp['usage_key']}: 0  #"))
    lines[at] = lines[at].replace(f"# {comp['usage_key']}: 0  #", f"{comp['usage_key']}: 100  # set by hand;")
    # A resource the file does not name yet: drop the last entry, as if it were new in the plan.
    last = max(i for i, line in enumerate(lines) if line.startswith('  "'))
    assert last > at
    dropped = lines[last]
    out.write_text("\n".join(lines[:last]) + "\n# my own note\n")
    priced = next(c for r in project(flag, source, out)["resources"] if r["urn"] == row["urn"]
                  for c in r["components"] if c["label"] == comp["label"])
    assert priced["quantity"] and priced["monthly"] == pytest.approx(priced["quantity"] * comp["rate"])
    before = out.read_text()
    synced = cli("usage", "init", flag, source, "--out", out, "--sync")
    assert synced.returncode == 0, synced.stderr
    after = out.read_text()
    assert "added 1 resource" in synced.stderr and dropped in after
    assert f"{comp['usage_key']}: 100  # set by hand;" in after and "# my own note" in after
    assert after.startswith(before.split("# my own note")[0])        # what was there is kept, in order
    check_usage_file(out, resources(flag, source))
    again = cli("usage", "init", flag, source, "--out", out, "--sync")
    assert again.returncode == 0 and "added 0 resources" in again.stderr and out.read_text() == after
    # Without --sync an existing file is never overwritten.
    refused = cli("usage", "init", flag, source, "--out", out)
    assert refused.returncode == 2 and "--sync" in refused.stderr and out.read_text() == after


def project(flag: str, source: Path, usage: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", flag, str(source), "--usage", str(usage),
                           "--output", "json"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_usage_example_prints_the_shipped_file():
    done = cli("usage", "example")
    assert done.returncode == 0 and done.stdout == (ROOT / "examples" / "usage-example.yaml").read_text()
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"examples/usage-example.yaml"' in pyproject   # bundled into the package
