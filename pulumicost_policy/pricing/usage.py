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
from .yamlfile import key_line, load_yaml

_TYPE_TOKEN = re.compile(r"^[A-Za-z0-9_.-]+:[A-Za-z0-9_./-]*:[A-Za-z0-9_]+$")
_GLOB = re.compile(r"[*?]")
# Hours in a month: no month has more than 31 x 24. A larger figure is a typo (100000 for 1000)
# that would multiply an hourly price past any real bill.
MAX_HOURS_PER_MONTH = 744.0
HOUR_KEYS = ("monthly_hrs", "monthly_cpu_credit_hrs")


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
        return cls.parse(load_yaml(Path(path), "usage file", UsageFileError), str(path), Path(path))

    @classmethod
    def parse(cls, doc: Any, where: str, source: Optional[Path] = None) -> "Usage":
        """`where` names the document in errors; `source`, the file it came from, lets them name the line."""
        if doc is None:
            return cls()
        if not isinstance(doc, Mapping) or not isinstance(doc.get("resource_usage", {}), Mapping):
            raise UsageFileError(f"{where}: expected a mapping with a resource_usage: mapping")
        usage = cls()
        for key, values in (doc.get("resource_usage") or {}).items():
            quantities = _quantities(where, str(key), values, source)
            key = str(key)
            if _GLOB.search(key):
                usage.globs.append((_glob(key), quantities))
            elif not key.startswith("urn:") and _TYPE_TOKEN.match(key):
                usage.types[key] = quantities
            else:
                usage.exact[key] = quantities
        return usage


def _quantities(where: str, key: str, values: Any, source: Optional[Path]) -> dict[str, float]:
    if values is None:  # an entry whose keys are all still commented out (`pulumicost usage init`)
        return {}
    if not isinstance(values, Mapping):
        raise UsageFileError(f"{where}: resource_usage[{key!r}] should be a mapping of quantity names to numbers")
    out = {}
    for name, value in values.items():
        number = as_finite(value)
        problem = ("should be a finite number >= 0" if number is None or number < 0 else
                   f"is {number:,g} hours; a month has at most {MAX_HOURS_PER_MONTH:g} (31 days x 24)"
                   if name in HOUR_KEYS and number > MAX_HOURS_PER_MONTH else None)
        if problem:
            line = key_line(source, ("resource_usage", key, str(name))) if source is not None else ""
            raise UsageFileError(f"{where}{line}: resource_usage[{key!r}].{name} {problem}")
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
