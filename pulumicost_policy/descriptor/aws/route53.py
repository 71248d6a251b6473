"""Route 53 hosted zones, records and health checks; Cloud Map DNS namespaces (a hosted zone each)."""
from __future__ import annotations

from ..model import Free, Mapped, Unpriced, usage_based
from ..registry import PricedType, UsageKey, keys, no_data
from ..values import Props
from .common import INF, no_data_type


def route53_record(p: Props) -> Mapped | Free | Unpriced:
    if p.has("aliases[0]"):
        return Free("alias records to AWS resources answer queries at no charge")
    if p.has("latencyRoutingPolicies[0]") or p.has("geolocationRoutingPolicies[0]") or \
            p.has("geoproximityRoutingPolicy"):
        return Unpriced("latency and geo DNS query prices are not in the price book (standard queries are)")
    key = "monthly_standard_queries"
    return Mapped("standard", [
        usage_based("Standard queries (first 1B)", "route53:Queries", "standard", "per_1m_requests", key, 1e-6,
                    (0.0, 1e3)),
        usage_based("Standard queries (over 1B)", "route53:Queries", "standard-over-1b", "per_1m_requests", key,
                    1e-6, (1e3, INF)),
    ])


TYPES = (
    PricedType(("aws:route53/zone:Zone",), "route53:Zone", no_data("Route 53 hosted zone"), (), (),
               "unpriced (the Route 53 feed has query prices only)"),
    PricedType(("aws:route53/record:Record",), "route53:Record", route53_record,
               keys("route53:Queries standard", "route53:Queries standard-over-1b"),
               (UsageKey("monthly_standard_queries", "queries", "standard DNS queries per month"),),
               "standard queries (by usage); alias records free; latency/geo routing unpriced (no prices)"),
    no_data_type("aws:route53/healthCheck:HealthCheck", "route53:HealthCheck", "Route 53 health check"),
    no_data_type("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "servicediscovery:Namespace",
                 "Cloud Map namespace (a Route 53 hosted zone)"),
    no_data_type("aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace", "servicediscovery:Namespace",
                 "Cloud Map namespace (a Route 53 hosted zone)"),
)
