"""GCP: Compute Engine instances (with their boot disk), persistent disks, static addresses, Cloud
NAT, Cloud Storage, and the billable services the price book has no GCP prices for (unpriced)."""
from __future__ import annotations

import re

from .model import CostComponent, Free, Mapped, Unpriced, monthly, running, times, usage_based
from .registry import MONTHLY_HRS, PricedType, UsageKey, keys, no_data
from .values import Props

DISK_TYPES = ("pd-standard", "pd-balanced", "pd-ssd", "pd-extreme")
BOOT_DISK_DEFAULT = ("pd-standard", 10.0)  # GCE's boot disk type when none is given; most images' size
STORAGE_CLASSES = ("standard", "nearline", "coldline", "archive")
LOCAL_SSD_GB = 375.0  # a local SSD partition's size


def _boot_disk(p: Props) -> list[CostComponent]:
    params = "bootDisk.initializeParams"
    dtype = (p.str(f"{params}.type") or BOOT_DISK_DEFAULT[0]).rsplit("/", 1)[-1]
    if dtype not in DISK_TYPES:
        return []
    size = p.num(f"{params}.size")
    if size is None:  # the image's size (10 GB on most public images): counted once the usage file says
        return [usage_based(f"Boot disk ({dtype}, size from the image, {BOOT_DISK_DEFAULT[1]:.0f} GB on most; set "
                            "boot_disk_gb)", "compute:Disk", dtype, "per_gb_month", "boot_disk_gb")]
    return [monthly(f"Boot disk ({dtype})", "compute:Disk", dtype, "per_gb_month", size)]


def _scratch_disks(p: Props, spot: bool) -> list[CostComponent]:
    """Local SSD scratch disks (375 GB each unless sized), billed per GB-month (spot rate on a spot VM)."""
    disks = p.count("scratchDisks")
    total = sum(p.num(f"scratchDisks[{i}].size", LOCAL_SSD_GB) or LOCAL_SSD_GB for i in range(disks))
    sku = "local-ssd:spot" if spot else "local-ssd"
    return [monthly(f"Local SSD ({disks} scratch disks)", "compute:Disk", sku, "per_gb_month", total)] if disks else []


def instance(p: Props) -> Mapped | Unpriced:
    machine = p.str("machineType")
    if not machine:
        return Unpriced("machineType not set")
    machine = machine.rsplit("/", 1)[-1]  # accept a machine-type URL
    spot = p.bool("scheduling.preemptible") or (p.str("scheduling.provisioningModel") or "").upper() == "SPOT"
    usage = running("Instance usage (spot/preemptible)", "compute:Instance", f"{machine}:spot") if spot else \
        running("Instance usage (on-demand)", "compute:Instance", machine)
    return Mapped(machine, [usage, *_boot_disk(p), *_scratch_disks(p, spot)])


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


def disk(p: Props) -> Mapped | Unpriced:
    dtype = (p.str("type", "pd-standard") or "pd-standard").rsplit("/", 1)[-1]
    if dtype not in DISK_TYPES:
        return Unpriced("disk type is not a persistent disk type")
    size = p.num("size")
    if size is None:
        return Unpriced("size not set (a disk made from an image takes the image's size)")
    return Mapped(dtype, [monthly(f"Persistent disk ({dtype})", "compute:Disk", dtype, "per_gb_month", size)])


def address(p: Props) -> Mapped | Free:
    if (p.str("addressType", "EXTERNAL") or "EXTERNAL").upper() == "INTERNAL":
        return Free("internal addresses have no charge")
    return Mapped("external", [running("Static IP address (unused; in use on a VM it is billed there)",
                                       "compute:Address", "unused")])


def router_nat(p: Props) -> Mapped:
    """Cloud NAT bills each assigned VM by the hour up to 32 VMs (then a flat gateway), and data."""
    return Mapped("nat", [
        usage_based("Assigned VMs (first 32)", "compute:RouterNat", "vm", "per_hour", "assigned_vms", 1.0,
                    (0.0, 32.0)),
        usage_based("Data processed", "compute:RouterNat", "data-processed", "per_gb", "monthly_data_processed_gb"),
    ])


def instance_group(p: Props) -> Unpriced:
    """A managed instance group's VMs are billed as VMs; they are not in the stack, and the group's
    template is not resolved yet: unpriced, saying so (never free)."""
    return Unpriced("a managed instance group's VMs (target size x its template's machine type) are not priced yet")


def vpn_tunnel(p: Props) -> Mapped:
    """A Cloud VPN tunnel (classic or HA) by the hour; its gateways are free (billed by tunnels)."""
    return Mapped("tunnel", [running("VPN tunnel", "compute:VpnTunnel", "tunnel")])


def bucket(p: Props) -> Mapped | Unpriced:
    cls = (p.str("storageClass", "STANDARD") or "STANDARD").lower()
    if cls not in STORAGE_CLASSES:
        return Unpriced("storageClass is not one of STANDARD, NEARLINE, COLDLINE, ARCHIVE")
    comps = [usage_based(f"Storage ({cls})", "storage:Bucket", f"{cls}-storage", "per_gb_month", "storage_gb")]
    if cls != "standard":  # reading from nearline, coldline and archive is billed per GB
        comps.append(usage_based("Data retrieval", "storage:Bucket", f"{cls}-retrieval", "per_gb",
                                 "monthly_data_retrieval_gb"))
    return Mapped(cls, comps)


