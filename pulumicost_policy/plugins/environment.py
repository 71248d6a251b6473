"""What a plugin reads from the environment: declared in its manifest, passed by the host, checked.

A plugin's manifest lists the variables it reads (`plugin.manifest.json`):

    "env": {
      "VANTAGE_API_TOKEN": {"required": true, "secret": true, "about": "Vantage API bearer token"},
      "VANTAGE_API_URL": {"url": true, "about": "API endpoint (default https://api.vantage.sh)"}
    }

Why the manifest and not only config.yaml: a user who installs the vantage plugin and exports
VANTAGE_API_TOKEN means the plugin to use it. The host passes a plugin exactly the variables its
manifest declares (when they are set in our environment), then config.yaml's `inherit_env` and
`env` (which win); nothing else of ours. Installing the plugin is the opt-in: `plugins install`
and `plugins list` print what it will read. The host's own secrets never qualify: a manifest may
not declare PULUMI_* (PULUMI_CONFIG holds the decrypted stack config, PULUMI_ACCESS_TOKEN the
backend login) nor a variable that changes what code runs; such a manifest is refused.

A plugin whose required variable is missing, or whose URL variable is not an http(s) URL, is not
started: the run says so once, naming the variable and how to set it, instead of the plugin
refusing every resource it is asked about.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, Mapping, Optional
from urllib.parse import urlsplit

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_FIELDS = {"required": bool, "secret": bool, "url": bool, "about": str}
HOST_ONLY = "PULUMI_"  # the engine's variables: decrypted config, backend tokens
# Variables that make a plugin (or its interpreter, loader or shell) run other code.
_CODE_VARS = re.compile(r"^(PATH|IFS|ENV|BASH_ENV|SHELLOPTS|PS4|NODE_OPTIONS|NODE_PATH|PERL5LIB|PERL5OPT|PERLLIB|"
                        r"RUBYOPT|RUBYLIB|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|GCONV_PATH|PYTHON\w*|LD_\w*|DYLD_\w*)$")


def refused_env_key(name: str) -> bool:
    """True for a variable that changes what code runs: never set or passed on for a plugin."""
    return bool(_CODE_VARS.match(name.upper()))


class ManifestEnvError(Exception):
    """The manifest's `env` cannot be used; the message says which entry and why."""


@dataclass(frozen=True)
class EnvVar:
    """One variable a plugin reads."""

    name: str
    required: bool = False
    secret: bool = False
    url: bool = False
    about: str = ""

    def describe(self) -> str:
        flags = [f for f, on in (("required", self.required), ("secret", self.secret)) if on]
        return self.name + (f" ({', '.join(flags)})" if flags else "")


def declared_env(raw: Any) -> tuple[EnvVar, ...]:
    """The manifest's `env` mapping (absent: nothing declared). ManifestEnvError when unusable."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise ManifestEnvError("'env' must map variable names to {required, secret, url, about}")
    out = []
    for name, body in raw.items():
        if not isinstance(name, str) or not _NAME.match(name):
            raise ManifestEnvError(f"env: {name!r} is not a variable name")
        if name.upper().startswith(HOST_ONLY) or refused_env_key(name):
            raise ManifestEnvError(f"env: {name} is the host's own (or changes what code runs); a plugin may "
                                   f"not ask for it")
        body = {} if body is None else body
        if not isinstance(body, dict):
            raise ManifestEnvError(f"env.{name} must be a mapping of {', '.join(_FIELDS)}")
        unknown = sorted(set(map(str, body)) - set(_FIELDS))
        if unknown:
            raise ManifestEnvError(f"env.{name}: unknown field(s) {', '.join(unknown)}; valid: {', '.join(_FIELDS)}")
        for key, kind in _FIELDS.items():
            if key in body and not isinstance(body[key], kind):
                raise ManifestEnvError(f"env.{name}.{key} must be {'true or false' if kind is bool else 'a string'}")
        out.append(EnvVar(name, **body))
    return tuple(out)


def plugin_env(declared: tuple[EnvVar, ...], configured: Mapping[str, str],
               environ: Optional[Mapping[str, str]] = None) -> dict[str, str]:
    """The variables a plugin gets beyond the host's minimal ones: its declared variables that are
    set in our environment, then config.yaml's `inherit_env` and `env` (`configured`, which win)."""
    environ = os.environ if environ is None else environ
    return {**{v.name: environ[v.name] for v in declared if environ.get(v.name)}, **configured}


def missing(name: str, declared: tuple[EnvVar, ...], env: Mapping[str, str]) -> list[str]:
    """What keeps plugin `name` from working with `env`, each naming the variable and the fix."""
    problems = []
    for var in declared:
        value = env.get(var.name, "")
        about = f" ({var.about})" if var.about else ""
        if var.required and not value:
            problems.append(f"{var.name}{about} is not set: export {var.name}=... where you run pulumicost, "
                            f"or set plugins.{name}.env.{var.name} in config.yaml under the plugin root")
        elif value and var.url:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                shown = "(value not shown: declared secret)" if var.secret else repr(value)
                problems.append(f"{var.name}{about} is {shown}, not an http(s) URL such as https://host[:port]")
    return problems


def reads(declared: tuple[EnvVar, ...], env: Optional[Mapping[str, str]] = None) -> str:
    """One line of what a plugin reads (and, given its environment, which are set; never a value)."""
    if not declared:
        return "reads no declared variables"
    if env is None:
        return "reads " + ", ".join(v.describe() for v in declared)
    return "reads " + ", ".join(f"{v.name} ({'set' if env.get(v.name) else 'not set'})" for v in declared)
