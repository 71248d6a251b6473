"""Where the pack's own files are: computed once, here.

The repository root is the policy pack (`PulumiPolicy.yaml`, `__main__.py`) and holds the package,
the dated price book (`specs/`) and the report schema (`schemas/`).
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACK_DIR = PACKAGE_DIR.parent
SPECS_DIR = PACK_DIR / "specs"
SCHEMAS_DIR = PACK_DIR / "schemas"
