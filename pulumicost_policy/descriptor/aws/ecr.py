"""ECR repositories."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type("aws:ecr/repository:Repository", "ecr:Repository", "ECR storage"),
)
