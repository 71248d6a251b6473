"""Elastic Load Balancing: application and network load balancers."""
from __future__ import annotations

from ..model import Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props


def load_balancer(p: Props) -> Mapped | Unpriced:
    lb_type = p.str("loadBalancerType", "application") or "application"
    if lb_type not in ("application", "network"):
        return Unpriced("only application and network load balancers are in the price book")
    return Mapped(lb_type, [
        running(f"{lb_type.capitalize()} load balancer", "lb:LoadBalancer", lb_type),
        usage_based("Capacity units", "lb:LoadBalancer", f"{lb_type}-lcu", "per_hour", "capacity_units"),
    ])


TYPES = (
    PricedType(("aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer",
                "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer"), "lb:LoadBalancer", load_balancer,
               keys("lb:LoadBalancer application", "lb:LoadBalancer application-lcu", "lb:LoadBalancer network",
                    "lb:LoadBalancer network-lcu"),
               (MONTHLY_HRS, UsageKey("capacity_units", "LCU", "average load balancer capacity units per hour")),
               "ALB/NLB hours and capacity units"),
)
