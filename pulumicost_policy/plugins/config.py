"""`<root>/config.yaml`: plugin priorities, per-plugin environment (API keys) and timeouts.

    currency: USD            # answers in any other currency are refused, not mixed in
    plugins:
      vantage:
        priority: 10         # lower is asked first; default 100, then by name
        enabled: true
        timeout_seconds: 5   # per call
        start_timeout_seconds: 10
        env: {VANTAGE_API_TOKEN: "..."}   # reaches the plugin by environment only
        inherit_env: [AWS_PROFILE]         # variables passed on from our own environment

A plugin's environment is PATH, HOME, LANG, LC_ALL, TMPDIR, its port variable, the variables its
manifest declares (environment.py), `env` and the variables named in `inherit_env`: nothing else of ours (PULUMI_CONFIG holds the decrypted stack
config; tokens and cloud keys live there too). Values from `env` are secrets as far as we know:
they are never logged or put on argv. Variables that change what code runs (PATH, PYTHONPATH,
LD_PRELOAD...) are refused in both lists.

The file decides what code plugins run with, so it must be ours (or root's) and writable by no
one else; otherwise it is refused with the chmod/chown that fixes it.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..pricing.yamlfile import load_yaml
from ..quoting import printable, shell_word
from ..trust import unsafe_reason
from .environment import refused_env_key

DEFAULT_PRIORITY = 100


class HostConfigError(Exception):
    """config.yaml is unusable; the message names the file (and line) and what to fix."""


@dataclass(frozen=True)
class PluginSettings:
    priority: int = DEFAULT_PRIORITY
    enabled: bool = True
    timeout_seconds: float = 5.0
    start_timeout_seconds: float = 10.0
    attempts: int = 3
    env: dict[str, str] = field(default_factory=dict)   # `env` plus the inherited variables' values


@dataclass(frozen=True)
class HostConfig:
    currency: str = "USD"
    plugins: dict[str, PluginSettings] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def settings(self, name: str) -> PluginSettings:
        return self.plugins.get(name, PluginSettings())


_NUMBERS = {"timeout_seconds": float, "start_timeout_seconds": float}
def load_config(path: Path) -> HostConfig:
    """Read config.yaml (absent: defaults). Bad content raises HostConfigError naming the key."""
    if not path.exists():
        return HostConfig()
    problem = unsafe_reason(path)
    if problem:
        raise HostConfigError(f"refusing {problem}")
    raw = load_yaml(path, "plugin host config", HostConfigError)
    if raw is None:
        return HostConfig()
    if not isinstance(raw, dict):
        raise HostConfigError(f"{shell_word(path)}: expected a mapping with 'currency' and 'plugins'")
    currency = raw.get("currency", "USD")
    if not (isinstance(currency, str) and len(currency) == 3 and currency.isalpha() and currency.isupper()):
        raise HostConfigError(f"{shell_word(path)}: currency must be an ISO 4217 code like USD")
    plugins_raw = raw.get("plugins") or {}
    if not isinstance(plugins_raw, dict):
        raise HostConfigError(f"{shell_word(path)}: 'plugins' must map plugin names to settings")
    plugins = {str(name): _settings(path, str(name), body) for name, body in plugins_raw.items()}
    warnings = []
    if any(p.env for p in plugins.values()) and path.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH):
        warnings.append(f"{shell_word(path)} holds plugin credentials and other users can read it; "
                        f"run: chmod 600 {shell_word(path)}")
    return HostConfig(currency, plugins, tuple(warnings))


def _settings(path: Path, name: str, body: Any) -> PluginSettings:
    where = f"{shell_word(path)}: plugins.{printable(name)}"
    if body is None:
        return PluginSettings()
    if not isinstance(body, dict):
        raise HostConfigError(f"{where} must be a mapping")
    unknown = set(body) - {"priority", "enabled", "timeout_seconds", "start_timeout_seconds", "attempts", "env",
                           "inherit_env"}
    if unknown:
        raise HostConfigError(f"{where}: unknown setting(s) {', '.join(sorted(map(str, unknown)))}")
    out: dict[str, Any] = {}
    for key, kind in _NUMBERS.items():
        if key in body:
            value = body[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise HostConfigError(f"{where}.{key} must be a positive number of seconds")
            out[key] = kind(value)
    for key in ("priority", "attempts"):
        if key in body:
            value = body[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < (1 if key == "attempts" else 0):
                raise HostConfigError(f"{where}.{key} must be a whole number" + (" >= 1" if key == "attempts" else " >= 0"))
            out[key] = value
    if "enabled" in body:
        if not isinstance(body["enabled"], bool):
            raise HostConfigError(f"{where}.enabled must be true or false")
        out["enabled"] = body["enabled"]
    env = body.get("env") or {}
    if not isinstance(env, dict) or not all(isinstance(k, str) and isinstance(v, (str, int, float)) for k, v in env.items()):
        # never echo the values: they are credentials
        raise HostConfigError(f"{where}.env must map variable names to string values")
    inherit = body.get("inherit_env") or []
    if not isinstance(inherit, list) or not all(isinstance(k, str) for k in inherit):
        raise HostConfigError(f"{where}.inherit_env must be a list of variable names")
    refused = sorted(k for k in [*env, *inherit] if refused_env_key(k))
    if refused:
        raise HostConfigError(f"{where}: {', '.join(refused)} would change what code the plugin runs; "
                              f"remove it (plugins get PATH, HOME, LANG and TMPDIR from us)")
    out["env"] = {**{k: os.environ[k] for k in inherit if k in os.environ}, **{k: str(v) for k, v in env.items()}}
    return PluginSettings(**out)


def config_path(root: Path) -> Path:
    return root / "config.yaml"


def optional_config(root: Path) -> tuple[HostConfig, Optional[str]]:
    """The config, or defaults plus the error to report (a bad config must not stop a preview)."""
    try:
        return load_config(config_path(root)), None
    except HostConfigError as err:
        return HostConfig(), f"{err}; plugins run with default settings"
