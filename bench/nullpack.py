"""A null policy pack: the same SDK, the same policy names, kinds and order as ours, trivial checks.

What the null pack costs is the SDK's and gRPC's share (the ceiling we cannot go above); ours / null
is then the share of our own code. Written into a temporary directory by the benchmark.
"""
from __future__ import annotations

from pathlib import Path

from pulumicost_policy.policies import POLICIES, RESOURCE

MAIN = '''"""Null pack for the benchmark: trivial policies with our names, kinds and order."""
from pulumi_policy import (EnforcementLevel, PolicyPack, ResourceValidationPolicy, StackValidationPolicy)


def noop(args, report_violation):
    report_violation("ok")


POLICIES = [{policies}]
PolicyPack(name="null", policies=[
    (ResourceValidationPolicy if kind == "resource" else StackValidationPolicy)(
        name=name, description="null", validate=noop, enforcement_level=EnforcementLevel.ADVISORY)
    for name, kind in POLICIES])
'''


def write_null_pack(directory: Path) -> Path:
    """The null pack's directory (a `__main__.py` the engine's Python host runs)."""
    directory.mkdir(parents=True, exist_ok=True)
    entries = ", ".join(f"({p.name!r}, {('resource' if p.kind == RESOURCE else 'stack')!r})" for p in POLICIES)
    (directory / "__main__.py").write_text(MAIN.format(policies=entries))
    return directory
