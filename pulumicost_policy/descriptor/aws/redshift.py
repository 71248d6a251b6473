"""Redshift clusters: node hours, and concurrency scaling beyond the free credits by usage (node-seconds).
RA3 managed storage, Spectrum and backup storage have no readable price in the Redshift feed."""
from __future__ import annotations

from ..model import Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props
from .common import INSTANCES

SCALING = UsageKey("monthly_concurrency_scaling_secs", "seconds", "concurrency scaling seconds per month beyond the "
                                                                 "free daily credit")


def redshift_cluster(p: Props) -> Mapped | Unpriced:
    node = p.str("nodeType")
    if not node:
        return Unpriced("nodeType not set")
    single = (p.str("clusterType") or "").lower() == "single-node"
    nodes = 1.0 if single else (p.num("numberOfNodes", 1.0) or 1.0)
    # RA3 managed storage (per GB-month) is not in the Redshift feed: that line is left out.
    comps = [running(f"Cluster usage (on-demand, {node})", "redshift:Node", node, nodes, "instances"),
             # seconds x nodes, as node-hours over the month: a per-hour line's quantity is units x 730 h
             usage_based(f"Concurrency scaling ({node})", "redshift:Node", f"{node}:concurrency-scaling", "per_hour",
                         SCALING.name, nodes / (3600 * 730))]
    return Mapped(node, comps)


TYPES = (
    PricedType(("aws:redshift/cluster:Cluster",), "redshift:Cluster", redshift_cluster,
               keys("redshift:Node dc2.large", "redshift:Node dc2.large:concurrency-scaling",
                    example=("redshift:Node dc2.large", "redshift:Node dc2.large:concurrency-scaling")),
               (MONTHLY_HRS, INSTANCES, SCALING), "node hours, concurrency scaling (by usage)"),
)
