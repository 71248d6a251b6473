"""Secrets Manager secrets: a monthly fee per secret (each replica region is billed as a secret) and
API calls by usage."""
from __future__ import annotations

from ..model import Mapped, monthly, usage_based
from ..registry import PricedType, keys
from ..values import Props
from .common import REQUESTS


def secret(p: Props) -> Mapped:
    copies = 1 + p.count("replicas")
    return Mapped("secret", [
        monthly("Secret" if copies == 1 else f"Secret ({copies} copies: primary and replicas)",
                "secretsmanager:Secret", "secret", "per_month", copies),
        usage_based("API requests", "secretsmanager:Secret", "requests", "per_1m_requests", REQUESTS.name, 1e-6),
    ])


TYPES = (
    PricedType(("aws:secretsmanager/secret:Secret",), "secretsmanager:Secret", secret,
               keys("secretsmanager:Secret secret", "secretsmanager:Secret requests"), (REQUESTS,),
               "secret-months (replicas count as secrets), API requests (by usage)"),
)
