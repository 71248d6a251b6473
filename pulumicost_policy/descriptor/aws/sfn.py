"""Step Functions state machines: Standard workflows by state transitions, Express workflows by
requests and duration (GB-seconds, in the feed's three tiers); all by usage."""
from __future__ import annotations

from ..model import Mapped, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props
from .common import INF, REQUESTS

TRANSITIONS = UsageKey("monthly_transitions", "transitions", "state transitions per month (Standard workflows)")
DURATION = UsageKey("monthly_duration_gb_seconds", "GB-seconds", "workflow duration x memory per month (Express)")
EXPRESS_TIERS = (("first 1K GB-hours", "express-duration", 0.0, 3.6e6),
                 ("next 4K GB-hours", "express-duration-tier2", 3.6e6, 1.8e7),
                 ("over 5K GB-hours", "express-duration-tier3", 1.8e7, INF))


def state_machine(p: Props) -> Mapped:
    if (p.str("type", "STANDARD") or "STANDARD").upper() == "EXPRESS":
        return Mapped("express", [
            usage_based("Requests", "sfn:StateMachine", "express-requests", "per_1m_requests", REQUESTS.name, 1e-6),
            *(usage_based(f"Duration ({label})", "sfn:StateMachine", sku, "per_gb_second", DURATION.name,
                          tier=(start, end)) for label, sku, start, end in EXPRESS_TIERS)])
    return Mapped("standard", [usage_based("Transitions", "sfn:StateMachine", "transitions", "per_1k_requests",
                                           TRANSITIONS.name, 1e-3)])


TYPES = (
    PricedType(("aws:sfn/stateMachine:StateMachine",), "sfn:StateMachine", state_machine,
               keys("sfn:StateMachine transitions", "sfn:StateMachine express-requests",
                    *(f"sfn:StateMachine {sku}" for _, sku, _, _ in EXPRESS_TIERS)),
               (TRANSITIONS, REQUESTS, DURATION), "Standard: transitions; Express: requests and duration (by usage)"),
)
