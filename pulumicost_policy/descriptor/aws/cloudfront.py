"""CloudFront distributions and functions."""
from __future__ import annotations

from ..registry import PricedType, no_data
from .common import no_data_type

TYPES = (
    PricedType(("aws:cloudfront/distribution:Distribution",), "cloudfront:Distribution",
               no_data("CloudFront data transfer and request"), (), (), "unpriced (the CloudFront feed has "
               "Lambda@Edge prices only)"),
    no_data_type("aws:cloudfront/function:Function", "cloudfront:Function", "CloudFront Functions"),
)
