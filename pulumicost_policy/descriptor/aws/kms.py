"""Key management: KMS keys and CloudHSM HSMs."""
from __future__ import annotations

from ..model import Mapped, monthly, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props
from .common import REQUESTS


def cloudhsm(p: Props) -> Mapped:
    return Mapped("hsm", [running("HSM hours", "cloudhsm:Hsm", "hsm")])


def kms_key(p: Props) -> Mapped:
    spec = (p.str("customerMasterKeySpec") or p.str("keySpec") or "SYMMETRIC_DEFAULT").upper()
    comps = [monthly("Customer master key", "kms:Key", "key", "per_month", 1)]
    requests = "monthly_requests"
    if spec == "SYMMETRIC_DEFAULT":
        comps += [
            usage_based("Requests", "kms:Key", "requests", "per_1m_requests", requests, 1e-6),
            usage_based("ECC GenerateDataKeyPair requests", "kms:Key", "requests-gdkp-ecc", "per_1m_requests",
                        "monthly_ecc_gdkp_requests", 1e-6),
            usage_based("RSA GenerateDataKeyPair requests", "kms:Key", "requests-gdkp-rsa", "per_1m_requests",
                        "monthly_rsa_gdkp_requests", 1e-6),
        ]
    elif spec == "RSA_2048":
        comps.append(usage_based("Requests (RSA 2048)", "kms:Key", "requests-rsa2048", "per_1m_requests",
                                 requests, 1e-6))
    else:
        comps.append(usage_based("Requests (asymmetric)", "kms:Key", "requests-asymmetric", "per_1m_requests",
                                 requests, 1e-6))
    return Mapped(spec.lower(), comps)


TYPES = (
    PricedType(("aws:cloudhsmv2/hsm:Hsm",), "cloudhsm:Hsm", cloudhsm, keys("cloudhsm:Hsm hsm"), (MONTHLY_HRS,),
               "HSM hours"),
    PricedType(("aws:kms/key:Key", "aws:kms/externalKey:ExternalKey", "aws:kms/replicaKey:ReplicaKey"),
               "kms:Key", kms_key,
               keys("kms:Key key", "kms:Key requests", "kms:Key requests-gdkp-ecc", "kms:Key requests-gdkp-rsa",
                    "kms:Key requests-rsa2048", "kms:Key requests-asymmetric"),
               (REQUESTS, UsageKey("monthly_ecc_gdkp_requests", "requests", "ECC GenerateDataKeyPair requests"),
                UsageKey("monthly_rsa_gdkp_requests", "requests", "RSA GenerateDataKeyPair requests")),
               "key-month, requests by key spec (by usage)"),
)
