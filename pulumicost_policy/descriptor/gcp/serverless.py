"""Cloud Run services and Cloud Functions."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type(("gcp:cloudrun/service:Service", "gcp:cloudrunv2/service:Service"), "run:Service", "Cloud Run"),
    no_data_type(("gcp:cloudfunctions/function:Function", "gcp:cloudfunctionsv2/function:Function"),
                 "functions:Function", "Cloud Functions"),
)
