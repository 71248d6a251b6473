"""Infracost goldens for more of the priced types (issue #24): AWS networking and security: VPN connections,
Client VPN, transit gateway attachments, CloudHSM, WAFv2, KMS external keys, CloudFront functions, API Gateway
stages.

Each module of this kind gives CASES (translated golden resources, every line of each) and
DIFFERENCES (the lines we do not match, each with its reason); tests/infracost_cases.py gathers them."""
from __future__ import annotations

from infracost_case import Case, L

VPN = "aws:ec2/vpnConnection:VpnConnection"
WEB_ACL = "aws:wafv2/webAcl:WebAcl"
STAGE = "aws:apigateway/stage:Stage"
CERT = "arn:aws:acm:us-east-1:123456789123:certificate/a13e05dc-c58d-43f8-8a9b-c456f67891c2"
# vpn_connection_test: a connection on a transit gateway is also a TGW (VPN) attachment with data processed.
TGW_VPN = {"customerGatewayId": "dummy-customer-gateway-id", "type": "ipsec.1",
           "transitGatewayId": "dummy-transit-gateway-id"}
VISIBILITY = {"cloudwatchMetricsEnabled": False, "metricName": "friendly-rule-metric-name",
              "sampledRequestsEnabled": False}
GEO = {"geoMatchStatement": {"countryCodes": ["US", "NL"]}}


def _count(name: str) -> dict:
    return {"actionToUse": {"count": {}}, "name": name}


def _web_acl(name: str, overrides: tuple[str, str]) -> dict:
    """wafv2_web_acl_test's ACLs: a rate-based rule, a managed rule group and a reference to their rule group
    (aws_wafv2_rule_group.example, free; its ARN stands in for the reference)."""
    return {"name": name, "scope": "REGIONAL", "defaultAction": {"allow": {}},
            "visibilityConfig": {**VISIBILITY, "metricName": "friendly-metric-name"}, "rules": [
                {"name": "my-rule", "priority": 1, "action": {"block": {}}, "visibilityConfig": VISIBILITY,
                 "statement": {"rateBasedStatement": {"limit": 10000, "aggregateKeyType": "IP",
                                                      "scopeDownStatement": GEO}}},
                {"name": "managed-rule", "priority": 1, "action": {"count": {}}, "visibilityConfig": VISIBILITY,
                 "statement": {"managedRuleGroupStatement": {
                     "name": "AWSManagedRulesCommonRuleSet", "vendorName": "AWS", "scopeDownStatement": GEO,
                     "ruleActionOverrides": [_count("SizeRestrictions_QUERYSTRING"), _count("NoUserAgent_HEADER")]}}},
                {"name": "rule-group", "priority": 1, "overrideAction": {"count": {}}, "visibilityConfig": VISIBILITY,
                 "statement": {"ruleGroupReferenceStatement": {
                     "arn": "arn:aws:wafv2:us-east-1:123456789012:regional/rulegroup/complex-example/a1b2c3",
                     "ruleActionOverrides": [_count(o) for o in overrides]}}}]}


def _stage(n: int, **cache) -> dict:
    return {"restApi": f"api-id-{n}", "stageName": f"cache-stage-{n}", "deployment": f"deployment-id-{n}", **cache}


