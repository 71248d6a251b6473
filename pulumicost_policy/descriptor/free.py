"""Resource types that cost nothing by themselves: known as free, not counted as unpriced.

Patterns are type-token globs. Anything billed by usage of *other* resources (a VPC's traffic, an
IAM role's calls) is charged where the usage happens, so these stay $0 with "no direct cost".
"""
from __future__ import annotations

from fnmatch import fnmatchcase
from functools import lru_cache

FREE_PATTERNS = (
    "pulumi:*",
    "random:*", "tls:*", "command:*", "time:*", "null:*",
    "aws:iam/*",
    "aws:ec2/securityGroup*", "aws:vpc/securityGroup*", "aws:ec2/vpc:*", "aws:ec2/vpc*", "aws:ec2/subnet*",
    "aws:ec2/routeTable*", "aws:ec2/route:*", "aws:ec2/internetGateway*", "aws:ec2/keyPair*",
    "aws:ec2/launchTemplate*", "aws:ec2/mainRouteTableAssociation*", "aws:ec2/networkAcl*",
    "aws:ec2/defaultVpc*", "aws:ec2/defaultSubnet*", "aws:ec2/defaultSecurityGroup*",
    "aws:ec2/tag:*", "aws:ec2/eipAssociation*", "aws:ec2/networkInterface*",
    "aws:s3/bucketPolicy*", "aws:s3/bucketPublicAccessBlock*", "aws:s3/bucketVersioning*",
    "aws:s3/bucketServerSideEncryption*", "aws:s3/bucketOwnershipControls*", "aws:s3/bucketAcl*",
    "aws:s3/bucketLifecycleConfiguration*", "aws:lambda/permission*", "aws:lb/listener*", "aws:lb/targetGroup*",
    "aws:alb/listener*", "aws:alb/targetGroup*", "aws:rds/subnetGroup*", "aws:rds/parameterGroup*",
    "aws:eks/addon*", "aws:cloudwatch/eventRule*", "aws:cloudwatch/eventTarget*",
    "azure:core/resourceGroup*", "azure-native:resources:ResourceGroup", "azure:network/virtualNetwork*",
    "azure:network/subnet*", "azure:network/networkSecurityGroup*", "azure:network/networkInterface*",
    "azure-native:network:VirtualNetwork", "azure-native:network:Subnet", "azure-native:network:NetworkSecurityGroup",
    "azure-native:network:NetworkInterface", "azure-native:authorization:*", "azure:authorization/*",
    "gcp:compute/network:*", "gcp:compute/subnetwork:*", "gcp:compute/firewall:*", "gcp:serviceaccount/*",
    "gcp:projects/iam*", "gcp:compute/route:*",
)


@lru_cache(maxsize=4096)  # a stack has few distinct types and many resources
def is_free(type_token: str) -> bool:
    return any(fnmatchcase(type_token, pattern) for pattern in FREE_PATTERNS)
