"""EKS clusters, managed node groups (EC2 instances with their disks) and Fargate profiles."""
from __future__ import annotations

import datetime as dt

from ..asof import estimate_date
from ..model import CostComponent, Mapped, Unpriced, running, times, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props
from .ebs import block_device
from .ec2 import CPU_CREDIT_USAGE, SPOT_UNPRICED, cpu_credits

EKS_NODE_DISK_GB = 20.0    # EKS managed node group default diskSize
# End of standard support of each Kubernetes minor version on EKS, from AWS's published release calendar
# (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html): 14 months after the EKS release,
# then 12 months of extended support billed on top of the standard rate. A version past extended support
# is auto-upgraded to the oldest version still in it, so it stays billed at the extended rate.
EKS_STANDARD_SUPPORT_END = {
    "1.23": dt.date(2023, 10, 11), "1.24": dt.date(2024, 1, 31), "1.25": dt.date(2024, 5, 1),
    "1.26": dt.date(2024, 6, 11), "1.27": dt.date(2024, 7, 24), "1.28": dt.date(2024, 11, 26),
    "1.29": dt.date(2025, 3, 23), "1.30": dt.date(2025, 7, 23), "1.31": dt.date(2025, 11, 26),
    "1.32": dt.date(2026, 3, 23), "1.33": dt.date(2026, 7, 29), "1.34": dt.date(2026, 12, 2),
    "1.35": dt.date(2027, 3, 27),
}
OLDEST_LISTED = (1, 23)


def eks_node_group(p: Props) -> Mapped | Unpriced:
    ami = (p.str("amiType", "AL2_x86_64") or "AL2_x86_64").upper()
    if ami.startswith("WINDOWS"):
        return Unpriced("Windows nodes (amiType WINDOWS_*): only Linux EC2 prices are in the price book")
    if (p.str("capacityType") or "").upper() == "SPOT" or p.bool("launchTemplate.spot"):
        return Unpriced(f"the node group {SPOT_UNPRICED}")
    itype = p.str("instanceTypes[0]") or p.str("launchTemplate.instanceType")
    if not itype:
        if p.has("launchTemplate"):
            return Unpriced("instance type comes from the node group's launch template, not found in this stack "
                            "view (resolved when the whole stack is priced: offline run, stack summary)")
        itype = "t3.medium"  # the EKS default instance type
    count = p.num("scalingConfig.desiredSize")
    if count is None:
        return Unpriced("scalingConfig.desiredSize not set")
    comps = [running("Node instance usage (Linux, on-demand)", "ec2:Instance", itype, count, "instances")]
    if p.has("launchTemplate"):  # with a template, the disks are the template's (resolved in the stack)
        comps += [times(c, count) for c in block_device(p, "launchTemplate.rootBlockDevice", "node disk")]
    else:
        disk = p.num("diskSize", EKS_NODE_DISK_GB) or EKS_NODE_DISK_GB
        comps.append(CostComponent("Node disk storage (gp2)", "ebs:Volume", "gp2", "per_gb_month", disk * count,
                                   "instances", disk, (("instances", count),)))
    # T-family nodes burst on credits like any instance (unlimited unless the template says standard).
    comps += [times(c, count) for c in cpu_credits(p, itype, "launchTemplate.")]
    return Mapped(itype, comps)


def _standard_support_end(version: str) -> dt.date | None:
    """When the version's standard support ends (None: not past it at any date we know of)."""
    minor = ".".join(version.split(".")[:2])
    if minor in EKS_STANDARD_SUPPORT_END:
        return EKS_STANDARD_SUPPORT_END[minor]
    try:
        major, second = (int(x) for x in minor.split("."))
    except ValueError:
        return None
    # older than the calendar lists: long past extended support, auto-upgraded to an extended version
    return dt.date.min if (major, second) < OLDEST_LISTED else None


def eks_cluster(p: Props) -> Mapped:
    """The control plane per cluster-hour, plus AWS's extended-support charge per cluster-hour once the
    version's standard support has ended at the estimate date (when no version is set, EKS creates the
    latest: standard)."""
    version = p.str("version") or ""
    comps = [running("EKS cluster", "eks:Cluster", "standard")]
    end = _standard_support_end(version) if version else None
    when = estimate_date()
    if end is not None and when >= end:
        since = f"since {end.isoformat()}" if end != dt.date.min else "past its support window"
        comps.append(running(f"Extended support (Kubernetes {version}, {since}; estimate date {when.isoformat()})",
                             "eks:Cluster", "extended-support"))
        return Mapped("extended-support", comps)
    return Mapped("standard", comps)


def eks_fargate_profile(p: Props) -> Mapped:
    """The pods an EKS Fargate profile selects are billed per vCPU and GB they request, at the
    Fargate rates; how many run is not in the plan, so both lines are by usage."""
    return Mapped("fargate-x86_64", [
        usage_based("Per GB per hour", "ecs:Fargate", "memory-x86_64", "per_hour", "memory_gb"),
        usage_based("Per vCPU per hour", "ecs:Fargate", "vcpu-x86_64", "per_hour", "vcpu"),
    ])


TYPES = (
    PricedType(("aws:eks/nodeGroup:NodeGroup",), "eks:NodeGroup", eks_node_group,
               keys("ec2:Instance t3.medium", "ebs:Volume gp2", "ec2:CpuCredits t2", "ec2:CpuCredits t3",
                    example=("ec2:Instance t3.medium",)),
               (MONTHLY_HRS, UsageKey("instances", "count", "average number of nodes running"), *CPU_CREDIT_USAGE),
               "nodes x Linux on-demand hours, node disk (diskSize, 20 GB gp2 default), T2/T3 unlimited CPU credits "
               "per node (by usage)"),
    PricedType(("aws:eks/cluster:Cluster",), "eks:Cluster", eks_cluster,
               keys("eks:Cluster standard", "eks:Cluster extended-support"), (MONTHLY_HRS,),
               "control plane hours, plus the extended-support charge per hour for a version past standard support "
               "at the estimate date (PULUMICOST_AS_OF, default today)"),
    PricedType(("aws:eks/fargateProfile:FargateProfile",), "eks:FargateProfile", eks_fargate_profile,
               keys("ecs:Fargate vcpu-x86_64", "ecs:Fargate memory-x86_64"),
               (UsageKey("vcpu", "vCPUs", "average vCPUs requested by the profile's running pods"),
                UsageKey("memory_gb", "GB", "average memory requested by the profile's running pods")),
               "Fargate vCPU and GB hours of the profile's pods (by usage)"),
)
