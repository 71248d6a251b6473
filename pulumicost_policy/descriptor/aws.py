"""AWS resources -> SKU and cost components (the pricing model behind each priced type).

Defaults follow the AWS provider's own (EBS gp2, RDS gp2, ALB, DynamoDB PROVISIONED) so that a
plan which leaves them out is priced as it will be deployed.
"""
from __future__ import annotations

from dataclasses import replace

from .model import CostComponent, Mapped, Unpriced, hourly, monthly, running, times, usage_based
from .regions import normalise
from .registry import MONTHLY_HRS, PricedType, UsageKey, keys
from .values import Props, PropertyProblem, UnknownProperty

EBS_TYPES = ("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard")
GP3_BASELINE_IOPS = 3000.0
GP3_BASELINE_MBPS = 125.0
RDS_ENGINES = {"mysql": "mysql", "postgres": "postgres", "mariadb": "mariadb"}
AMI_ROOT_GB = 8.0          # the size of the Amazon Linux / Ubuntu AMI root snapshot (named in the label)
EKS_NODE_DISK_GB = 20.0    # EKS managed node group default diskSize
# Kubernetes minor versions in EKS extended support at the date of the EKS price feed (2025-11):
# standard support (14 months from release) has ended for these.
EKS_EXTENDED_VERSIONS = ("1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30")
DETAILED_MONITORING_METRICS = 7.0  # EC2 detailed monitoring publishes 7 metrics at 1-minute resolution
STANDARD_IO_KEY = "monthly_standard_io_requests"  # magnetic (EBS standard, RDS magnetic) I/O requests
# T families whose surplus CPU credits the book prices, and the credit mode each launches in by default.
CPU_CREDIT_DEFAULTS = {"t2": "standard", "t3": "unlimited"}
RDS_GP3_BASELINE = ((400.0, 3000.0), (float("inf"), 12000.0))  # (storage below GB, included IOPS)
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


def _block_device(p: Props, path: str, label: str, size_key: str | None = None) -> list[CostComponent]:
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


def _cpu_credits(p: Props, itype: str, prefix: str = "") -> list[CostComponent]:
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
    comps = _block_device(p, f"{prefix}rootBlockDevice", "root volume", root_size_key)
    for i in range(p.count(f"{prefix}ebsBlockDevices")):
        comps += _block_device(p, f"{prefix}ebsBlockDevices[{i}]", f"EBS device {i}")
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
    return Mapped(itype, comps + _cpu_credits(p, itype) + _instance_extras(p))


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
    if (p.str("launchTemplate.tenancy", "default") or "default") != "default":
        return Unpriced("only shared tenancy is in the price book (the launch template or configuration sets "
                        "another tenancy)")
    comps = [running("Instance usage (Linux, on-demand)", "ec2:Instance", itype, instances, "instances")]
    per_instance = _disks(p, "launchTemplate.", "root_volume_gb") + _monitoring(p, "launchTemplate.") + \
        _cpu_credits(p, itype, "launchTemplate.")
    return Mapped(itype, comps + [times(c, instances) for c in per_instance])


def eks_node_group(p: Props) -> Mapped | Unpriced:
    ami = (p.str("amiType", "AL2_x86_64") or "AL2_x86_64").upper()
    if ami.startswith("WINDOWS"):
        return Unpriced("Windows nodes (amiType WINDOWS_*): only Linux EC2 prices are in the price book")
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
        comps += [times(c, count) for c in _block_device(p, "launchTemplate.rootBlockDevice", "node disk")]
    else:
        disk = p.num("diskSize", EKS_NODE_DISK_GB) or EKS_NODE_DISK_GB
        comps.append(CostComponent("Node disk storage (gp2)", "ebs:Volume", "gp2", "per_gb_month", disk * count,
                                   "instances", disk, (("instances", count),)))
    # T-family nodes burst on credits like any instance (unlimited unless the template says standard).
    comps += [times(c, count) for c in _cpu_credits(p, itype, "launchTemplate.")]
    return Mapped(itype, comps)


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


