"""Step 4 of the flow: the policies Pulumi runs, built around one shared PackState."""
from __future__ import annotations

from pulumi_policy import Policy

from . import cost_estimate, stack_summary
from .runtime import PackState

PACK_NAME = "pulumicost"


def build_policies(state: PackState) -> list[Policy]:
    return [cost_estimate.make(state), stack_summary.make(state)]


__all__ = ["PACK_NAME", "PackState", "build_policies"]
