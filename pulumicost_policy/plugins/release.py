"""Installing a released plugin as it ships: a directory or archive (.tar.gz, .tgz, .zip) holding
`finfocus-plugin-<name>[-<region>]` or `pulumicost-plugin-<name>` with no manifest.

The name comes from the binary, the version from `plugin.metadata.json` (`version`) or the
release's file name (`..._0.1.8_linux_amd64.tar.gz`). Archives are unpacked into a temporary
directory first, within the bounds `archive.py` sets (size, members, ratio; links and paths
outside refused), so an archive cannot write anywhere else or fill the disk.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Optional

from .archive import ArchiveError, unpack
from .discovery import BINARY_PREFIX, FINFOCUS_PREFIX, METADATA, REGION_SUFFIX, PluginSpec, inspect, parse_version
from .install import InstallError, prepare_target

ARCHIVES = (".tar.gz", ".tgz", ".zip")
_BINARY = re.compile(rf"^(?:{FINFOCUS_PREFIX}|{BINARY_PREFIX})([a-z0-9][a-z0-9-]*?)(?:-({REGION_SUFFIX}))?$")
_VERSION_IN_NAME = re.compile(r"[_-]v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?:[_.]|$)")


def is_release(source: Path) -> bool:
    """An archive, or a directory without a manifest that holds a released binary."""
    if source.is_file():
        return source.name.endswith(ARCHIVES)
    return source.is_dir() and not (source / "plugin.manifest.json").exists() and bool(_find_binaries(source))


def install_release(source: Path, root: Path) -> PluginSpec:
    if source.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            try:
                unpack(source, Path(tmp))
            except ArchiveError as err:
                raise InstallError(str(err)) from None
            unpacked = Path(tmp)
            inner = [p for p in unpacked.iterdir()]
            if len(inner) == 1 and inner[0].is_dir():
                unpacked = inner[0]
            return _install_dir(unpacked, root, source.name)
    return _install_dir(source, root, source.name)


def _find_binaries(directory: Path) -> list[tuple[Path, str, str]]:
    """The released binaries in `directory`: (path, plugin name, region or "")."""
    found = []
    for path in sorted(directory.iterdir()):
        match = _BINARY.match(path.name)
        if match and path.is_file():
            found.append((path, match.group(1), match.group(2) or ""))
    return found


def _install_dir(source: Path, root: Path, release_name: str) -> PluginSpec:
    """Copy the release's binaries into `<root>/plugins/<name>/<version>/`. A per-region release
    joins the other regions already installed for that version (aws-public ships one archive per
    region); any other release replaces the version directory."""
    found = _find_binaries(source)
    if not found:
        raise InstallError(f"{release_name}: no {FINFOCUS_PREFIX}<name> or {BINARY_PREFIX}<name> binary in it")
    names = sorted({name for _, name, _ in found})
    if len(names) > 1:
        raise InstallError(f"{release_name}: holds binaries of several plugins ({', '.join(names)}); "
                           "install one plugin's release at a time")
    name = names[0]
    version = _metadata(source).get("version") or _version_from(release_name)
    if not version or parse_version(version) is None:
        raise InstallError(f"{release_name}: cannot tell the version; add \"version\" to {METADATA} "
                           f"or keep the release's file name (e.g. {FINFOCUS_PREFIX}{name}_1.2.3_linux_amd64.tar.gz)")
    regional = all(region for _, _, region in found)
    target = prepare_target(root, name, version.removeprefix("v"), replace=not regional)
    if not target.exists():
        target.mkdir(mode=0o755)
    for binary, _, _ in found:
        shutil.copy2(binary, target / binary.name)
        (target / binary.name).chmod(0o755)
    if (source / METADATA).is_file():
        shutil.copy2(source / METADATA, target / METADATA)
    specs, problems = inspect(target, name)
    installed = [s for s in specs if s.binary.name == found[0][0].name]
    if not installed:
        raise InstallError(f"installed {target} but it is not usable: {'; '.join(problems)}")
    return installed[0]


def _metadata(source: Path) -> dict:
    try:
        data = json.loads((source / METADATA).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def _version_from(release_name: str) -> Optional[str]:
    match = _VERSION_IN_NAME.search(release_name)
    return match.group(1) if match else None
