"""Redshift clusters: node hours."""
from __future__ import annotations

from ..model import Mapped, Unpriced, running
from ..registry import MONTHLY_HRS, PricedType, keys
from ..values import Props
from .common import INSTANCES


def redshift_cluster(p: Props) -> Mapped | Unpriced:
    node = p.str("nodeType")
    if not node:
        return Unpriced("nodeType not set")
    single = (p.str("clusterType") or "").lower() == "single-node"
    nodes = 1.0 if single else (p.num("numberOfNodes", 1.0) or 1.0)
    # RA3 managed storage (per GB-month) is not in the Redshift feed: that line is left out.
    comps = [running(f"Cluster usage (on-demand, {node})", "redshift:Node", node, nodes, "instances")]
    return Mapped(node, comps)


TYPES = (
    PricedType(("aws:redshift/cluster:Cluster",), "redshift:Cluster", redshift_cluster,
               keys("redshift:Node dc2.large", example=("redshift:Node dc2.large",)),
               (MONTHLY_HRS, INSTANCES), "node hours"),
)