def rds_instance(p: Props) -> Mapped | Unpriced:
    cls = p.str("instanceClass")
    if not cls:
        return Unpriced("instanceClass not set")
    engine_raw = p.str("engine")
    if not engine_raw:
        return Unpriced("engine not set")
    engine = RDS_ENGINES.get(engine_raw.lower())
    if engine is None:
        return Unpriced("engine not priced: the price book has RDS prices for "
                        f"{', '.join(RDS_ENGINES)} (Single-AZ and Multi-AZ, on-demand)")
    deployment = "multi-az" if p.bool("multiAz") else "single-az"
    comps = [running(f"Database instance ({engine}, {deployment})", "rds:Instance", f"{cls}:{engine}:{deployment}")]
    storage = p.num("allocatedStorage")
    stype = p.str("storageType") or ("io1" if p.num("iops") else "gp2")
    if storage:
        comps.append(monthly(f"Storage ({stype}, {deployment})", "rds:Storage", f"{stype}:{deployment}",
                             "per_gb_month", storage))
    else:
        comps.append(usage_based(f"Storage ({stype}, {deployment})", "rds:Storage", f"{stype}:{deployment}",
                                 "per_gb_month", "storage_gb"))
    iops = p.num("iops") or 0.0
    if stype in ("io1", "io2") and iops:
        comps.append(monthly(f"Provisioned IOPS ({deployment})", "rds:Storage", f"{stype}-iops:{deployment}",
                             "per_iops_month", iops))
    elif stype == "gp3":  # gp3 includes 3,000 IOPS below 400 GB, 12,000 from 400 GB
        included = next(base for below, base in RDS_GP3_BASELINE if (storage or 0.0) < below)
        if iops > included:
            comps.append(monthly(f"Provisioned IOPS above {included:,.0f} ({deployment})", "rds:Storage",
                                 f"gp3-iops:{deployment}", "per_iops_month", iops - included))
    elif stype == "standard":
        comps.append(usage_based("I/O requests (magnetic)", "rds:Storage", "standard-io", "per_1m_requests",
                                 STANDARD_IO_KEY, 1e-6))
    comps.append(usage_based("Additional backup storage (beyond the database size)", "rds:Storage", "backup",
                             "per_gb_month", "additional_backup_storage_gb"))
    return Mapped(cls, comps)


def nat_gateway(p: Props) -> Mapped:
    return Mapped("standard", [
        running("NAT gateway", "ec2:NatGateway", "standard"),
        usage_based("Data processed", "ec2:NatGateway", "data-processed", "per_gb", "monthly_data_processed_gb"),
    ])


def load_balancer(p: Props) -> Mapped | Unpriced:
    lb_type = p.str("loadBalancerType", "application") or "application"
    if lb_type not in ("application", "network"):
        return Unpriced("only application and network load balancers are in the price book")
    return Mapped(lb_type, [
        running(f"{lb_type.capitalize()} load balancer", "lb:LoadBalancer", lb_type),
        usage_based("Capacity units", "lb:LoadBalancer", f"{lb_type}-lcu", "per_hour", "capacity_units"),
    ])


def eks_cluster(p: Props) -> Mapped:
    version = p.str("version") or ""
    if ".".join(version.split(".")[:2]) in EKS_EXTENDED_VERSIONS:
        return Mapped("extended-support", [running(f"EKS cluster (Kubernetes {version}, extended support)",
                                                   "eks:Cluster", "extended-support")])
    return Mapped("standard", [running("EKS cluster", "eks:Cluster", "standard")])


def elastic_ip(p: Props) -> Mapped:
    return Mapped("public-ipv4", [running("Public IPv4 address", "ec2:Eip", "public-ipv4")])


