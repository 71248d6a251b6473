"""OpenSearch (and Elasticsearch) domains."""
from __future__ import annotations

from ..registry import MONTHLY_HRS, PricedType, no_data

TYPES = (
    PricedType(("aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"), "opensearch:Domain",
               no_data("OpenSearch"), (), (MONTHLY_HRS,), "unpriced (no OpenSearch feed)"),
)
