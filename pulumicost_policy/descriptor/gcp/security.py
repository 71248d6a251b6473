"""Secret Manager and Cloud KMS keys.

Secret Manager bills each active secret *version* per month and the access operations: a secret
without versions costs nothing by itself, so the secret is free and its versions are the billable
(unpriced: not in our data) resources.
"""
from __future__ import annotations

from ..model import Free
from ..registry import PricedType
from ..values import Props
from .common import no_data_type


def secret(p: Props) -> Free:
    return Free("Secret Manager bills active secret versions and access operations, not the secret itself")


TYPES = (
    PricedType(("gcp:secretmanager/secret:Secret",), "secretmanager:Secret", secret, (), (),
               "free by itself: its versions (secretVersion) are billed"),
    no_data_type(("gcp:secretmanager/secretVersion:SecretVersion",), "secretmanager:SecretVersion",
                 "Secret Manager secret version"),
    no_data_type(("gcp:kms/cryptoKey:CryptoKey",), "kms:CryptoKey", "Cloud KMS key"),
)