S3_CLASSES = ("standard", "standard-ia", "onezone-ia", "glacier-ir", "glacier")  # the classes the S3 feed prices
_K = 1 / 1000  # requests are priced per 1k
_REQUESTS = (("PUT, COPY, POST, LIST requests", "put", "per_1k_requests", "monthly_put_requests", _K),
             ("GET, SELECT, and all other requests", "get", "per_1k_requests", "monthly_get_requests", _K),
             ("Lifecycle transition", "lifecycle", "per_1k_requests", "monthly_lifecycle_transition_requests", _K))
_SELECT = (("Select data scanned", "select-scanned", "per_gb", "monthly_select_data_scanned_gb", 1.0),
           ("Select data returned", "select-returned", "per_gb", "monthly_select_data_returned_gb", 1.0))


def _class_lines(sku: str, lines) -> tuple:
    return tuple((label, f"{sku}-{suffix}", mode, key, scale) for label, suffix, mode, key, scale in lines)


# The other lines of a bucket, by storage class: (class name, usage key prefix, lines as (label, sku,
# billing mode, usage key after the prefix, usage scale)); every one by usage.
S3_LINES = (
    ("Standard", "", _class_lines("standard", _SELECT)),
    ("Intelligent tiering", "intelligent_tiering_", (
        ("Storage (frequent access)", "intelligent-tiering-frequent-storage", "per_gb_month",
         "frequent_access_storage_gb", 1.0),
        ("Storage (infrequent access)", "intelligent-tiering-infrequent-storage", "per_gb_month",
         "infrequent_access_storage_gb", 1.0),
        ("Monitoring and automation (per object)", "intelligent-tiering-monitoring", "per_month", "monitored_objects",
         1.0),
        *_class_lines("intelligent-tiering", _REQUESTS + _SELECT))),
    *((name, prefix, _class_lines(sku, _REQUESTS + (("Retrievals", "retrieval", "per_gb", "monthly_data_retrieval_gb",
                                                    1.0),) + _SELECT))
      for name, prefix, sku in (("Standard - infrequent access", "standard_ia_", "standard-ia"),
                                ("One zone - infrequent access", "onezone_ia_", "onezone-ia"))),
    ("Glacier flexible retrieval", "glacier_", _class_lines("glacier", _REQUESTS + (
        ("Retrievals (standard)", "retrieval-standard", "per_gb", "monthly_standard_data_retrieval_gb", 1.0),
        ("Retrieval requests (expedited)", "retrieval-requests-expedited", "per_1k_requests",
         "monthly_expedited_data_retrieval_requests", _K),
        ("Retrievals (expedited)", "retrieval-expedited", "per_gb", "monthly_expedited_data_retrieval_gb", 1.0)))),
    ("Glacier deep archive", "deep_archive_", _class_lines("deep-archive", _REQUESTS[1:] + (
        ("Retrievals (standard)", "retrieval-standard", "per_gb", "monthly_standard_data_retrieval_gb", 1.0),
        ("Retrievals (bulk)", "retrieval-bulk", "per_gb", "monthly_bulk_data_retrieval_gb", 1.0)))),
)


def s3_bucket(p: Props) -> Mapped:
    comps = [
        usage_based("Standard storage", "s3:Bucket", "standard-storage", "per_gb_month", "storage_gb"),
        usage_based("PUT/COPY/POST/LIST requests", "s3:Bucket", "standard-put", "per_1k_requests",
                    "monthly_put_requests", 1 / 1000),
        usage_based("GET requests", "s3:Bucket", "standard-get", "per_1k_requests",
                    "monthly_get_requests", 1 / 1000),
    ]
    for cls in S3_CLASSES[1:]:  # other classes appear when the usage file gives their storage
        key = cls.replace("-", "_") + "_storage_gb"
        comps.append(usage_based(f"{cls} storage", "s3:Bucket", f"{cls}-storage", "per_gb_month", key))
    comps += [usage_based(f"{name}: {label}", "s3:Bucket", sku, mode, prefix + key, scale)
              for name, prefix, lines in S3_LINES for label, sku, mode, key, scale in lines]
    return Mapped("standard", comps)


# Lambda duration tiers (GB-seconds per month, per account and architecture).
LAMBDA_TIERS = {"x86_64": (6e9, 15e9), "arm64": (7.5e9, 18.75e9)}


