"""ElastiCache clusters and replication groups (node hours by engine) and serverless caches (data
stored and ElastiCache Processing Units, by usage)."""
from __future__ import annotations

from ..model import CostComponent, Free, Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, STORAGE_GB, PricedType, UsageKey, keys
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


ECPUS = UsageKey("monthly_ecpus", "ECPUs", "ElastiCache Processing Units consumed per month")


def serverless_cache(p: Props) -> Mapped | Unpriced:
    engine = (p.str("engine") or "").lower()
    if engine not in ("redis", "valkey", "memcached"):
        return Unpriced("engine should be redis, valkey or memcached")
    return Mapped(engine, [
        usage_based(f"Data stored ({engine})", "elasticache:Serverless", f"{engine}-storage", "per_hour",
                    STORAGE_GB.name),
        usage_based(f"ElastiCache Processing Units ({engine})", "elasticache:Serverless", f"{engine}-ecpu",
                    "per_1m_requests", ECPUS.name, 1e-6),
    ])


TYPES = (
    PricedType(("aws:elasticache/serverlessCache:ServerlessCache",), "elasticache:Serverless", serverless_cache,
               keys(*(f"elasticache:Serverless {e}-{k}" for e in ("redis", "valkey", "memcached")
                      for k in ("storage", "ecpu"))),
               (STORAGE_GB, ECPUS), "serverless caches: average data stored (GB-hours) and ECPUs (by usage)"),
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
