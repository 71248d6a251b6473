"""Settings one resource takes from another in the same stack: an instance type, disks, detailed
monitoring, CPU credit mode and tenancy from a launch template or configuration, a Fargate task's size from its task definition, the capacity an
auto-scaling target keeps a DynamoDB table or ElastiCache replication group at (its minimum), an
Aurora or DocumentDB cluster instance's storage configuration (I/O-Optimized instances cost more) from
its cluster.

Only a whole-stack view can do this (the offline run and AnalyzeStack price every resource of the
stack together); Analyze sees one resource and says the reference is unresolved. A reference is
matched by id, name or ARN among the stack's resources, never guessed.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence

from ..inputs.resource import ResourceInput
from .values import is_unknown

TEMPLATE_TYPES = ("aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/launchConfiguration:LaunchConfiguration")
TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition"
SCALING_TARGET = "aws:appautoscaling/target:Target"
# scalableDimension -> (resourceId prefix, the property the minimum replaces)
SCALED = {"dynamodb:table:WriteCapacityUnits": ("table/", "writeCapacity"),
          "dynamodb:table:ReadCapacityUnits": ("table/", "readCapacity"),
          "elasticache:replication-group:NodeGroups": ("replication-group/", "numNodeGroups"),
          "elasticache:replication-group:Replicas": ("replication-group/", "replicasPerNodeGroup")}
SCALED_OWNERS = {"table/": ("aws:dynamodb/table:Table", "name"),
                 "replication-group/": ("aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId")}
RESOLVED_TASK = "resolvedTaskDefinition"   # the key the ECS mapper reads
# cluster instance type -> its cluster's type
CLUSTER_OF = {"aws:rds/clusterInstance:ClusterInstance": "aws:rds/cluster:Cluster",
              "aws:docdb/clusterInstance:ClusterInstance": "aws:docdb/cluster:Cluster"}


def _strings(values: Iterable[Any]) -> list[str]:
    return [v for v in values if isinstance(v, str) and v and not is_unknown(v)]


def _index(resources: Sequence[ResourceInput], types: tuple[str, ...], keys: tuple[str, ...]) -> dict[str, ResourceInput]:
    out: dict[str, ResourceInput] = {}
    for res in resources:
        if res.type in types:
            for ref in _strings(res.props.get(k) for k in keys):
                out[ref] = res
    return out


EBS_KEYS = ("volumeSize", "volumeType", "iops", "throughput")


def _template_settings(template: ResourceInput) -> dict[str, Any]:
    """instanceType, block devices, detailed monitoring, CPU credit mode and tenancy, in the shape
    (and under the names) the EC2 instance mapper reads."""
    props = template.props
    out: dict[str, Any] = {}
    if isinstance(props.get("instanceType"), str):
        out["instanceType"] = props["instanceType"]
    devices = props.get("blockDeviceMappings")
    if isinstance(devices, list) and devices:  # a launch template: the first mapping is the root device
        ebs = [d.get("ebs") if isinstance(d, Mapping) else None for d in devices]
        ebs = [{k: e[k] for k in EBS_KEYS if k in e} for e in ebs if isinstance(e, Mapping)]
        if ebs:
            out["rootBlockDevice"], out["ebsBlockDevices"] = ebs[0], ebs[1:]
    else:  # a launch configuration
        if isinstance(props.get("rootBlockDevice"), Mapping):
            out["rootBlockDevice"] = dict(props["rootBlockDevice"])
        if isinstance(props.get("ebsBlockDevices"), list):
            out["ebsBlockDevices"] = [{k: d[k] for k in EBS_KEYS if k in d} for d in props["ebsBlockDevices"]
                                      if isinstance(d, Mapping)]
    monitoring = props.get("monitoring")
    if template.type == TEMPLATE_TYPES[1]:  # launch configurations monitor in detail unless told not to
        out["monitoring"] = props.get("enableMonitoring", True) is not False
    elif isinstance(monitoring, Mapping) and isinstance(monitoring.get("enabled"), bool):
        out["monitoring"] = monitoring["enabled"]
    if isinstance(props.get("creditSpecification"), Mapping):
        out["creditSpecification"] = dict(props["creditSpecification"])
    placement = props.get("placement")
    tenancy = props.get("placementTenancy") or (placement.get("tenancy") if isinstance(placement, Mapping) else None)
    if isinstance(tenancy, str):
        out["tenancy"] = tenancy
    return out


def _template_ref(props: Mapping[str, Any]) -> list[str]:
    refs: list[Any] = []
    for path in ("launchTemplate", "mixedInstancesPolicy"):
        spec = props.get(path)
        if path == "mixedInstancesPolicy" and isinstance(spec, Mapping):
            lt = spec.get("launchTemplate")
            spec = lt.get("launchTemplateSpecification") if isinstance(lt, Mapping) else None
        if isinstance(spec, Mapping):
            refs += [spec.get(k) for k in ("id", "name", "launchTemplateId", "launchTemplateName")]
    refs.append(props.get("launchConfiguration"))
    return _strings(refs)


def _with_template(res: ResourceInput, template: ResourceInput) -> Optional[ResourceInput]:
    settings = _template_settings(template)
    if not settings:
        return None
    props = dict(res.props)
    if res.type == "aws:ec2/instance:Instance":
        for key, value in settings.items():
            props.setdefault(key, value)
    else:  # autoscaling group, EKS node group: the mappers read launchTemplate.*
        spec = dict(props["launchTemplate"]) if isinstance(props.get("launchTemplate"), Mapping) else {}
        for key, value in settings.items():
            spec.setdefault(key, value)
        props["launchTemplate"] = spec
    return _replace(res, props)


def _replace(res: ResourceInput, props: dict[str, Any]) -> ResourceInput:
    return ResourceInput(res.urn, res.type, res.name, props, res.provider_props, res.config, res.custom)


def _task_refs(task: ResourceInput) -> list[str]:
    family, revision = task.props.get("family"), task.props.get("revision")
    refs = _strings([task.props.get("arn"), family])
    if isinstance(family, str) and isinstance(revision, (int, float)) and not isinstance(revision, bool):
        refs.append(f"{family}:{int(revision)}")
    return refs


def _scaling_minimums(resources: Sequence[ResourceInput]) -> dict[tuple[str, str], dict[str, float]]:
    """(owner type, owner id) -> {property: the target's minimum capacity}."""
    out: dict[tuple[str, str], dict[str, float]] = {}
    for res in resources:
        if res.type != SCALING_TARGET:
            continue
        dimension, resource_id = res.props.get("scalableDimension"), res.props.get("resourceId")
        minimum = res.props.get("minCapacity")
        if dimension not in SCALED or not isinstance(resource_id, str) or isinstance(minimum, bool) \
                or not isinstance(minimum, (int, float)) or minimum < 0:
            continue
        prefix, prop = SCALED[dimension]
        if resource_id.startswith(prefix):
            owner_type = SCALED_OWNERS[prefix][0]
            out.setdefault((owner_type, resource_id[len(prefix):]), {})[prop] = float(minimum)
    return out


def resolve_references(resources: Sequence[ResourceInput]) -> list[ResourceInput]:
    """The resources, with the settings they take from other resources in the list."""
    templates = _index(resources, TEMPLATE_TYPES, ("id", "name", "arn"))
    tasks = {ref: res for res in resources if res.type == TASK_DEFINITION for ref in _task_refs(res)}
    scaled = _scaling_minimums(resources)
    clusters = {t: _index(resources, (t,), ("clusterIdentifier", "id", "arn")) for t in CLUSTER_OF.values()}
    clusters = {t: index for t, index in clusters.items() if index}
    if not templates and not tasks and not scaled and not clusters:
        return list(resources)
    out = []
    for res in resources:
        resolved = None
        if res.type in ("aws:ec2/instance:Instance", "aws:autoscaling/group:Group", "aws:eks/nodeGroup:NodeGroup"):
            found = next((templates[r] for r in _template_ref(res.props) if r in templates), None)
            resolved = _with_template(res, found) if found is not None else None
        elif res.type == "aws:ecs/service:Service" and isinstance(res.props.get("taskDefinition"), str):
            task = tasks.get(res.props["taskDefinition"])
            if task is not None:
                props = dict(res.props)
                props[RESOLVED_TASK] = {k: task.props.get(k) for k in ("cpu", "memory", "runtimePlatform")}
                resolved = _replace(res, props)
        elif res.type in CLUSTER_OF and isinstance(res.props.get("clusterIdentifier"), str):
            cluster = clusters.get(CLUSTER_OF[res.type], {}).get(res.props["clusterIdentifier"])
            storage = cluster.props.get("storageType") if cluster is not None else None
            if isinstance(storage, str) and "storageType" not in res.props:
                resolved = _replace(res, {**res.props, "storageType": storage})
        else:
            owner = next((key for prefix, (owner_type, key) in SCALED_OWNERS.items() if owner_type == res.type), None)
            ident = res.props.get(owner) if owner else None
            if isinstance(ident, str) and (res.type, ident) in scaled:
                resolved = _replace(res, {**res.props, **scaled[(res.type, ident)]})
        out.append(resolved or res)
    return out
