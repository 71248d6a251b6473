"""AKS clusters and node pools, as Infracost prices them: the nodes are VMs at the VM prices, each
with its managed OS disk; the cluster adds the Standard (uptime SLA) or Premium (long-term support)
tier's fee per cluster-hour; the Free tier has none.

A node's OS disk is a managed disk of `osDiskSizeGb` (128 GB when unset) unless it is Ephemeral (on
the VM's own storage, no charge): Premium SSD for sizes that take premium storage (an `s` in the
size's feature letters: DS2_v2, D2s_v3), else Standard HDD.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..model import CostComponent, Mapped, Unpriced, monthly, running, times
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props
from .compute import disk_tier, is_spot, vm_line, vm_size

AKS_OS_DISK_GB = 128.0  # AKS's OS disk size when a pool does not set one
TIERS = ("Standard", "Premium")  # the paid tiers; "Free" has no cluster fee
OLD_TIER_NAMES = {"Paid": "Standard"}  # Azure renamed the Paid tier (uptime SLA) Standard; older programs say Paid
NODES = UsageKey("nodes", "nodes", "nodes in the pool; default: its node count (or minimum when autoscaling)")


def _premium_storage(size: str) -> bool:
    """`Standard_DS2_v2`, `Standard_D2s_v3` take premium disks; `Standard_D2_v2`, `Standard_A2_v2` do not."""
    head = vm_size(size).split("_")[1] if "_" in size else size
    letters = re.match(r"^([A-Z]+)(\d*)([a-z]*)", head)
    return bool(letters and ("S" in letters.group(1)[1:] or "s" in letters.group(3)))


def _os_disk(size: str, disk_gb: Optional[float], disk_type: Optional[str]) -> list[CostComponent]:
    if (disk_type or "").lower() == "ephemeral":
        return []
    account = "Premium_LRS" if _premium_storage(size) else "Standard_LRS"
    tier = disk_tier(account, disk_gb or AKS_OS_DISK_GB)
    return [monthly(f"Node OS disk {tier}", "managed-disk", f"{account}:{tier}", "per_month", 1)] if tier else []


def pool_lines(p: Props, prefix: str, count_keys: tuple[str, ...], min_key: str, disk_key: str,
               os_key: str = "osType", priority_key: str = "priority") -> tuple[str, list[CostComponent]] | Unpriced:
    """A pool's nodes (count, else the autoscaler's minimum, else 1) x (VM hours + OS disk)."""
    size = p.str(prefix + "vmSize")
    if not size:
        return Unpriced(f"{prefix}vmSize not set")
    count = next((n for n in (*(p.num(prefix + key) for key in count_keys), p.num(prefix + min_key))
                  if n is not None), 1.0)
    windows = (p.str(prefix + os_key) or "").lower() == "windows"
    per_node = [vm_line(size, windows, is_spot(p.str(prefix + priority_key))),
                *_os_disk(size, p.num(prefix + disk_key), p.str(prefix + "osDiskType"))]
    return vm_size(size), [times(c, count, "nodes") for c in per_node]


def _tier_fee(tier: Optional[str]) -> list[CostComponent]:
    tier = (tier or "Free").capitalize()
    tier = OLD_TIER_NAMES.get(tier, tier)
    if tier not in TIERS:
        return []
    return [running(f"{tier} tier (cluster fee)", "aks:Cluster", tier)]


def classic_cluster(p: Props) -> Mapped | Unpriced:
    pool = pool_lines(p, "defaultNodePool.", ("nodeCount",), "minCount", "osDiskSizeGb")
    if isinstance(pool, Unpriced):
        return pool
    size, lines = pool
    return Mapped(size, [*_tier_fee(p.str("skuTier")), *lines])


def native_cluster(p: Props) -> Mapped | Unpriced:
    """The agent pools inside the cluster (`agentPoolProfiles`) are priced here; pools created as
    their own AgentPool resources are priced there."""
    lines = _tier_fee(p.str("sku.tier"))
    sizes = []
    for i in range(p.count("agentPoolProfiles")):
        pool = pool_lines(p, f"agentPoolProfiles[{i}].", ("count",), "minCount", "osDiskSizeGB",
                          priority_key="scaleSetPriority")
        if isinstance(pool, Unpriced):
            return pool
        sizes.append(pool[0])
        lines += [replace(c, label=f"Pool {i + 1}: {c.label}") for c in pool[1]]
    if not lines:
        return Unpriced("no agentPoolProfiles and the Free tier: the cluster's nodes are its AgentPool resources")
    return Mapped(sizes[0] if sizes else "Free", lines)


def classic_node_pool(p: Props) -> Mapped | Unpriced:
    pool = pool_lines(p, "", ("nodeCount",), "minCount", "osDiskSizeGb")
    return pool if isinstance(pool, Unpriced) else Mapped(*pool)


def native_agent_pool(p: Props) -> Mapped | Unpriced:
    pool = pool_lines(p, "", ("count",), "minCount", "osDiskSizeGB", priority_key="scaleSetPriority")
    return pool if isinstance(pool, Unpriced) else Mapped(*pool)


POOL_KEYS = keys("vm:Linux Standard_B1s", "vm:Windows Standard_B1s", "managed-disk Premium_LRS:P10",
                 "managed-disk Standard_LRS:S10", example=("vm:Linux Standard_B1s",))
CLUSTER_KEYS = (*keys("aks:Cluster Standard", "aks:Cluster Premium"), *POOL_KEYS)
POOL_NOTE = "nodes x (Linux/Windows VM hours, pay-as-you-go or Spot, + managed OS disk unless Ephemeral)"

TYPES = (
    PricedType(("azure:containerservice/kubernetesCluster:KubernetesCluster",), "aks:Cluster", classic_cluster,
               CLUSTER_KEYS, (MONTHLY_HRS, NODES), "Standard/Premium tier fee; default node pool: " + POOL_NOTE),
    PricedType(("azure-native:containerservice:ManagedCluster",), "aks:Cluster", native_cluster, CLUSTER_KEYS,
               (MONTHLY_HRS, NODES), "Standard/Premium tier fee; agentPoolProfiles: " + POOL_NOTE),
    PricedType(("azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool",), "aks:NodePool",
               classic_node_pool, POOL_KEYS, (MONTHLY_HRS, NODES), POOL_NOTE),
    PricedType(("azure-native:containerservice:AgentPool",), "aks:NodePool", native_agent_pool, POOL_KEYS,
               (MONTHLY_HRS, NODES), POOL_NOTE),
)
