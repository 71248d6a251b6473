"""AWS resources -> SKU and cost components (the pricing model behind each priced type).

Defaults follow the AWS provider's own (EBS gp2, RDS gp2, ALB, DynamoDB PROVISIONED) so that a
plan which leaves them out is priced as it will be deployed.
"""
from __future__ import annotations

from .model import CostComponent, Mapped, Unpriced, hourly, monthly, usage_based
from .values import Props, PropertyProblem

EBS_TYPES = ("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard")
GP3_BASELINE_IOPS = 3000.0
GP3_BASELINE_MBPS = 125.0
RDS_ENGINES = {"mysql": "mysql", "postgres": "postgres", "mariadb": "mariadb"}


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
    elif volume_type in ("io1", "io2") and iops:
        comps.append(monthly(f"{label} provisioned IOPS", "ebs:Volume", f"{volume_type}-iops",
                             "per_iops_month", iops))
    return comps


def _block_device(p: Props, path: str, label: str) -> list[CostComponent]:
    size = p.num(f"{path}.volumeSize")
    if size is None:
        return []  # size comes from the AMI snapshot: not known from the plan, left out
    return ebs_components(label, p.str(f"{path}.volumeType", "gp2") or "gp2", size,
                          p.num(f"{path}.iops"), p.num(f"{path}.throughput"))


def ec2_instance(p: Props) -> Mapped | Unpriced:
    itype = p.str("instanceType")
    if not itype:
        return Unpriced("instanceType not set inline (it comes from a launch template or AMI default)")
    tenancy = p.str("tenancy", "default")
    if tenancy not in ("default", ""):
        return Unpriced("only shared tenancy is in the price book (tenancy is set)")
    comps = [hourly("Instance usage (Linux, on-demand)", "ec2:Instance", itype)]
    comps += _block_device(p, "rootBlockDevice", "root volume")
    i = 0
    while p.has(f"ebsBlockDevices[{i}]"):
        comps += _block_device(p, f"ebsBlockDevices[{i}]", f"EBS device {i}")
        i += 1
    return Mapped(itype, comps)


def autoscaling_group(p: Props) -> Mapped | Unpriced:
    itype = p.str("mixedInstancesPolicy.launchTemplate.overrides[0].instanceType")
    if not itype:
        return Unpriced("instance type comes from a launch template not given inline")
    count = p.num("desiredCapacity")
    if count is None:
        count = p.num("minSize", 0.0)
    return Mapped(itype, [hourly("Instance usage (Linux, on-demand)", "ec2:Instance", itype, count)],
                  {"instances": count})


def eks_node_group(p: Props) -> Mapped | Unpriced:
    itype = p.str("instanceTypes[0]", "t3.medium")  # the EKS default instance type
    count = p.num("scalingConfig.desiredSize")
    if count is None:
        return Unpriced("scalingConfig.desiredSize not set")
    return Mapped(itype, [hourly("Node instance usage (Linux, on-demand)", "ec2:Instance", itype, count)],
                  {"nodes": count})


def ebs_volume(p: Props) -> Mapped | Unpriced:
    vtype = p.str("type", "gp2") or "gp2"
    size = p.num("size")
    if size is None:
        return Unpriced("size not set (a volume sized by its snapshot is not known from the plan)")
    iops, throughput = p.num("iops"), p.num("throughput")
    usage = {"storage_gb": size, **({"iops": iops} if iops else {}), **({"throughput_mbps": throughput} if throughput else {})}
    return Mapped(vtype, ebs_components("volume", vtype, size, iops, throughput), usage)


def rds_instance(p: Props) -> Mapped | Unpriced:
    cls = p.str("instanceClass")
    if not cls:
        return Unpriced("instanceClass not set")
    engine_raw = p.str("engine")
    if not engine_raw:
        return Unpriced("engine not set")
    engine = RDS_ENGINES.get(engine_raw.lower())
    if engine is None:
        return Unpriced("engine is not one the price book covers (mysql, postgres, mariadb)")
    deployment = "multi-az" if p.bool("multiAz") else "single-az"
    comps = [hourly(f"Database instance ({engine}, {deployment})", "rds:Instance", f"{cls}:{engine}:{deployment}")]
    usage: dict[str, float] = {}
    storage = p.num("allocatedStorage")
    if storage:
        stype = p.str("storageType") or ("io1" if p.num("iops") else "gp2")
        comps.append(monthly(f"Storage ({stype}, {deployment})", "rds:Storage", f"{stype}:{deployment}",
                             "per_gb_month", storage))
        usage["storage_gb"] = storage
    return Mapped(cls, comps, usage)


def nat_gateway(p: Props) -> Mapped:
    return Mapped("standard", [
        hourly("NAT gateway", "ec2:NatGateway", "standard"),
        usage_based("Data processed", "ec2:NatGateway", "data-processed", "per_gb", "monthly_data_processed_gb"),
    ])


def load_balancer(p: Props) -> Mapped | Unpriced:
    lb_type = p.str("loadBalancerType", "application") or "application"
    if lb_type not in ("application", "network"):
        return Unpriced("only application and network load balancers are in the price book")
    return Mapped(lb_type, [
        hourly(f"{lb_type.capitalize()} load balancer", "lb:LoadBalancer", lb_type),
        usage_based("Capacity units", "lb:LoadBalancer", f"{lb_type}-lcu", "per_hour", "capacity_units"),
    ])


