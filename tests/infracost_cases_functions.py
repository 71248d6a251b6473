"""Infracost goldens for more of the priced types (issue #24): Azure function apps and Container Apps on the
Consumption plan.

Each module of this kind gives CASES (translated golden resources, every line of each) and
DIFFERENCES (the lines we do not match, each with its reason); tests/infracost_cases.py gathers them."""
from __future__ import annotations

from infracost_case import Case, L  # noqa: F401  (used as cases are added)

CASES: tuple[Case, ...] = ()
DIFFERENCES: dict[tuple[str, str], str] = {}
