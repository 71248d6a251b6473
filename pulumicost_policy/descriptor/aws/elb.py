"""Elastic Load Balancing: application, network and gateway load balancers (hours and capacity
units) and Classic load balancers (hours and data processed), in every region of the ELB feed."""
from __future__ import annotations

from ..model import Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

LB_TYPES = ("application", "network", "gateway")
CAPACITY_UNITS = UsageKey("capacity_units", "LCU", "average load balancer capacity units per hour")
DATA_GB = UsageKey("monthly_data_processed_gb", "GB", "data processed per month (Classic load balancers)")


def load_balancer(p: Props) -> Mapped | Unpriced:
    lb_type = p.str("loadBalancerType", "application") or "application"
    if lb_type not in LB_TYPES:
        return Unpriced(f"loadBalancerType {lb_type!r} is not one of {', '.join(LB_TYPES)}")
    unit = {"application": "LCU", "network": "NLCU", "gateway": "GLCU"}[lb_type]
    return Mapped(lb_type, [
        running(f"{lb_type.capitalize()} load balancer", "lb:LoadBalancer", lb_type),
        usage_based(f"Capacity units ({unit})", "lb:LoadBalancer", f"{lb_type}-lcu", "per_hour",
                    CAPACITY_UNITS.name),
    ])


def classic_load_balancer(p: Props) -> Mapped:
    return Mapped("classic", [
        running("Classic load balancer", "lb:LoadBalancer", "classic"),
        usage_based("Data processed", "lb:LoadBalancer", "classic-data", "per_gb", DATA_GB.name),
    ])


TYPES = (
    PricedType(("aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer",
                "aws:elasticloadbalancingv2/loadBalancer:LoadBalancer"), "lb:LoadBalancer", load_balancer,
               keys(*(f"lb:LoadBalancer {t}{s}" for t in LB_TYPES for s in ("", "-lcu"))),
               (MONTHLY_HRS, CAPACITY_UNITS), "ALB/NLB/GWLB hours and capacity units (by usage), every region"),
    PricedType(("aws:elb/loadBalancer:LoadBalancer", "aws:elasticloadbalancing/loadBalancer:LoadBalancer"),
               "lb:ClassicLoadBalancer", classic_load_balancer,
               keys("lb:LoadBalancer classic", "lb:LoadBalancer classic-data"), (MONTHLY_HRS, DATA_GB),
               "Classic load balancer hours and data processed (by usage)"),
)
