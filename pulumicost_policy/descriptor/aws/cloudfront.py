"""CloudFront distributions (requests and data transfer by viewer geography, invalidations, Field-Level
Encryption, Origin Shield, all by usage; dedicated-IP custom SSL monthly) and functions.

The geographies are the price list's (Infracost's too): a usage key per geography and kind, e.g.
`monthly_https_requests_europe`. Data out to the internet is billed in volume tiers per geography.
"""
from __future__ import annotations

from ..model import CostComponent, Mapped, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props
from .common import INF, no_data_type

# (usage-key suffix, our label, the price book's geography)
GEOS = (("us", "US, Mexico, Canada", "united-states"), ("europe", "Europe, Israel", "eu"),
        ("south_africa", "South Africa, Kenya, Middle East", "south-africa"),
        ("south_america", "South America", "south-america"), ("japan", "Japan", "japan"),
        ("australia", "Australia, New Zealand", "australia"),
        ("asia_pacific", "Hong Kong, Philippines, Asia Pacific", "asia-pacific"), ("india", "India", "india"))
TB = 1024.0
# (sku tier, label, GB from, GB to): the price list's volume tiers for data out to the internet
DT_TIERS = (("10tb", "first 10TB", 0.0, 10 * TB), ("40tb", "next 40TB", 10 * TB, 50 * TB),
            ("100tb", "next 100TB", 50 * TB, 150 * TB), ("350tb", "next 350TB", 150 * TB, 500 * TB),
            ("524tb", "next 524TB", 500 * TB, 1024 * TB), ("4pb", "next 4PB", 1024 * TB, 5120 * TB),
            ("over-5pb", "over 5PB", 5120 * TB, INF))
KINDS = (("data_transfer_to_internet_gb", "GB", "data out to the internet"),
         ("data_transfer_to_origin_gb", "GB", "data out to the origin"),
         ("http_requests", "requests", "HTTP requests"), ("https_requests", "requests", "HTTPS requests"))
USAGE = (*(UsageKey(f"monthly_{kind}_{geo}", unit, f"{what} per month from viewers in {label}")
           for kind, unit, what in KINDS for geo, label, _ in GEOS),
         UsageKey("monthly_invalidation_requests", "paths", "invalidation paths per month (first 1,000 free)"),
         UsageKey("monthly_encryption_requests", "requests", "requests with Field-Level Encryption per month"),
         UsageKey("monthly_origin_shield_requests", "requests", "requests through Origin Shield per month"),
         UsageKey("custom_ssl_certificates", "certificates", "dedicated-IP custom SSL certificates (1 when the "
                                                             "viewer certificate is vip)"))


def distribution(p: Props) -> Mapped:
    rtype = "cloudfront:Distribution"
    comps: list[CostComponent] = []
    for geo, label, book in GEOS:
        comps += [usage_based(f"Data transfer out to internet {label} ({tier_label})", rtype, f"internet-{tier}:{book}",
                              "per_gb", f"monthly_data_transfer_to_internet_gb_{geo}", tier=(low, high))
                  for tier, tier_label, low, high in DT_TIERS]
        comps.append(usage_based(f"Data transfer out to origin {label}", rtype, f"origin:{book}", "per_gb",
                                 f"monthly_data_transfer_to_origin_gb_{geo}"))
        comps += [usage_based(f"{kind.upper()} requests {label}", rtype, f"{kind}:{book}", "per_1m_requests",
                              f"monthly_{kind}_requests_{geo}", 1e-6) for kind in ("http", "https")]
    comps += [
        usage_based("Invalidation requests (first 1k)", rtype, "invalidations-first-1k", "per_1k_requests",
                    "monthly_invalidation_requests", 1e-3, (0.0, 1.0)),
        usage_based("Invalidation requests (over 1k)", rtype, "invalidations", "per_1k_requests",
                    "monthly_invalidation_requests", 1e-3, (1.0, INF)),
        usage_based("Field level encryption requests", rtype, "field-level-encryption:united-states",
                    "per_1m_requests", "monthly_encryption_requests", 1e-6)]
    for i in range(p.count("origins")):
        shield = f"origins[{i}].originShield"
        region = p.str(f"{shield}.originShieldRegion")
        if p.bool(f"{shield}.enabled") and region:
            comps.append(CostComponent("Origin shield requests", rtype, "origin-shield", "per_1m_requests", None,
                                       "monthly_origin_shield_requests", 1e-6, region=region))
            break  # one shield region per distribution's requests: the usage key is the distribution's
    if (p.str("viewerCertificate.sslSupportMethod") or "").lower() == "vip":
        comps.append(CostComponent("Dedicated IP custom SSLs", rtype, "dedicated-ip-ssl", "per_month", None,
                                   "custom_ssl_certificates", 1.0, (("custom_ssl_certificates", 1.0),)))
    return Mapped("distribution", comps)


TYPES = (
    PricedType(("aws:cloudfront/distribution:Distribution",), "cloudfront:Distribution", distribution,
               keys(*(f"cloudfront:Distribution {kind}:{book}" for _, _, book in GEOS
                      for kind in ("http", "https", "origin", *(f"internet-{t}" for t, _, _, _ in DT_TIERS))),
                    "cloudfront:Distribution invalidations", "cloudfront:Distribution invalidations-first-1k",
                    "cloudfront:Distribution field-level-encryption:united-states",
                    "cloudfront:Distribution origin-shield", "cloudfront:Distribution dedicated-ip-ssl"),
               USAGE, "requests and data out by viewer geography, invalidations, Field-Level Encryption, Origin "
                      "Shield (by usage); dedicated-IP custom SSL"),
    no_data_type("aws:cloudfront/function:Function", "cloudfront:Function", "CloudFront Functions"),
)
