"""Route 53 hosted zones, records and health checks; Cloud Map DNS namespaces (a hosted zone each)."""
from __future__ import annotations

from ..model import Free, Mapped, monthly, usage_based
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


def health_check(p: Props) -> Mapped:
    """A basic check plus each optional feature (HTTPS, string matching, 10-second interval, latency
    measurement). The plan cannot tell whether an endpoint is in AWS: an endpoint check is priced at the
    non-AWS rate, an upper bound (AWS endpoints cost less, the first 50 nothing); calculated and
    CloudWatch-metric checks at the AWS rate."""
    kind = (p.str("type") or "HTTP").upper()
    where = "aws" if kind in ("CALCULATED", "CLOUDWATCH_METRIC") else "external"
    features = int(kind in ("HTTPS", "HTTPS_STR_MATCH")) + int(kind.endswith("_STR_MATCH"))
    features += int((p.num("requestInterval") or 30) <= 10) + int(p.bool("measureLatency"))
    scope = "AWS rate" if where == "aws" else "non-AWS endpoint rate, an upper bound"
    comps = [monthly(f"Health check ({scope})", "route53:HealthCheck", f"basic-{where}", "per_month", 1)]
    if features:
        comps.append(monthly(f"Optional features x {features} ({scope})", "route53:HealthCheck",
                             f"optional-{where}", "per_month", features))
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
               keys(*(f"route53:HealthCheck {k}-{w}" for k in ("basic", "optional") for w in ("aws", "external"))), (),
               "basic check and optional features (endpoint checks at the non-AWS rate, an upper bound)"),
    PricedType(("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace",
                "aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace"), "servicediscovery:Namespace",
               hosted_zone, keys("route53:Zone first-25"), (), "the namespace's Route 53 hosted zone"),
)
