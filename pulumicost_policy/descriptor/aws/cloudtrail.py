"""CloudTrail trails: paid management-event copies, data events and Insights."""
from __future__ import annotations

from ..model import Mapped, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props


def cloudtrail(p: Props) -> Mapped:
    """The first copy of management events is free; extra copies, data events and Insights by usage."""
    return Mapped("trail", [
        usage_based("Management events (paid copies)", "cloudtrail:Trail", "management-paid", "per_1m_requests",
                    "monthly_paid_management_events", 1e-6),
        usage_based("Data events", "cloudtrail:Trail", "data-events", "per_1m_requests", "monthly_data_events", 1e-6),
        usage_based("Insights events", "cloudtrail:Trail", "insights", "per_1m_requests", "monthly_insight_events",
                    1e-6),
    ])


TYPES = (
    PricedType(("aws:cloudtrail/trail:Trail",), "cloudtrail:Trail", cloudtrail,
               keys("cloudtrail:Trail management-paid", "cloudtrail:Trail data-events", "cloudtrail:Trail insights"),
               (UsageKey("monthly_paid_management_events", "events", "management events beyond the free first copy"),
                UsageKey("monthly_data_events", "events", "data events recorded per month"),
                UsageKey("monthly_insight_events", "events", "Insights events analysed per month")),
               "paid management-event copies, data events and Insights (by usage); the first copy is free"),
)
