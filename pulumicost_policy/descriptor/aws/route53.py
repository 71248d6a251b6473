"""Route 53 hosted zones, records and health checks; Cloud Map DNS namespaces (a hosted zone each)."""
from __future__ import annotations

from ..model import CostComponent, Free, Mapped, monthly, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props
from .common import INF


# (routing policy property, price-book query kind, label, usage key); a record has one policy, else standard
POLICIES = (("latencyRoutingPolicies[0]", "latency", "Latency based routing", "monthly_latency_based_queries"),
            ("geolocationRoutingPolicies[0]", "geo", "Geo DNS", "monthly_geo_queries"),
            ("geoproximityRoutingPolicy", "geoproximity", "Geoproximity", "monthly_geoproximity_queries"),
            ("cidrRoutingPolicy", "ip", "IP-based routing", "monthly_ip_based_queries"))
STANDARD = ("", "standard", "Standard", "monthly_standard_queries")


def route53_record(p: Props) -> Mapped | Free:
    if p.has("aliases[0]"):
        return Free("alias records to AWS resources answer queries at no charge")
    _, kind, label, key = next((policy for policy in POLICIES if p.has(policy[0])), STANDARD)
    return Mapped(kind, [
        usage_based(f"{label} queries (first 1B)", "route53:Queries", kind, "per_1m_requests", key, 1e-6, (0.0, 1e3)),
        usage_based(f"{label} queries (over 1B)", "route53:Queries", f"{kind}-over-1b", "per_1m_requests", key,
                    1e-6, (1e3, INF)),
    ])


AWS_ENDPOINT = UsageKey("aws_endpoint", "0 or 1", "1 when the health check watches an AWS endpoint (cheaper rate)",
                        0.0)
NON_AWS_ENDPOINT = UsageKey("non_aws_endpoint", "0 or 1", "1 when it watches an endpoint outside AWS (the default: "
                                                          "an upper bound)", 1.0)


def health_check(p: Props) -> Mapped:
    """A basic check plus each optional feature (HTTPS, string matching, 10-second interval, latency
    measurement). The plan cannot tell whether an endpoint is in AWS: by default an endpoint check is
    priced at the non-AWS rate, an upper bound; `aws_endpoint: 1, non_aws_endpoint: 0` gives the AWS rate.
    Calculated and CloudWatch-metric checks have no endpoint and take the AWS rate."""
    kind = (p.str("type") or "HTTP").upper()
    features = int(kind in ("HTTPS", "HTTPS_STR_MATCH")) + int(kind.endswith("_STR_MATCH"))
    features += int((p.num("requestInterval") or 30) <= 10) + int(p.bool("measureLatency"))
    if kind in ("CALCULATED", "CLOUDWATCH_METRIC"):
        return Mapped(kind.lower(), [monthly("Health check (AWS rate)", "route53:HealthCheck", "basic-aws",
                                             "per_month", 1)])
    comps = []
    for key, where, label in ((NON_AWS_ENDPOINT, "external", "non-AWS endpoint"), (AWS_ENDPOINT, "aws", "AWS endpoint")):
        defaults = ((key.name, key.default),)
        comps.append(CostComponent(f"Health check ({label})", "route53:HealthCheck", f"basic-{where}", "per_month",
                                   None, key.name, 1.0, defaults))
        if features:
            comps.append(CostComponent(f"Optional features x {features} ({label})", "route53:HealthCheck",
                                       f"optional-{where}", "per_month", None, key.name, float(features), defaults))
    return Mapped(kind.lower(), comps)


def hosted_zone(p: Props) -> Mapped:
    """$0.50 a month for each of an account's first 25 zones (the rate a zone of a typical account pays); a
    Cloud Map DNS namespace is a hosted zone too."""
    return Mapped("zone", [monthly("Hosted zone", "route53:Zone", "first-25", "per_month", 1)])


TYPES = (
    PricedType(("aws:route53/zone:Zone",), "route53:Zone", hosted_zone, keys("route53:Zone first-25"), (),
               "hosted zone (the first-25-zones rate)"),
    PricedType(("aws:route53/record:Record",), "route53:Record", route53_record,
               keys(*(f"route53:Queries {kind}{tier}" for _, kind, _, _ in (STANDARD, *POLICIES)
                      for tier in ("", "-over-1b"))),
               tuple(UsageKey(key, "queries", f"{label} DNS queries per month") for _, _, label, key in
                     (STANDARD, *POLICIES)),
               "queries by routing policy (standard, latency, geo, geoproximity, IP-based; by usage); alias "
               "records free"),
    PricedType(("aws:route53/healthCheck:HealthCheck",), "route53:HealthCheck", health_check,
               keys(*(f"route53:HealthCheck {k}-{w}" for k in ("basic", "optional") for w in ("aws", "external"))),
               (NON_AWS_ENDPOINT, AWS_ENDPOINT),
               "basic check and optional features (endpoint checks at the non-AWS rate, an upper bound)"),
    PricedType(("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
                "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace"), "servicediscovery:Namespace",
               hosted_zone, keys("route53:Zone first-25"), (), "the namespace's Route 53 hosted zone"),
)
