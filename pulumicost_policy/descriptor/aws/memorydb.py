"""MemoryDB clusters: node hours by engine (Redis OSS or Valkey), shards x (1 + replicas) nodes. The
per-GB data-written charge has no readable price in the MemoryDB feed: it is not included."""
from __future__ import annotations

from ..model import Mapped, Unpriced, running
from ..registry import MONTHLY_HRS, PricedType, keys
from ..values import Props
from .common import INSTANCES


def cluster(p: Props) -> Mapped | Unpriced:
    node = p.str("nodeType")
    if not node:
        return Unpriced("nodeType not set")
    engine = (p.str("engine") or "redis").lower()
    if engine not in ("redis", "valkey"):
        return Unpriced("engine should be redis or valkey")
    shards = p.num("numShards", 1.0) or 1.0
    replicas = p.num("numReplicasPerShard", 1.0)
    nodes = shards * (1 + (1.0 if replicas is None else replicas))
    return Mapped(node, [running(f"Nodes ({engine}, {node})", "memorydb:Node", f"{node}:{engine}", nodes,
                                 INSTANCES.name)])


TYPES = (
    PricedType(("aws:memorydb/cluster:Cluster",), "memorydb:Cluster", cluster,
               keys("memorydb:Node db.r7g.large:redis", "memorydb:Node db.r7g.large:valkey",
                    example=("memorydb:Node db.r7g.large:redis", "memorydb:Node db.r7g.large:valkey")),
               (MONTHLY_HRS, INSTANCES), "node hours by engine (data written not in our data)"),
)
