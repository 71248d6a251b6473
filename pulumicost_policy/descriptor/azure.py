"""Azure (classic `azure` and `azure-native`) Linux VMs and managed disks.

Managed disks are billed per disk tier (S/E/P sizes), not per GB: a 100 GB Premium disk pays for a
P10 (128 GiB). The tier is the smallest one that holds the requested size.
"""
from __future__ import annotations

from .model import Mapped, Unpriced, hourly, monthly
from .values import Props

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


def _vm(size: str | None, windows: bool) -> Mapped | Unpriced:
    if not size:
        return Unpriced("VM size not set")
    if windows:
        return Unpriced("only Linux VMs are in the price book (this VM runs Windows)")
    return Mapped(size, [hourly("Virtual machine (Linux, pay-as-you-go)", "vm:Linux", size)])


def linux_vm(p: Props) -> Mapped | Unpriced:
    return _vm(p.str("size"), windows=False)


def classic_vm(p: Props) -> Mapped | Unpriced:
    windows = p.has("osProfileWindowsConfig") or (p.str("storageOsDisk.osType", "") or "").lower() == "windows"
    return _vm(p.str("vmSize"), windows)


def native_vm(p: Props) -> Mapped | Unpriced:
    windows = (p.has("osProfile.windowsConfiguration")
               or (p.str("storageProfile.osDisk.osType", "") or "").lower() == "windows")
    return _vm(p.str("hardwareProfile.vmSize"), windows)


def _disk(account_type: str | None, size: float | None) -> Mapped | Unpriced:
    account_type = account_type or "Standard_LRS"
    if size is None:
        return Unpriced("disk size not set (a disk copied from an image or snapshot takes its size)")
    tier = disk_tier(account_type, size)
    if tier is None:
        return Unpriced("disk account type or size is outside the tiers in the price book")
    return Mapped(f"{account_type}:{tier}", [monthly(f"Managed disk {tier}", "managed-disk", f"{account_type}:{tier}",
                                                     "per_month", 1)], {"storage_gb": size})


def classic_disk(p: Props) -> Mapped | Unpriced:
    return _disk(p.str("storageAccountType"), p.num("diskSizeGb"))


def native_disk(p: Props) -> Mapped | Unpriced:
    return _disk(p.str("sku.name"), p.num("diskSizeGB"))


MAPPERS = {
    "azure:compute/linuxVirtualMachine:LinuxVirtualMachine": ("compute:VirtualMachine", linux_vm),
    "azure:compute/virtualMachine:VirtualMachine": ("compute:VirtualMachine", classic_vm),
    "azure-native:compute:VirtualMachine": ("compute:VirtualMachine", native_vm),
    "azure:compute/managedDisk:ManagedDisk": ("compute:ManagedDisk", classic_disk),
    "azure-native:compute:Disk": ("compute:ManagedDisk", native_disk),
}
