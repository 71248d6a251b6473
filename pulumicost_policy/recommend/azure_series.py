"""Azure VMs of older series -> a current series of the same size: as many vCPUs, at least as much
memory, and a temporary (local SSD) disk when the old size has one.

What is written here is the shape of the older sizes (Azure's published vCPUs, memory class and
temporary disk per size) and which current series has that shape; which of them is cheaper, and
whether a size exists in a region at all, is the price book's answer (a candidate the book does
not price is dropped by the engine). Dv3 -> Dv5 costs the same, so a Dv3 usually gets only the
no-temporary-disk alternative (Dasv5), with that condition in its caveat.
"""
from __future__ import annotations

import re
from typing import Any, Iterator, Mapping, Optional

from ..descriptor.azure.compute import vm_size
from ..descriptor.values import is_unknown
from .proposal import Proposal, value_at

RULE, NO_TEMP_RULE = "azure-current-series", "azure-current-series-no-temp-disk"
NO_TEMP_CAVEAT = "if nothing on the VM uses its temporary disk (/mnt or D:), which the new size does not have"

# Memory per vCPU: "low" ~2 GiB, "general" ~4 GiB, "memory" ~8 GiB, "compute" ~2 GiB on a faster core.
LOW, GENERAL, MEMORY, COMPUTE = "low", "general", "memory", "compute"
# (series letters, suffix, version) -> {size number: (vCPUs, memory class)}; all these have a temporary disk
# unless listed in NO_TEMP_DISK.
_DV2 = {1: (1, GENERAL), 2: (2, GENERAL), 3: (4, GENERAL), 4: (8, GENERAL), 5: (16, GENERAL),
        11: (2, MEMORY), 12: (4, MEMORY), 13: (8, MEMORY), 14: (16, MEMORY), 15: (20, MEMORY)}
_A = {1: (1, LOW), 2: (2, LOW), 3: (4, LOW), 4: (8, LOW), 5: (2, MEMORY), 6: (4, MEMORY), 7: (8, MEMORY)}
_SAME_N = {GENERAL: "D", MEMORY: "E"}  # Dv3/Dv4, Ev3/Ev4: the number is the vCPU count
OLDER: dict[tuple[str, str, Optional[str]], Any] = {
    ("A", "", None): _A,
    ("A", "", "2"): {n: (n, LOW) for n in (1, 2, 4, 8)},
    ("A", "m", "2"): {n: (n, MEMORY) for n in (2, 4, 8)},
    **{(series, "", version): _DV2 for series in ("D", "DS") for version in (None, "2")},
    **{("F", suffix, None): COMPUTE for suffix in ("", "s")},
    **{(letter, suffix, version): klass for letter, klass in (("D", GENERAL), ("E", MEMORY))
       for suffix in ("", "s", "d", "ds", "a", "as") for version in ("3", "4")
       if version == "4" or suffix in ("", "s")},
}
NO_TEMP_DISK = {(letter, suffix, "4") for letter in ("D", "E") for suffix in ("", "s")}
# Current series by memory class: (with a temporary disk, without one), `{n}` the vCPUs.
CURRENT = {
    GENERAL: (("Standard_D{n}ds_v5", "Standard_D{n}ads_v5"), ("Standard_D{n}s_v5", "Standard_D{n}as_v5")),
    MEMORY: (("Standard_E{n}ds_v5", "Standard_E{n}ads_v5"), ("Standard_E{n}s_v5", "Standard_E{n}as_v5")),
    LOW: (("Standard_D{n}lds_v5", "Standard_F{n}s_v2"), ("Standard_D{n}ls_v5",)),
    COMPUTE: (("Standard_F{n}s_v2",), ("Standard_D{n}ls_v5",)),
}
SIZE = re.compile(r"^(?:Standard|Basic)_([A-Z]+)(\d+)([a-z]*)(?:_v(\d+))?$")

# Where each VM type keeps its size.
AZURE_SIZE_PATHS = {
    "azure:compute/linuxVirtualMachine:LinuxVirtualMachine": "size",
    "azure:compute/windowsVirtualMachine:WindowsVirtualMachine": "size",
    "azure:compute/virtualMachine:VirtualMachine": "vmSize",
    "azure-native:compute:VirtualMachine": "hardwareProfile.vmSize",
    "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet": "sku",
    "azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet": "sku",
    "azure:compute/orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet": "skuName",
    "azure-native:compute:VirtualMachineScaleSet": "sku.name",
}


def shape(size: str) -> Optional[tuple[int, str, bool]]:
    """(vCPUs, memory class, has a temporary disk) of an older size; None for a current or unknown one."""
    match = SIZE.match(vm_size(size))
    if match is None:
        return None
    series, number, suffix, version = match.group(1), int(match.group(2)), match.group(3), match.group(4)
    known = OLDER.get((series, suffix, version))
    if known is None:
        return None
    vcpus, klass = known.get(number, (None, None)) if isinstance(known, dict) else (number, known)
    if vcpus is None:
        return None
    return vcpus, klass, (series, suffix, version) not in NO_TEMP_DISK


def _series(size: str) -> str:
    """`Standard_D2ads_v5` -> `Dadsv5`."""
    match = SIZE.match(size)
    return f"{match.group(1)}{match.group(3)}v{match.group(4)}" if match and match.group(4) else size


def successors(size: str) -> Iterator[tuple[str, str]]:
    """(rule id, current size) for an older `size`: like-for-like first, then without the temporary disk."""
    found = shape(size)
    if found is None:
        return
    vcpus, klass, temp = found
    with_disk, without = CURRENT[klass]
    for template in with_disk if temp else without:
        yield RULE, template.format(n=vcpus)
    if temp:
        for template in without:
            yield NO_TEMP_RULE, template.format(n=vcpus)


def azure_vm(path: str, props: Mapping[str, Any]) -> Iterator[Proposal]:
    value = value_at(props, path)
    if not isinstance(value, str) or is_unknown(value):
        return
    for rule, new in successors(value):
        no_temp = rule == NO_TEMP_RULE
        yield Proposal(rule, f"VM size {vm_size(value)} -> {_series(new)} (current series, same vCPUs, "
                             f"as much memory or more)", ((path, new),), NO_TEMP_CAVEAT if no_temp else "",
                       second_to=RULE if no_temp else "")