def lambda_function(p: Props) -> Mapped:
    memory_mb = p.num("memorySize", 128.0) or 128.0
    arch = (p.str("architectures[0]", "x86_64") or "x86_64").lower()
    if arch not in LAMBDA_TIERS:
        raise PropertyProblem("architectures[0] should be x86_64 or arm64")
    first, second = LAMBDA_TIERS[arch]
    gb_s = "monthly_requests*request_duration_ms"
    scale = memory_mb / 1024 / 1000
    comps = [usage_based("Requests", "lambda:Function", "requests", "per_1m_requests", "monthly_requests", 1e-6)]
    for tier, (low, high) in enumerate(((0.0, first), (first, second), (second, float("inf")))):
        label = f"Duration ({memory_mb:.0f} MB, {arch})" + ("" if tier == 0 else f", tier {tier + 1}")
        sku = f"duration-{arch}" + ("" if tier == 0 else f"-tier{tier + 1}")
        comps.append(usage_based(label, "lambda:Function", sku, "per_gb_second", gb_s, scale, tier=(low, high)))
    extra_mb = max(0.0, (p.num("ephemeralStorage.size", 512.0) or 512.0) - 512.0)  # the first 512 MB are free
    comps.append(usage_based("Ephemeral storage (above 512 MB)", "lambda:Function", f"ephemeral-{arch}",
                             "per_gb_second", gb_s, extra_mb / 1024 / 1000))
    return Mapped(arch, comps)


def _gsi_capacity(p: Props, field: str) -> float:
    return sum(p.num(f"globalSecondaryIndexes[{i}].{field}", 0.0) or 0.0
               for i in range(p.count("globalSecondaryIndexes")))


def _replica_regions(p: Props) -> list[str]:
    """The regions of a global table's replicas (each billed at its own region's rates)."""
    regions = []
    for i in range(p.count("replicas")):
        name = p.str(f"replicas[{i}].regionName")
        if not name:
            raise PropertyProblem(f"replicas[{i}].regionName is not set")
        regions.append(normalise("aws", name))
    return regions


def _capacity(label: str, sku: str, planned: float, key: str) -> CostComponent:
    """Provisioned units all month; `key` in the usage file overrides the planned figure (the
    average an auto-scaling target keeps)."""
    return CostComponent(label, "dynamodb:Table", sku, "per_hour", planned, key, 1.0, ((key, planned),))


def dynamodb_table(p: Props) -> Mapped:
    """The lines Infracost shows for a table; each replica's replicated writes at its own region's
    rates (a replica in a dearer region costs more)."""
    mode = (p.str("billingMode", "PROVISIONED") or "PROVISIONED").upper()
    replicas = _replica_regions(p)
    if mode == "PAY_PER_REQUEST":
        sku = "on-demand"
        comps = [
            usage_based("Write request unit (WRU)", "dynamodb:Table", "on-demand-wru", "per_1m_requests",
                        "monthly_write_request_units", 1e-6),
            usage_based("Read request unit (RRU)", "dynamodb:Table", "on-demand-rru", "per_1m_requests",
                        "monthly_read_request_units", 1e-6),
        ]
        comps += [replace(usage_based(f"Replicated write request unit (rWRU) {region}", "dynamodb:Table",
                                      "on-demand-rwru", "per_1m_requests", "monthly_write_request_units", 1e-6),
                          region=region) for region in replicas]
    elif mode == "PROVISIONED":
        sku = "provisioned"
        # Table capacity plus every global secondary index's.
        wcu = (p.num("writeCapacity", 0.0) or 0.0) + _gsi_capacity(p, "writeCapacity")
        rcu = (p.num("readCapacity", 0.0) or 0.0) + _gsi_capacity(p, "readCapacity")
        comps = [_capacity("Write capacity unit (WCU)", "provisioned-wcu", wcu, "write_capacity_units"),
                 _capacity("Read capacity unit (RCU)", "provisioned-rcu", rcu, "read_capacity_units")]
        comps += [replace(hourly(f"Replicated write capacity unit (rWCU) {region}", "dynamodb:Table",
                                 "provisioned-rwcu", wcu), region=region) for region in replicas]
    else:
        raise PropertyProblem("billingMode should be PROVISIONED or PAY_PER_REQUEST")
    comps += [
        usage_based("Data storage", "dynamodb:Table", "storage", "per_gb_month", "storage_gb"),
        usage_based("Point-In-Time Recovery (PITR) backup storage", "dynamodb:Table", "pitr", "per_gb_month",
                    "pitr_backup_storage_gb"),
        usage_based("On-demand backup storage", "dynamodb:Table", "backup", "per_gb_month",
                    "on_demand_backup_storage_gb"),
        usage_based("Table data restored", "dynamodb:Table", "restore", "per_gb", "monthly_data_restored_gb"),
        usage_based("Streams read request unit (sRRU)", "dynamodb:Table", "streams-rru", "per_1m_requests",
                    "monthly_streams_read_request_units", 1e-6),
    ]
    return Mapped(sku, comps)


