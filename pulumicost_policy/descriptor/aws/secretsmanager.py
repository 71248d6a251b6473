"""Secrets Manager secrets."""
from __future__ import annotations

from ..registry import PricedType, no_data
from .common import REQUESTS

TYPES = (
    PricedType(("aws:secretsmanager/secret:Secret",), "secretsmanager:Secret", no_data("Secrets Manager"), (),
               (REQUESTS,), "unpriced (no Secrets Manager feed)"),
)
