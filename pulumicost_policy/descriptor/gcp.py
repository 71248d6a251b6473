"""GCP Compute Engine instances and persistent disks."""
from __future__ import annotations

from .model import Mapped, Unpriced, hourly, monthly
from .values import Props

DISK_TYPES = ("pd-standard", "pd-balanced", "pd-ssd", "pd-extreme")


def instance(p: Props) -> Mapped | Unpriced:
    machine = p.str("machineType")
    if not machine:
        return Unpriced("machineType not set")
    machine = machine.rsplit("/", 1)[-1]  # accept a machine-type URL
    return Mapped(machine, [hourly("Instance usage (on-demand)", "compute:Instance", machine)])


def disk(p: Props) -> Mapped | Unpriced:
    dtype = (p.str("type", "pd-standard") or "pd-standard").rsplit("/", 1)[-1]
    if dtype not in DISK_TYPES:
        return Unpriced("disk type is not a persistent disk type")
    size = p.num("size")
    if size is None:
        return Unpriced("size not set (a disk made from an image takes the image's size)")
    return Mapped(dtype, [monthly(f"Persistent disk ({dtype})", "compute:Disk", dtype, "per_gb_month", size)],
                  {"storage_gb": size})


MAPPERS = {
    "gcp:compute/instance:Instance": ("compute:Instance", instance),
    "gcp:compute/disk:Disk": ("compute:Disk", disk),
}
