"""Secret Manager secrets and Cloud KMS keys."""
from __future__ import annotations

from .common import no_data_type

TYPES = (
    no_data_type(("gcp:secretmanager/secret:Secret",), "secretmanager:Secret", "Secret Manager"),
    no_data_type(("gcp:kms/cryptoKey:CryptoKey",), "kms:CryptoKey", "Cloud KMS key"),
)