UNPRICED = "pricing.yml has no prices for it"

TYPES = (
    PricedType(("gcp:compute/instance:Instance",), "compute:Instance", instance,
               keys("compute:Instance e2-medium", "compute:Instance e2-medium:spot", "compute:Disk pd-standard",
                    "compute:Disk local-ssd", "compute:Disk local-ssd:spot", example=("compute:Instance e2-medium", "compute:Instance e2-medium:spot")),
               (MONTHLY_HRS, UsageKey("boot_disk_gb", "GB", "boot disk size when the plan leaves it to the image "
                                               "(10 GB on most)")),
               "on-demand or spot/preemptible hours, boot disk (pd-standard default; size by usage when the image "
               "sets it), local SSD scratch disks"),
    PricedType(("gcp:compute/disk:Disk",), "compute:Disk", disk,
               keys("compute:Disk pd-standard", "compute:Disk pd-ssd"), (), "GB-month by disk type"),
    PricedType(("gcp:compute/address:Address", "gcp:compute/globalAddress:GlobalAddress"), "compute:Address", address,
               keys("compute:Address unused"), (MONTHLY_HRS,), "external static IP hours"),
    PricedType(("gcp:compute/routerNat:RouterNat",), "compute:RouterNat", router_nat,
               keys("compute:RouterNat vm", "compute:RouterNat data-processed"),
               (UsageKey("assigned_vms", "VMs", "VMs using the gateway (billed up to 32)"),
                UsageKey("monthly_data_processed_gb", "GB", "data processed per month")),
               "assigned VM hours (up to 32) and data processed (by usage)"),
    PricedType(("gcp:compute/vpnTunnel:VpnTunnel",), "compute:VpnTunnel", vpn_tunnel,
               keys("compute:VpnTunnel tunnel"), (MONTHLY_HRS,), "tunnel hours (egress not included)"),
    PricedType(("gcp:storage/bucket:Bucket",), "storage:Bucket", bucket,
               keys(*(f"storage:Bucket {c}-storage" for c in STORAGE_CLASSES),
                    *(f"storage:Bucket {c}-retrieval" for c in STORAGE_CLASSES[1:])),
               (UsageKey("storage_gb", "GB", "average stored data"),
                UsageKey("monthly_data_retrieval_gb", "GB", "data read from nearline, coldline or archive per month")),
               "storage by class and data retrieval (by usage), in regions, multi-regions (US, EU, ASIA) and "
               "dual-regions (NAM4, EUR4, ASIA1)"),
    PricedType(("gcp:sql/databaseInstance:DatabaseInstance",), "sql:DatabaseInstance", no_data("Cloud SQL"), (),
               (MONTHLY_HRS,), f"unpriced ({UNPRICED})"),
    PricedType(("gcp:container/cluster:Cluster",), "container:Cluster", no_data("GKE"), (), (MONTHLY_HRS,),
               f"unpriced ({UNPRICED})"),
    PricedType(("gcp:container/nodePool:NodePool",), "container:NodePool", node_pool,
               keys("compute:Instance e2-medium", "compute:Disk pd-balanced"),
               (MONTHLY_HRS, UsageKey("nodes", "nodes", "nodes in the pool (all zones); default: the pool's count "
                                                        "per zone x its zones")),
               "nodes (GCE machine type, spot too) x their boot disk and local SSDs; nodes = count per zone x zones"),
    PricedType(("gcp:redis/instance:Instance",), "redis:Instance", no_data("Memorystore Redis"), (), (MONTHLY_HRS,),
               f"unpriced ({UNPRICED})"),
    PricedType(("gcp:dns/managedZone:ManagedZone",), "dns:ManagedZone", no_data("Cloud DNS"), (), (),
               f"unpriced ({UNPRICED})"),
    *(PricedType(tokens, price_type, no_data(what), (), (), f"unpriced ({UNPRICED})") for tokens, price_type, what in (
        (("gcp:compute/forwardingRule:ForwardingRule", "gcp:compute/globalForwardingRule:GlobalForwardingRule"),
         "compute:ForwardingRule", "Cloud Load Balancing forwarding rule"),
        (("gcp:cloudrun/service:Service", "gcp:cloudrunv2/service:Service"), "run:Service", "Cloud Run"),
        (("gcp:cloudfunctions/function:Function", "gcp:cloudfunctionsv2/function:Function"), "functions:Function",
         "Cloud Functions"),
        (("gcp:pubsub/topic:Topic", "gcp:pubsub/subscription:Subscription"), "pubsub:Topic", "Pub/Sub"),
        (("gcp:secretmanager/secret:Secret",), "secretmanager:Secret", "Secret Manager"),
        (("gcp:kms/cryptoKey:CryptoKey",), "kms:CryptoKey", "Cloud KMS key"),
        (("gcp:artifactregistry/repository:Repository",), "artifactregistry:Repository", "Artifact Registry"),
        (("gcp:bigquery/table:Table",), "bigquery:Table", "BigQuery storage"),
    )),
    PricedType(("gcp:compute/instanceGroupManager:InstanceGroupManager",
                "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager"), "compute:InstanceGroupManager",
               instance_group, (), (), "unpriced: its VMs (target size x the template's machine type) not modelled yet"),
)