def eks_cluster(p: Props) -> Mapped:
    return Mapped("standard", [hourly("EKS cluster", "eks:Cluster", "standard")])


def elastic_ip(p: Props) -> Mapped:
    return Mapped("public-ipv4", [hourly("Public IPv4 address", "ec2:Eip", "public-ipv4")])


def s3_bucket(p: Props) -> Mapped:
    return Mapped("standard", [
        usage_based("Standard storage", "s3:Bucket", "standard-storage", "per_gb_month", "storage_gb"),
        usage_based("PUT/COPY/POST/LIST requests", "s3:Bucket", "standard-put", "per_1k_requests",
                    "monthly_put_requests", 1 / 1000),
        usage_based("GET requests", "s3:Bucket", "standard-get", "per_1k_requests",
                    "monthly_get_requests", 1 / 1000),
    ])


def lambda_function(p: Props) -> Mapped:
    memory_mb = p.num("memorySize", 128.0) or 128.0
    arch = (p.str("architectures[0]", "x86_64") or "x86_64").lower()
    if arch not in ("x86_64", "arm64"):
        raise PropertyProblem("architectures[0] should be x86_64 or arm64")
    return Mapped(arch, [
        usage_based("Requests", "lambda:Function", "requests", "per_1m_requests", "monthly_requests", 1e-6),
        usage_based(f"Duration ({memory_mb:.0f} MB)", "lambda:Function", f"duration-{arch}", "per_gb_second",
                    "monthly_requests*request_duration_ms", memory_mb / 1024 / 1000),
    ], {"memory_mb": memory_mb})


def dynamodb_table(p: Props) -> Mapped:
    mode = (p.str("billingMode", "PROVISIONED") or "PROVISIONED").upper()
    storage = usage_based("Storage", "dynamodb:Table", "storage", "per_gb_month", "storage_gb")
    if mode == "PAY_PER_REQUEST":
        return Mapped("on-demand", [
            usage_based("Write request units", "dynamodb:Table", "on-demand-wru", "per_1m_requests",
                        "monthly_write_request_units", 1e-6),
            usage_based("Read request units", "dynamodb:Table", "on-demand-rru", "per_1m_requests",
                        "monthly_read_request_units", 1e-6),
            storage,
        ])
    if mode != "PROVISIONED":
        raise PropertyProblem("billingMode should be PROVISIONED or PAY_PER_REQUEST")
    wcu, rcu = p.num("writeCapacity", 0.0) or 0.0, p.num("readCapacity", 0.0) or 0.0
    return Mapped("provisioned", [
        hourly("Write capacity units", "dynamodb:Table", "provisioned-wcu", wcu),
        hourly("Read capacity units", "dynamodb:Table", "provisioned-rcu", rcu),
        storage,
    ], {"write_capacity": wcu, "read_capacity": rcu})


ELASTICACHE_ENGINES = ("redis", "memcached", "valkey")


def elasticache_cluster(p: Props) -> Mapped | Unpriced:
    """Node hours: nodeType x numCacheNodes; the engine picks the price (Valkey is cheaper)."""
    node = p.str("nodeType")
    if not node:
        return Unpriced("nodeType not set")
    engine = (p.str("engine", "redis") or "redis").lower()
    if engine not in ELASTICACHE_ENGINES:
        return Unpriced("engine should be redis, memcached or valkey")
    count = p.num("numCacheNodes", 1.0) or 1.0
    return Mapped(node, [hourly(f"Cache nodes ({engine})", "elasticache:Node", f"{node}:{engine}", count)],
                  {"nodes": count})


MAPPERS = {
    "aws:ec2/instance:Instance": ("ec2:Instance", ec2_instance),
    "aws:autoscaling/group:Group": ("autoscaling:Group", autoscaling_group),
    "aws:eks/nodeGroup:NodeGroup": ("eks:NodeGroup", eks_node_group),
    "aws:ebs/volume:Volume": ("ebs:Volume", ebs_volume),
    "aws:rds/instance:Instance": ("rds:Instance", rds_instance),
    "aws:ec2/natGateway:NatGateway": ("ec2:NatGateway", nat_gateway),
    "aws:lb/loadBalancer:LoadBalancer": ("lb:LoadBalancer", load_balancer),
    "aws:alb/loadBalancer:LoadBalancer": ("lb:LoadBalancer", load_balancer),
    "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer": ("lb:LoadBalancer", load_balancer),
    "aws:eks/cluster:Cluster": ("eks:Cluster", eks_cluster),
    "aws:ec2/eip:Eip": ("ec2:Eip", elastic_ip),
    "aws:s3/bucket:Bucket": ("s3:Bucket", s3_bucket),
    "aws:s3/bucketV2:BucketV2": ("s3:Bucket", s3_bucket),
    "aws:lambda/function:Function": ("lambda:Function", lambda_function),
    "aws:dynamodb/table:Table": ("dynamodb:Table", dynamodb_table),
    "aws:elasticache/cluster:Cluster": ("elasticache:Node", elasticache_cluster),
}
