"""`unpriced-resources`: flags resources whose cost could not be determined.

Mandatory means "do not deploy what we cannot price"; `ignoreTypes` lists accepted exceptions.
"""
from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any, Mapping

from ..pricing.estimate import UNPRICED
from .model import STACK, CostPolicy, Finding, StackContext

SCHEMA = {
    "ignoreTypes": {"type": "array", "items": {"type": "string"}, "default": [],
                    "description": "Type tokens (globs allowed) that may stay unpriced."},
}


def check(ctx: StackContext, config: Mapping[str, Any]) -> list[Finding]:
    ignore = config.get("ignoreTypes") or []
    return [Finding(f"{e.name} ({e.type}) cannot be priced: {e.reason}", urn=e.urn)
            for e in ctx.stack.estimates.values()
            if e.status == UNPRICED and not any(fnmatchcase(e.type, pattern) for pattern in ignore)]


POLICY = CostPolicy("unpriced-resources", "Flags resources without a known cost.", STACK, SCHEMA, check,
                    severity="medium",
                    remediation="Each message says why: set the region or size it names, add a usage file for "
                                "usage-billed resources, install a cost plugin that prices the type, or list the "
                                "type in ignoreTypes.")
