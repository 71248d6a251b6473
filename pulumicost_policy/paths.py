"""Where the pack's own files are: computed once, here.

The repository root is the policy pack (`PulumiPolicy.yaml`, `__main__.py`) and holds the package,
the dated price book (`specs/`), the report schema (`schemas/`), the shipped plugins (`plugins/`)
and the examples (`examples/`, the generated example usage file). `pip install .` copies the files
read at run time into the package as `pulumicost_policy/_bundle/` (pyproject.toml), because an
installed package has no repository around it; the repository stays their one home, the bundle is a
build product.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional

PACKAGE_DIR = Path(__file__).resolve().parent
# The directory that holds the package: what a plugin launcher puts on PYTHONPATH.
IMPORT_ROOT = PACKAGE_DIR.parent
_BUNDLE = PACKAGE_DIR / "_bundle"
# The pack's files: the repository root in a checkout, the bundled copy in an installed package.
PACK_DIR = _BUNDLE if (_BUNDLE / "PulumiPolicy.yaml").is_file() else IMPORT_ROOT
SPECS_DIR = PACK_DIR / "specs"
SCHEMAS_DIR = PACK_DIR / "schemas"
SHIPPED_PLUGINS_DIR = PACK_DIR / "plugins"
EXAMPLES_DIR = PACK_DIR / "examples"


def pack_version() -> str:
    """The pack's version, from its one home `PulumiPolicy.yaml` (what Pulumi publishes the pack
    as; pyproject.toml repeats it and a test keeps the two equal); "0.0.0" if it has none."""
    for line in (PACK_DIR / "PulumiPolicy.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("version:"):
            return line.split(":", 1)[1].strip()
    return "0.0.0"


def home_dir() -> Optional[Path]:
    """The user's home directory, or None with no HOME and no passwd entry (a container's bare
    uid): the pack then runs on the bundled price book alone instead of failing to start."""
    try:
        return Path.home()
    except (RuntimeError, KeyError):
        return None


def user_prices_dir(env: Optional[Mapping[str, str]] = None) -> Optional[Path]:
    """The user's own price stores (`prices update` writes them; the book reads them before the
    bundled ones): `$PULUMICOST_HOME/prices`, default ~/.pulumicost/prices; None without a home."""
    env = os.environ if env is None else env
    if env.get("PULUMICOST_HOME"):
        return Path(env["PULUMICOST_HOME"]) / "prices"
    home = home_dir()
    return None if home is None else home / ".pulumicost" / "prices"
