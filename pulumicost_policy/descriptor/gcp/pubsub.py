"""Pub/Sub topics and subscriptions."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type(("gcp:pubsub/topic:Topic", "gcp:pubsub/subscription:Subscription"), "pubsub:Topic", "Pub/Sub"),
)
