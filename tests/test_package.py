"""The installable package: `pip install` it (offline), then run `pulumicost` from outside the repository.

The install is real (`pip install --no-deps --no-build-isolation --no-index --target`, so nothing is
downloaded: the dependencies are this venv's), and every run has only the install on its path and
a working directory with no repository around it: the price book, the version and the shipped
plugins must come from the package itself.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from pulumicost_policy.cli.__main__ import VERBS, main as cli_main
from pulumicost_policy.inputs import plan
from pulumicost_policy.paths import pack_version
from pulumicost_policy.pricing.pricer import Pricer
from pulumicost_policy.pricing.rollup import rollup
from pulumicost_policy.pricing.usage import Usage

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
# What a source checkout has besides the package build's inputs; the copy leaves them out so the
# build cannot write into the worktree (pip builds in the source tree) and cannot see the tests.
NOT_SOURCES = ("venv", ".git", "tests", "bench", "build", "*.egg-info", "__pycache__", "*.pyc",
               ".pytest_cache", ".hypothesis")


def debris() -> set[str]:
    """What a `pip install .` in the repository leaves behind (build/, *.egg-info)."""
    return {p.name for p in (*ROOT.glob("build"), *ROOT.glob("*.egg-info"))}


# A user's own earlier `pip install .` (as the README says) may have left some: not this test's doing.
DEBRIS_BEFORE = debris()


class Installed:
    """A `pip install --target` of the package and the environment that runs only it."""

    def __init__(self, site: Path, home: Path, outside: Path) -> None:
        self.site, self.home, self.outside = site, home, outside
        self.env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PULUMICOST_HOME")}
        self.env.update(PYTHONPATH=str(site), HOME=str(home), PULUMICOST_HOME=str(home / ".pulumicost"),
                        COLUMNS="160")

    def run(self, *args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(a) for a in args], cwd=self.outside, env={**self.env, **(env or {})},
                              capture_output=True, text=True, timeout=120)

    def pulumicost(self, *args: object) -> subprocess.CompletedProcess:
        return self.run(self.site / "bin" / "pulumicost", *args)

    def module(self, name: str, *args: object) -> subprocess.CompletedProcess:
        return self.run(sys.executable, "-m", name, *args)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("package")
    source, site = base / "src", base / "site"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCES))
    out = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                          "--no-index", "--disable-pip-version-check", "--target", str(site), str(source)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    for directory in ("home", "outside"):
        (base / directory).mkdir()
    return Installed(site, base / "home", base / "outside")


def in_process_total(plan_file: Path, usage_file: Path | None) -> float:
    """The plan priced here, from the repository's price book: what the install must print."""
    planned = plan.load(plan_file, "preview")
    pricer = Pricer.from_specs(usage=Usage.load(usage_file))
    stack = rollup(pricer.estimate_many([p.resource for p in planned if p.op not in plan.SAVING_OPS]))
    return stack.totals["USD"]


def test_installed_package_runs_from_its_own_files(installed):
    probe = "import pulumicost_policy.paths as p; print(p.PACKAGE_DIR); print(p.SPECS_DIR); print(p.IMPORT_ROOT)"
    out = installed.run(sys.executable, "-c", probe)
    assert out.returncode == 0, out.stderr
    package, specs, import_root = (Path(line) for line in out.stdout.split())
    assert package == (installed.site / "pulumicost_policy").resolve()
    assert specs == package / "_bundle" / "specs" and (specs / "pricebook.sqlite").is_file()
    assert import_root == installed.site.resolve()
    assert debris() == DEBRIS_BEFORE  # the test's install left nothing in the worktree


def test_pulumicost_cost_projected_prints_the_books_total(installed):
    plan_file, usage_file = EXAMPLES / "mixed.json", EXAMPLES / "usage.yaml"
    expected = in_process_total(plan_file, usage_file)
    table = installed.pulumicost("cost", "projected", "--pulumi-json", plan_file, "--usage", usage_file)
    assert table.returncode == 0, table.stderr
    assert f"Projected monthly cost: ${expected:,.2f}" in table.stdout  # the seed's $114.72 today
    assert "Traceback" not in table.stderr
    report = installed.pulumicost("cost", "projected", "--pulumi-json", plan_file, "--usage", usage_file,
                                  "--output", "json")
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout)["totals"]["monthly"] == pytest.approx(expected)


