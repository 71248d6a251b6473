"""Glue jobs and crawlers: DPU-hours."""
from __future__ import annotations

from ..model import Mapped, Unpriced, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props

GLUE_DEFAULT_DPUS = 10.0  # what AWS allocates to a Spark job given neither maxCapacity nor workers
# DPUs per worker of each Glue worker type (Standard and G.1X: 1 DPU).
GLUE_WORKER_DPUS = {"standard": 1.0, "g.025x": 0.25, "g.1x": 1.0, "g.2x": 2.0, "g.4x": 4.0, "g.8x": 8.0,
                    "z.2x": 2.0}


def glue_job(p: Props) -> Mapped | Unpriced:
    """DPU-hours at the standard or Flex rate: the job's DPUs from the plan, its hours by usage."""
    workers = p.num("numberOfWorkers")
    if workers is not None:
        per_worker = GLUE_WORKER_DPUS.get((p.str("workerType", "Standard") or "Standard").lower())
        if per_worker is None:
            return Unpriced(f"workerType is not one of {', '.join(sorted(GLUE_WORKER_DPUS))}")
        dpus = workers * per_worker
    else:
        dpus = p.num("maxCapacity", GLUE_DEFAULT_DPUS) or GLUE_DEFAULT_DPUS
    flex = (p.str("executionClass", "STANDARD") or "STANDARD").upper() == "FLEX"
    sku = "etl-flex" if flex else "etl"
    return Mapped(sku, [usage_based(f"Job runs ({dpus:g} DPUs{', Flex' if flex else ''})", "glue:Job", sku, "per_hour",
                                    "monthly_job_hrs", dpus / 730.0)])


def glue_crawler(p: Props) -> Mapped:
    return Mapped("crawler", [usage_based("Crawler runs (DPU-hours)", "glue:Crawler", "crawler", "per_hour",
                                          "monthly_crawler_dpu_hrs", 1 / 730.0)])


TYPES = (
    PricedType(("aws:glue/job:Job",), "glue:Job", glue_job, keys("glue:Job etl", "glue:Job etl-flex"),
               (UsageKey("monthly_job_hrs", "hours", "hours the job runs per month"),),
               "DPU-hours (DPUs from maxCapacity or workers; hours by usage), standard or Flex"),
    PricedType(("aws:glue/crawler:Crawler",), "glue:Crawler", glue_crawler, keys("glue:Crawler crawler"),
               (UsageKey("monthly_crawler_dpu_hrs", "DPU-hours", "crawler DPU-hours per month"),),
               "DPU-hours (by usage)"),
)