CASES: tuple[Case, ...] = (
    # vpn_connection_test
    Case("aws_vpn_connection.transit_withUsage", VPN, TGW_VPN,
         (L("VPN connection", 36.50), L("Transit gateway attachment", 36.50),
          L("Data processed", 2.00, "Transit gateway data processed")), {"monthly_data_processed_gb": 100}),
    Case("aws_vpn_connection.transit", VPN, TGW_VPN,
         (L("VPN connection", 36.50), L("Transit gateway attachment", 36.50),
          L("Data processed", "0.02", "Transit gateway data processed"))),
    *(Case(f"aws_vpn_connection.{name}", VPN, {"customerGatewayId": "dummy-customer-gateway-id", "type": "ipsec.1"},
           (L("VPN connection", 36.50),)) for name in ("vpn_connection", "vpn_connection_withUsage")),
    # ec2_client_vpn_endpoint_test (no usage file)
    Case("aws_ec2_client_vpn_endpoint.endpoint", "aws:ec2clientvpn/endpoint:Endpoint", {
        "description": "terraform-clientvpn-example", "clientCidrBlock": "10.0.0.0/16",
        "serverCertificateArn": CERT,
        "authenticationOptions": [{"type": "certificate-authentication", "rootCertificateChainArn": CERT}],
        "connectionLogOptions": {"enabled": True, "cloudwatchLogGroup": "cloudwatch-log-group",
                                 "cloudwatchLogStream": "cloudwatch-log-group-stream"}},
         (L("Connection", 36.50, "Connection hours"),)),
    # ec2_client_vpn_network_association_test
    Case("aws_ec2_client_vpn_network_association.association",
         "aws:ec2clientvpn/networkAssociation:NetworkAssociation",
         {"clientVpnEndpointId": "some-endpoint-id", "subnetId": "subnet-123456"},
         (L("Endpoint association", 73.00),)),
    # ec2_transit_gateway_vpc_attachment_test, ec2_transit_gateway_peering_attachment_test
    Case("aws_ec2_transit_gateway_vpc_attachment.vpc_attachment", "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
         {"subnetIds": ["subnet-123456", "subnet-654321"], "transitGatewayId": "tgw-123456", "vpcId": "vpc-123456"},
         (L("Transit gateway attachment", 36.50), L("Data processed", "0.02"))),
    Case("aws_ec2_transit_gateway_peering_attachment.peering",
         "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
         {"peerAccountId": "123456789111", "peerRegion": "eu-west-1", "peerTransitGatewayId": "tgw-654321",
          "transitGatewayId": "tgw-123456"},
         (L("Transit gateway attachment", 36.50),)),
    # cloudhsm_v2_hsm_test
    Case("aws_cloudhsm_v2_hsm.cloudhsm_v2_hsm", "aws:cloudhsmv2/hsm:Hsm",
         {"subnetId": "subnet-123456", "clusterId": "cluster-id"}, (L("HSM usage", 1168.00, "HSM hours"),)),
    Case("aws_cloudhsm_v2_hsm.cloudhsm_v2_hsm_with_usage", "aws:cloudhsmv2/hsm:Hsm",
         {"subnetId": "subnet-123456", "clusterId": "cluster-id"}, (L("HSM usage", 160.00, "HSM hours"),),
         {"monthly_hrs": 100}),
    # wafv2_web_acl_test (their usage keys rule_group_rules: 5 and managed_rule_group_rules: 10 have no
    # counterpart of ours: a rule group referenced by the ACL is one of its rules)
    Case("aws_wafv2_web_acl.my_waf", WEB_ACL, _web_acl("my_waf", ("rule-to-override-a", "rule-to-override-b")),
         (L("Web ACL usage", 5.00, "Web ACL"), L("Rules", 16.00), L("Rule groups", 1.00, None),
          L("Managed rule groups", 1.00, None), L("Requests", 0.60)), {"monthly_requests": 1e6}),
    Case("aws_wafv2_web_acl.my_waf_no_usage", WEB_ACL,
         _web_acl("my_waf_no_usage", ("SizeRestrictions_QUERYSTRING", "NoUserAgent_HEADER")),
         (L("Web ACL usage", 5.00, "Web ACL"), L("Rules", 1.00), L("Rule groups", 1.00, None),
          L("Managed rule groups", 1.00, None), L("Requests", "0.60"))),
    # kms_external_key_test
    Case("aws_kms_external_key.kms", "aws:kms/externalKey:ExternalKey", {}, (L("Customer master key", 1.00),)),
    # cloudfront_function_test: their usage (monthly_requests: 200000) has no key of ours: the type is unpriced
    Case("aws_cloudfront_function.bibit_deeplink_cf_function", "aws:cloudfront/function:Function",
         {"name": "test_func", "runtime": "cloudfront-js-2.0", "comment": "Bibit Deeplink CF Function Script",
          "publish": True, "code": "async function handler(event) { return event.request; }"},
         (L("Total number of invocations", 0.02, None),)),
    # api_gateway_stage_test: default_cache and disabled_cache are free in their golden (no lines) and ours
    Case("aws_api_gateway_stage.cache_2", STAGE, _stage(2, cacheClusterEnabled=True, cacheClusterSize="237"),
         (L("Cache memory (237 GB)", 2774.00, "Cache memory"),)),
    Case("aws_api_gateway_stage.cache_1", STAGE, _stage(1, cacheClusterEnabled=True, cacheClusterSize="0.5"),
         (L("Cache memory (0.5 GB)", 14.60, "Cache memory"),)),
)
# AWS's WAF cost guide (aws.github.io/aws-security-services-best-practices, "WAF Cost"): each rule group, custom
# or managed, counts as a single rule for billing, however many rules are inside it.
WAF_RULES = ("ours bills every rule of the ACL at $1 a month, a rule-group or managed-rule-group reference "
             "counting as one rule, as AWS bills them (3 rules here: $3); Infracost bills the one plain rule on "
             "this line and each reference on a line of its own")
WAF_GROUP = "no such line: ours counts the reference as one of the ACL's rules, on the Rules line"
DIFFERENCES: dict[tuple[str, str], str] = {
    ("aws_ec2_client_vpn_endpoint.endpoint", "Connection"):
        "Infracost assumes one client connected all month (730 connection-hours) when no usage is given; ours "
        "leaves connection-hours by usage (monthly_connection_hrs), at the same $0.05 per hour: how many users "
        "connect for how long is not in the program",
    ("aws_wafv2_web_acl.my_waf", "Rules"):
        WAF_RULES + ", and adds their usage file's rule_group_rules (5) and managed_rule_group_rules (10) as $1 "
        "rules each (1 + 5 + 10 = 16): ours has no such keys, as the rules inside a group are not billed",
    ("aws_wafv2_web_acl.my_waf_no_usage", "Rules"): WAF_RULES + " (1 + 1 + 1: the same $3 in all)",
    **{(f"aws_wafv2_web_acl.{name}", label): WAF_GROUP
       for name in ("my_waf", "my_waf_no_usage") for label in ("Rule groups", "Managed rule groups")},
    ("aws_cloudfront_function.bibit_deeplink_cf_function", "Total number of invocations"):
        "unpriced: our data has no CloudFront Functions price (the cloudfront.json feeds of "
        "aws-pricewatcher-raw-feeds-2025-12-06 and aws-services-pricingpages-2025-11-04 have no Functions entry)",
}
