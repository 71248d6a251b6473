"""Service Bus namespaces: the Standard tier's base charge per hour and messaging operations by
usage (Basic: operations only; Premium: messaging units per hour), as Infracost prices them."""
from __future__ import annotations

from ..model import Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

OPERATIONS = UsageKey("monthly_messaging_operations", "operations", "messaging operations per month")


def _namespace(tier: str | None, capacity: float | None) -> Mapped | Unpriced:
    tier = (tier or "").capitalize()
    if tier not in ("Basic", "Standard", "Premium"):
        return Unpriced("sku is not Basic, Standard or Premium")
    if tier == "Premium":
        units = capacity or 1.0
        return Mapped(tier, [running(f"Messaging units x {units:g}", "servicebus:Namespace", "Premium:unit", units)])
    ops = usage_based("Messaging operations", "servicebus:Namespace", f"{tier}:operations", "per_1m_requests",
                      OPERATIONS.name, 1e-6)
    base = [running("Base charge", "servicebus:Namespace", "Standard:base")] if tier == "Standard" else []
    return Mapped(tier, [*base, ops])


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
