"""Lambda functions: requests, tiered duration and ephemeral storage."""
from __future__ import annotations

from ..model import Mapped, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props, PropertyProblem

# Lambda duration tiers (GB-seconds per month, per account and architecture).
LAMBDA_TIERS = {"x86_64": (6e9, 15e9), "arm64": (7.5e9, 18.75e9)}


def lambda_function(p: Props) -> Mapped:
    memory_mb = p.num("memorySize", 128.0) or 128.0
    arch = (p.str("architectures[0]", "x86_64") or "x86_64").lower()
    if arch not in LAMBDA_TIERS:
        raise PropertyProblem("architectures[0] should be x86_64 or arm64")
    first, second = LAMBDA_TIERS[arch]
    gb_s = "monthly_requests*request_duration_ms"
    scale = memory_mb / 1024 / 1000
    comps = [usage_based("Requests", "lambda:Function", "requests", "per_1m_requests", "monthly_requests", 1e-6)]
    for tier, (low, high) in enumerate(((0.0, first), (first, second), (second, float("inf")))):
        label = f"Duration ({memory_mb:.0f} MB, {arch})" + ("" if tier == 0 else f", tier {tier + 1}")
        sku = f"duration-{arch}" + ("" if tier == 0 else f"-tier{tier + 1}")
        comps.append(usage_based(label, "lambda:Function", sku, "per_gb_second", gb_s, scale, tier=(low, high)))
    extra_mb = max(0.0, (p.num("ephemeralStorage.size", 512.0) or 512.0) - 512.0)  # the first 512 MB are free
    comps.append(usage_based("Ephemeral storage (above 512 MB)", "lambda:Function", f"ephemeral-{arch}",
                             "per_gb_second", gb_s, extra_mb / 1024 / 1000))
    return Mapped(arch, comps)


TYPES = (
    PricedType(("aws:lambda/function:Function",), "lambda:Function", lambda_function,
               keys("lambda:Function requests", "lambda:Function duration-x86_64",
                    "lambda:Function duration-x86_64-tier2", "lambda:Function duration-x86_64-tier3",
                    "lambda:Function duration-arm64", "lambda:Function duration-arm64-tier2",
                    "lambda:Function duration-arm64-tier3", "lambda:Function ephemeral-x86_64",
                    "lambda:Function ephemeral-arm64"),
               (UsageKey("monthly_requests", "requests", "invocations per month"),
                UsageKey("request_duration_ms", "ms", "average duration of an invocation")),
               "requests and tiered duration (x86_64 and arm64), ephemeral storage (by usage)"),
)
