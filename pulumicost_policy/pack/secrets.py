"""Keep the engine's secret marks: a value Pulumi marks secret stays recognisably secret.

The engine sends secrets wrapped (`{"4dabf181...": "1b470612...", "value": v}`) and the SDK unwraps
them to plain values before a policy sees them, so a policy cannot tell `t3.mirco` (a typo worth
showing) from a password. This pack deserializes Analyze/AnalyzeStack properties with each secret
replaced by the preview's `[secret]` mark instead: the descriptor then refuses to price or show it
("... is a secret"), exactly as for a saved plan or a state, and every other value may be shown.
"""
from __future__ import annotations

from typing import Any

import pulumi_policy.policy as sdk_policy

from ..inputs.sentinels import PREVIEW_SECRET, SECRET_SIG_KEY, SECRET_SIG_VALUE

_original = sdk_policy.deserialize_properties


def _masked(value: Any) -> Any:
    if isinstance(value, dict):
        if value.get(SECRET_SIG_KEY) == SECRET_SIG_VALUE and "value" in value:
            return PREVIEW_SECRET
        return {k: _masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def _deserialize(props: dict, proxy_secrets: bool = False) -> Any:
    # Remediate asks with proxy_secrets=True: its writes must keep secrets secret, not masked.
    return _original(props if proxy_secrets else _masked(props), proxy_secrets)


def keep_secret_marks() -> None:
    """Install once, before PolicyPack() serves (the SDK looks the function up at each call)."""
    sdk_policy.deserialize_properties = _deserialize
