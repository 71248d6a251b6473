"""Installing a plugin directory into the plugin root, so discovery finds it.

`<source>/plugin.manifest.json` names the plugin and its version; the directory is copied to
`<root>/plugins/<name>/<version>/`. A Python plugin (a `plugin.py`) gets a launcher with absolute
paths to this interpreter and this pack, so it runs the same code wherever the host is started
from; any other plugin must bring its own executable `pulumicost-plugin-<name>`.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import sys
from pathlib import Path

from ..paths import IMPORT_ROOT, SHIPPED_PLUGINS_DIR
from ..suggest import did_you_mean
from ..trust import unsafe_reason
from .discovery import BINARY_PREFIX, MANIFEST, PluginSpec, inspect, parse_version

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
LAUNCHER = """#!/bin/sh
# Installed by `python -m pulumicost_policy.plugins install`: run plugin.py with the pack's Python.
PYTHONPATH={pack}${{PYTHONPATH:+:$PYTHONPATH}}
export PYTHONPATH
exec {python} "$(dirname "$0")/plugin.py" "$@"
"""


class InstallError(Exception):
    """The source directory is not an installable plugin; the message says what is missing."""


def read_manifest(source: Path) -> tuple[str, str]:
    path = source / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InstallError(f"{source}: no {MANIFEST} (it names the plugin and its version)") from None
    except (OSError, ValueError) as err:
        raise InstallError(f"{path}: not readable JSON ({err})") from None
    if not isinstance(manifest, dict):
        raise InstallError(f"{path}: expected a JSON object with 'name' and 'version'")
    name, version = manifest.get("name"), manifest.get("version")
    if not isinstance(name, str) or not _NAME.match(name):
        raise InstallError(f"{path}: 'name' must be lower-case letters, digits and dashes")
    if not isinstance(version, str) or parse_version(version) is None:
        raise InstallError(f"{path}: 'version' must be a semver version such as 1.2.3")
    return name, version


def prepare_target(root: Path, name: str, version: str, replace: bool = True) -> Path:
    """`root/plugins/<name>/<version>`, absent (an older copy of that version removed; with
    `replace` False an existing one is kept, checked, for a release to add its files to), its
    parents safe. Directories that exist are checked, never chmod-ed (one may be a shared directory
    reached through a symlink); the ones we create are ours and writable by no one else."""
    target = root / "plugins" / name / version
    for directory in (root, root / "plugins", target.parent):
        if directory.exists():
            reason = unsafe_reason(directory)
            if reason:
                raise InstallError(f"refusing to install into {root}: {reason}")
        else:
            directory.mkdir(parents=True, mode=0o755)
            directory.chmod(0o755)  # whatever the umask
    if target.exists() and replace:
        shutil.rmtree(target)
    elif target.exists():
        reason = unsafe_reason(target)
        if reason:
            raise InstallError(f"refusing to install into {target}: {reason}")
    return target


def shipped_or_path(source: Path) -> Path:
    """`source` itself, or for a bare name that is no file here (`aws-public`) the plugin of that
    name shipped with the pack: an installed package has no `plugins/` directory to point at."""
    if source.exists() or len(source.parts) != 1 or not (SHIPPED_PLUGINS_DIR / source.name).is_dir():
        return source
    return SHIPPED_PLUGINS_DIR / source.name


def install(source: Path, root: Path) -> PluginSpec:
    """Copy `source` into the plugin root (replacing the same version) and check the result."""
    if not source.is_dir():
        shipped = sorted(p.name for p in SHIPPED_PLUGINS_DIR.iterdir() if p.is_dir()) \
            if SHIPPED_PLUGINS_DIR.is_dir() else []
        hint = did_you_mean(source.name, shipped) if len(source.parts) == 1 else ""
        raise InstallError(f"{source}: not a directory or a shipped plugin{hint}; give a shipped plugin's name "
                           f"({', '.join(shipped) or 'none'}) or a plugin's directory")
    name, version = read_manifest(source)
    binary_name = f"{BINARY_PREFIX}{name}"
    python_plugin = (source / "plugin.py").is_file()
    if not python_plugin and not os.access(source / binary_name, os.X_OK):
        raise InstallError(f"{source}: needs plugin.py or an executable {binary_name}")
    target = prepare_target(root, name, version)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    target.chmod(0o755)
    if python_plugin:
        launcher = target / binary_name
        launcher.write_text(LAUNCHER.format(pack=shlex.quote(str(IMPORT_ROOT)), python=shlex.quote(sys.executable)),
                            encoding="utf-8")
        launcher.chmod(0o755)
    specs, problems = inspect(target, name)
    if problems or not specs:
        raise InstallError(f"installed {target} but it is not usable: {'; '.join(problems)}")
    return specs[0]
