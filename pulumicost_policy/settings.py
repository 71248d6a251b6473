"""Numeric settings from the environment (`PULUMICOST_*_MB`, `..._STALL_S`...): one rule for reading them.

A limit is a bound on what we accept; a value that is set but is not a positive, finite number is
refused with its name rather than silently replaced by the default (it would widen or narrow a bound).
"""
from __future__ import annotations

from typing import Mapping


class SettingError(ValueError):
    """A setting that is not a positive number; the message names the variable and its default."""


def positive_setting(env: Mapping[str, str], name: str, default: float, ceiling: float = float("inf")) -> float:
    """`env[name]` as a number in (0, ceiling), or `default` when unset or empty."""
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value < ceiling:
        raise SettingError(f"{name}={raw!r}: expected a positive number (default {default:g})")
    return value
