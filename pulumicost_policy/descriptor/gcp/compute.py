"""Compute Engine: instances (with their boot disk and local SSDs), persistent disks, static
addresses, managed instance groups.
"""
from __future__ import annotations

from typing import Any

from ..model import CostComponent, Free, Mapped, Unpriced, monthly, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..resolve import GCE_GROUPS, RESOLVED_INSTANCE_TEMPLATE
from ..values import Props

DISK_TYPES = ("pd-standard", "pd-balanced", "pd-ssd", "pd-extreme")
BOOT_DISK_DEFAULT = ("pd-standard", 10.0)  # GCE's boot disk type when none is given; most images' size
LOCAL_SSD_GB = 375.0  # a local SSD partition's size
BOOT_DISK_GB = UsageKey("boot_disk_gb", "GB", "boot disk size when the plan leaves it to the image (10 GB assumed)")


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


def _each(count: float) -> str:
    """The label suffix of a line for `count` VMs (none for one)."""
    return f" x {count:g}" if count != 1 else ""


def _boot_disk(p: Props, count: float) -> list[CostComponent]:
    params = "bootDisk.initializeParams"
    dtype = (p.str(f"{params}.type") or BOOT_DISK_DEFAULT[0]).rsplit("/", 1)[-1]
    if dtype not in DISK_TYPES:
        return []
    size = p.num(f"{params}.size")
    each = _each(count)
    if size is None:  # the image's size: 10 GB on the public images, counted (and said) unless usage gives it
        return [usage_based(f"Boot disk ({dtype}, {BOOT_DISK_DEFAULT[1]:.0f} GB assumed: the image sets the size; "
                            f"boot_disk_gb to change){each}", "compute:Disk", dtype, "per_gb_month", "boot_disk_gb",
                            count, assumed=BOOT_DISK_DEFAULT[1])]
    return [monthly(f"Boot disk ({dtype}){each}", "compute:Disk", dtype, "per_gb_month", size * count)]


def _scratch_disks(p: Props, spot: bool, count: float) -> list[CostComponent]:
    """Local SSD scratch disks (375 GB each unless sized), billed per GB-month (spot rate on a spot VM)."""
    disks = p.count("scratchDisks")
    total = sum(p.num(f"scratchDisks[{i}].size", LOCAL_SSD_GB) or LOCAL_SSD_GB for i in range(disks))
    sku = "local-ssd:spot" if spot else "local-ssd"
    each = _each(count)
    return [monthly(f"Local SSD ({disks} scratch disks){each}", "compute:Disk", sku, "per_gb_month", total * count)] \
        if disks else []


def _vms(p: Props, count: float) -> Mapped | Unpriced:
    """`count` VMs of the instance-shaped properties `p`: hours (spot, or on demand with the sustained-use
    discount), boot disk and local SSDs."""
    machine = p.str("machineType")
    if not machine:
        return Unpriced("machineType not set")
    machine = machine.rsplit("/", 1)[-1]  # accept a machine-type URL
    spot = p.bool("scheduling.preemptible") or (p.str("scheduling.provisioningModel") or "").upper() == "SPOT"
    if p.count("guestAccelerators"):
        return Unpriced("the instance attaches GPUs (guestAccelerators): per-GPU prices are not in the price book "
                        "(its GCP data prices GPUs only inside accelerator-optimized machine types: a2, a3, g2...)")
    each = _each(count)
    usage = [running(f"Instance usage (spot/preemptible){each}", "compute:Instance", f"{machine}:spot", count)] \
        if spot else [running(f"Instance usage (on-demand){each}", "compute:Instance", machine, count),
                      *sustained_use_discount(machine, count)]
    return Mapped(machine, [*usage, *_boot_disk(p, count), *_scratch_disks(p, spot, count)])


def instance(p: Props) -> Mapped | Unpriced:
    return _vms(p, 1.0)


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


