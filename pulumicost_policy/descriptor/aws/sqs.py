"""SQS queues: requests by usage, at the standard or FIFO rate (the first tier of each)."""
from __future__ import annotations

from ..model import Mapped, usage_based
from ..registry import PricedType, keys
from ..values import Props
from .common import REQUESTS


def queue(p: Props) -> Mapped:
    kind = "fifo" if p.bool("fifoQueue") or (p.str("name") or "").endswith(".fifo") else "standard"
    return Mapped(kind, [usage_based("Requests", "sqs:Queue", kind, "per_1m_requests", REQUESTS.name, 1e-6)])


TYPES = (
    PricedType(("aws:sqs/queue:Queue",), "sqs:Queue", queue, keys("sqs:Queue standard", "sqs:Queue fifo"),
               (REQUESTS,), "requests (by usage), standard or FIFO"),
)
