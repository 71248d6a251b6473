"""Compute Engine: instances (with their boot disk and local SSDs), persistent disks, static
addresses, managed instance groups.
"""
from __future__ import annotations

from ..model import CostComponent, Free, Mapped, Unpriced, monthly, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

DISK_TYPES = ("pd-standard", "pd-balanced", "pd-ssd", "pd-extreme")
BOOT_DISK_DEFAULT = ("pd-standard", 10.0)  # GCE's boot disk type when none is given; most images' size
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


def instance_group(p: Props) -> Unpriced:
    """A managed instance group's VMs are billed as VMs; they are not in the stack, and the group's
    template is not resolved yet: unpriced, saying so (never free)."""
    return Unpriced("a managed instance group's VMs (target size x its template's machine type) are not priced yet")


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
    PricedType(("gcp:compute/instanceGroupManager:InstanceGroupManager",
                "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager"), "compute:InstanceGroupManager",
               instance_group, (), (), "unpriced: its VMs (target size x the template's machine type) not modelled yet"),
)
