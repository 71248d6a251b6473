"""Azure Cache for Redis: node hours at the size's per-node price. Basic runs one node; Standard
two (primary and replica); Premium two per shard (plus extra replicas)."""
from __future__ import annotations

from ..model import Mapped, Unpriced, running
from ..registry import MONTHLY_HRS, PricedType, keys
from ..values import Props


def _cache(tier: str | None, family: str | None, capacity: float | None, shards: float | None,
           replicas: float | None) -> Mapped | Unpriced:
    tier = (tier or "").capitalize()
    if tier not in ("Basic", "Standard", "Premium") or capacity is None or not family:
        return Unpriced("cache sku name, family or capacity not set")
    size = f"{family.upper()}{capacity:g}"
    nodes = 1.0 if tier == "Basic" else (1.0 + (replicas or 1.0)) * (max(shards or 1.0, 1.0) if tier == "Premium" else 1)
    return Mapped(f"{tier}:{size}", [running(f"Cache nodes ({tier} {size}) x {nodes:g}", "redis:Cache",
                                             f"{tier}:{size}", nodes)])


def classic_cache(p: Props) -> Mapped | Unpriced:
    return _cache(p.str("skuName"), p.str("family"), p.num("capacity"), p.num("shardCount"),
                  p.num("replicasPerMaster"))


def native_cache(p: Props) -> Mapped | Unpriced:
    return _cache(p.str("sku.name"), p.str("sku.family"), p.num("sku.capacity"), p.num("shardCount"),
                  p.num("replicasPerMaster"))


KEYS = keys("redis:Cache Basic:C0", "redis:Cache Standard:C1", example=("redis:Cache Standard:C1",))
TYPES = (
    PricedType(("azure:redis/cache:Cache",), "redis:Cache", classic_cache, KEYS, (MONTHLY_HRS,),
               "node hours (Basic 1 node, Standard 2, Premium 2 per shard)"),
    PricedType(("azure-native:cache:Redis",), "redis:Cache", native_cache, KEYS, (MONTHLY_HRS,),
               "node hours (Basic 1 node, Standard 2, Premium 2 per shard)"),
)
