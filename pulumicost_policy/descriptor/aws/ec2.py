"""EC2 instances, Auto Scaling groups, Elastic IPs and AMIs; the T-family CPU credits and detailed
monitoring lines an instance template brings (EKS node groups share the credits).
"""
from __future__ import annotations

from ..model import CostComponent, Mapped, Unpriced, monthly, running, times, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props
from .common import STANDARD_IO, no_data_type
from .ebs import block_device

DETAILED_MONITORING_METRICS = 7.0  # EC2 detailed monitoring publishes 7 metrics at 1-minute resolution
# T families whose surplus CPU credits the book prices, and the credit mode each launches in by default.
CPU_CREDIT_DEFAULTS = {"t2": "standard", "t3": "unlimited"}
SPOT_UNPRICED = ("runs on spot instances: AWS spot prices are not in the price book (only on-demand EC2 rates; "
                 "spot prices change hourly)")


def cpu_credits(p: Props, itype: str, prefix: str = "") -> list[CostComponent]:
    """Unlimited-mode T2/T3 instances pay for surplus CPU credits, per vCPU-hour (by usage: the
    hours spent above baseline x the vCPUs bursting)."""
    family = itype.split(".", 1)[0].lower()
    if family not in CPU_CREDIT_DEFAULTS:
        return []
    mode = (p.str(f"{prefix}creditSpecification.cpuCredits") or CPU_CREDIT_DEFAULTS[family]).lower()
    if mode != "unlimited":
        return []
    return [usage_based("CPU credits (unlimited, per surplus vCPU-hour)", "ec2:CpuCredits", family, "per_hour",
                        "monthly_cpu_credit_hrs*vcpu_count", 1 / 730.0)]


def _monitoring(p: Props, prefix: str = "") -> list[CostComponent]:
    if not p.bool(f"{prefix}monitoring"):
        return []
    return [monthly("Detailed monitoring (7 metrics)", "cloudwatch:Metric", "metric", "per_month",
                    DETAILED_MONITORING_METRICS)]


def _disks(p: Props, prefix: str = "", root_size_key: str | None = None) -> list[CostComponent]:
    """The root volume and every EBS device of an instance (or of its template, under `prefix`)."""
    comps = block_device(p, f"{prefix}rootBlockDevice", "root volume", root_size_key)
    for i in range(p.count(f"{prefix}ebsBlockDevices")):
        comps += block_device(p, f"{prefix}ebsBlockDevices[{i}]", f"EBS device {i}")
    return comps


def _instance_extras(p: Props) -> list[CostComponent]:
    """Cost lines of an instance besides its hours and disks: detailed monitoring, public IPv4."""
    comps = _monitoring(p)
    if p.bool("associatePublicIpAddress"):
        comps.append(running("Public IPv4 address", "vpc:PublicIpv4", "in-use"))
    return comps


def ec2_instance(p: Props) -> Mapped | Unpriced:
    itype = p.str("instanceType")
    if not itype:
        return Unpriced("instanceType not set inline and its launch template is not in this stack view "
                        "(resolved when the whole stack is priced: offline run, stack summary)")
    tenancy = p.str("tenancy", "default")
    if tenancy not in ("default", ""):
        return Unpriced("only shared tenancy is in the price book (tenancy is set)")
    comps = [running("Instance usage (Linux, on-demand)", "ec2:Instance", itype), *_disks(p, "", "root_volume_gb")]
    return Mapped(itype, comps + cpu_credits(p, itype) + _instance_extras(p))


def autoscaling_group(p: Props) -> Mapped | Unpriced:
    override = "mixedInstancesPolicy.launchTemplate.overrides[0]"
    itype = p.str(f"{override}.instanceType") or p.str("launchTemplate.instanceType")
    if not itype:
        return Unpriced("instance type comes from a launch template or configuration not found in this "
                        "stack view (resolved when the whole stack is priced: offline run, stack summary)")
    count = p.num("desiredCapacity")
    if count is None:
        count = p.num("minSize", 0.0) or 0.0
    # desiredCapacity counts capacity units; an override of weight w is one instance per w units.
    weight = p.num(f"{override}.weightedCapacity") or 1.0
    instances = -(-count // weight) if weight else count
    if p.bool("launchTemplate.spot"):  # set from the resolved template (resolve.py)
        return Unpriced(f"the launch template or configuration {SPOT_UNPRICED}")
    if (p.str("launchTemplate.tenancy", "default") or "default") != "default":
        return Unpriced("only shared tenancy is in the price book (the launch template or configuration sets "
                        "another tenancy)")
    comps = [running("Instance usage (Linux, on-demand)", "ec2:Instance", itype, instances, "instances")]
    per_instance = _disks(p, "launchTemplate.", "root_volume_gb") + _monitoring(p, "launchTemplate.") + \
        cpu_credits(p, itype, "launchTemplate.")
    return Mapped(itype, comps + [times(c, instances) for c in per_instance])


def elastic_ip(p: Props) -> Mapped:
    return Mapped("public-ipv4", [running("Public IPv4 address", "ec2:Eip", "public-ipv4")])


CPU_CREDIT_USAGE = (UsageKey("monthly_cpu_credit_hrs", "hours",
                             "hours a T2/T3 instance in unlimited mode bursts above baseline"),
                    UsageKey("vcpu_count", "vCPUs", "vCPUs bursting during those hours"))
EC2_USAGE = (MONTHLY_HRS, UsageKey("root_volume_gb", "GB", "root volume size when the plan leaves it to the AMI (8 GB on most)"),
             *CPU_CREDIT_USAGE, STANDARD_IO)

TYPES = (
    PricedType(("aws:ec2/instance:Instance",), "ec2:Instance", ec2_instance,
               keys("ec2:Instance t3.medium", "ebs:Volume gp2", "ebs:Volume gp3", "cloudwatch:Metric metric",
                    "vpc:PublicIpv4 in-use", "ec2:CpuCredits t2", "ec2:CpuCredits t3", "ebs:Volume standard-io",
                    example=("ec2:Instance t3.medium",)),
               EC2_USAGE, "Linux on-demand hours, root (size from the AMI: by usage when unset) and EBS devices, detailed monitoring, "
               "T-family unlimited credits (by usage), public IPv4"),
    PricedType(("aws:autoscaling/group:Group",), "autoscaling:Group", autoscaling_group,
               keys("ec2:Instance t3.medium", "ebs:Volume gp2", "cloudwatch:Metric metric", "ec2:CpuCredits t3",
                    example=("ec2:Instance t3.medium",)),
               (MONTHLY_HRS, UsageKey("instances", "count", "average number of instances running"), *EC2_USAGE[1:]),
               "instances (desired capacity / weightedCapacity) x Linux on-demand hours, and per instance the "
               "template's disks (root size by usage when the AMI sets it), detailed monitoring and T2/T3 unlimited "
               "CPU credits (by usage)"),
    PricedType(("aws:ec2/eip:Eip",), "ec2:Eip", elastic_ip, keys("ec2:Eip public-ipv4"), (MONTHLY_HRS,),
               "public IPv4 address hours"),
    no_data_type("aws:ec2/ami:Ami", "ec2:Ami", "AMI snapshot storage"),
)
