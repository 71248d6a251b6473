"""ElastiCache clusters and replication groups: node hours by engine."""
from __future__ import annotations

from ..model import CostComponent, Free, Mapped, Unpriced, running
from ..registry import MONTHLY_HRS, PricedType, keys
from ..values import Props
from .common import INSTANCES


def elasticache_nodes(p: Props, node_type: str | None, nodes: float, engine: str) -> Mapped | Unpriced:
    if not node_type:
        return Unpriced("nodeType not set")
    if engine not in ("redis", "memcached", "valkey"):
        return Unpriced("engine should be redis, memcached or valkey")
    sku = f"{node_type}:{engine}"
    comps: list[CostComponent] = [running(f"ElastiCache ({engine}, on-demand, {node_type})", "elasticache:Node",
                                          sku, nodes, "instances")]
    # Backup storage for Redis snapshots is billed per GB-month; the ElastiCache feed has no price for it.
    return Mapped(node_type, comps)


def elasticache_cluster(p: Props) -> Mapped | Unpriced:
    engine = (p.str("engine", "redis") or "redis").lower()
    if p.has("replicationGroupId") and not p.has("nodeType"):
        return Free("a member of a replication group, which carries the cost")
    return elasticache_nodes(p, p.str("nodeType"), p.num("numCacheNodes", 1.0) or 1.0, engine)


def elasticache_replication_group(p: Props) -> Mapped | Unpriced:
    engine = (p.str("engine", "redis") or "redis").lower()
    groups = p.num("numNodeGroups")
    if groups:
        nodes = groups * ((p.num("replicasPerNodeGroup", 0.0) or 0.0) + 1)
    else:
        nodes = p.num("numCacheClusters") or float(p.count("preferredCacheClusterAzs")) or 1.0
    return elasticache_nodes(p, p.str("nodeType"), nodes, engine)


TYPES = (
    PricedType(("aws:elasticache/cluster:Cluster",), "elasticache:Cluster", elasticache_cluster,
               keys("elasticache:Node cache.t3.micro:redis", "elasticache:Node cache.t3.micro:valkey",
                    "elasticache:Node cache.t3.micro:memcached",
                    example=("elasticache:Node cache.t3.micro:redis", "elasticache:Node cache.t3.micro:valkey",
                             "elasticache:Node cache.t3.micro:memcached")),
               (MONTHLY_HRS, INSTANCES), "node hours by engine (Redis, Memcached, Valkey)"),
    PricedType(("aws:elasticache/replicationGroup:ReplicationGroup",), "elasticache:ReplicationGroup",
               elasticache_replication_group,
               keys("elasticache:Node cache.t3.micro:redis", "elasticache:Node cache.t3.micro:valkey",
                    "elasticache:Node cache.t3.micro:memcached",
                    example=("elasticache:Node cache.t3.micro:redis", "elasticache:Node cache.t3.micro:valkey",
                             "elasticache:Node cache.t3.micro:memcached")),
               (MONTHLY_HRS, INSTANCES), "node hours (node groups x replicas)"),
)
