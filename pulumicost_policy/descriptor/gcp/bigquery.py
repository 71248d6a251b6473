"""BigQuery tables."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type(("gcp:bigquery/table:Table",), "bigquery:Table", "BigQuery storage"),
)
