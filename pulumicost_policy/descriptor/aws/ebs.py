"""EBS volumes and snapshots, and the EBS lines every family with block devices shares (EC2
instances, Auto Scaling groups, EKS node groups).

Defaults follow the AWS provider's own (gp2) so that a plan which leaves them out is priced as it
will be deployed.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import CostComponent, Mapped, Unpriced, monthly, usage_based
from ..registry import PricedType, STORAGE_GB, keys
from ..values import Props, PropertyProblem, UnknownProperty
from .common import STANDARD_IO, STANDARD_IO_KEY

EBS_TYPES = ("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard")
GP3_BASELINE_IOPS = 3000.0
GP3_BASELINE_MBPS = 125.0
AMI_ROOT_GB = 8.0          # the size of the Amazon Linux / Ubuntu AMI root snapshot (named in the label)
# io2 provisioned IOPS price tiers: (sku, IOPS below the tier, last IOPS of it, label when split).
IO2_IOPS_TIERS = (("io2-iops", 0.0, 32000.0, "first 32,000"), ("io2-iops-tier2", 32000.0, 64000.0, "32,001-64,000"),
                  ("io2-iops-tier3", 64000.0, float("inf"), "above 64,000"))


def ebs_components(label: str, volume_type: str, size_gb: float, iops: float | None,
                   throughput: float | None) -> list[CostComponent]:
    """Storage plus provisioned performance, shared by volumes and instance block devices."""
    if volume_type not in EBS_TYPES:
        raise PropertyProblem(f"{label} type is not an EBS volume type ({', '.join(EBS_TYPES)})")
    comps = [monthly(f"{label} storage ({volume_type})", "ebs:Volume", volume_type, "per_gb_month", size_gb)]
    if volume_type == "gp3":
        if iops and iops > GP3_BASELINE_IOPS:
            comps.append(monthly(f"{label} IOPS above {GP3_BASELINE_IOPS:.0f}", "ebs:Volume", "gp3-iops",
                                 "per_iops_month", iops - GP3_BASELINE_IOPS))
        if throughput and throughput > GP3_BASELINE_MBPS:
            comps.append(monthly(f"{label} throughput above {GP3_BASELINE_MBPS:.0f} MBps", "ebs:Volume",
                                 "gp3-throughput", "per_mbps_month", throughput - GP3_BASELINE_MBPS))
    elif volume_type == "io2" and iops:
        split = iops > IO2_IOPS_TIERS[0][2]
        comps += [monthly(f"{label} provisioned IOPS" + (f" ({name})" if split else ""), "ebs:Volume", sku,
                          "per_iops_month", min(iops, high) - low)
                  for sku, low, high, name in IO2_IOPS_TIERS if iops > low]
    elif volume_type == "io1" and iops:
        comps.append(monthly(f"{label} provisioned IOPS", "ebs:Volume", "io1-iops", "per_iops_month", iops))
    elif volume_type == "standard":  # magnetic volumes also bill each I/O request
        comps.append(usage_based(f"{label} I/O requests", "ebs:Volume", "standard-io", "per_1m_requests",
                                 STANDARD_IO_KEY, 1e-6))
    return comps


def block_device(p: Props, path: str, label: str, size_key: str | None = None) -> list[CostComponent]:
    """A block device's lines. Without a size, the size is the AMI's (typically 8 GB): with
    `size_key`, the line is shown at its unit price and counted once the usage file gives the size
    (an assumed size would change every instance's figure without the plan saying so)."""
    size = p.num(f"{path}.volumeSize")
    vtype = p.str(f"{path}.volumeType", "gp2") or "gp2"
    if size is None:
        if size_key is None:
            return []
        if vtype not in EBS_TYPES:
            raise PropertyProblem(f"{label} type is not an EBS volume type ({', '.join(EBS_TYPES)})")
        return [usage_based(f"{label} storage ({vtype}, size from the AMI, {AMI_ROOT_GB:.0f} GB on most; "
                            f"set {size_key})", "ebs:Volume", vtype, "per_gb_month", size_key)]
    return ebs_components(label, vtype, size, p.num(f"{path}.iops"), p.num(f"{path}.throughput"))


def ebs_volume(p: Props) -> Mapped | Unpriced:
    vtype = p.str("type", "gp2") or "gp2"
    size = p.num("size")
    if size is None:
        return Unpriced("size not set (a volume sized by its snapshot is not known from the plan)")
    iops, throughput = p.num("iops"), p.num("throughput")
    return Mapped(vtype, ebs_components("volume", vtype, size, iops, throughput))


def ebs_snapshot(p: Props) -> Mapped:
    """Snapshot storage per GB-month. A snapshot stores the volume's used blocks (later ones only the
    changes): the volume's size, when the state knows it, is the figure unless `storage_gb` says less."""
    try:
        size = p.num("volumeSize")
    except UnknownProperty:  # during preview the size is an output: the usage file can still give it
        size = None
    comp = usage_based("Snapshot storage", "ebs:Snapshot", "standard", "per_gb_month", "storage_gb")
    if size is not None:
        comp = replace(comp, label=f"Snapshot storage (up to the volume's {size:g} GB; storage_gb to refine)",
                       usage_defaults=(("storage_gb", size),))
    return Mapped("standard", [comp])


TYPES = (
    PricedType(("aws:ebs/volume:Volume",), "ebs:Volume", ebs_volume,
               keys("ebs:Volume gp2", "ebs:Volume gp3", "ebs:Volume gp3-iops", "ebs:Volume gp3-throughput",
                    "ebs:Volume io1", "ebs:Volume io1-iops", "ebs:Volume io2", "ebs:Volume io2-iops",
                    "ebs:Volume io2-iops-tier2", "ebs:Volume io2-iops-tier3", "ebs:Volume standard",
                    "ebs:Volume standard-io"),
               (STANDARD_IO,), "storage, provisioned IOPS (io2 in its three tiers) and throughput, magnetic I/O "
               "requests (by usage)"),
    PricedType(("aws:ebs/snapshot:Snapshot", "aws:ebs/snapshotCopy:SnapshotCopy"), "ebs:Snapshot", ebs_snapshot,
               keys("ebs:Snapshot standard"), (STORAGE_GB,),
               "storage per GB-month (the volume's size when the state has it, else by usage)"),
)
