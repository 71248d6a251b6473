"""SQS queues."""
from __future__ import annotations

from ..registry import PricedType, no_data
from .common import REQUESTS

TYPES = (
    PricedType(("aws:sqs/queue:Queue",), "sqs:Queue", no_data("SQS"), (), (REQUESTS,), "unpriced (no SQS feed)"),
)
