"""Artifact Registry repositories."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type(("gcp:artifactregistry/repository:Repository",), "artifactregistry:Repository",
                 "Artifact Registry"),
)
