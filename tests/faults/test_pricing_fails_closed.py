"""Issue #23, items 1-3: anything that breaks one resource's pricing makes it unknown, and unknown
is never $0 in a mandatory verdict. A damaged user price store and a garbled plugin answer cache
used to turn every resource into "internal error", the total into $0.00, and pass the gate."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from pulumicost_policy.pricing.pricebook import DEFAULT_SPECS_DIR
from pulumicost_policy.pricing.store import PriceStore, write_store
from pulumicost_policy.testing.harness import EnginePack
from plugin_root import ROOT

MIXED = ROOT / "examples" / "mixed.json"
BUDGET = {"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 50}}


def offline(home: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    cfg = tmp_path / "policy.json"
    cfg.write_text(json.dumps(BUDGET))
    env = {**os.environ, "PULUMICOST_HOME": str(home), "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(MIXED),
                           "--policy-pack-config", str(cfg), *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120)


def damaged_user_store(home: Path) -> Path:
    """A user store (as `prices update` writes it) of the bundled us-east-1 prices, with its data
    pages overwritten: the header and schema still open, every lookup fails."""
    rows = [row for store in (PriceStore(p) for p in sorted(DEFAULT_SPECS_DIR.glob("*.sqlite")))
            for row in store.rows() if row.region == "us-east-1"]
    path = home / "prices" / "aws.sqlite"
    path.parent.mkdir(parents=True)
    write_store(path, rows)
    con = sqlite3.connect(path)
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    for offset in range(8 * page, len(data), page):  # keep the first pages (header, schema, meta)
        data[offset:offset + page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_user_store_fails_the_gate_closed_and_says_how_to_repair(tmp_path):
    home = tmp_path / "home"
    damaged_user_store(home)
    out = offline(home, tmp_path)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "cannot verify" in out.stdout
    assert "price store is damaged" in out.stdout and "pulumicost prices update" in out.stdout
    assert "Traceback" not in out.stderr


def test_a_damaged_user_store_fails_the_gate_in_the_pack(tmp_path):
    home = tmp_path / "home"
    damaged_user_store(home)
    pack = EnginePack(env={"PULUMICOST_HOME": str(home)})
    try:
        pack.configure(BUDGET)
        diags = pack.analyze_stack([{"type": "aws:ec2/instance:Instance", "name": "web",
                                     "props": {"instanceType": "m5.4xlarge"}, "provider": {"region": "us-east-1"}}])
    finally:
        pack.close()
    [budget] = [d for d in diags if d.policy == "stack-budget"]
    assert budget.level == "mandatory" and "cannot verify" in budget.message


def test_a_garbled_cache_entry_is_a_miss_not_an_internal_error(root, tmp_path):
    log = tmp_path / "calls.log"
    root.install_scripted("counter", "ok", log=log)
    first = offline(root.path, tmp_path, "--output", "json")
    assert first.returncode in (0, 1), first.stderr
    priced = json.loads(first.stdout)["totals"]["monthly"]
    cache = root.path / "cache" / "answers.sqlite"
    con = sqlite3.connect(cache)
    assert con.execute("UPDATE answers SET answer = ?", (b"\xff\xff\xff\xff garbled",)).rowcount > 0
    con.commit()
    con.close()
    again = offline(root.path, tmp_path, "--output", "json")
    report = json.loads(again.stdout)
    assert "internal error" not in again.stdout + again.stderr
    assert report["coverage"]["unpriced"] == json.loads(first.stdout)["coverage"]["unpriced"]
    assert report["totals"]["monthly"] == priced
