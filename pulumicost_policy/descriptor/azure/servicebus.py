"""Service Bus namespaces: the Standard tier's base charge per hour and messaging operations by
usage (Basic: operations only; Premium: messaging units per hour), as Infracost prices them.

Standard operations are tiered: the first 13M a month are included in the base charge, then 13M-100M,
100M-2,500M and over 2,500M at falling rates. The price book holds the 13M-100M rate only (the Azure
table keeps that meter's first paid tier), so operations over 100M are billed at it, an upper bound
that the line's label states."""
from __future__ import annotations

from ..model import Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

# Standard messaging operation tiers, in millions a month (the first 13M are included in the base charge).
STANDARD_OPS_TIERS = (("Messaging operations (13M-100M)", (13.0, 100.0)),
                      ("Messaging operations (over 100M, at the 13M-100M rate: the lower rates of higher tiers are "
                       "not in the price book)", (100.0, float("inf"))))
OPERATIONS = UsageKey("monthly_messaging_operations", "operations", "messaging operations per month")


def _namespace(tier: str | None, capacity: float | None) -> Mapped | Unpriced:
    tier = (tier or "").capitalize()
    if tier not in ("Basic", "Standard", "Premium"):
        return Unpriced("sku is not Basic, Standard or Premium")
    if tier == "Premium":
        units = capacity or 1.0
        return Mapped(tier, [running(f"Messaging units x {units:g}", "servicebus:Namespace", "Premium:unit", units)])
    if tier == "Basic":
        return Mapped(tier, [usage_based("Messaging operations", "servicebus:Namespace", "Basic:operations",
                                         "per_1m_requests", OPERATIONS.name, 1e-6)])
    ops = [usage_based(label, "servicebus:Namespace", "Standard:operations", "per_1m_requests", OPERATIONS.name,
                       1e-6, bounds) for label, bounds in STANDARD_OPS_TIERS]
    return Mapped(tier, [running("Base charge", "servicebus:Namespace", "Standard:base"), *ops])


def classic_namespace(p: Props) -> Mapped | Unpriced:
    return _namespace(p.str("sku"), p.num("capacity"))


def native_namespace(p: Props) -> Mapped | Unpriced:
    return _namespace(p.str("sku.name"), p.num("sku.capacity"))


KEYS = keys("servicebus:Namespace Standard:base", "servicebus:Namespace Standard:operations")
TYPES = (
    PricedType(("azure:servicebus/namespace:Namespace",), "servicebus:Namespace", classic_namespace, KEYS,
               (MONTHLY_HRS, OPERATIONS), "Standard base charge per hour, operations by usage (Basic: operations)"),
    PricedType(("azure-native:servicebus:Namespace",), "servicebus:Namespace", native_namespace, KEYS,
               (MONTHLY_HRS, OPERATIONS), "Standard base charge per hour, operations by usage (Basic: operations)"),
)
