"""Azure VMs and VM scale sets (classic `azure` and `azure-native`) with their OS disk, and managed
disks. Linux and Windows (the Windows price includes the licence), pay-as-you-go and Spot. A Windows VM
with Azure Hybrid Benefit (`licenseType` Windows_Server or Windows_Client: the licence is brought) pays
the base compute rate, which is the Linux rate.

Managed disks are billed per disk tier (S/E/P sizes), not per GB: a 100 GB Premium disk pays for a
P10 (128 GiB). The tier is the smallest one that holds the requested size.
"""
from __future__ import annotations

import re

from ..model import CostComponent, Mapped, Unpriced, monthly, running, times, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

# The OS disk of a marketplace image, when the plan gives no size: 30 GB on Linux images, 127 GB on
# Windows Server ones (their "smalldisk" variants are 30 GB).
OS_DISK_IMAGE_GB = {False: 30.0, True: 127.0}

DISK_TIER_SIZES = (4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767)
DISK_TIER_NAMES = {  # tier name prefix by storage account type; size index -> number below
    "Standard_LRS": "S", "StandardSSD_LRS": "E", "Premium_LRS": "P", "StandardSSD_ZRS": "E", "Premium_ZRS": "P",
}
DISK_TIER_NUMBERS = (1, 2, 3, 4, 6, 10, 15, 20, 30, 40, 50, 60, 70, 80)


def disk_tier(account_type: str, size_gb: float) -> str | None:
    """`Premium_LRS`, 100 GB -> `P10`; None for an unknown account type or a size over 32 TiB."""
    prefix = DISK_TIER_NAMES.get(account_type)
    if prefix is None:
        return None
    for size, number in zip(DISK_TIER_SIZES, DISK_TIER_NUMBERS):
        if size_gb <= size and (prefix != "S" or number >= 4):  # Standard HDD starts at S4 (32 GiB)
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


# licenseType values of Azure Hybrid Benefit for Windows (Server, and Client for multi-session images).
HYBRID_LICENCES = ("windows_server", "windows_client")


def hybrid_benefit(p: Props, key: str = "licenseType") -> bool:
    """Azure Hybrid Benefit: the Windows licence is brought, so the VM pays the base (Linux) rate."""
    return (p.str(key) or "").lower() in HYBRID_LICENCES


def vm_line(size: str, windows: bool, spot: bool, count: float = 1.0, count_key: str | None = None,
            hybrid: bool = False) -> CostComponent:
    """The hours of `count` VMs of `size` (any case): `vm:Linux`/`vm:Windows`, SIZE or SIZE:spot; a Windows
    VM with Hybrid Benefit (`hybrid`) at the Linux rate (`hybrid` means nothing for a Linux VM)."""
    size = vm_size(size)
    os_name = ("Windows, hybrid benefit: the Linux rate" if hybrid else "Windows") if windows else "Linux"
    label = f"Virtual machine ({os_name}, {'Spot' if spot else 'pay-as-you-go'})"
    return running(label, "vm:Windows" if windows and not hybrid else "vm:Linux", f"{size}:spot" if spot else size,
                   count, count_key)


def is_spot(priority: str | None) -> bool:
    """Spot and the older Low priority (billed at the Spot rate since Low priority was retired)."""
    return (priority or "").lower() in ("spot", "low")


def _vm(size: str | None, windows: bool, os_disk: list[CostComponent], spot: bool = False,
        hybrid: bool = False) -> Mapped | Unpriced:
    if not size:
        return Unpriced("VM size not set")
    return Mapped(vm_size(size), [vm_line(size, windows, spot, hybrid=hybrid), *os_disk])


def _os_disk(account_type: str | None, size: float | None, windows: bool) -> list[CostComponent]:
    """The OS disk's tier. Without a size the image sets it: the line counts the tier of a marketplace
    image's disk (30 GB Linux, 127 GB Windows) and says so; `os_disks: 0` in the usage file drops it."""
    account_type = account_type or "Standard_LRS"
    assumed = OS_DISK_IMAGE_GB[windows]
    tier = disk_tier(account_type, size if size is not None else assumed)
    if tier is None:
        return []  # an Ultra/ZRS OS disk: left out rather than guessed
    if size is None:
        return [usage_based(f"OS disk {tier} ({assumed:.0f} GB assumed: the image sets the size; os_disks to change)",
                            "managed-disk", f"{account_type}:{tier}", "per_month", "os_disks", assumed=1.0)]
    return [monthly(f"OS disk {tier}", "managed-disk", f"{account_type}:{tier}", "per_month", 1)]


def linux_vm(p: Props) -> Mapped | Unpriced:
    return _vm(p.str("size"), False, _os_disk(p.str("osDisk.storageAccountType"), p.num("osDisk.diskSizeGb"), False),
               is_spot(p.str("priority")))


def windows_vm(p: Props) -> Mapped | Unpriced:
    return _vm(p.str("size"), True, _os_disk(p.str("osDisk.storageAccountType"), p.num("osDisk.diskSizeGb"), True),
               is_spot(p.str("priority")), hybrid_benefit(p))


