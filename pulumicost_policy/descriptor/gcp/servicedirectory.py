"""Service Directory: namespaces, services and endpoints are billed per registered resource-month
(and API calls); prices not in our data."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type(("gcp:servicedirectory/namespace:Namespace", "gcp:servicedirectory/service:Service",
                  "gcp:servicedirectory/endpoint:Endpoint"), "servicedirectory:Resource", "Service Directory"),
)
