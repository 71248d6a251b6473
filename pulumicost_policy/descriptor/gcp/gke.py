"""GKE clusters (the cluster management fee) and node pools (Compute Engine VMs at the GCE prices)."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Mapped, Unpriced, monthly, running, times
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props
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


FEE_REGION = "global"  # the Billing Catalog prices the fee once, for every location


def cluster(p: Props) -> Mapped | Unpriced:
    """The management fee per cluster-hour, as Infracost prices it (the free tier's monthly credit
    is per billing account, so it is not taken off here): Autopilot, zonal (location is a zone) or
    regional; a cluster on the EXTENDED release channel pays the extended-support fee instead.
    A default node pool's nodes are not priced here (Infracost prices them with the cluster)."""
    if p.bool("enableAutopilot"):
        kind = "autopilot"
    elif _ZONE.match(p.str("location") or ""):
        kind = "zonal"
    else:
        kind = "regional"
    if (p.str("releaseChannel.channel") or "").upper() == "EXTENDED":
        kind = "extended"
    fee = replace(running(f"Cluster management fee ({kind})", "container:Cluster", kind), region=FEE_REGION)
    return Mapped(kind, [fee])


TYPES = (
    PricedType(("gcp:container/cluster:Cluster",), "container:Cluster", cluster,
               keys("container:Cluster zonal", "container:Cluster regional", "container:Cluster autopilot",
                    "container:Cluster extended"), (MONTHLY_HRS,),
               "cluster management fee per hour (zonal, regional, Autopilot, extended support)"),
    PricedType(("gcp:container/nodePool:NodePool",), "container:NodePool", node_pool,
               keys("compute:Instance e2-medium", "compute:Disk pd-balanced"),
               (MONTHLY_HRS, UsageKey("nodes", "nodes", "nodes in the pool (all zones); default: the pool's count "
                                                        "per zone x its zones")),
               "nodes (GCE machine type, spot too) x their boot disk and local SSDs; nodes = count per zone x zones"),
)
