"""GKE clusters and node pools (Compute Engine VMs at the GCE prices)."""
from __future__ import annotations

import re

from ..model import Mapped, Unpriced, monthly, running, times
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys, no_data
from ..values import Props
from .common import UNPRICED
from .compute import DISK_TYPES, LOCAL_SSD_GB

GKE_DEFAULT_NODES = 3.0            # nodes per zone GKE creates when a pool gives no count
GKE_REGIONAL_ZONES = 3             # zones a regional pool spans unless nodeLocations says
GKE_NODE_DISK = ("pd-balanced", 100.0)  # GKE's node boot disk when nodeConfig leaves it out
_ZONE = re.compile(r"^[a-z]+-[a-z]+\d+-[a-z]$")


def node_pool(p: Props) -> Mapped | Unpriced:
    """A GKE node pool is Compute Engine VMs: nodes per zone x zones, each with its boot disk and
    local SSDs, at the GCE prices (GKE adds no charge per node; the cluster fee is the cluster's)."""
    if p.has("nodeConfig.guestAccelerators[0]"):
        return Unpriced("GPU prices are not in the price book (nodeConfig.guestAccelerators)")
    machine = (p.str("nodeConfig.machineType") or "e2-medium").rsplit("/", 1)[-1]
    if p.num("autoscaling.totalMinNodeCount") is not None:
        nodes = p.num("autoscaling.totalMinNodeCount") or 0.0
    else:
        per_zone = next((n for n in (p.num("nodeCount"), p.num("initialNodeCount"), p.num("autoscaling.minNodeCount"))
                         if n is not None), GKE_DEFAULT_NODES)
        listed = p.count("nodeLocations")
        zones = listed or (1 if _ZONE.match(p.str("location") or "") else GKE_REGIONAL_ZONES)
        nodes = per_zone * zones
    spot = bool(p.bool("nodeConfig.spot") or p.bool("nodeConfig.preemptible"))
    vm = running(f"Instance usage ({'spot/preemptible' if spot else 'on-demand'}, {machine})", "compute:Instance",
                 f"{machine}:spot" if spot else machine)
    dtype = p.str("nodeConfig.diskType") or GKE_NODE_DISK[0]
    if dtype not in DISK_TYPES:
        return Unpriced("nodeConfig.diskType is not a persistent disk type")
    size = p.num("nodeConfig.diskSizeGb") or GKE_NODE_DISK[1]
    per_node = [vm, monthly(f"Node boot disk ({dtype}, {size:g} GB)", "compute:Disk", dtype, "per_gb_month", size)]
    ssds = p.num("nodeConfig.localSsdCount") or 0.0
    if ssds:
        per_node.append(monthly(f"Local SSD ({ssds:g} x {LOCAL_SSD_GB:g} GB)", "compute:Disk",
                                "local-ssd:spot" if spot else "local-ssd", "per_gb_month", ssds * LOCAL_SSD_GB))
    return Mapped(machine, [times(c, nodes, "nodes") for c in per_node])


TYPES = (
    PricedType(("gcp:container/cluster:Cluster",), "container:Cluster", no_data("GKE"), (), (MONTHLY_HRS,),
               f"unpriced ({UNPRICED})"),
    PricedType(("gcp:container/nodePool:NodePool",), "container:NodePool", node_pool,
               keys("compute:Instance e2-medium", "compute:Disk pd-balanced"),
               (MONTHLY_HRS, UsageKey("nodes", "nodes", "nodes in the pool (all zones); default: the pool's count "
                                                        "per zone x its zones")),
               "nodes (GCE machine type, spot too) x their boot disk and local SSDs; nodes = count per zone x zones"),
)
