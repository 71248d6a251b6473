"""WAF web ACLs: the ACL and its rules per month, requests by usage."""
from __future__ import annotations

from ..model import Mapped, monthly, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props


def wafv2_web_acl(p: Props) -> Mapped:
    """$ per web ACL and per rule each month, plus requests by usage. A rule-group reference is one rule."""
    rules = p.count("rules")
    comps = [monthly("Web ACL", "waf:WebAcl", "web-acl", "per_month", 1.0)]
    if rules:
        comps.append(monthly(f"Rules ({rules})", "waf:WebAcl", "rule", "per_month", float(rules)))
    comps.append(usage_based("Requests", "waf:WebAcl", "requests", "per_1m_requests", "monthly_requests", 1e-6))
    return Mapped("web-acl", comps)


TYPES = (
    PricedType(("aws:wafv2/webAcl:WebAcl",), "waf:WebAcl", wafv2_web_acl,
               keys("waf:WebAcl web-acl", "waf:WebAcl rule", "waf:WebAcl requests", example=("waf:WebAcl web-acl",)),
               (UsageKey("monthly_requests", "requests", "web requests inspected per month"),),
               "web ACL and rules per month, requests (by usage); managed rule group subscriptions not included"),
)
