"""Where the pack's own files are: computed once, here.

The repository root is the policy pack (`PulumiPolicy.yaml`, `__main__.py`) and holds the package,
the dated price book (`specs/`) and the examples (`examples/`, the generated example usage file).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional

PACKAGE_DIR = Path(__file__).resolve().parent
PACK_DIR = PACKAGE_DIR.parent
SPECS_DIR = PACK_DIR / "specs"
EXAMPLES_DIR = PACK_DIR / "examples"


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
