"""The usage file: monthly quantities for usage-billed resources (S3 GB, Lambda requests...).

    version: 1
    resource_usage:
      aws:s3/bucket:Bucket: {storage_gb: 10}                 # type token: default for the type
      logs: {storage_gb: 100}                                 # resource name, exact
      "urn:pulumi:prod::shop::aws:lambda/function:Function::api-*": {monthly_requests: 2000000}

Keys are told apart by shape: `urn:` prefix -> URN, a `pkg:module:Type` token -> type default,
anything else -> resource name. Only `*` and `?` make a glob (`*` any run, `?` one character);
every other character, `[` included, matches itself, so `logs[1]` is the resource named `logs[1]`. For each usage key, the most specific match
wins: an exact URN or name beats a glob, which beats the type default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

from .finite import as_finite
from .yamlfile import load_yaml

_TYPE_TOKEN = re.compile(r"^[A-Za-z0-9_.-]+:[A-Za-z0-9_./-]*:[A-Za-z0-9_]+$")
_GLOB = re.compile(r"[*?]")


class UsageFileError(Exception):
    """The usage file is unusable; the message names the file, line and what to fix."""


@dataclass
class Usage:
    """Parsed usage entries, split by how specific they are."""

    exact: dict[str, dict[str, float]] = field(default_factory=dict)
    globs: list[tuple[re.Pattern[str], dict[str, float]]] = field(default_factory=list)
    types: dict[str, dict[str, float]] = field(default_factory=dict)

    def for_resource(self, urn: str, name: str, type_token: str) -> dict[str, float]:
        """The quantities for one resource, most specific source winning per key."""
        merged = dict(self.types.get(type_token, {}))
        for pattern, values in self.globs:
            if pattern.fullmatch(urn) or pattern.fullmatch(name):
                merged.update(values)
        for key in (name, urn):
            merged.update(self.exact.get(key, {}))
        return merged

    @classmethod
    def load(cls, path: Optional[Path]) -> "Usage":
        if path is None:
            return cls()
        return cls.parse(load_yaml(Path(path), "usage file", UsageFileError), str(path))

    @classmethod
    def parse(cls, doc: Any, where: str) -> "Usage":
        if doc is None:
            return cls()
        if not isinstance(doc, Mapping) or not isinstance(doc.get("resource_usage", {}), Mapping):
            raise UsageFileError(f"{where}: expected a mapping with a resource_usage: mapping")
        usage = cls()
        for key, values in (doc.get("resource_usage") or {}).items():
            quantities = _quantities(where, str(key), values)
            key = str(key)
            if _GLOB.search(key):
                usage.globs.append((_glob(key), quantities))
            elif not key.startswith("urn:") and _TYPE_TOKEN.match(key):
                usage.types[key] = quantities
            else:
                usage.exact[key] = quantities
        return usage


def _quantities(where: str, key: str, values: Any) -> dict[str, float]:
    if not isinstance(values, Mapping):
        raise UsageFileError(f"{where}: resource_usage[{key!r}] should be a mapping of quantity names to numbers")
    out = {}
    for name, value in values.items():
        number = as_finite(value)
        if number is None or number < 0:
            raise UsageFileError(f"{where}: resource_usage[{key!r}].{name} should be a finite number >= 0")
        out[str(name)] = number
    return out


def _glob(key: str) -> re.Pattern[str]:
    """`*` and `?` as wildcards, everything else literal (fnmatch would read `[1]` as a class)."""
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in key), re.DOTALL)


def entry_applies(key: str, urn: str, name: str, type_token: str) -> bool:
    """Whether the usage entry `key` applies to a resource, by the rules `Usage.for_resource` uses."""
    if _GLOB.search(key):
        pattern = _glob(key)
        return bool(pattern.fullmatch(urn) or pattern.fullmatch(name))
    return key == type_token if is_type_default(key) else key in (urn, name)


def is_type_default(key: str) -> bool:
    """A type-token entry: a default for every resource of the type, wherever the file is used."""
    return not _GLOB.search(key) and not key.startswith("urn:") and bool(_TYPE_TOKEN.match(key))
