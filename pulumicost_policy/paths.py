"""Where the pack's own files are: computed once, here.

The repository root is the policy pack (`PulumiPolicy.yaml`, `__main__.py`) and holds the package,
the dated price book (`specs/`) and the report schema (`schemas/`).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional

PACKAGE_DIR = Path(__file__).resolve().parent
PACK_DIR = PACKAGE_DIR.parent
SPECS_DIR = PACK_DIR / "specs"
SCHEMAS_DIR = PACK_DIR / "schemas"


def user_prices_dir(env: Optional[Mapping[str, str]] = None) -> Path:
    """The user's own price stores (`prices update` writes them; the book reads them before the
    bundled ones): `$PULUMICOST_HOME/prices`, default ~/.pulumicost/prices."""
    env = os.environ if env is None else env
    home = env.get("PULUMICOST_HOME") or str(Path.home() / ".pulumicost")
    return Path(home) / "prices"
