"""The outputs for code review and CI (#16): Infracost's JSON (checked against the fields and types
of Infracost's published schema, and read back as a consumer does), a Markdown PR comment within
GitHub's limit, one self-contained HTML page, and --out-file for any format."""
import copy
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from test_change import change_digest, monthly

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Infracost's output schema (schema/infracost.schema.json in infracost/infracost): the required
# fields and their types, restated here. Amounts are decimal strings or null.
AMOUNT = {"type": ["string", "null"]}
COMPONENT = {"type": "object", "additionalProperties": False,
             "required": ["name", "unit", "hourlyQuantity", "monthlyQuantity", "price", "hourlyCost", "monthlyCost"],
             "properties": {"name": {"type": "string"}, "unit": {"type": "string"}, "hourlyQuantity": AMOUNT,
                            "monthlyQuantity": AMOUNT, "price": AMOUNT, "hourlyCost": AMOUNT, "monthlyCost": AMOUNT}}
RESOURCE = {"type": "object", "additionalProperties": False, "required": ["name", "metadata", "hourlyCost", "monthlyCost"],
            "properties": {"name": {"type": "string"}, "metadata": {"type": "object"},
                           "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                           "hourlyCost": AMOUNT, "monthlyCost": AMOUNT,
                           "costComponents": {"type": "array", "items": COMPONENT},
                           "subresources": {"type": "array"}}}
BREAKDOWN = {"type": "object", "additionalProperties": False,
             "required": ["resources", "totalHourlyCost", "totalMonthlyCost"],
             "properties": {"resources": {"type": "array", "items": RESOURCE},
                            "totalHourlyCost": AMOUNT, "totalMonthlyCost": AMOUNT}}
COUNTS = {"type": "object", "additionalProperties": {"type": "integer"}}
SUMMARY = {"type": "object", "additionalProperties": False, "properties": {
    **{k: {"type": "integer"} for k in ("totalResources", "totalDetectedResources", "totalSupportedResources",
                                        "totalUnsupportedResources", "totalUsageBasedResources",
                                        "totalNoPriceResources")},
    **{k: COUNTS for k in ("supportedResourceCounts", "unsupportedResourceCounts", "noPriceResourceCounts")}}}
INFRACOST_SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["version", "currency", "projects", "totalHourlyCost", "totalMonthlyCost", "pastTotalHourlyCost",
                 "pastTotalMonthlyCost", "diffTotalHourlyCost", "diffTotalMonthlyCost", "timeGenerated", "summary"],
    "properties": {
        "version": {"type": "string"}, "runId": {"type": "string"}, "shareUrl": {"type": "string"},
        "currency": {"type": "string"}, "timeGenerated": {"type": "string", "format": "date-time"},
        **{k: AMOUNT for k in ("totalHourlyCost", "totalMonthlyCost", "pastTotalHourlyCost", "pastTotalMonthlyCost",
                               "diffTotalHourlyCost", "diffTotalMonthlyCost")},
        "summary": SUMMARY,
        "projects": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["name", "metadata", "pastBreakdown", "breakdown", "diff", "summary"],
            "properties": {"name": {"type": "string"},
                           "metadata": {"type": "object", "required": ["path", "type"],
                                        "properties": {"path": {"type": "string"}, "type": {"type": "string"}}},
                           "pastBreakdown": BREAKDOWN, "breakdown": BREAKDOWN, "diff": BREAKDOWN,
                           "summary": SUMMARY}}},
    },
}


def run(*args):
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", *map(str, args)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def dec(text):
    return Decimal(text) if text is not None else None


def test_infracost_json_follows_the_schema_and_reads_back(tmp_path):
    doc = json.loads(run("--pulumi-json", change_digest(tmp_path), "--output", "infracost-json"))
    jsonschema.Draft7Validator(INFRACOST_SCHEMA, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["version"] == "0.2" and doc["currency"] == "USD"
    (project,) = doc["projects"]
    # A consumer's reading: totals are the sums of the resources; past + diff = total.
    for part in ("breakdown", "pastBreakdown", "diff"):
        resources = project[part]["resources"]
        assert sum(dec(r["monthlyCost"]) for r in resources) == pytest.approx(dec(project[part]["totalMonthlyCost"]))
    assert dec(doc["pastTotalMonthlyCost"]) + dec(doc["diffTotalMonthlyCost"]) == \
        pytest.approx(dec(doc["totalMonthlyCost"]))
    diff = {r["name"].rsplit("::", 1)[-1]: dec(r["monthlyCost"]) for r in project["diff"]["resources"]}
    assert diff["web-1"] == pytest.approx(Decimal(str(monthly("m5.2xlarge") - monthly("t3.large"))))
    assert diff["web-3"] == pytest.approx(Decimal(str(-monthly("t3.micro"))))
    assert "web-5" not in diff  # unchanged resources are not in the diff
    line = next(c for r in project["breakdown"]["resources"] if r["name"].endswith("::web-1")
                for c in r["costComponents"] if c["monthlyQuantity"] == "730")
    assert dec(line["price"]) * 730 == pytest.approx(dec(line["monthlyCost"]))
    assert doc["summary"]["totalSupportedResources"] == 4 and doc["summary"]["totalUnsupportedResources"] == 0


def test_infracost_json_of_a_state_has_an_empty_past_and_diff_equal_to_the_breakdown():
    doc = json.loads(run("--pulumi-json", EXAMPLES / "mixed.json", "--usage", EXAMPLES / "usage.yaml",
                         "--output", "infracost-json"))
    jsonschema.validate(doc, INFRACOST_SCHEMA)
    assert Decimal(doc["totalMonthlyCost"]) == Decimal(doc["diffTotalMonthlyCost"]) and doc["pastTotalMonthlyCost"] == "0"


def big_plan(tmp_path: Path, n: int) -> Path:
    doc = json.loads((EXAMPLES / "ten-t3-micro.json").read_text())
    template = doc["steps"][2]
    steps = doc["steps"][:2]
    for i in range(n):
        s = copy.deepcopy(template)
        s["urn"] = s["newState"]["urn"] = s["urn"].replace("web-1", f"web-{i}|<b>x</b>")
        steps.append(s)
    doc["steps"] = steps
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc))
    return path


def test_markdown_stays_under_githubs_limit_on_10000_resources(tmp_path):
    text = run("--pulumi-json", big_plan(tmp_path, 10_000), "--output", "markdown")
    assert len(text) <= 65_536
    assert "more resources (the JSON report lists them all)" in text
    assert "**Monthly cost: $" in text and "Most expensive resources" in text
    assert "<b>" not in text and r"\|" in text   # names are data: no HTML, no broken table cells


def test_markdown_shows_policy_verdicts_and_unpriced(tmp_path):
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"stack-budget": {"enforcementLevel": "mandatory", "monthlyBudget": 10}}))
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json",
                          str(change_digest(tmp_path)), "--output", "markdown", "--policy-pack-config", str(config)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert ":x: **Policies:**" in out.stdout and "stack-budget" in out.stdout and "blocked" in out.stdout


def test_html_is_one_escaped_page_and_out_file_writes_any_format(tmp_path):
    plan = big_plan(tmp_path, 3)
    page = tmp_path / "cost.html"
    assert run("--pulumi-json", plan, "--output", "html", "--out-file", page) == ""
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<script" not in html and "http" not in html  # self-contained: nothing fetched
    for fmt in ("table", "json", "ndjson", "infracost-json", "markdown"):
        target = tmp_path / f"out.{fmt}"
        assert run("--pulumi-json", plan, "--output", fmt, "--out-file", target) == ""
        assert target.stat().st_size > 0
