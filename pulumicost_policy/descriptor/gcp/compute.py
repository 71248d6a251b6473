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


# Sustained-use discounts (cloud.google.com/compute/docs/sustained-use-discounts): each quarter of the
# month a VM runs is billed at a lower share of the list rate. The share *not* billed per quarter:
# N1 (predefined and custom-*), M1, M2, f1-micro, g1-small quarters at 100/80/60/40% of list (30% off a
# full month); N2, N2D, C2 at 100/86.78/73.3/60% (19.98% off). pricing.yml's own monthly figures are
# hour x 730 x these (0.7 and 0.8002). Not for spot/preemptible VMs, nor other series (E2, N4, C3...).
SUD_30 = (0.0, 0.2, 0.4, 0.6)
SUD_20 = (0.0, 0.1322, 0.267, 0.4)
SUD_SERIES = {"n1": SUD_30, "custom": SUD_30, "m1": SUD_30, "m2": SUD_30, "f1": SUD_30, "g1": SUD_30,
              "n2": SUD_20, "n2d": SUD_20, "c2": SUD_20}


def sustained_use_discount(machine: str, count: float = 1.0) -> list[CostComponent]:
    """The negative line GCP bills for a VM of `machine` running `monthly_hrs` (all month by default),
    at the instance's own rate, graduated by quarter of the month."""
    quarters = SUD_SERIES.get(machine.split("-", 1)[0])
    if quarters is None:
        return []
    steps = tuple((q / 4, (q + 1) / 4, -share * count) for q, share in enumerate(quarters) if share)
    full = sum(quarters) / 4
    return [CostComponent(f"Sustained-use discount ({full:.2%} off a full month)", "compute:Instance", machine,
                          "per_hour", None, "monthly_hrs", 1 / 730.0, (("monthly_hrs", 730.0),), steps=steps)]


def _boot_disk(p: Props) -> list[CostComponent]:
    params = "bootDisk.initializeParams"
    dtype = (p.str(f"{params}.type") or BOOT_DISK_DEFAULT[0]).rsplit("/", 1)[-1]
    if dtype not in DISK_TYPES:
        return []
    size = p.num(f"{params}.size")
    if size is None:  # the image's size: 10 GB on the public images, counted (and said) unless usage gives it
        return [usage_based(f"Boot disk ({dtype}, {BOOT_DISK_DEFAULT[1]:.0f} GB assumed: the image sets the size; "
                            "boot_disk_gb to change)", "compute:Disk", dtype, "per_gb_month", "boot_disk_gb",
                            assumed=BOOT_DISK_DEFAULT[1])]
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
    if p.count("guestAccelerators"):
        return Unpriced("the instance attaches GPUs (guestAccelerators): per-GPU prices are not in the price book "
                        "(its GCP data prices GPUs only inside accelerator-optimized machine types: a2, a3, g2...)")
    usage = [running("Instance usage (spot/preemptible)", "compute:Instance", f"{machine}:spot")] if spot else \
        [running("Instance usage (on-demand)", "compute:Instance", machine), *sustained_use_discount(machine)]
    return Mapped(machine, [*usage, *_boot_disk(p), *_scratch_disks(p, spot)])


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
               "on-demand or spot/preemptible hours, sustained-use discount (N1, N2, N2D, C2, M1, M2, f1/g1 on "
               "demand, by monthly_hrs), boot disk (pd-standard default; size by usage when the image sets it), local "
               "SSD scratch disks; custom shapes the book names; attached GPUs unpriced (no per-GPU prices)"),
    PricedType(("gcp:compute/disk:Disk",), "compute:Disk", disk,
               keys("compute:Disk pd-standard", "compute:Disk pd-ssd"), (), "GB-month by disk type"),
    PricedType(("gcp:compute/address:Address", "gcp:compute/globalAddress:GlobalAddress"), "compute:Address", address,
               keys("compute:Address unused"), (MONTHLY_HRS,), "external static IP hours"),
    PricedType(("gcp:compute/instanceGroupManager:InstanceGroupManager",
                "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager"), "compute:InstanceGroupManager",
               instance_group, (), (), "unpriced: its VMs (target size x the template's machine type) not modelled yet"),
)
