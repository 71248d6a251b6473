"""The rules: for one resource, the property changes that give an equivalent that may cost less.

A rule proposes; it never prices. The engine re-prices each proposal through the same descriptor
and price source as the resource itself and keeps only what is cheaper in the same region, so no
price is written here. What is written here is knowledge of equivalence: which volume types serve
the same workload, which instance families succeed which (the order of generations, not their
prices), which families are the Arm (Graviton) counterparts.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Optional

from ..descriptor.values import is_unknown
from .azure_series import AZURE_SIZE_PATHS, azure_vm
from .proposal import Proposal, value_at


# Generations of one instance line, oldest first (same vendor's CPUs, same memory per vCPU).
EC2_GENERATIONS: tuple[tuple[str, ...], ...] = (
    ("m1", "m3", "m4", "m5", "m6i", "m7i"), ("m5a", "m6a", "m7a"),
    ("c1", "c3", "c4", "c5", "c6i", "c7i"), ("c5a", "c6a", "c7a"),
    ("r3", "r4", "r5", "r6i", "r7i"), ("r5a", "r6a", "r7a"),
    ("t1", "t2", "t3"), ("i2", "i3", "i4i"), ("d2", "d3"), ("g3", "g4dn"), ("p2", "p3"), ("x1", "x2idn"),
)
# x86 families -> their Graviton (arm64) counterparts, newest last.
GRAVITON: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("m4", "m5", "m5a", "m6i", "m6a", "m7i", "m7a"), ("m6g", "m7g")),
    **dict.fromkeys(("c4", "c5", "c5a", "c6i", "c6a", "c7i", "c7a"), ("c6g", "c7g")),
    **dict.fromkeys(("r4", "r5", "r5a", "r6i", "r6a", "r7i", "r7a"), ("r6g", "r7g")),
    **dict.fromkeys(("t2", "t3", "t3a"), ("t4g",)),
}
# GCE: first-generation N1 -> the same shape (standard/highmem/highcpu-N) in these series.
GCE_SUCCESSORS = {"n1": ("e2", "n2d")}
ARM_CAVEAT = "if your AMI/image is arm64 (Graviton runs Arm builds only)"


def later_families(family: str) -> tuple[str, ...]:
    """The families after `family` in its line of generations (none: current or unknown)."""
    for line in EC2_GENERATIONS:
        if family in line:
            return line[line.index(family) + 1:]
    return ()


def _split(sku: str, prefix: str = "") -> Optional[tuple[str, str]]:
    """`db.m4.large` (prefix `db.`) -> (`m4`, `large`)."""
    if not sku.startswith(prefix) or sku.count(".") != prefix.count(".") + 1:
        return None
    family, size = sku[len(prefix):].split(".")
    return family, size


def _families(path: str, sku: Any, prefix: str, what: str, arm_caveat: str) -> Iterator[Proposal]:
    """Current-generation and Graviton proposals for an instance type or class at `path`."""
    if not isinstance(sku, str) or is_unknown(sku):
        return
    split = _split(sku, prefix)
    if split is None:
        return
    family, size = split
    for newer in later_families(family):
        yield Proposal("current-generation", f"{what} {family} -> {newer} (current generation, same size)",
                       ((path, f"{prefix}{newer}.{size}"),))
    for arm in GRAVITON.get(family, ()):
        yield Proposal("graviton", f"{what} {family} -> {arm} (Graviton, same size)",
                       ((path, f"{prefix}{arm}.{size}"),), arm_caveat)


def _ebs(path: str, vtype: Any, iops: Any, label: str) -> Iterator[Proposal]:
    if vtype == "gp2":
        yield Proposal("ebs-gp2-to-gp3", f"{label} gp2 -> gp3 (same size, 3,000 IOPS and 125 MB/s included)",
                       ((path, "gp3"),))
    elif vtype == "io1":
        yield Proposal("ebs-io1-to-io2", f"{label} io1 -> io2 (same size and IOPS)", ((path, "io2"),))
        if isinstance(iops, (int, float)) and not isinstance(iops, bool) and iops <= 16000:
            yield Proposal("ebs-io1-to-gp3", f"{label} io1 -> gp3 (same size; gp3 provisions up to 16,000 IOPS)",
                           ((path, "gp3"),))


def ec2_instance(props: Mapping[str, Any]) -> Iterator[Proposal]:
    yield from _families("instanceType", props.get("instanceType"), "", "instance", ARM_CAVEAT)
    root = props.get("rootBlockDevice")
    if isinstance(root, Mapping) and root.get("volumeSize") is not None:
        yield from _ebs("rootBlockDevice.volumeType", root.get("volumeType", "gp2"), root.get("iops"), "root volume")


def ebs_volume(props: Mapping[str, Any]) -> Iterator[Proposal]:
    yield from _ebs("type", props.get("type", "gp2"), props.get("iops"), "EBS volume")


def rds_instance(props: Mapping[str, Any]) -> Iterator[Proposal]:
    yield from _families("instanceClass", props.get("instanceClass"), "db.", "instance class",
                         "if your engine version runs on Graviton")
    stype = props.get("storageType") or ("io1" if props.get("iops") else "gp2")
    if stype == "gp2" and props.get("allocatedStorage"):
        yield Proposal("rds-gp2-to-gp3", "RDS storage gp2 -> gp3 (same size)", (("storageType", "gp3"),))


def gce_instance(props: Mapping[str, Any]) -> Iterator[Proposal]:
    machine = props.get("machineType")
    if not isinstance(machine, str) or is_unknown(machine):
        return
    name = machine.rsplit("/", 1)[-1]
    series, _, shape = name.partition("-")
    for newer in GCE_SUCCESSORS.get(series, ()):
        yield Proposal(f"gce-{series}-to-{newer}", f"machine {series.upper()} -> {newer.upper()} (same shape)",
                       (("machineType", f"{newer}-{shape}"),))


RULES: dict[str, Callable[[Mapping[str, Any]], Iterator[Proposal]]] = {
    "aws:ec2/instance:Instance": ec2_instance,
    "aws:ebs/volume:Volume": ebs_volume,
    "aws:rds/instance:Instance": rds_instance,
    "gcp:compute/instance:Instance": gce_instance,
    **{token: (lambda props, path=path: azure_vm(path, props)) for token, path in AZURE_SIZE_PATHS.items()},
}
RULE_IDS = ("current-generation", "graviton", "ebs-gp2-to-gp3", "ebs-io1-to-io2", "ebs-io1-to-gp3", "rds-gp2-to-gp3",
            "gce-n1-to-e2", "gce-n1-to-n2d", "s3-intelligent-tiering", "single-nat-gateway", "azure-current-series",
            "azure-current-series-no-temp-disk")


def proposals(type_token: str, props: Mapping[str, Any]) -> list[Proposal]:
    rule = RULES.get(type_token)
    return list(rule(props)) if rule is not None and isinstance(props, Mapping) else []


def current(props: Mapping[str, Any], path: str) -> Any:
    """The value a change replaces (`volumeType` unset on a root device is gp2)."""
    return value_at(props, path)
