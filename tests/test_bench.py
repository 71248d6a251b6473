"""The benchmark runs end to end at its smallest size (figures are read, never asserted on time)."""
from __future__ import annotations

import json
import subprocess
import sys

from plugin_root import ROOT


def test_benchmark_quick_run(tmp_path):
    out_file = tmp_path / "results.json"
    out = subprocess.run([sys.executable, "-m", "bench", "--quick", "--out", str(out_file)], capture_output=True,
                         text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    results = json.loads(out_file.read_text())
    assert results["pack_start"]["median_s"] > 0
    assert results["analyze_book"]["resources"] == results["analyze_plugin"]["resources"] == 100
    assert [a["resources"] for a in results["analyze_stack"]] == [100]
    assert results["offline"][0]["peak_rss_mb"] > 0
    assert results["vs_null"]["analyze"]["ratio"] > 0 and results["vs_null"]["stack_100"]["null"] > 0
    assert results["vs_null"]["preview_stack_100"]["ours"] > 0
    plugin = results["plugin"]
    assert plugin["priced_by_plugin"] > 0 and 0 < plugin["rpcs"] <= plugin["rpc_bound"]  # the cache collapses repeats
    assert set(results["aggregation"]["per_s"]) == {"resource", "type", "provider", "daily", "monthly"}
    update = results["prices_update"]
    assert update["offer_mb"] >= 30 and update["prices"] > 0 and 0 < update["peak_rss_mb"] < 500
    assert "pulumicost-policy benchmark" in out.stdout and "AnalyzeStack 100 resources" in out.stdout
    assert "ours / null pack" in out.stdout