def test_python_m_forms_work_from_the_install(installed):
    plan_file = EXAMPLES / "ten-t3-micro.json"
    out = installed.module("pulumicost_policy.projected", "--pulumi-json", plan_file, "--output", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["totals"]["monthly"] == pytest.approx(in_process_total(plan_file, None))
    assert installed.module("pulumicost_policy.cli", "--version").stdout.strip() == f"pulumicost {pack_version()}"


def test_shipped_plugin_installs_by_name_and_prices_through_the_install(installed):
    root = installed.home / ".pulumicost"
    out = installed.pulumicost("plugin", "install", "aws-public")
    assert out.returncode == 0, out.stderr
    launcher = next((root / "plugins" / "aws-public").glob("*/pulumicost-plugin-aws-public")).read_text()
    assert str(installed.site) in launcher  # the plugin imports the installed package, not a checkout
    listed = installed.pulumicost("plugin", "list")
    assert listed.returncode == 0 and "aws-public" in listed.stdout
    plan_file = EXAMPLES / "ten-t3-micro.json"
    report = installed.pulumicost("cost", "projected", "--pulumi-json", plan_file, "--output", "json")
    assert report.returncode == 0, report.stderr
    doc = json.loads(report.stdout)
    assert {r["source"] for r in doc["resources"] if r["status"] == "priced"} == {"plugin aws-public 0.1.0"}
    assert doc["totals"]["monthly"] == pytest.approx(in_process_total(plan_file, None))
    shutil.rmtree(root / "plugins")


def test_other_verbs_reach_their_tools(installed):
    status = installed.pulumicost("prices", "status")
    assert status.returncode == 0, status.stderr
    assert str(installed.site / "pulumicost_policy" / "_bundle" / "specs" / "pricebook.sqlite") in status.stdout
    actual = installed.pulumicost("cost", "actual", "--help")
    assert actual.returncode == 0 and "--start-date" in actual.stdout and "--group-by" in actual.stdout
    missing = installed.pulumicost("cost", "actual", "--start-date", "2024-01-01")
    assert missing.returncode == 2 and "--end-date" in missing.stderr


def test_help_lists_the_verbs_and_unknown_verbs_exit_2(installed):
    out = installed.pulumicost("--help")
    assert out.returncode == 0
    for words, _, _ in VERBS:
        assert f"pulumicost {' '.join(words)}" in out.stdout
    for argv, expected in ((["deploy"], "unknown command 'deploy'"), (["cost", "forecast"], "unknown command 'cost forecast'"),
                           (["cost"], "usage: pulumicost cost VERB"), ([], "usage: pulumicost VERB")):
        bad = installed.pulumicost(*argv)
        assert bad.returncode == 2
        assert "Traceback" not in bad.stderr
        assert expected in bad.stderr


def test_version_is_the_packs_in_both_homes(installed):
    assert PYPROJECT["project"]["version"] == pack_version()
    out = installed.pulumicost("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"pulumicost {pack_version()}"


def test_every_subpackage_is_packaged():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pulumicost_policy").rglob("__init__.py")}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"]) - {"pulumicost_policy._bundle"}
    assert found == listed, "add the new subpackage to [tool.setuptools] packages in pyproject.toml"


def test_dependencies_are_requirements_txt():
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["dependencies"] == {"file": ["requirements.txt"]}
    assert "dependencies" in PYPROJECT["project"]["dynamic"]


def test_cli_dispatches_in_process(capsys):
    with pytest.raises(SystemExit) as done:
        cli_main(["cost", "actual", "--help"])
    assert done.value.code == 0 and "--start-date" in capsys.readouterr().out
    for words, _, _ in VERBS:  # help and errors name the command as the user typed it
        with pytest.raises(SystemExit):
            cli_main([*words, "--help"])
        assert capsys.readouterr().out.startswith(f"usage: pulumicost {' '.join(words)} ")
    assert cli_main(["plugins"]) == 2
    assert "unknown command 'plugins'" in capsys.readouterr().err


def _readme_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", (ROOT / "README.md").read_text(), re.S)


def _pulumicost_commands(lines: list[str]) -> list[list[str]]:
    """The `pulumicost ...` commands in CI script lines, as argv (a `|| ...` fallback cut off)."""
    return [shlex.split(line.split(" || ")[0])[1:] for line in lines if line.strip().startswith("pulumicost ")]


def readme_ci_commands() -> tuple[list[list[str]], list[list[str]]]:
    """(GitHub Actions, GitLab CI) `pulumicost` commands of the README's CI recipe."""
    jobs = [yaml.safe_load(block) for block in _readme_blocks("yaml")]
    github = next(j for j in jobs if "jobs" in j)
    gitlab = next(j for j in jobs if "script" in j.get("cost", {}))
    steps = [" ".join(s["run"].split()) for s in github["jobs"]["cost"]["steps"] if "run" in s]
    return _pulumicost_commands(steps), _pulumicost_commands([" ".join(str(x).split()) for x in gitlab["cost"]["script"]])


def test_readme_ci_recipe_runs_through_the_install(installed, tmp_path):
    github, gitlab = readme_ci_commands()
    assert github == gitlab and len(github) == 2  # one recipe, two CI systems
    budgets = json.loads(next(b for b in _readme_blocks("json") if "stack-budget" in b))  # "Budget gates"
    expected = in_process_total(EXAMPLES / "mixed.json", None)
    assert budgets["stack-budget"]["monthlyBudget"] > expected
    shutil.copy(EXAMPLES / "mixed.json", installed.outside / "plan.json")
    (installed.outside / "budgets.json").write_text(json.dumps(budgets))
    for argv in github:
        out = installed.pulumicost(*argv)
        assert out.returncode == 0, out.stderr
    infracost = json.loads((installed.outside / "infracost.json").read_text())
    assert float(infracost["totalMonthlyCost"]) == pytest.approx(expected, abs=0.01)
    comment = (installed.outside / "cost.md").read_text()
    assert f"{expected:,.2f}" in comment and "stack-budget" not in comment
    # Over budget: the gate exits 1 and the comment is still written, with the verdict in it.
    budgets["stack-budget"]["monthlyBudget"] = round(expected / 2, 2)
    (installed.outside / "budgets.json").write_text(json.dumps(budgets))
    (installed.outside / "cost.md").unlink()
    gate = installed.pulumicost(*next(argv for argv in github if "--policy-pack-config" in argv))
    assert gate.returncode == 1, gate.stderr
    assert "stack-budget" in (installed.outside / "cost.md").read_text()


def test_usage_example_ships_and_runs_from_the_install(installed):
    """Installed, `pulumicost usage example` and the documented module print the bundled file
    (the module used to crash: no repository to rewrite it in)."""
    expected = (EXAMPLES / "usage-example.yaml").read_text()
    for done in (installed.pulumicost("usage", "example"), installed.module("pulumicost_policy.descriptor.usage_example")):
        assert done.returncode == 0, done.stderr
        assert done.stdout == expected
    bundled = installed.site / "pulumicost_policy" / "_bundle" / "examples" / "usage-example.yaml"
    assert bundled.read_text() == expected
