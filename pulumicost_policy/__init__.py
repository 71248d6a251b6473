"""pulumicost-policy as a library: read Pulumi resources, describe them, price them, roll them up.

    from pulumicost_policy import load_resources, open_sources, rollup

    sources = open_sources()                          # plugins, then the bundled price book
    planned = load_resources(Path("plan.json"), "preview")
    stack = rollup(sources.pricer.estimate_many([p.resource for p in planned]))
    print(stack.totals)

Names load on first use (PEP 562): a plugin process or the pack imports only what it needs.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ResourceInput": "inputs.resource",
    "PlannedResource": "inputs.plan",
    "PlanError": "inputs.plan",
    "load_resources": ("inputs.plan", "load"),
    "describe": "descriptor",
    "ResourceDescriptor": "descriptor",
    "CostComponent": "descriptor",
    "Free": "descriptor",
    "Unpriced": "descriptor",
    "CostEstimate": "pricing.estimate",
    "Pricer": "pricing.pricer",
    "PriceBook": "pricing.pricebook",
    "Usage": "pricing.usage",
    "StackCost": "pricing.rollup",
    "rollup": "pricing.rollup",
    "open_sources": "sources",
    "CostSources": "sources",
    "POLICIES": "policies",
    "HOURS_PER_MONTH": "pricing.estimate",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'pulumicost_policy' has no attribute {name!r}")
    module, attr = target if isinstance(target, tuple) else (target, name)
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
