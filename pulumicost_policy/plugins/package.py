"""`pulumicost plugin package NAME`: a shipped plugin as a release a finfocus host installs.

The archive is `finfocus-plugin-<name>_<version>_py3.tar.gz` (the version in the file name, as
finfocus releases are named) holding, at its top:

- `finfocus-plugin-<name>`: a zipapp (`#!/usr/bin/env python3`) carrying our package and the pure
  Python libraries the plugin SDK imports besides grpcio and protobuf (those two have native
  code and come from the Python that runs it); it starts the plugin next to it;
- `plugin.py`, `plugin.manifest.json` and `plugin.metadata.json` (`name`, `version`, `providers`);
- `specs/`: the price book, for plugins that price from it (`<NAME>_SPECS_DIR` points there unless
  set; SQLite needs a real file, not a member of the zipapp).

So it runs with nothing but a Python that has grpcio and protobuf: no checkout, no PYTHONPATH.
"""
from __future__ import annotations

import importlib
import json
import shutil
import stat
import tarfile
import tempfile
import zipapp
from pathlib import Path

from ..paths import PACKAGE_DIR, SPECS_DIR
from .discovery import FINFOCUS_PREFIX, METADATA
from .install import InstallError, shipped_or_path

MANIFEST = "plugin.manifest.json"
# Pure Python libraries the SDK and what it imports need, besides grpcio and protobuf.
VENDORED = ("grpc_reflection", "tenacity", "yaml", "semver", "typing_extensions")
SKIPPED = ("__pycache__", "*.pyc", "*.pyi", "_bundle")

BOOTSTRAP = '''"""Starts the plugin shipped beside this zipapp (see pulumicost_policy/plugins/package.py)."""
import os
import runpy
import sys
from pathlib import Path

here = Path(sys.argv[0]).resolve().parent
if (here / "specs").is_dir():
    os.environ.setdefault({specs_var!r}, str(here / "specs"))
sys.argv[0] = str(here / "plugin.py")
runpy.run_path(str(here / "plugin.py"), run_name="__main__")
'''


def specs_variable(name: str) -> str:
    """`aws-public` -> `AWS_PUBLIC_SPECS_DIR`: where a plugin that prices from the book reads it."""
    return name.upper().replace("-", "_") + "_SPECS_DIR"


def _copy_module(name: str, into: Path) -> None:
    module = importlib.import_module(name)
    source = Path(module.__file__ or "")
    if source.name == "__init__.py":
        shutil.copytree(source.parent, into / name, ignore=shutil.ignore_patterns(*SKIPPED, "*.so", "*.c"))
    else:
        shutil.copyfile(source, into / source.name)


def _zipapp(target: Path, specs_var: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp)
        shutil.copytree(PACKAGE_DIR, src / PACKAGE_DIR.name, ignore=shutil.ignore_patterns(*SKIPPED))
        for name in VENDORED:
            _copy_module(name, src)
        (src / "__main__.py").write_text(BOOTSTRAP.format(specs_var=specs_var), encoding="utf-8")
        zipapp.create_archive(src, target, interpreter="/usr/bin/env python3")
    target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def package(name: str, out_dir: Path) -> Path:
    """Build the release archive of the shipped plugin `name` (or a plugin directory) in `out_dir`."""
    source = shipped_or_path(Path(name))
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
        plugin_name, version = manifest["name"], manifest["version"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InstallError(f"{source}: no usable {MANIFEST} with name and version ({err})") from None
    if not (source / "plugin.py").is_file():
        raise InstallError(f"{source}: no plugin.py to package")
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{FINFOCUS_PREFIX}{plugin_name}_{version}_py3.tar.gz"
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp)
        _zipapp(stage / f"{FINFOCUS_PREFIX}{plugin_name}", specs_variable(plugin_name))
        shutil.copyfile(source / "plugin.py", stage / "plugin.py")
        shutil.copyfile(source / MANIFEST, stage / MANIFEST)
        (stage / METADATA).write_text(json.dumps({"name": plugin_name, "version": version,
                                                  "providers": manifest.get("providers", [])}, indent=2) + "\n")
        shutil.copytree(SPECS_DIR, stage / "specs", ignore=shutil.ignore_patterns("*.lock", "*-journal"))
        with tarfile.open(archive, "w:gz") as tar:
            for path in sorted(stage.iterdir()):
                tar.add(path, arcname=path.name)
    return archive
