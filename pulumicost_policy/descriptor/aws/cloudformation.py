"""CloudFormation stacks: the instances, Auto Scaling groups and volumes their template defines.

`@pulumi/eks` v1 node groups are `aws:cloudformation/stack:Stack` resources whose `templateBody`
holds an `AWS::AutoScaling::AutoScalingGroup`; the launch configuration it names is usually a
resource of the Pulumi stack (resolved in the stack view: `resolve.py` adds its settings under
`RESOLVED_LAUNCH`), or one in the template. The template is read as JSON or YAML (short-form tags
such as `!Ref` become their long form), `parameters` fill in `Ref`s to parameters. A resource of the
template we cannot price makes the whole stack unpriced, naming it: pricing the rest would show a
part as the whole; a template of configuration types alone (IAM, security groups...) is free.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Optional

import yaml

from ..model import CostComponent, Free, Mapped, Unpriced, running, times
from ..registry import MONTHLY_HRS, PricedType, keys
from ..resolve import RESOLVED_LAUNCH
from ..values import Props, PropertyProblem
from .ebs import block_device, ebs_components
from .ec2 import SPOT_UNPRICED

CFN_DEFAULT_INSTANCE = "m1.small"  # AWS::EC2::Instance InstanceType default (CloudFormation docs)
# Template resource types that cost nothing by themselves (the resources they configure are billed).
CFN_FREE_PREFIXES = ("AWS::IAM::", "AWS::CloudFormation::WaitCondition")
CFN_FREE = frozenset({"AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::LaunchTemplate",
                      "AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress",
                      "AWS::AutoScaling::ScalingPolicy", "AWS::AutoScaling::LifecycleHook",
                      "AWS::AutoScaling::ScheduledAction", "AWS::EC2::VolumeAttachment", "AWS::EC2::VPC",
                      "AWS::EC2::Subnet", "AWS::EC2::RouteTable", "AWS::EC2::Route",
                      "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::InternetGateway",
                      "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::PlacementGroup"})


class _CfnLoader(yaml.SafeLoader):
    """PyYAML's safe loader, with CloudFormation's short-form tags (`!Ref X`, `!GetAtt a.b`,
    `!Sub ...`) read as the long form they abbreviate (`{"Ref": "X"}`, `{"Fn::GetAtt": [a, b]}`):
    the safe loader refuses unknown tags, and no tag may construct Python objects."""


def _short_form(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {suffix if suffix in ("Ref", "Condition") else f"Fn::{suffix}": value}


_CfnLoader.add_multi_constructor("!", _short_form)


def parse_template(body: str) -> Mapping[str, Any]:
    """A template body (JSON or YAML) as a mapping; PropertyProblem naming what is wrong (never the text)."""
    try:
        doc = json.loads(body)
    except ValueError:
        try:
            doc = yaml.load(body, Loader=_CfnLoader)  # noqa: S506 - a SafeLoader subclass
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = f" (line {mark.line + 1})" if mark is not None else ""
            raise PropertyProblem(f"templateBody is neither JSON nor YAML{where}") from None
    if not isinstance(doc, Mapping) or not isinstance(doc.get("Resources"), Mapping):
        raise PropertyProblem("templateBody should be a CloudFormation template with a Resources section")
    return doc


class _Template:
    """One template with its parameters: resolves `Ref`s to parameters in the values read."""

    def __init__(self, template: Mapping[str, Any], parameters: Mapping[str, Any], resolved: Mapping[str, Any]):
        self.resources: Mapping[str, Any] = template["Resources"]
        self.parameters = parameters
        self.resolved = resolved

    def substitute(self, value: Any) -> Any:
        """`{"Ref": parameter}` replaced by the parameter's value, recursively; other intrinsic
        functions stay as objects (a property read from one is then unpriced, naming it)."""
        if isinstance(value, Mapping):
            if set(value) == {"Ref"} and isinstance(value["Ref"], str) and value["Ref"] in self.parameters:
                return self.parameters[value["Ref"]]
            return {k: self.substitute(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.substitute(v) for v in value]
        return value

    def props(self, name: str) -> Props:
        res = self.resources.get(name)
        spec = res.get("Properties") if isinstance(res, Mapping) else None
        return Props(self.substitute(spec) if isinstance(spec, Mapping) else {})

    def referenced(self, value: Any, cfn_type: str) -> Optional[str]:
        """The template resource of `cfn_type` a `{"Ref": ...}` names."""
        if isinstance(value, Mapping) and isinstance(value.get("Ref"), str):
            res = self.resources.get(value["Ref"])
            if isinstance(res, Mapping) and res.get("Type") == cfn_type:
                return value["Ref"]
        return None


def _cfn_devices(p: Props, path: str) -> dict[str, Any]:
    """CloudFormation BlockDeviceMappings as the EC2 mappers' rootBlockDevice/ebsBlockDevices (the
    first mapping taken as the root device, as for launch templates)."""
    devices = []
    for i in range(p.count(path)):
        ebs = f"{path}[{i}].Ebs"
        if p.has(ebs):
            devices.append({k: v for k, v in (("volumeSize", p.num(f"{ebs}.VolumeSize")),
                                              ("volumeType", p.str(f"{ebs}.VolumeType")),
                                              ("iops", p.num(f"{ebs}.Iops")),
                                              ("throughput", p.num(f"{ebs}.Throughput"))) if v is not None})
    return {"rootBlockDevice": devices[0], "ebsBlockDevices": devices[1:]} if devices else {}


def _launch_settings(t: _Template, name: str, asg: Props) -> dict[str, Any] | Unpriced:
    """instanceType, spot, disks of the launch configuration or template an ASG (or instance) uses."""
    lc = asg.str("LaunchConfigurationName") if not isinstance(_raw(asg, "LaunchConfigurationName"), Mapping) else None
    ref_lc = t.referenced(_raw(asg, "LaunchConfigurationName"), "AWS::AutoScaling::LaunchConfiguration")
    if ref_lc:
        cfg = t.props(ref_lc)
        return {"instanceType": cfg.str("InstanceType"), "spot": cfg.has("SpotPrice"),
                **_cfn_devices(cfg, "BlockDeviceMappings")}
    spec_path = "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification" \
        if asg.has("MixedInstancesPolicy") else "LaunchTemplate"
    spec = _raw(asg, spec_path)
    if isinstance(spec, Mapping):
        ref_lt = next((r for k in ("LaunchTemplateId", "LaunchTemplateName")
                       if (r := t.referenced(spec.get(k), "AWS::EC2::LaunchTemplate"))), None)
        if ref_lt:
            data = t.props(ref_lt)
            market = (data.str("LaunchTemplateData.InstanceMarketOptions.MarketType") or "").lower()
            return {"instanceType": data.str("LaunchTemplateData.InstanceType"), "spot": market == "spot",
                    **_cfn_devices(data, "LaunchTemplateData.BlockDeviceMappings")}
        lc = next((v for k in ("LaunchTemplateId", "LaunchTemplateName")
                   if isinstance(v := spec.get(k), str)), None)
    if lc is None:
        return Unpriced(f"template resource {name}: its launch configuration or template is computed by a "
                        f"CloudFormation function, or not set")
    found = t.resolved.get(lc)
    if not isinstance(found, Mapping):
        return Unpriced(f"template resource {name}: its launch configuration or template is neither in the "
                        f"template nor in this stack view")
    return dict(found)


def _raw(p: Props, path: str) -> Any:
    """A value as the template has it (an intrinsic function stays an object)."""
    return p.value(path)


def _instance_lines(name: str, settings: Mapping[str, Any], count: float) -> list[CostComponent]:
    itype = settings["instanceType"]
    comps = [running(f"{name}: instance usage (Linux, on-demand) x {count:g}", "ec2:Instance", itype, count)]
    disks = Props({k: settings[k] for k in ("rootBlockDevice", "ebsBlockDevices") if k in settings})
    per_instance = block_device(disks, "rootBlockDevice", f"{name} root volume", "root_volume_gb")
    for i in range(disks.count("ebsBlockDevices")):
        per_instance += block_device(disks, f"ebsBlockDevices[{i}]", f"{name} EBS device {i}")
    return comps + [times(c, count) for c in per_instance]


def _asg(t: _Template, name: str) -> list[CostComponent] | Unpriced:
    asg = t.props(name)
    count = asg.num("DesiredCapacity")
    if count is None:
        count = asg.num("MinSize")
    if count is None:
        return Unpriced(f"template resource {name}: DesiredCapacity and MinSize not set")
    override = asg.str("MixedInstancesPolicy.LaunchTemplate.Overrides[0].InstanceType")
    on_demand = asg.num("MixedInstancesPolicy.InstancesDistribution.OnDemandPercentageAboveBaseCapacity", 100.0)
    settings = _launch_settings(t, name, asg)
    if isinstance(settings, Unpriced):
        return settings
    if settings.get("spot") or (on_demand is not None and on_demand < 100):
        return Unpriced(f"template resource {name} {SPOT_UNPRICED}")
    if override:
        settings["instanceType"] = override
    if not settings.get("instanceType"):
        return Unpriced(f"template resource {name}: its launch configuration or template sets no instance type")
    return _instance_lines(name, settings, count)


def _instance(t: _Template, name: str) -> list[CostComponent] | Unpriced:
    inst = t.props(name)
    if (inst.str("Tenancy", "default") or "default") != "default":
        return Unpriced(f"template resource {name}: only shared tenancy is in the price book")
    settings: dict[str, Any] = {}
    if inst.has("LaunchTemplate"):
        found = _launch_settings(t, name, inst)
        if isinstance(found, Unpriced):
            return found
        if found.get("spot"):
            return Unpriced(f"template resource {name} {SPOT_UNPRICED}")
        settings.update(found)
    settings.update(_cfn_devices(inst, "BlockDeviceMappings"))
    settings["instanceType"] = inst.str("InstanceType") or settings.get("instanceType") or CFN_DEFAULT_INSTANCE
    return _instance_lines(name, settings, 1.0)


def _volume(t: _Template, name: str) -> list[CostComponent] | Unpriced:
    vol = t.props(name)
    size = vol.num("Size")
    if size is None:
        return Unpriced(f"template resource {name}: Size not set (a volume sized by its snapshot)")
    return ebs_components(f"{name} volume", vol.str("VolumeType", "gp2") or "gp2", size, vol.num("Iops"),
                          vol.num("Throughput"))


HANDLERS = {"AWS::AutoScaling::AutoScalingGroup": _asg, "AWS::EC2::Instance": _instance, "AWS::EC2::Volume": _volume}


def cloudformation_stack(p: Props) -> Mapped | Free | Unpriced:
    body = p.str("templateBody")
    if body is None:
        return Unpriced("the template is not in the stack file (templateUrl): its resources cannot be priced")
    template = parse_template(body)
    params = _template_parameters(template, p)
    t = _Template(template, params, p.value(RESOLVED_LAUNCH) or {})
    comps: list[CostComponent] = []
    others: set[str] = set()
    for name, res in t.resources.items():
        cfn_type = res.get("Type") if isinstance(res, Mapping) else None
        if not isinstance(cfn_type, str):
            raise PropertyProblem(f"templateBody resource {name} has no Type")
        if cfn_type in CFN_FREE or cfn_type.startswith(CFN_FREE_PREFIXES):
            continue
        handler = HANDLERS.get(cfn_type)
        if handler is None:
            others.add(cfn_type)
            continue
        try:
            lines = handler(t, str(name))
        except PropertyProblem as problem:
            return Unpriced(f"template resource {name}: Properties.{problem.reason}")
        if isinstance(lines, Unpriced):
            return lines
        comps += lines
    if others:
        return Unpriced(f"the template defines {', '.join(sorted(others))}: not priced inside CloudFormation "
                        f"stacks yet (only Auto Scaling groups, EC2 instances and volumes)")
    if not comps:
        return Free("the template defines only configuration (IAM, security groups, launch configurations...)")
    return Mapped("cloudformation-stack", comps)


def _template_parameters(template: Mapping[str, Any], p: Props) -> dict[str, Any]:
    """Parameter values: the stack's `parameters` (strings) over the template's defaults."""
    out: dict[str, Any] = {}
    declared = template.get("Parameters")
    if isinstance(declared, Mapping):
        out = {str(n): s["Default"] for n, s in declared.items() if isinstance(s, Mapping) and "Default" in s}
    given = p.value("parameters")
    if isinstance(given, Mapping):
        out.update({str(k): v for k, v in given.items() if isinstance(v, (str, int, float))})
    return out


TYPES = (
    PricedType(("aws:cloudformation/stack:Stack",), "cloudformation:Stack", cloudformation_stack,
               keys("ec2:Instance t3.medium", "ebs:Volume gp2", "ebs:Volume gp3", example=("ec2:Instance t3.medium",)),
               (MONTHLY_HRS,),
               "the Auto Scaling groups (desired capacity x Linux on-demand hours, the launch configuration's or "
               "template's disks), EC2 instances and EBS volumes its template defines; spot capacity and other "
               "resource types unpriced with the reason"),
)
