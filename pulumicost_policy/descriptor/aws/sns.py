"""SNS topics: API requests and deliveries per subscription protocol."""
from __future__ import annotations

from ..model import Mapped, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props
from .common import REQUESTS


# Deliveries per subscription protocol: (label, sku, usage key counting that protocol's subscriptions).
SNS_DELIVERIES = (("HTTP/HTTPS notifications", "http", "http_subscriptions"),
                  ("Email/Email-JSON notifications", "email", "email_subscriptions"),
                  ("Mobile Push notifications", "mobile-push", "mobile_push_subscriptions"),
                  ("MacOS notifications", "macos", "macos_subscriptions"))


def sns_topic(p: Props) -> Mapped:
    """API requests, and each published message delivered to every subscription of a protocol
    (subscriptions are separate resources: their counts come from the usage file)."""
    return Mapped("standard", [
        usage_based("API requests", "sns:Topic", "requests", "per_1m_requests", "monthly_requests", 1e-6),
        *(usage_based(label, "sns:Topic", sku, "per_1m_requests", f"monthly_requests*{key}", 1e-6)
          for label, sku, key in SNS_DELIVERIES),
    ])


TYPES = (
    PricedType(("aws:sns/topic:Topic",), "sns:Topic", sns_topic,
               keys("sns:Topic requests", *(f"sns:Topic {sku}" for _, sku, _ in SNS_DELIVERIES)),
               (REQUESTS, *(UsageKey(key, "count", f"subscriptions receiving {label}") for label, _, key in
                            SNS_DELIVERIES)),
               "API requests and deliveries per protocol (by usage)"),
)