def classic_vm(p: Props) -> Mapped | Unpriced:
    windows = p.has("osProfileWindowsConfig") or (p.str("storageOsDisk.osType", "") or "").lower() == "windows"
    disk = _os_disk(p.str("storageOsDisk.managedDiskType"), p.num("storageOsDisk.diskSizeGb"), windows) \
        if p.has("storageOsDisk.managedDiskType") else []
    return _vm(p.str("vmSize"), windows, disk, is_spot(p.str("priority")), hybrid_benefit(p))


def native_vm(p: Props) -> Mapped | Unpriced:
    windows = (p.has("osProfile.windowsConfiguration")
               or (p.str("storageProfile.osDisk.osType", "") or "").lower() == "windows")
    disk = _os_disk(p.str("storageProfile.osDisk.managedDisk.storageAccountType"),
                    p.num("storageProfile.osDisk.diskSizeGB"), windows)
    return _vm(p.str("hardwareProfile.vmSize"), windows, disk, is_spot(p.str("priority")), hybrid_benefit(p))


def _scale_set(size: str | None, count: float | None, windows: bool, spot: bool,
               os_disk: list[CostComponent], hybrid: bool = False) -> Mapped | Unpriced:
    """`count` instances, each with its OS disk; the usage file's `instances` overrides the count."""
    if not size:
        return Unpriced("VM size not set (sku)")
    count = 1.0 if count is None else count
    return Mapped(vm_size(size), [times(c, count) for c in (vm_line(size, windows, spot, hybrid=hybrid), *os_disk)])


def linux_scale_set(p: Props) -> Mapped | Unpriced:
    return _scale_set(p.str("sku"), p.num("instances"), False, is_spot(p.str("priority")),
                      _os_disk(p.str("osDisk.storageAccountType"), p.num("osDisk.diskSizeGb"), False))


def windows_scale_set(p: Props) -> Mapped | Unpriced:
    return _scale_set(p.str("sku"), p.num("instances"), True, is_spot(p.str("priority")),
                      _os_disk(p.str("osDisk.storageAccountType"), p.num("osDisk.diskSizeGb"), True), hybrid_benefit(p))


def orchestrated_scale_set(p: Props) -> Mapped | Unpriced:
    windows = p.has("osProfile.windowsConfiguration")
    return _scale_set(p.str("skuName"), p.num("instances"), windows, is_spot(p.str("priority")),
                      _os_disk(p.str("osDisk.storageAccountType"), p.num("osDisk.diskSizeGb"), windows),
                      hybrid_benefit(p))


def native_scale_set(p: Props) -> Mapped | Unpriced:
    profile = "virtualMachineProfile."
    windows = (p.has(profile + "osProfile.windowsConfiguration")
               or (p.str(profile + "storageProfile.osDisk.osType", "") or "").lower() == "windows")
    disk = _os_disk(p.str(profile + "storageProfile.osDisk.managedDisk.storageAccountType"),
                    p.num(profile + "storageProfile.osDisk.diskSizeGB"), windows)
    return _scale_set(p.str("sku.name"), p.num("sku.capacity"), windows, is_spot(p.str(profile + "priority")), disk,
                      hybrid_benefit(p, profile + "licenseType"))


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


VM_KEYS = keys("vm:Linux Standard_B1s", "vm:Windows Standard_B1s", "vm:Linux Standard_D2s_v3:spot",
               "managed-disk Standard_LRS:S4", example=("vm:Linux Standard_B1s",))
DISK_KEYS = keys("managed-disk Standard_LRS:S4", "managed-disk Premium_LRS:P10", "managed-disk StandardSSD_LRS:E6",
                 "managed-disk Premium_ZRS:P10")
OS_DISKS = UsageKey("os_disks", "count", "OS disks counted when the image sets the size (default 1, at the tier "
                    "of a 30 GB Linux or 127 GB Windows image disk); 0 for none")
INSTANCES = UsageKey("instances", "instances", "instances in the scale set; default: its planned count")
VM_NOTE = ("Linux or Windows hours, pay-as-you-go or Spot (size in any case), OS disk tier (a 30 GB Linux / 127 GB "
           "Windows image disk when unset)")

TYPES = (
    *(PricedType((token,), "compute:VirtualMachine", mapper, VM_KEYS, (MONTHLY_HRS, OS_DISKS), VM_NOTE)
      for token, mapper in (("azure:compute/linuxVirtualMachine:LinuxVirtualMachine", linux_vm),
                            ("azure:compute/windowsVirtualMachine:WindowsVirtualMachine", windows_vm),
                            ("azure:compute/virtualMachine:VirtualMachine", classic_vm),
                            ("azure-native:compute:VirtualMachine", native_vm))),
    *(PricedType((token,), "compute:VirtualMachineScaleSet", mapper, VM_KEYS, (MONTHLY_HRS, INSTANCES, OS_DISKS),
                 "instances x " + VM_NOTE)
      for token, mapper in (("azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", linux_scale_set),
                            ("azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet",
                             windows_scale_set),
                            ("azure:compute/orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet",
                             orchestrated_scale_set),
                            ("azure-native:compute:VirtualMachineScaleSet", native_scale_set))),
    PricedType(("azure:compute/managedDisk:ManagedDisk",), "compute:ManagedDisk", classic_disk, DISK_KEYS, (),
               "disk tier (S/E/P, LRS or ZRS) month"),
    PricedType(("azure-native:compute:Disk",), "compute:ManagedDisk", native_disk, DISK_KEYS, (),
               "disk tier (S/E/P, LRS or ZRS) month"),
)