def _template_as_instance(t: Props) -> tuple[dict[str, Any], list[Props]]:
    """An instance template's properties in an instance's shape (boot disk, scratch disks), and its other
    persistent disks: a template lists every disk in `disks`, the boot one marked `boot`. Read through
    `Props`, so an unknown or mistyped value is a reason, never a disk left out."""
    disks = [Props(t.value(f"disks[{i}]")) for i in range(t.count("disks"))]
    boot = next((d for d in disks if d.bool("boot")), disks[0] if disks else None)
    scratch = [d for d in disks if d is not boot and ((d.str("type") or "").upper() == "SCRATCH"
                                                      or d.str("diskType") == "local-ssd")]
    others = [d for d in disks if d is not boot and d not in scratch]
    shaped = {key: t.value(key) for key in ("machineType", "scheduling", "guestAccelerators") if t.has(key)}
    if boot is not None:
        params = {"type": boot.str("diskType"), "size": boot.num("diskSizeGb")}
        shaped["bootDisk"] = {"initializeParams": {k: v for k, v in params.items() if v is not None}}
    shaped["scratchDisks"] = [{"size": size} if (size := d.num("diskSizeGb")) else {} for d in scratch]
    return shaped, others


def instance_group(p: Props) -> Mapped | Unpriced:
    """A managed instance group is `targetSize` VMs of its instance template (resolved in the stack view),
    each priced as a GCE instance with the template's disks."""
    if not p.has(RESOLVED_INSTANCE_TEMPLATE):
        return Unpriced("a managed instance group is billed as its VMs (targetSize x its instance template): the "
                        "template is not in this stack view")
    count = p.num("targetSize")
    if count is None:
        return Unpriced("targetSize not set: an autoscaler sizes the group, and its replicas are not resolved")
    shaped, others = _template_as_instance(Props(p.value(RESOLVED_INSTANCE_TEMPLATE)))
    vms = _vms(Props(shaped), count)
    if isinstance(vms, Unpriced):
        return Unpriced(f"its instance template: {vms.reason}")
    extra = []
    for disk in others:
        dtype, size = disk.str("diskType") or BOOT_DISK_DEFAULT[0], disk.num("diskSizeGb")
        if dtype not in DISK_TYPES or size is None:
            return Unpriced("its instance template has a disk without a persistent disk type and a diskSizeGb")
        extra.append(monthly(f"Persistent disk ({dtype}){_each(count)}", "compute:Disk", dtype, "per_gb_month",
                             size * count))
    return Mapped(vms.sku, [*vms.components, *extra])


TYPES = (
    PricedType(("gcp:compute/instance:Instance",), "compute:Instance", instance,
               keys("compute:Instance e2-medium", "compute:Instance e2-medium:spot", "compute:Disk pd-standard",
                    "compute:Disk local-ssd", "compute:Disk local-ssd:spot", example=("compute:Instance e2-medium", "compute:Instance e2-medium:spot")),
               (MONTHLY_HRS, BOOT_DISK_GB),
               "on-demand or spot/preemptible hours, sustained-use discount (N1, N2, N2D, C2, M1, M2, f1/g1 on "
               "demand, by monthly_hrs), boot disk (pd-standard default; 10 GB assumed when the image sets it), local "
               "SSD scratch disks; custom shapes the book names; attached GPUs unpriced (no per-GPU prices)"),
    PricedType(("gcp:compute/disk:Disk",), "compute:Disk", disk,
               keys("compute:Disk pd-standard", "compute:Disk pd-ssd"), (), "GB-month by disk type"),
    PricedType(("gcp:compute/address:Address", "gcp:compute/globalAddress:GlobalAddress"), "compute:Address", address,
               keys("compute:Address unused"), (MONTHLY_HRS,), "external static IP hours"),
    PricedType(GCE_GROUPS, "compute:InstanceGroupManager", instance_group,
               keys("compute:Instance e2-medium", "compute:Disk pd-standard"), (MONTHLY_HRS, BOOT_DISK_GB),
               "targetSize VMs of its instance template (resolved in the stack): hours, sustained-use discount, "
               "boot and other disks, local SSDs; GPUs unpriced"),
)
