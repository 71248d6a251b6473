"""Settings one resource takes from another in the same stack: an instance type, disks, detailed
monitoring, CPU credit mode and tenancy from a launch template or configuration, a Fargate task's size from its task definition, the capacity an
auto-scaling target keeps a DynamoDB table or ElastiCache replication group at (its minimum), an
Aurora or DocumentDB cluster instance's storage configuration (I/O-Optimized instances cost more) from
its cluster, an EBS snapshot's (or a copy's) size from the volume it is of (the snapshot's own volumeSize is an
output, unknown until it exists), a GCE managed instance group's VMs from its instance template.

Only a whole-stack view can do this (the offline run and AnalyzeStack price every resource of the
stack together); Analyze sees one resource and says the reference is unresolved. A reference is
matched by id, name or ARN among the stack's resources; during preview, when the id of a resource
created in the same run is still unknown, by the engine's record of what the property was computed
from (`propertyDependencies`: the one resource of the right type it names), else by the resource's
`dependencies` when exactly one of them has the right type. Never guessed.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Optional

from ..inputs.resource import ResourceInput
from .regions import stated_region
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
# Azure function apps and the App Service plan they run on (its SKU decides who carries the cost).
PLAN_TYPES = ("azure:appservice/plan:Plan", "azure:appservice/servicePlan:ServicePlan", "azure-native:web:AppServicePlan")
FUNCTION_APPS = ("azure:appservice/functionApp:FunctionApp", "azure:appservice/linuxFunctionApp:LinuxFunctionApp",
                 "azure:appservice/windowsFunctionApp:WindowsFunctionApp")
PLAN_REFS = ("appServicePlanId", "servicePlanId")
RESOLVED_PLAN = "resolvedPlanSku"  # the key the function app mapper reads
CFN_STACK = "aws:cloudformation/stack:Stack"
RESOLVED_LAUNCH = "resolvedLaunchSettings"  # the key the CloudFormation stack mapper reads
# cluster instance type -> its cluster's type
VOLUME, SNAPSHOT = "aws:ebs/volume:Volume", "aws:ebs/snapshot:Snapshot"
SNAPSHOT_COPY = "aws:ebs/snapshotCopy:SnapshotCopy"
# GCE managed instance groups and the instance templates their VMs are made from.
GCE_TEMPLATES = ("gcp:compute/instanceTemplate:InstanceTemplate",
                 "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate")
GCE_GROUPS = ("gcp:compute/instanceGroupManager:InstanceGroupManager",
              "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager")
GROUP_TEMPLATE_REFS = ("versions", "instanceTemplate")
RESOLVED_INSTANCE_TEMPLATE = "resolvedInstanceTemplate"  # the key the instance group mapper reads
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
    """AWS resources that state no region, with a hint of where they run: the availability zone of a
    subnet of the stack they are placed in, else the one region the other resources on the same
    provider state (an old checkpoint's API whose bucket says us-east-2). Used only when the resource,
    its ARN and its provider say nothing (regions.resolve_region)."""
    aws = [r for r in resources if r.type.startswith("aws:")]
    zones = {ref: zone for res in aws if res.type in SUBNET_TYPES
             and isinstance(zone := res.props.get("availabilityZone"), str) and not is_unknown(zone)
             for ref in _strings([res.props.get("id"), res.props.get("arn")])}
    stated = {res.urn: stated_region("aws", res.props) for res in aws}
    by_provider: dict[str, set[str]] = {}
    for res in aws:
        if stated[res.urn]:
            by_provider.setdefault(_provider_key(res), set()).add(stated[res.urn])
    out = []
    for res in resources:
        zone, neighbour = "", ""
        if res.type.startswith("aws:") and not stated[res.urn]:
            zone = next((zones[s] for s in _subnet_ids(res.props) if s in zones), "")
            regions = by_provider.get(_provider_key(res), set())
            neighbour = next(iter(regions)) if len(regions) == 1 else ""
        out.append(replace(res, subnet_zone=zone, neighbour_region=neighbour) if zone or neighbour else res)
    return out


def _provider_key(res: ResourceInput) -> str:
    """Resources with the same provider settings run in the same region."""
    return repr(sorted((res.provider_props or {}).items(), key=lambda kv: kv[0]))


def _plan_sku(plan: ResourceInput) -> str:
    """An App Service plan's SKU as one lower-case string of its tier and size ("dynamic y1", "s1")."""
    props = plan.props
    sku = props.get("sku")
    parts = [sku.get(k) for k in ("tier", "size", "name")] if isinstance(sku, Mapping) else [sku]
    parts.append(props.get("skuName"))
    return " ".join(_strings(parts)).lower()


def _with_plans(resources: Sequence[ResourceInput]) -> list[ResourceInput]:
    """Function apps with the SKU of the plan they run on (by id, else the engine's dependencies)."""
    plans = {r.urn: r for r in resources if r.type in PLAN_TYPES}
    if not plans:
        return list(resources)
    by_id = _index(resources, PLAN_TYPES, ("id",))
    out = []
    for res in resources:
        plan = None
        if res.type in FUNCTION_APPS:
            plan = next((by_id[r] for r in _strings(res.props.get(k) for k in PLAN_REFS) if r in by_id), None) \
                or _depended(res, PLAN_REFS, plans, PLAN_TYPES)
        sku = _plan_sku(plan) if plan is not None else ""
        out.append(_replace(res, {**res.props, RESOLVED_PLAN: sku}) if sku else res)
    return out


def _known_size(props: Mapping[str, Any], key: str) -> Optional[float]:
    value = props.get(key)
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 else None


def _referenced(res: ResourceInput, key: str, index: Mapping[str, ResourceInput],
                by_urn: Mapping[str, ResourceInput], types: tuple[str, ...]) -> Optional[ResourceInput]:
    """The stack's resource that `res.props[key]` names: by its id, else (the id is unknown during preview)
    through the engine's record of what the property depends on."""
    ref = res.props.get(key)
    found = index.get(ref) if isinstance(ref, str) else None
    if found is None and (not isinstance(ref, str) or is_unknown(ref)):
        found = _depended(res, (key,), by_urn, types)
    return found


def _snapshot_sizes(resources: Sequence[ResourceInput], by_urn: Mapping[str, ResourceInput]) -> dict[str, float]:
    """URN of a snapshot or snapshot copy that does not know its size -> the size of the volume of the stack it
    is of (by volumeId, else the engine's dependencies; a copy through its source snapshot)."""
    volumes = _index(resources, (VOLUME,), ("id", "arn"))
    sizes: dict[str, float] = {}
    for res in resources:
        if res.type == SNAPSHOT and _known_size(res.props, "volumeSize") is None:
            volume = _referenced(res, "volumeId", volumes, by_urn, (VOLUME,))
            size = _known_size(volume.props, "size") if volume is not None else None
            if size is not None:
                sizes[res.urn] = size
    snapshots = _index(resources, (SNAPSHOT,), ("id", "arn"))
    for res in resources:
        if res.type == SNAPSHOT_COPY and _known_size(res.props, "volumeSize") is None:
            source = _referenced(res, "sourceSnapshotId", snapshots, by_urn, (SNAPSHOT,))
            size = None if source is None else _known_size(source.props, "volumeSize") or sizes.get(source.urn)
            if size is not None:
                sizes[res.urn] = size
    return sizes


def _group_template(res: ResourceInput, templates: Mapping[str, ResourceInput],
                    by_urn: Mapping[str, ResourceInput]) -> Optional[ResourceInput]:
    """The instance template a managed instance group's (first) version names: by id, self link or name (a
    link's last segment), else through the engine's dependencies while the link is unknown."""
    versions = res.props.get("versions")
    first = versions[0] if isinstance(versions, list) and versions and isinstance(versions[0], Mapping) else {}
    refs = _strings([first.get("instanceTemplate"), res.props.get("instanceTemplate")])
    if not refs:
        return _depended(res, GROUP_TEMPLATE_REFS, by_urn, GCE_TEMPLATES)
    found = (templates.get(r) or templates.get(r.rsplit("/", 1)[-1]) for r in refs)
    return next((template for template in found if template is not None), None)


def resolve_references(resources: Sequence[ResourceInput]) -> list[ResourceInput]:
    """The resources, with the settings they take from other resources in the list."""
    resources = _with_plans(_with_zones(resources))
    by_urn = {res.urn: res for res in resources
              if res.type in (*TEMPLATE_TYPES, TASK_DEFINITION, VOLUME, SNAPSHOT, *GCE_TEMPLATES,
                              *(t for t, _ in SCALED_OWNERS.values()))}
    templates = _index(resources, TEMPLATE_TYPES, ("id", "name", "arn"))
    tasks = {ref: res for res in resources if res.type == TASK_DEFINITION for ref in _task_refs(res)}
    scaled = _scaling_minimums(resources, by_urn)
    clusters = {t: _index(resources, (t,), ("clusterIdentifier", "id", "arn")) for t in CLUSTER_OF.values()}
    clusters = {t: index for t, index in clusters.items() if index}
    snapshot_sizes = _snapshot_sizes(resources, by_urn)
    gce_templates = _index(resources, GCE_TEMPLATES, ("id", "selfLink", "selfLinkUnique", "name"))
    if not by_urn and not clusters:  # nothing another resource could take settings from
        return list(resources)
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
        elif res.type in CLUSTER_OF and isinstance(res.props.get("clusterIdentifier"), str):
            cluster = clusters.get(CLUSTER_OF[res.type], {}).get(res.props["clusterIdentifier"])
            storage = cluster.props.get("storageType") if cluster is not None else None
            if isinstance(storage, str) and "storageType" not in res.props:
                resolved = _replace(res, {**res.props, "storageType": storage})
        elif res.urn in snapshot_sizes:
            resolved = _replace(res, {**res.props, "volumeSize": snapshot_sizes[res.urn]})
        elif res.type in GCE_GROUPS and (template := _group_template(res, gce_templates, by_urn)) is not None:
            resolved = _replace(res, {**res.props, RESOLVED_INSTANCE_TEMPLATE: dict(template.props)})
        else:
            owner = next((key for prefix, (owner_type, key) in SCALED_OWNERS.items() if owner_type == res.type), None)
            ident = res.props.get(owner) if owner else None
            minimums = scaled.get((res.type, ident)) if isinstance(ident, str) else None
            minimums = minimums or scaled.get(res.urn)
            if minimums:
                resolved = _replace(res, {**res.props, **minimums})
        out.append(resolved or res)
    return out
