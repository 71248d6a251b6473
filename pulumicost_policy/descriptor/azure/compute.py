"""Azure VMs (classic `azure` and `azure-native`) with their OS disk, and managed disks.

Managed disks are billed per disk tier (S/E/P sizes), not per GB: a 100 GB Premium disk pays for a
P10 (128 GiB). The tier is the smallest one that holds the requested size.
"""
from __future__ import annotations

import re

from ..model import CostComponent, Mapped, Unpriced, monthly, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

OS_DISK_DEFAULT_GB = 30.0  # Azure Linux marketplace images' OS disk size, when none is given

DISK_TIER_SIZES = (4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767)
DISK_TIER_NAMES = {  # tier name prefix by storage account type; size index -> number below
    "Standard_LRS": "S", "StandardSSD_LRS": "E", "Premium_LRS": "P",
}
DISK_TIER_NUMBERS = (1, 2, 3, 4, 6, 10, 15, 20, 30, 40, 50, 60, 70, 80)


def disk_tier(account_type: str, size_gb: float) -> str | None:
    """`Premium_LRS`, 100 GB -> `P10`; None for an unknown account type or a size over 32 TiB."""
    prefix = DISK_TIER_NAMES.get(account_type)
    if prefix is None:
        return None
    for size, number in zip(DISK_TIER_SIZES, DISK_TIER_NUMBERS):
        if size_gb <= size:
            return f"{prefix}{number}"
    return None


def vm_size(size: str) -> str:
    """`standard_b1s` -> `Standard_B1s`: Azure accepts any case, the price book keys the canonical one
    (tier capitalised, series letters upper, size suffix letters and version lower)."""
    tier, _, rest = size.partition("_")
    parts = rest.split("_")
    head = re.sub(r"^([A-Za-z]+)(\d*)(.*)$", lambda m: m.group(1).upper() + m.group(2) + m.group(3).lower(), parts[0])
    tail = [part.lower() if re.fullmatch(r"[vV]\d+", part) else part.upper() for part in parts[1:]]
    return "_".join([tier.capitalize(), head, *tail]) if rest else size


def _vm(size: str | None, windows: bool, os_disk: list[CostComponent]) -> Mapped | Unpriced:
    if not size:
        return Unpriced("VM size not set")
    if windows:
        return Unpriced("only Linux VMs are in the price book (this VM runs Windows)")
    size = vm_size(size)
    return Mapped(size, [running("Virtual machine (Linux, pay-as-you-go)", "vm:Linux", size), *os_disk])


def _os_disk(account_type: str | None, size: float | None) -> list[CostComponent]:
    """The OS disk's tier. Without a size the image sets it (30 GB on most Linux images): that
    tier's line is shown at its unit price and counted once the usage file gives `os_disks: 1`."""
    account_type = account_type or "Standard_LRS"
    tier = disk_tier(account_type, size if size is not None else OS_DISK_DEFAULT_GB)
    if tier is None:
        return []  # an Ultra/ZRS OS disk: left out rather than guessed
    if size is None:
        return [usage_based(f"OS disk {tier} (size from the image, {OS_DISK_DEFAULT_GB:.0f} GB on most; set os_disks)",
                            "managed-disk", f"{account_type}:{tier}", "per_month", "os_disks")]
    return [monthly(f"OS disk {tier}", "managed-disk", f"{account_type}:{tier}", "per_month", 1)]


def linux_vm(p: Props) -> Mapped | Unpriced:
    return _vm(p.str("size"), False, _os_disk(p.str("osDisk.storageAccountType"), p.num("osDisk.diskSizeGb")))


def classic_vm(p: Props) -> Mapped | Unpriced:
    windows = p.has("osProfileWindowsConfig") or (p.str("storageOsDisk.osType", "") or "").lower() == "windows"
    disk = _os_disk(p.str("storageOsDisk.managedDiskType"), p.num("storageOsDisk.diskSizeGb")) \
        if p.has("storageOsDisk.managedDiskType") else []
    return _vm(p.str("vmSize"), windows, disk)


def native_vm(p: Props) -> Mapped | Unpriced:
    windows = (p.has("osProfile.windowsConfiguration")
               or (p.str("storageProfile.osDisk.osType", "") or "").lower() == "windows")
    disk = _os_disk(p.str("storageProfile.osDisk.managedDisk.storageAccountType"),
                    p.num("storageProfile.osDisk.diskSizeGB"))
    return _vm(p.str("hardwareProfile.vmSize"), windows, disk)


def _disk(account_type: str | None, size: float | None) -> Mapped | Unpriced:
    account_type = account_type or "Standard_LRS"
    if size is None:
        return Unpriced("disk size not set (a disk copied from an image or snapshot takes its size)")
    tier = disk_tier(account_type, size)
    if tier is None:
        return Unpriced("disk account type or size is outside the tiers in the price book")
    return Mapped(f"{account_type}:{tier}", [monthly(f"Managed disk {tier}", "managed-disk", f"{account_type}:{tier}",
                                                     "per_month", 1)])


def classic_disk(p: Props) -> Mapped | Unpriced:
    return _disk(p.str("storageAccountType"), p.num("diskSizeGb"))


def native_disk(p: Props) -> Mapped | Unpriced:
    return _disk(p.str("sku.name"), p.num("diskSizeGB"))


VM_KEYS = keys("vm:Linux Standard_B1s", "managed-disk Standard_LRS:S4", example=("vm:Linux Standard_B1s",))
DISK_KEYS = keys("managed-disk Standard_LRS:S4", "managed-disk Premium_LRS:P10", "managed-disk StandardSSD_LRS:E6")

TYPES = (
    *(PricedType((token,), "compute:VirtualMachine", mapper, VM_KEYS,
                 (MONTHLY_HRS, UsageKey("os_disks", "count", "1 to count an OS disk whose size the image sets "
                                                             "(priced at the 30 GB tier)")),
                 "Linux pay-as-you-go hours (size in any case), OS disk tier (by usage when the image sets it)")
      for token, mapper in (("azure:compute/linuxVirtualMachine:LinuxVirtualMachine", linux_vm),
                            ("azure:compute/virtualMachine:VirtualMachine", classic_vm),
                            ("azure-native:compute:VirtualMachine", native_vm))),
    PricedType(("azure:compute/managedDisk:ManagedDisk",), "compute:ManagedDisk", classic_disk, DISK_KEYS, (),
               "disk tier (S/E/P) month"),
    PricedType(("azure-native:compute:Disk",), "compute:ManagedDisk", native_disk, DISK_KEYS, (),
               "disk tier (S/E/P) month"),
)
