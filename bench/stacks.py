"""Synthetic stacks with a realistic mix, for the benchmark.

EC2 instances of many types across regions (us-east-1 is priced; other regions are honestly
unpriced), EBS volumes, RDS instances, load balancers, S3 buckets, free IAM roles and security
groups, some values unknown during preview, and same-named resources under different parents.
Deterministic for a given size and seed.
"""
from __future__ import annotations

import random
from typing import Any

from pulumicost_policy.inputs.sentinels import UNKNOWN

EC2_TYPES = ["t3.micro", "t3.small", "t3.medium", "t3.large", "m5.large", "m5.xlarge", "m5.4xlarge", "c5.large",
             "c5.2xlarge", "r5.large", "r5.2xlarge", "t2.micro", "t2.medium", "m4.large", "i3.large"]
REGIONS = ["us-east-1"] * 7 + ["us-west-2", "eu-west-1", "ap-southeast-2"]
PARENTS = ["", "shop:web:Tier", "shop:batch:Tier", "shop:data:Tier"]
MIX = [  # (weight, kind)
    (40, "ec2"), (10, "ebs"), (5, "rds"), (3, "lb"), (5, "s3"), (15, "iam"), (15, "sg"), (5, "unknown"), (2, "nat"),
]


def _props(kind: str, rnd: random.Random) -> tuple[str, dict[str, Any]]:
    if kind == "ec2":
        return "aws:ec2/instance:Instance", {"instanceType": rnd.choice(EC2_TYPES), "tags": {"team": rnd.choice("abc")}}
    if kind == "ebs":
        return "aws:ebs/volume:Volume", {"type": rnd.choice(["gp2", "gp3", "io1"]), "size": rnd.choice([8, 20, 100, 500]),
                                         "availabilityZone": "us-east-1a"}
    if kind == "rds":
        return "aws:rds/instance:Instance", {"instanceClass": rnd.choice(["db.t3.micro", "db.t3.large"]),
                                             "engine": "mysql", "allocatedStorage": 20, "multiAz": rnd.random() < 0.3}
    if kind == "lb":
        return "aws:lb/loadBalancer:LoadBalancer", {"loadBalancerType": "application"}
    if kind == "s3":
        return "aws:s3/bucket:Bucket", {"bucket": f"b-{rnd.randrange(10**6)}"}
    if kind == "iam":
        return "aws:iam/role:Role", {"assumeRolePolicy": "{}"}
    if kind == "sg":
        return "aws:ec2/securityGroup:SecurityGroup", {"ingress": []}
    if kind == "nat":
        return "aws:ec2/natGateway:NatGateway", {"subnetId": "subnet-1"}
    return "aws:ec2/instance:Instance", {"instanceType": UNKNOWN}


def synthetic(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """`n` resources: dicts with type, name, urn, props and provider (region) properties."""
    rnd = random.Random(seed)
    kinds = [k for w, k in MIX for _ in range(w)]
    out = []
    for i in range(n):
        type_token, props = _props(rnd.choice(kinds), rnd)
        parent = PARENTS[i % len(PARENTS)]
        name = f"r{i // len(PARENTS)}"  # the same name under each parent
        qualified = f"{parent}${type_token}" if parent else type_token
        out.append({"type": type_token, "name": name, "urn": f"urn:pulumi:bench::shop::{qualified}::{name}",
                    "props": props, "provider": {"region": rnd.choice(REGIONS)}})
    return out


def preview_digest(resources: list[dict[str, Any]]) -> dict[str, Any]:
    """A `pulumi preview --json` digest creating `resources` (one provider per region)."""
    steps: list[dict[str, Any]] = []
    providers: dict[str, str] = {}
    for r in resources:
        region = r["provider"]["region"]
        if region not in providers:
            purn = f"urn:pulumi:bench::shop::pulumi:providers:aws::aws-{region}"
            providers[region] = purn
            steps.append({"op": "create", "urn": purn, "provider": "", "oldState": None,
                          "newState": {"urn": purn, "custom": True, "type": "pulumi:providers:aws",
                                       "inputs": {"region": region}, "outputs": {"region": region}}})
        steps.append({"op": "create", "urn": r["urn"], "provider": f"{providers[region]}::id", "oldState": None,
                      "newState": {"urn": r["urn"], "custom": True, "type": r["type"], "inputs": r["props"],
                                   "provider": f"{providers[region]}::id"}})
    return {"config": {}, "steps": steps, "changeSummary": {"create": len(steps)}}
