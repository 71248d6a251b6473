"""ECR repositories: stored images by usage (GB-month)."""
from __future__ import annotations

from ..model import Mapped, usage_based
from ..registry import STORAGE_GB, PricedType, keys
from ..values import Props


def repository(p: Props) -> Mapped:
    return Mapped("storage", [usage_based("Storage", "ecr:Repository", "storage", "per_gb_month", STORAGE_GB.name)])


TYPES = (
    PricedType(("aws:ecr/repository:Repository",), "ecr:Repository", repository, keys("ecr:Repository storage"),
               (STORAGE_GB,), "image storage (by usage)"),
)
