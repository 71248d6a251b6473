"""Issue #23 item 13: plugin discovery's warnings quote names and escape control characters; the
suggested `run: chmod ...` is one shell word per path, so pasting it fixes the file named and never
runs a `$(...)` hidden in a directory name. Offline, in `plugins list` and in the pack's summary."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pulumicost_policy.plugins.discovery import discover
from pulumicost_policy.testing.harness import EnginePack

from plugin_root import PluginRoot

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ESCAPE = "\x1b]0;pwned\x07\x1b[2J"


def hostile_root(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A plugin root whose path holds `$(...)`, a plugin binary left not executable in it, and a
    plugin directory whose name carries terminal escapes. Returns (root, binary, canary)."""
    canary = tmp_path / "pwned"
    root = PluginRoot(tmp_path / f"home $(touch {canary})")
    binary = root.install_scripted("pricer", "ok") / "pulumicost-plugin-pricer"
    binary.chmod(0o644)
    (root.path / "plugins" / f"evil{ESCAPE}" / "1.0.0").mkdir(parents=True)
    return root.path, binary, canary


def assert_safe(text: str, canary: Path) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J" in text  # named, escaped, not dropped
    assert not canary.exists()


def pasted(warning: str, canary: Path) -> None:
    """Run the suggested command the way a user pasting it would."""
    command = warning.split("run: ", 1)[1]
    subprocess.run(["sh", "-c", command], check=True, timeout=10)
    assert not canary.exists()


def test_discovery_warnings_are_printable_and_the_suggested_chmod_is_safe_to_paste(tmp_path):
    root, binary, canary = hostile_root(tmp_path)
    specs, warnings = discover(root)
    assert specs == []
    assert_safe("\n".join(warnings), canary)
    [skipped] = [w for w in warnings if "evil" in w]
    assert skipped.endswith("skipped: a plugin name is letters, digits, '.', '_' and '-'")
    [chmod] = [w for w in warnings if "run: chmod +x" in w]
    assert chmod == f"'{binary}' is not executable; run: chmod +x '{binary}'"
    pasted(chmod, canary)
    assert os.access(binary, os.X_OK)  # the pasted command fixed the very file named
    assert discover(root)[0][0].binary == binary


def test_writable_and_foreign_owner_commands_are_quoted_too(tmp_path):
    root, binary, canary = hostile_root(tmp_path)
    binary.chmod(0o777)
    [warning] = [w for w in discover(root)[1] if "run: chmod go-w" in w]
    assert warning.endswith(f"run: chmod go-w '{binary}'")
    pasted(warning, canary)
    assert discover(root)[0][0].binary == binary


def test_plugins_list_and_offline_run_and_pack_show_the_warnings_safely(tmp_path):
    root, binary, canary = hostile_root(tmp_path)
    env = {**os.environ, "PULUMICOST_HOME": str(root), "FINFOCUS_HOME": str(tmp_path / "no-finfocus")}
    listed = subprocess.run([sys.executable, "-m", "pulumicost_policy.plugins", "list"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert_safe(listed.stderr + listed.stdout, canary)
    assert f"run: chmod +x '{binary}'" in listed.stderr

    offline = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json",
                              str(EXAMPLES / "ten-t3-micro.json"), "--output", "json"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    assert offline.returncode == 0, offline.stderr
    json.loads(offline.stdout)
    assert_safe(offline.stderr + offline.stdout, canary)

    pack = EnginePack(env={"PULUMICOST_HOME": str(root), "FINFOCUS_HOME": str(tmp_path / "no-finfocus")})
    try:
        pack.configure()
        diags = pack.analyze_stack([{"type": "aws:ec2/instance:Instance", "name": "web",
                                     "props": {"instanceType": "t3.micro"}, "provider": {"region": "us-east-1"}}])
    finally:
        pack.close()
    text = "\n".join(d.message for d in diags)
    assert_safe(text, canary)
    assert f"run: chmod +x '{binary}'" in text


def test_bidirectional_overrides_in_names_are_escaped(tmp_path):
    """A name with a right-to-left override would display reversed ("Trojan Source"): every output
    shows the escape instead of the character."""
    doc = json.loads((ROOT / "examples" / "ten-t3-micro.json").read_text())
    step = next(s for s in doc["steps"] if s["urn"].endswith("::web-1"))
    step["urn"] = step["newState"]["urn"] = step["urn"].replace("::web-1", "::web\u202e1-bew")
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc))
    for output in ("table", "markdown"):
        out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-json", str(plan),
                               "--output", output], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert "\u202e" not in out.stdout and "\\u202e" in out.stdout, output
