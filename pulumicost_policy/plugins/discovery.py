"""Finding installed plugins: `<root>/plugins/<name>/<semver>/pulumicost-plugin-<name>`.

`<root>` is $PULUMICOST_HOME, else ~/.pulumicost. Released finfocus plugins are found too:
`<finfocus root>/plugins/<name>/<semver>/finfocus-plugin-<name>[-<region>]` with no manifest, the
root being $FINFOCUS_HOME, else $PULUMI_HOME/finfocus, else ~/.finfocus. A region suffix on the
binary (or `region` in a `plugin.metadata.json` beside it) restricts the plugin to that region;
a version directory may hold one such binary per region (aws-public ships them so), each a plugin
of its own for its region. The highest valid version of each name wins; anything unusable is
skipped with a warning that says what to fix. A plugin is code we are about to run inside a
user's preview: a directory or binary that another user owns, or that anyone may write, is refused.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import semver

from ..paths import home_dir
from ..quoting import shell_word
from ..trust import unsafe_reason
from .environment import EnvVar, ManifestEnvError, declared_env

HOME_ENV = "PULUMICOST_HOME"
MANIFEST = "plugin.manifest.json"
BINARY_PREFIX = "pulumicost-plugin-"
FINFOCUS_PREFIX = "finfocus-plugin-"
METADATA = "plugin.metadata.json"
# Any plugin name we install or finfocus ships: a directory named otherwise is skipped, so a name
# that reaches a message, a label or `plugins list` holds nothing a terminal or a shell acts on.
PLUGIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
# The region suffix of a per-region release binary (`-us-east-1`, `-us-gov-west-1`, `-eu-central-2`).
REGION_SUFFIX = r"(?:[a-z]{2}|us-gov)-[a-z]+-\d"


@dataclass(frozen=True)
class PluginSpec:
    """One installed plugin version, ready to launch."""

    name: str
    version: str
    directory: Path
    binary: Path
    providers: tuple[str, ...] = ()
    region: str = ""  # non-empty: a per-region release that prices only this region
    env: tuple[EnvVar, ...] = ()  # the variables its manifest says it reads


def finfocus_root() -> Optional[Path]:
    """Where the finfocus host keeps released plugins (None: no home directory to look in)."""
    if os.environ.get("FINFOCUS_HOME"):
        return Path(os.environ["FINFOCUS_HOME"])
    if os.environ.get("PULUMI_HOME"):
        return Path(os.environ["PULUMI_HOME"]) / "finfocus"
    home = home_dir()
    return None if home is None else home / ".finfocus"


def _binaries(directory: Path, name: str) -> list[tuple[Path, str]]:
    """The plugin's executables in a version directory, each with the region its name restricts it
    to: the one binary without a suffix, else every per-region binary (a missing binary is named
    so that the caller can say what to install)."""
    for prefix in (BINARY_PREFIX, FINFOCUS_PREFIX):
        if (directory / f"{prefix}{name}").exists():
            return [(directory / f"{prefix}{name}", "")]
    pattern = re.compile(rf"{re.escape(FINFOCUS_PREFIX + name)}-({REGION_SUFFIX})")
    try:
        regional = [(path, match.group(1)) for path in sorted(directory.iterdir())
                    if (match := pattern.fullmatch(path.name))]
    except OSError:  # an unreadable directory: reported below as the binary it lacks
        regional = []
    return regional or [(directory / f"{BINARY_PREFIX}{name}", "")]


def _metadata_region(directory: Path) -> str:
    try:
        data = json.loads((directory / METADATA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    region = data.get("region") if isinstance(data, dict) else None
    return region if isinstance(region, str) else ""


NO_HOME = f"no home directory to find plugins in; set {HOME_ENV} to a directory"


def plugin_root() -> Optional[Path]:
    """$PULUMICOST_HOME, else ~/.pulumicost; None when there is no home directory at all."""
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV])
    home = home_dir()
    return None if home is None else home / ".pulumicost"


def parse_version(text: str) -> Optional[semver.Version]:
    """A semver directory name (a leading `v` is tolerated), or None."""
    try:
        return semver.Version.parse(text[1:] if text.startswith("v") else text)
    except ValueError:
        return None


def inspect(directory: Path, name: str) -> tuple[list[PluginSpec], list[str]]:
    """Validate one `<name>/<version>` directory: a spec per usable binary (one per region for a
    per-region release), and the reasons anything in it cannot be used."""
    version = parse_version(directory.name)
    if version is None:
        return [], [f"{shell_word(directory)}: {shell_word(directory.name)} is not a semver version (e.g. 1.2.3); skipped"]
    for path in (directory.parent, directory):
        reason = unsafe_reason(path)
        if reason:
            return [], [f"refusing plugin {name} {directory.name}: {reason}"]
    manifest: dict[str, Any] = {}
    manifest_path = directory / MANIFEST
    if manifest_path.exists():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            if not isinstance(manifest, dict):
                raise ValueError("not a JSON object")
        except (ValueError, OSError) as err:
            return [], [f"{shell_word(manifest_path)}: unreadable manifest ({err}); fix or remove it"]
        if manifest.get("name", name) != name:
            return [], [f"{shell_word(manifest_path)}: manifest names {shell_word(manifest.get('name'))} "
                        f"but the directory is {name}"]
    providers = manifest.get("providers", [])
    if not isinstance(providers, list) or not all(isinstance(p, str) for p in providers):
        return [], [f"{shell_word(manifest_path)}: 'providers' must be a list of strings"]
    try:
        env = declared_env(manifest.get("env"))
    except ManifestEnvError as err:
        return [], [f"{shell_word(manifest_path)}: {err}; plugin {name} skipped"]
    specs: list[PluginSpec] = []
    problems: list[str] = []
    metadata_region = _metadata_region(directory)
    for binary, region in _binaries(directory, name):
        problem = _binary_problem(directory, name, binary)
        if problem:
            problems.append(problem)
        else:
            specs.append(PluginSpec(name, directory.name, directory, binary, tuple(providers),
                                    region or metadata_region, env))
    return specs, problems


def _binary_problem(directory: Path, name: str, binary: Path) -> Optional[str]:
    if not binary.exists():
        return f"{shell_word(directory)}: no executable {shell_word(binary.name)}; skipped"
    reason = unsafe_reason(binary)
    if reason:
        return f"refusing plugin {name} {directory.name}: {reason}"
    if not os.access(binary, os.X_OK):
        return f"{shell_word(binary)} is not executable; run: chmod +x {shell_word(binary)}"
    return None


def discover(root: Optional[Path] = None) -> tuple[list[PluginSpec], list[str]]:
    """Every plugin's highest valid version under `root`, and warnings about what was skipped."""
    top = root or plugin_root()
    found: list[PluginSpec] = []
    warnings: list[str] = []
    if top is None:
        return found, [f"plugins skipped: {NO_HOME}"]
    base = top / "plugins"
    try:
        if not base.is_dir():
            return found, warnings
        for directory in (top, base):
            reason = unsafe_reason(directory)
            if reason:
                return found, [f"refusing every plugin under {shell_word(top)}: {reason}"]
        names = sorted(p for p in base.iterdir() if p.is_dir())
    except OSError as err:  # an unreadable root must not stop a preview: the price book still answers
        return found, [f"plugins under {shell_word(top)} skipped: cannot read it ({err.strerror or err})"]
    for name_dir in names:
        if not PLUGIN_NAME.fullmatch(name_dir.name):
            warnings.append(f"{shell_word(name_dir)} skipped: a plugin name is letters, digits, '.', '_' and '-'")
            continue
        candidates: list[tuple[semver.Version, list[PluginSpec]]] = []
        try:
            versions = sorted(p for p in name_dir.iterdir() if p.is_dir())
        except OSError as err:
            warnings.append(f"{shell_word(name_dir)} skipped: cannot read it ({err.strerror or err})")
            continue
        for version_dir in versions:
            specs, problems = inspect(version_dir, name_dir.name)
            warnings += problems
            if specs:
                candidates.append((parse_version(version_dir.name), specs))
        if candidates:
            found += max(candidates, key=lambda c: c[0])[1]
    return found, warnings


def discover_all(root: Optional[Path] = None) -> tuple[list[PluginSpec], list[str]]:
    """The plugins a host uses: those under `root` (default $PULUMICOST_HOME or ~/.pulumicost) and,
    when no root is given, the released finfocus plugins too; an installed pulumicost plugin of the
    same name wins."""
    specs, warnings = discover(root or plugin_root())
    released = finfocus_root() if root is None else None
    if released is not None:
        extra, extra_warnings = discover(released)
        known = {s.name for s in specs}
        specs += [s for s in extra if s.name not in known]
        warnings += extra_warnings
    return specs, warnings
