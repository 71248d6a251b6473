"""Issue #26 item 4: the HTML report rendered in a real browser (Debian's headless Chromium, driven
through chromedriver by selenium): nothing overflows the page width, even with a 300-character
name and long policy messages; the chart is drawn (every bar has a size); nothing is scripted or
fetched; resources come most expensive first with their components, under a header naming the
project, stack, generation time and price dates.

Skipped only where Chromium is not installed and this is not CI (on CI, CI=true, it must run:
.ci/run installs `chromium` and `chromium-driver`)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MIXED = ROOT / "examples" / "mixed.json"
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

if not (CHROMIUM and DRIVER) and not ON_CI:
    pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM or "chromium"
    driver = webdriver.Chrome(options=options, service=Service(DRIVER or "chromedriver"))
    yield driver
    driver.quit()


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def hostile_plan(tmp_path: Path) -> Path:
    """mixed.json plus an instance with a 300-character name that has no space to wrap at."""
    plan = json.loads(MIXED.read_text())
    step = json.loads(json.dumps(next(s for s in plan["steps"] if s["urn"].endswith("::web-1"))))
    name = "very-long-" + "x" * 290
    step["urn"] = step["newState"]["urn"] = step["urn"].replace("::web-1", f"::{name}")
    plan["steps"].append(step)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan))
    return path


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, dict]:
    tmp = tmp_path_factory.mktemp("html")
    plan = hostile_plan(tmp)
    config = tmp / "config.json"   # every resource over $1: long advisory messages to wrap
    config.write_text(json.dumps({"resource-cost-limit": {"enforcementLevel": "advisory", "maxMonthlyCost": 1}}))
    out = tmp / "report.html"
    done = run("--pulumi-json", str(plan), "--policy-pack-config", str(config), "--output", "html",
               "--out-file", str(out))
    assert done.returncode == 0, done.stderr
    report = json.loads(run("--pulumi-json", str(plan), "--output", "json").stdout)
    return out, report


@pytest.mark.parametrize("width", [1280, 800])
def test_nothing_overflows_the_page_and_the_chart_is_drawn(browser, page, width):
    path, report = page
    browser.set_window_size(width, 1000)
    browser.get(path.as_uri())
    scroll, client = browser.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"the page is {scroll}px wide in a {client}px window"
    bars = browser.execute_script(
        "return [...document.querySelectorAll('svg.chart rect.bar')].map(r => {"
        "const b = r.getBoundingClientRect(); return [b.width, b.height]; })")
    types = [t for t, v in report["totals"]["by_type"]["USD"].items() if v > 0]
    assert len(bars) == len(types) and all(w > 0 and h > 0 for w, h in bars)
    chart = browser.execute_script("const b = document.querySelector('svg.chart').getBoundingClientRect();"
                                   "return [b.width, b.height, b.right];")
    assert chart[0] > 100 and chart[1] > 20 and chart[2] <= client
    # Policy messages wrap inside the page: each message box is no wider than the page.
    widths = browser.execute_script("return [...document.querySelectorAll('.msg')].map(m => m.scrollWidth - m.clientWidth)")
    assert widths and max(widths) <= 0
    # Self-contained: no script, nothing fetched.
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_header_order_and_components(browser, page):
    path, report = page
    browser.set_window_size(1280, 1000)
    browser.get(path.as_uri())
    heading = browser.execute_script("return document.querySelector('h1').textContent")
    urn = report["resources"][0]["urn"]
    stack, project = urn.split(":")[2], urn.split("::")[1]
    assert heading == f"Pulumi cost estimate: {project}/{stack}"
    meta = browser.execute_script("return document.querySelector('.meta').textContent")
    assert "Generated " in meta and "UTC" in meta and "Prices: specs (" in meta
    names = browser.execute_script(
        "return [...document.querySelectorAll('table.resources > tbody > tr:not(.components) > td:first-child')]"
        ".map(td => td.textContent)")
    priced = sorted((r for r in report["resources"] if r["status"] in ("priced", "usage_based")),
                    key=lambda r: (-(r["monthly"] or 0), r["urn"]))
    assert names == [r["name"] for r in priced]
    components = browser.execute_script(
        "return [...document.querySelectorAll('tr.components')].map(tr => tr.querySelectorAll(':scope table > tbody > tr').length)")
    assert components == [len(r["components"]) for r in priced]
