"""Settings one resource takes from another in the same stack: an instance type, disks, detailed
monitoring, CPU credit mode and tenancy from a launch template or configuration, a Fargate task's size from its task definition, the capacity an
auto-scaling target keeps a DynamoDB table or ElastiCache replication group at (its minimum).

Only a whole-stack view can do this (the offline run and AnalyzeStack price every resource of the
stack together); Analyze sees one resource and says the reference is unresolved. A reference is
matched by id, name or ARN among the stack's resources; during preview, when the id of a resource
created in the same run is still unknown, by the engine's record of what the property was computed
from (`propertyDependencies`: the one resource of the right type it names), else by the resource's
`dependencies` when exactly one of them has the right type. Never guessed.
"""
from __future__ import annotations

from dataclasses import replace
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
CFN_STACK = "aws:cloudformation/stack:Stack"
RESOLVED_LAUNCH = "resolvedLaunchSettings"  # the key the CloudFormation stack mapper reads


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
    market = props.get("instanceMarketOptions")
    if props.get("spotPrice") or (isinstance(market, Mapping) and str(market.get("marketType", "")).lower() == "spot"):
        out["spot"] = True
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
    return replace(res, props=props)


def _depended(res: ResourceInput, props: tuple[str, ...], by_urn: Mapping[str, ResourceInput],
              types: tuple[str, ...]) -> Optional[ResourceInput]:
    """The one resource of `types` that the engine says `props` were computed from, else the one of
    those types among the resource's dependencies; None when there is none or more than one."""
    for prop in props:
        found = {u for u in res.property_dependencies.get(prop, ()) if u in by_urn and by_urn[u].type in types}
        if len(found) == 1:
            return by_urn[found.pop()]
    found = {u for u in res.dependencies if u in by_urn and by_urn[u].type in types}
    return by_urn[found.pop()] if len(found) == 1 else None


TEMPLATE_PROPS = ("launchTemplate", "mixedInstancesPolicy", "launchConfiguration")


def _task_refs(task: ResourceInput) -> list[str]:
    family, revision = task.props.get("family"), task.props.get("revision")
    refs = _strings([task.props.get("arn"), family])
    if isinstance(family, str) and isinstance(revision, (int, float)) and not isinstance(revision, bool):
        refs.append(f"{family}:{int(revision)}")
    return refs


def _scaling_minimums(resources: Sequence[ResourceInput], by_urn: Mapping[str, ResourceInput]
                      ) -> dict[Any, dict[str, float]]:
    """(owner type, owner id), or the owner's URN when the resourceId is unknown during preview and
    the engine names the owner it was computed from -> {property: the target's minimum capacity}."""
    out: dict[Any, dict[str, float]] = {}
    for res in resources:
        if res.type != SCALING_TARGET:
            continue
        dimension, resource_id = res.props.get("scalableDimension"), res.props.get("resourceId")
        minimum = res.props.get("minCapacity")
        if dimension not in SCALED or isinstance(minimum, bool) or not isinstance(minimum, (int, float)) \
                or minimum < 0:
            continue
        prefix, prop = SCALED[dimension]
        owner_type = SCALED_OWNERS[prefix][0]
        if isinstance(resource_id, str) and not is_unknown(resource_id) and resource_id.startswith(prefix):
            out.setdefault((owner_type, resource_id[len(prefix):]), {})[prop] = float(minimum)
        elif (owner := _depended(res, ("resourceId",), by_urn, (owner_type,))) is not None:
            out.setdefault(owner.urn, {})[prop] = float(minimum)
    return out


SUBNET_TYPES = ("aws:ec2/subnet:Subnet", "aws:ec2/defaultSubnet:DefaultSubnet")
# Where AWS resources name the subnets they are placed in.
SUBNET_REFS = ("subnetId", "subnetIds", "subnets", "networkConfiguration.subnets", "vpcConfig.subnetIds",
               "subnetMappings", "vpcOptions.subnetIds")


