"""The policy pack as Pulumi runs it: per-process state and the SDK wrapping of `POLICIES`."""
from __future__ import annotations

from ..policies import PACK_NAME
from .sdk import build_policies
from .state import PackState

__all__ = ["PACK_NAME", "PackState", "build_policies"]
