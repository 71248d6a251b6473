"""CloudFormation stacks priced by the resources their template defines (issue #25)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pulumicost_policy.descriptor import describe
from pulumicost_policy.descriptor.model import Free, ResourceDescriptor, Unpriced
from pulumicost_policy.descriptor.resolve import resolve_references
from pulumicost_policy.inputs.resource import ResourceInput
from pulumicost_policy.pricing.lookup import price_from_book
from pulumicost_policy.pricing.pricebook import PriceBook

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
STACK = "aws:cloudformation/stack:Stack"
PROVIDER = {"region": "us-east-1"}


def rate(price_type: str, sku: str, region: str = "us-east-1") -> float:
    return PriceBook.load().get("aws", price_type, sku, region).rate_per_unit


def stack(body: str, **props) -> ResourceInput:
    return ResourceInput("urn:cfn", STACK, "cfn", {"templateBody": body, **props}, PROVIDER)


def monthly(res: ResourceInput) -> float:
    desc = describe(res)
    assert isinstance(desc, ResourceDescriptor), desc
    return price_from_book(PriceBook.load(), desc, {}).monthly


YAML_BODY = """
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  NodeType: {Type: String, Default: m5.large}
  Nodes: {Type: Number, Default: 2}
Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      InstanceType: !Ref NodeType
      ImageId: !Sub "${AWS::Region}-ami"
      BlockDeviceMappings: [{DeviceName: /dev/xvda, Ebs: {VolumeSize: 50, VolumeType: gp3}}]
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      DesiredCapacity: !Ref Nodes
      LaunchConfigurationName: !Ref Config
      VPCZoneIdentifier: !Split [",", !GetAtt Vpc.Subnets]
  Role: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {}}}
Outputs:
  Name: {Value: !GetAtt Group.Name}
"""


def test_yaml_template_with_short_form_tags_and_parameters():
    nodes = 730 * rate("ec2:Instance", "m5.large") + 50 * rate("ebs:Volume", "gp3")
    assert monthly(stack(YAML_BODY)) == pytest.approx(2 * nodes)
    # the stack's parameters override the template's defaults
    assert monthly(stack(YAML_BODY, parameters={"Nodes": "3", "NodeType": "c5.large"})) == pytest.approx(
        3 * (730 * rate("ec2:Instance", "c5.large") + 50 * rate("ebs:Volume", "gp3")))


def test_json_template_instances_and_volumes():
    body = json.dumps({"Resources": {
        "Web": {"Type": "AWS::EC2::Instance", "Properties": {"InstanceType": "t3.small"}},
        "Data": {"Type": "AWS::EC2::Volume", "Properties": {"Size": 100, "VolumeType": "gp2"}},
        "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {}}}})
    assert monthly(stack(body)) == pytest.approx(730 * rate("ec2:Instance", "t3.small") + 100 * rate("ebs:Volume", "gp2"))


def test_anything_else_is_unpriced_naming_it_never_free():
    body = json.dumps({"Resources": {"Web": {"Type": "AWS::EC2::Instance", "Properties": {"InstanceType": "t3.small"}},
                                     "Db": {"Type": "AWS::RDS::DBInstance", "Properties": {}}}})
    desc = describe(stack(body))
    assert isinstance(desc, Unpriced) and "AWS::RDS::DBInstance" in desc.reason
    assert isinstance(describe(stack(json.dumps({"Resources": {"R": {"Type": "AWS::IAM::Role"}}}))), Free)
    bad = describe(stack("Resources: [unclosed"))
    assert isinstance(bad, Unpriced) and "templateBody" in bad.reason
    # a tag that would build a Python object is only a CloudFormation short form, never executed
    odd = describe(stack("Resources:\n  X: !!python/object/apply:os.system ['true']\n"))
    assert isinstance(odd, Unpriced)
    assert isinstance(describe(ResourceInput("urn:c", STACK, "c", {"templateUrl": "https://x"}, PROVIDER)), Unpriced)


def test_launch_configuration_from_the_pulumi_stack_and_spot():
    body = "Resources:\n  G:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties:\n" \
           "      DesiredCapacity: 2\n      LaunchConfigurationName: lc-1\n"
    lc = ResourceInput("urn:lc", "aws:ec2/launchConfiguration:LaunchConfiguration", "lc",
                       {"name": "lc-1", "instanceType": "t3.medium", "rootBlockDevice": {"volumeSize": 20}})
    cfn = resolve_references([lc, stack(body)])[1]
    assert monthly(cfn) == pytest.approx(2 * (730 * rate("ec2:Instance", "t3.medium") + 20 * rate("ebs:Volume", "gp2")))
    alone = describe(stack(body))
    assert isinstance(alone, Unpriced) and "neither in the template nor in this stack view" in alone.reason
    spot = ResourceInput("urn:lc", "aws:ec2/launchConfiguration:LaunchConfiguration", "lc",
                         {"name": "lc-1", "instanceType": "t3.medium", "spotPrice": "1"})
    reason = describe(resolve_references([spot, stack(body)])[1])
    assert isinstance(reason, Unpriced) and "spot prices are not in the price book" in reason.reason


@pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is not here")
def test_eks_v1_node_groups_in_cloudformation_stacks_are_priced():
    out = subprocess.run([sys.executable, "-m", "pulumicost_policy.projected", "--pulumi-state",
                          str(REALDATA / "eks-nodegroup-asg-stack.json"), "--output", "json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    stacks = [r for r in json.loads(out.stdout)["resources"] if r["type"] == STACK]
    assert len(stacks) == 4
    on_demand = [r for r in stacks if r["status"] == "priced"]
    spot = [r for r in stacks if r["status"] == "unpriced"]
    assert sorted(r["name"] for r in spot) == ["example-ng-advanced-spot-nodes", "example-ng-simple-spot-nodes"]
    assert all("spot prices are not in the price book" in r["unpriced_reason"] for r in spot)
    t3 = rate("ec2:Instance", "t3.medium", "us-west-2")
    assert [r["monthly"] for r in on_demand] == [pytest.approx(730 * t3)] * 2  # one t3.medium node each


def test_spot_node_groups_and_groups_are_unpriced_with_the_reason():
    ng = ResourceInput("urn:ng", "aws:eks/nodeGroup:NodeGroup", "ng",
                       {"capacityType": "SPOT", "instanceTypes": ["t3.medium"], "scalingConfig": {"desiredSize": 2}},
                       PROVIDER)
    assert "spot prices are not in the price book" in describe(ng).reason
    lt = ResourceInput("urn:lt", "aws:ec2/launchTemplate:LaunchTemplate", "lt",
                       {"id": "lt-1", "instanceType": "t3.medium", "instanceMarketOptions": {"marketType": "spot"}})
    asg = ResourceInput("urn:asg", "aws:autoscaling/group:Group", "asg",
                        {"desiredCapacity": 2, "launchTemplate": {"id": "lt-1"}}, PROVIDER)
    assert "spot prices are not in the price book" in describe(resolve_references([lt, asg])[1]).reason