STANDARD_IO = UsageKey(STANDARD_IO_KEY, "requests", "I/O requests per month on magnetic (standard) storage")
CPU_CREDIT_USAGE = (UsageKey("monthly_cpu_credit_hrs", "hours",
                             "hours a T2/T3 instance in unlimited mode bursts above baseline"),
                    UsageKey("vcpu_count", "vCPUs", "vCPUs bursting during those hours"))
EC2_USAGE = (MONTHLY_HRS, UsageKey("root_volume_gb", "GB", "root volume size when the plan leaves it to the AMI (8 GB on most)"),
             *CPU_CREDIT_USAGE, STANDARD_IO)
STORAGE_GB = UsageKey("storage_gb", "GB", "average stored data")

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
    PricedType(("aws:eks/nodeGroup:NodeGroup",), "eks:NodeGroup", eks_node_group,
               keys("ec2:Instance t3.medium", "ebs:Volume gp2", "ec2:CpuCredits t2", "ec2:CpuCredits t3",
                    example=("ec2:Instance t3.medium",)),
               (MONTHLY_HRS, UsageKey("instances", "count", "average number of nodes running"), *CPU_CREDIT_USAGE),
               "nodes x Linux on-demand hours, node disk (diskSize, 20 GB gp2 default), T2/T3 unlimited CPU credits "
               "per node (by usage)"),
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
    PricedType(("aws:rds/instance:Instance",), "rds:Instance", rds_instance,
               keys("rds:Instance db.t3.micro:mysql:single-az", "rds:Storage gp2:single-az",
                    "rds:Storage io1-iops:single-az", "rds:Storage io1-iops:multi-az", "rds:Storage gp3-iops:single-az",
                    "rds:Storage standard-io", "rds:Storage backup",
                    example=("rds:Instance db.t3.micro:mysql:single-az",)),
               (MONTHLY_HRS, STORAGE_GB, STANDARD_IO,
                UsageKey("additional_backup_storage_gb", "GB", "backup storage beyond the free allowance (the "
                                                               "database's size)")),
               "MySQL/PostgreSQL/MariaDB instance hours, storage, provisioned IOPS (io1/io2, gp3 above baseline), "
               "magnetic I/O and backup storage (by usage)"),
    PricedType(("aws:ec2/natGateway:NatGateway",), "ec2:NatGateway", nat_gateway,
               keys("ec2:NatGateway standard", "ec2:NatGateway data-processed"),
               (MONTHLY_HRS, UsageKey("monthly_data_processed_gb", "GB", "data processed per month")),
               "hours and data processed"),
    PricedType(("aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer",
                "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer"), "lb:LoadBalancer", load_balancer,
               keys("lb:LoadBalancer application", "lb:LoadBalancer application-lcu", "lb:LoadBalancer network",
                    "lb:LoadBalancer network-lcu"),
               (MONTHLY_HRS, UsageKey("capacity_units", "LCU", "average load balancer capacity units per hour")),
               "ALB/NLB hours and capacity units"),
    PricedType(("aws:eks/cluster:Cluster",), "eks:Cluster", eks_cluster,
               keys("eks:Cluster standard", "eks:Cluster extended-support"), (MONTHLY_HRS,),
               "control plane hours (extended-support rate for versions past standard support)"),
    PricedType(("aws:ec2/eip:Eip",), "ec2:Eip", elastic_ip, keys("ec2:Eip public-ipv4"), (MONTHLY_HRS,),
               "public IPv4 address hours"),
    PricedType(("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"), "s3:Bucket", s3_bucket,
               keys("s3:Bucket standard-storage", "s3:Bucket standard-put", "s3:Bucket standard-get",
                    *(f"s3:Bucket {c}-storage" for c in S3_CLASSES[1:]),
                    *(f"s3:Bucket {line[1]}" for _, _, lines in S3_LINES for line in lines)),
               (UsageKey("storage_gb", "GB", "Standard storage"),
                UsageKey("monthly_put_requests", "requests", "PUT/COPY/POST/LIST requests per month"),
                UsageKey("monthly_get_requests", "requests", "GET and other requests per month"),
                *(UsageKey(c.replace("-", "_") + "_storage_gb", "GB", f"{c} storage") for c in S3_CLASSES[1:]),
                *(UsageKey(prefix + key, "GB" if key.endswith("_gb") else "requests" if "requests" in key else "objects",
                           f"{name}: {label}") for name, prefix, lines in S3_LINES
                  for label, _, _, key, _ in lines)),
               "storage by class, requests, lifecycle transitions, retrievals and Select by class (by usage)"),
    PricedType(("aws:lambda/function:Function",), "lambda:Function", lambda_function,
               keys("lambda:Function requests", "lambda:Function duration-x86_64",
                    "lambda:Function duration-x86_64-tier2", "lambda:Function duration-x86_64-tier3",
                    "lambda:Function duration-arm64", "lambda:Function duration-arm64-tier2",
                    "lambda:Function duration-arm64-tier3", "lambda:Function ephemeral-x86_64",
                    "lambda:Function ephemeral-arm64"),
               (UsageKey("monthly_requests", "requests", "invocations per month"),
                UsageKey("request_duration_ms", "ms", "average duration of an invocation")),
               "requests and tiered duration (x86_64 and arm64), ephemeral storage (by usage)"),
    PricedType(("aws:dynamodb/table:Table",), "dynamodb:Table", dynamodb_table,
               keys("dynamodb:Table provisioned-wcu", "dynamodb:Table provisioned-rcu",
                    "dynamodb:Table provisioned-rwcu", "dynamodb:Table on-demand-wru", "dynamodb:Table on-demand-rru",
                    "dynamodb:Table on-demand-rwru", "dynamodb:Table storage", "dynamodb:Table pitr",
                    "dynamodb:Table backup", "dynamodb:Table restore", "dynamodb:Table streams-rru"),
               (STORAGE_GB,
                UsageKey("write_capacity_units", "WCU", "average provisioned write capacity (auto-scaling)"),
                UsageKey("read_capacity_units", "RCU", "average provisioned read capacity (auto-scaling)"),
                UsageKey("monthly_write_request_units", "WRU", "on-demand write request units per month"),
                UsageKey("monthly_read_request_units", "RRU", "on-demand read request units per month"),
                UsageKey("pitr_backup_storage_gb", "GB", "point-in-time recovery backup storage"),
                UsageKey("on_demand_backup_storage_gb", "GB", "on-demand backup storage"),
                UsageKey("monthly_data_restored_gb", "GB", "table data restored per month"),
                UsageKey("monthly_streams_read_request_units", "requests", "stream read requests per month")),
               "provisioned capacity incl. GSIs, replicated writes per replica in its own region, on-demand "
               "requests, storage, PITR, backups, streams"),
)
