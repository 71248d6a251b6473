"""CodePipeline pipelines (V1 per pipeline-month, V2 per action minute)."""
from __future__ import annotations

from ..model import Mapped, Unpriced, monthly, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props


def codepipeline(p: Props) -> Mapped | Unpriced:
    """V1 pipelines pay per active pipeline-month; V2 per action-execution minute (by usage)."""
    kind = (p.str("pipelineType", "V1") or "V1").upper()
    if kind == "V1":
        return Mapped("v1", [monthly("Active pipeline (V1)", "codepipeline:Pipeline", "v1", "per_month", 1.0)])
    if kind == "V2":
        return Mapped("v2", [usage_based("Action execution minutes (V2)", "codepipeline:Pipeline", "v2-minutes",
                                         "per_minute", "monthly_action_minutes")])
    return Unpriced("pipelineType should be V1 or V2")


TYPES = (
    PricedType(("aws:codepipeline/pipeline:Pipeline",), "codepipeline:Pipeline", codepipeline,
               keys("codepipeline:Pipeline v1", "codepipeline:Pipeline v2-minutes"),
               (UsageKey("monthly_action_minutes", "minutes", "action execution minutes per month (V2 pipelines)"),),
               "V1: active pipeline-month; V2: action execution minutes (by usage)"),
)
