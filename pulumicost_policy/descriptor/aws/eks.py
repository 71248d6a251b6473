"""EKS clusters, managed node groups (EC2 instances with their disks) and Fargate profiles."""
from __future__ import annotations

from ..model import CostComponent, Mapped, Unpriced, running, times, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props
from .ebs import block_device
from .ec2 import CPU_CREDIT_USAGE, SPOT_UNPRICED, cpu_credits

EKS_NODE_DISK_GB = 20.0    # EKS managed node group default diskSize
# Kubernetes minor versions in EKS extended support at the date of the EKS price feed (2025-11):
# standard support (14 months from release) has ended for these.
EKS_EXTENDED_VERSIONS = ("1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30")


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


def eks_cluster(p: Props) -> Mapped:
    version = p.str("version") or ""
    if ".".join(version.split(".")[:2]) in EKS_EXTENDED_VERSIONS:
        return Mapped("extended-support", [running(f"EKS cluster (Kubernetes {version}, extended support)",
                                                   "eks:Cluster", "extended-support")])
    return Mapped("standard", [running("EKS cluster", "eks:Cluster", "standard")])


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
               "control plane hours (extended-support rate for versions past standard support)"),
    PricedType(("aws:eks/fargateProfile:FargateProfile",), "eks:FargateProfile", eks_fargate_profile,
               keys("ecs:Fargate vcpu-x86_64", "ecs:Fargate memory-x86_64"),
               (UsageKey("vcpu", "vCPUs", "average vCPUs requested by the profile's running pods"),
                UsageKey("memory_gb", "GB", "average memory requested by the profile's running pods")),
               "Fargate vCPU and GB hours of the profile's pods (by usage)"),
)