def _subnet_ids(props: Mapping[str, Any]) -> list[str]:
    refs: list[Any] = []
    for path in SUBNET_REFS:
        node: Any = props
        for part in path.split("."):
            node = node.get(part) if isinstance(node, Mapping) else None
        items = node if isinstance(node, list) else [node]
        refs += [i.get("subnetId") if isinstance(i, Mapping) else i for i in items]
    return _strings(refs)


def _with_zones(resources: Sequence[ResourceInput]) -> list[ResourceInput]:
    """AWS resources placed in a subnet of the stack, with that subnet's availability zone as a hint
    for their region (used only when the resource, its ARN and its provider say nothing)."""
    zones = {ref: zone for res in resources if res.type in SUBNET_TYPES
             and isinstance(zone := res.props.get("availabilityZone"), str) and not is_unknown(zone)
             for ref in _strings([res.props.get("id"), res.props.get("arn")])}
    if not zones:
        return list(resources)
    out = []
    for res in resources:
        zone = next((zones[s] for s in _subnet_ids(res.props) if s in zones), "") \
            if res.type.startswith("aws:") and res.type not in SUBNET_TYPES else ""
        out.append(replace(res, zone_hint=zone) if zone else res)
    return out


def resolve_references(resources: Sequence[ResourceInput]) -> list[ResourceInput]:
    """The resources, with the settings they take from other resources in the list."""
    resources = _with_zones(resources)
    by_urn = {res.urn: res for res in resources
              if res.type in (*TEMPLATE_TYPES, TASK_DEFINITION, *(t for t, _ in SCALED_OWNERS.values()))}
    if not by_urn:
        return list(resources)
    templates = _index(resources, TEMPLATE_TYPES, ("id", "name", "arn"))
    tasks = {ref: res for res in resources if res.type == TASK_DEFINITION for ref in _task_refs(res)}
    scaled = _scaling_minimums(resources, by_urn)
    out = []
    for res in resources:
        resolved = None
        if res.type in ("aws:ec2/instance:Instance", "aws:autoscaling/group:Group", "aws:eks/nodeGroup:NodeGroup"):
            refs = _template_ref(res.props)  # the known ones: a known id not in the stack is another stack's
            found = next((templates[r] for r in refs if r in templates), None)
            if not refs and any(res.props.get(k) is not None for k in TEMPLATE_PROPS):
                found = _depended(res, TEMPLATE_PROPS, by_urn, TEMPLATE_TYPES)
            resolved = _with_template(res, found) if found is not None else None
        elif res.type == "aws:ecs/service:Service" and isinstance(res.props.get("taskDefinition"), str):
            task = tasks.get(res.props["taskDefinition"])
            if task is None and is_unknown(res.props["taskDefinition"]):
                task = _depended(res, ("taskDefinition",), by_urn, (TASK_DEFINITION,))
            if task is not None:
                props = dict(res.props)
                props[RESOLVED_TASK] = {k: task.props.get(k) for k in ("cpu", "memory", "runtimePlatform")}
                resolved = _replace(res, props)
        elif res.type == CFN_STACK and isinstance(res.props.get("templateBody"), str) and templates:
            body = res.props["templateBody"]  # the launch configurations and templates its text names
            named = {ref: _template_settings(t) for ref, t in templates.items() if ref in body}
            resolved = _replace(res, {**res.props, RESOLVED_LAUNCH: named}) if named else None
        else:
            owner = next((key for prefix, (owner_type, key) in SCALED_OWNERS.items() if owner_type == res.type), None)
            ident = res.props.get(owner) if owner else None
            minimums = scaled.get((res.type, ident)) if isinstance(ident, str) else None
            minimums = minimums or scaled.get(res.urn)
            if minimums:
                resolved = _replace(res, {**res.props, **minimums})
        out.append(resolved or res)
    return out
