"""Resource types that cost nothing by themselves: known as free, not counted as unpriced.

Patterns are type-token globs, grouped by the reason shown for them. Anything billed by usage of
*other* resources (a VPC's traffic, an IAM role's calls) is charged where the usage happens, so
these stay $0. A pattern must never match a billable type of the registry (a test checks every
pattern against it): `aws:ec2/vpc*` once made VPC endpoints free.
"""
from __future__ import annotations

from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Optional

NO_DIRECT_COST = "no direct cost"
K8S_CLOUD = "billed by the cloud resources it creates (load balancer, volume)"

FREE_PATTERNS: dict[str, tuple[str, ...]] = {
    "Pulumi internals and local-only providers": (
        "pulumi:*", "random:*", "tls:*", "command:*", "time:*", "null:*",
        "eks:index:VpcCni", "eks:index:RandomSuffix", "kubernetes:helm.sh/*", "kubernetes:yaml:*",
    ),
    K8S_CLOUD: (
        "kubernetes:core/v1:Service", "kubernetes:core/v1:ServicePatch", "kubernetes:core/v1:PersistentVolumeClaim",
        "kubernetes:core/v1:PersistentVolume",
    ),
    "a Kubernetes object: it runs on the cluster's nodes, which carry the cost": (
        "kubernetes:*",
    ),
    "identity and access (no charge)": (
        "aws:iam/*", "azure:authorization/*", "azure-native:authorization:*", "gcp:serviceaccount/*",
        "gcp:projects/iam*", "gcp:*/iam*", "aws:kms/alias:*", "aws:kms/grant:*",
    ),
    "network scaffolding (traffic is billed where it flows)": (
        "aws:ec2/securityGroup*", "aws:vpc/securityGroup*", "aws:ec2/vpc:Vpc", "aws:ec2/vpcDhcpOptions*",
        "aws:ec2/vpcIpv4CidrBlockAssociation:*", "aws:ec2/subnet:*", "aws:ec2/routeTable:*",
        "aws:ec2/routeTableAssociation:*", "aws:ec2/route:*", "aws:ec2/internetGateway*",
        "aws:ec2/egressOnlyInternetGateway:*", "aws:ec2/keyPair:*", "aws:ec2/mainRouteTableAssociation:*",
        "aws:ec2/networkAcl*", "aws:ec2/defaultVpc:*", "aws:ec2/defaultSubnet:*", "aws:ec2/defaultSecurityGroup:*",
        "aws:ec2/defaultRouteTable:*", "aws:ec2/defaultNetworkAcl:*", "aws:ec2/tag:*", "aws:ec2/eipAssociation:*",
        "aws:ec2/networkInterface:*", "aws:ec2/networkInterfaceAttachment:*", "aws:ec2/volumeAttachment:*",
        "aws:ec2/vpcEndpointRouteTableAssociation:*", "aws:ec2/vpcEndpointSubnetAssociation:*",
        "aws:ec2/vpcPeeringConnection:*", "aws:ec2/vpcPeeringConnectionAccepter:*", "aws:ec2/flowLog:*",
        "aws:ec2/placementGroup:*",
        "aws:ec2/customerGateway:*", "aws:ec2/vpnGateway:*", "aws:ec2/vpnGatewayAttachment:*",
        "aws:ec2/vpnGatewayRoutePropagation:*", "aws:ec2/vpnConnectionRoute:*",
        "aws:ec2transitgateway/transitGateway:*", "aws:ec2transitgateway/routeTable:*",
        "aws:ec2transitgateway/routeTableAssociation:*", "aws:ec2transitgateway/routeTablePropagation:*",
        "aws:ec2transitgateway/route:*", "aws:ec2transitgateway/vpcAttachmentAccepter:*",
        "aws:ec2transitgateway/peeringAttachmentAccepter:*", "aws:ec2clientvpn/authorizationRule:*",
        "aws:ec2clientvpn/route:*", "aws:wafv2/webAclAssociation:*", "aws:wafv2/ipSet:*",
        "aws:wafv2/regexPatternSet:*", "aws:wafv2/webAclLoggingConfiguration:*",
        "azure:network/virtualNetwork:VirtualNetwork", "azure:network/virtualNetworkPeering:*",
        "azure:network/subnet*", "azure:network/networkSecurityGroup:*", "azure:network/networkSecurityRule:*",
        "azure:network/networkInterface*", "azure:network/routeTable:*", "azure:network/route:*",
        "azure-native:network:VirtualNetwork", "azure-native:network:VirtualNetworkPeering",
        "azure-native:network:Subnet", "azure-native:network:NetworkSecurityGroup",
        "azure-native:network:SecurityRule", "azure-native:network:NetworkInterface", "azure-native:network:RouteTable",
        "gcp:compute/network:*", "gcp:compute/subnetwork:*", "gcp:compute/firewall:*", "gcp:compute/route:*",
        "gcp:compute/router:Router", "gcp:compute/routerInterface:*", "gcp:compute/routerPeer:*",
        "gcp:compute/haVpnGateway:*", "gcp:compute/vpnGateway:*", "gcp:compute/externalVpnGateway:*",
    ),
    "launch configuration or template: the instances launched from it carry the cost": (
        "aws:ec2/launchTemplate:*", "aws:ec2/launchConfiguration:*", "gcp:compute/instanceTemplate:*",
        "gcp:compute/regionInstanceTemplate:*",
    ),
    "configuration of a billed resource (no charge of its own)": (
        "aws:s3/bucketPolicy:*", "aws:s3/bucketPublicAccessBlock:*", "aws:s3/bucketVersioning*",
        "aws:s3/bucketServerSideEncryption*", "aws:s3/bucketOwnershipControls:*", "aws:s3/bucketAcl*",
        "aws:s3/bucketLifecycleConfiguration*", "aws:s3/bucketNotification:*", "aws:s3/bucketCorsConfiguration*",
        "aws:s3/bucketWebsiteConfiguration*", "aws:s3/bucketLogging*", "aws:s3/bucketObject*",
        "aws:lambda/permission:*", "aws:lambda/alias:*", "aws:lambda/eventSourceMapping:*",
        "aws:lb/listener*", "aws:lb/targetGroup*", "aws:alb/listener*", "aws:alb/targetGroup*",
        "aws:autoscaling/attachment:*", "aws:autoscaling/policy:*", "aws:appautoscaling/*",
        "aws:eks/addon:*", "aws:eks/accessEntry:*", "aws:eks/accessPolicyAssociation:*",
        "aws:eks/podIdentityAssociation:*", "aws:ecs/taskDefinition:*", "aws:ecs/clusterCapacityProviders:*",
        "aws:ecs/cluster:*", "aws:cloudwatch/eventRule:*", "aws:cloudwatch/eventTarget:*",
        "aws:cloudwatch/logSubscriptionFilter:*", "aws:cloudwatch/logStream:*", "aws:cloudwatch/logMetricFilter:*",
        "aws:sns/topicSubscription:*", "aws:sns/topicPolicy:*", "aws:sqs/queuePolicy:*",
        "aws:secretsmanager/secretVersion:*", "aws:secretsmanager/secretPolicy:*",
        "aws:apigateway/deployment:*", "aws:apigateway/resource:*", "aws:apigateway/method*",
        "aws:apigateway/integration*", "aws:apigatewayv2/route:*", "aws:apigatewayv2/integration:*",
        "aws:apigatewayv2/stage:*", "aws:apigatewayv2/deployment:*",
        "aws:acm/certificate*", "aws:ssm/parameter:*", "aws:ecr/lifecyclePolicy:*", "aws:ecr/repositoryPolicy:*",
        "aws:cloudwatch/logResourcePolicy:*", "aws:lambda/functionUrl:*", "aws:lambda/functionEventInvokeConfig:*",
        "aws:lambda/layerVersion:*", "aws:cloudfront/originAccessIdentity:*", "aws:cloudfront/originAccessControl:*",
        "aws:cloudfront/cachePolicy:*", "aws:cloudfront/originRequestPolicy:*", "aws:cloudfront/responseHeadersPolicy:*",
        "aws:eks/identityProviderConfig:*", "aws:apigateway/account:*", "aws:apigateway/usagePlan*",
        "aws:apigateway/apiKey:*", "aws:apigateway/basePathMapping:*", "aws:apigateway/authorizer:*",
        "aws:apigateway/model:*", "aws:apigateway/requestValidator:*", "aws:apigateway/gatewayResponse:*",
        "aws:apigateway/domainName:*", "aws:apigateway/vpcLink:*", "aws:apigatewayv2/authorizer:*",
        "aws:apigatewayv2/apiMapping:*", "aws:apigatewayv2/domainName:*", "aws:apigatewayv2/vpcLink:*",
        "aws:ecs/capacityProvider:*", "aws:autoscaling/schedule:*", "aws:autoscaling/lifecycleHook:*",
        "aws:autoscaling/notification:*", "aws:elasticache/user:*", "aws:elasticache/userGroup:*",
        "aws:rds/clusterEndpoint:*", "aws:cognito/userPoolClient:*", "aws:cognito/userPoolDomain:*",
        "aws:cognito/identityPoolRoleAttachment:*", "aws:ses/domainIdentity:*", "aws:ses/domainDkim:*",
        "aws:ses/emailIdentity:*", "aws:efs/mountTarget:*", "aws:efs/accessPoint:*", "aws:efs/fileSystemPolicy:*",
        "aws:efs/backupPolicy:*",
        "gcp:compute/healthCheck:*", "gcp:compute/regionHealthCheck:*", "gcp:compute/urlMap:*",
        "gcp:compute/regionUrlMap:*", "gcp:compute/targetHttpProxy:*", "gcp:compute/targetHttpsProxy:*",
        "gcp:compute/sslCertificate:*", "gcp:compute/managedSslCertificate:*", "gcp:compute/backendService:*",
        "gcp:compute/regionBackendService:*", "gcp:bigquery/dataset:*", "gcp:kms/keyRing:*",
        "azure:core/resourceGroup:*", "azure-native:resources:ResourceGroup",
        "gcp:storage/bucketIAM*", "gcp:storage/bucketObject:*", "gcp:projects/service:*",
    ),
    "a database's parameter, subnet or option group, user or database (billed by the instance)": (
        "aws:rds/subnetGroup:*", "aws:rds/parameterGroup:*", "aws:rds/clusterParameterGroup:*",
        "aws:rds/optionGroup:*", "aws:elasticache/subnetGroup:*", "aws:elasticache/parameterGroup:*",
        "aws:redshift/subnetGroup:*", "aws:redshift/parameterGroup:*", "gcp:sql/user:*", "gcp:sql/database:*",
        "azure:mssql/server:*", "azure:postgresql/flexibleServerDatabase:*",
        "azure:postgresql/flexibleServerConfiguration:*", "azure:postgresql/flexibleServerFirewallRule:*",
    ),
    "a database server, firewall or virtual-network rule (billed by its databases)": (
        "azure:sql/sqlServer:*", "azure:sql/firewallRule:*", "azure:sql/virtualNetworkRule:*",
        "azure:mssql/firewallRule:*", "azure:mssql/virtualNetworkRule:*", "azure:mssql/outboundFirewallRule:*",
        "azure-native:sql:Server", "azure-native:sql:FirewallRule", "azure-native:sql:VirtualNetworkRule",
    ),
    "an entity or rule of a messaging namespace (billed by the namespace and its operations)": (
        "azure:servicebus/queue:*", "azure:servicebus/topic:*", "azure:servicebus/subscription:*",
        "azure:servicebus/subscriptionRule:*", "azure:servicebus/*AuthorizationRule:*",
        "azure-native:servicebus:Queue", "azure-native:servicebus:Topic", "azure-native:servicebus:Subscription",
        "azure-native:servicebus:Rule", "azure-native:servicebus:*AuthorizationRule",
        "azure:eventhub/eventHub:*", "azure:eventhub/consumerGroup:*", "azure:eventhub/authorizationRule:*",
        "azure:eventhub/eventHubAuthorizationRule:*", "azure:eventhub/eventHubNamespaceAuthorizationRule:*",
        "azure-native:eventhub:EventHub", "azure-native:eventhub:ConsumerGroup",
        "azure-native:eventhub:*AuthorizationRule",
    ),
    "a vault's access policy or secret (billed by the vault's operations)": (
        "azure:keyvault/accessPolicy:*", "azure:keyvault/secret:*", "azure-native:keyvault:AccessPolicy",
        "azure-native:keyvault:Secret",
    ),
    "a storage container or blob (billed by its storage account's capacity and operations)": (
        "azure:storage/container:*", "azure:storage/blob:*", "azure-native:storage:BlobContainer",
        "azure-native:storage:Blob",
    ),
    "a disk attachment (the disk and the VM carry the cost)": (
        "azure:compute/dataDiskAttachment:*", "azure:compute/virtualMachineDataDiskAttachment:*",
    ),
    "a web app on an App Service plan (the plan carries the cost)": (
        "azure:appservice/appService:*", "azure:appservice/slot:*", "azure:appservice/linuxWebApp:*",
        "azure:appservice/windowsWebApp:*", "azure:appservice/linuxWebAppSlot:*",
        "azure:appservice/windowsWebAppSlot:*", "azure:appservice/webAppActiveSlot:*",
    ),
    "a DNS record (billed by the zone and its queries)": (
        "gcp:dns/recordSet:*", "azure:dns/*Record:*", "azure-native:network:RecordSet",
    ),
}


@lru_cache(maxsize=4096)  # a stack has few distinct types and many resources
def free_reason(type_token: str) -> Optional[str]:
    """Why the type costs nothing by itself, or None when it is not known to be free."""
    for reason, patterns in FREE_PATTERNS.items():
        if any(_matches(type_token, pattern) for pattern in patterns):
            return f"{NO_DIRECT_COST}: {reason}"
    return None


def _matches(type_token: str, pattern: str) -> bool:
    """fnmatchcase, with the common `prefix*` and exact patterns as plain string tests: fnmatch
    compiles a regular expression per pattern, ~30 ms for the list on a pack's first resources."""
    head, star = (pattern[:-1], True) if pattern.endswith("*") else (pattern, False)
    if any(c in head for c in "*?["):
        return fnmatchcase(type_token, pattern)
    return type_token.startswith(head) if star else type_token == head
