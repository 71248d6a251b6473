"""A usage file for *this* stack: an entry per resource of the plan (or state) whose type has usage
keys, each key written as a comment with its unit, meaning and default (Infracost's
`--sync-usage-file`). Uncommenting a key and setting a number prices that line; a key left commented
keeps its default or stays "depends on usage" (a file of zeros would claim the usage is nothing).

With `sync`, an existing file keeps every line as written (values, comments, order) and gets an
entry only for resources it does not name yet, inserted at the end of its `resource_usage` mapping.

Entries are keyed by resource name, or by URN when the name is shared by several resources of the
plan or would be read as a glob or a type token.
"""
from __future__ import annotations

import re
from collections import Counter
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterable

import yaml

from ..descriptor.catalog import TYPES
from ..descriptor.registry import UsageKey
from ..inputs.resource import ResourceInput
from .usage import UsageFileError
from .yamlfile import load_yaml

_KEYS: dict[str, tuple[UsageKey, ...]] = {t: e.usage_keys for e in TYPES for t in e.tokens if e.usage_keys}
_TYPE_TOKEN = re.compile(r"^[A-Za-z0-9_.-]+:[A-Za-z0-9_./-]*:[A-Za-z0-9_]+$")
_GLOB = re.compile(r"[*?]")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HEADER = [
    "# Usage for the resources of {source}, written by `pulumicost usage init`.",
    "# Uncomment a key and set a number >= 0 to price that line. A key left commented takes its",
    "# default (when it has one) or stays \"depends on usage\". `pulumicost usage init --sync` adds",
    "# new resources later without touching what is here. See README \"Usage file\".",
]


def usage_keys(token: str) -> tuple[UsageKey, ...]:
    """The usage keys a type's cost lines read (none for a type without usage-based lines)."""
    return _KEYS.get(token, ())


def entry_keys(resources: Iterable[ResourceInput]) -> list[tuple[str, ResourceInput]]:
    """(entry key, resource) for each resource with usage keys, in plan order."""
    with_keys = [r for r in resources if usage_keys(r.type)]
    names = Counter(r.name for r in with_keys)
    out = []
    for r in with_keys:
        plain = names[r.name] == 1 and not _GLOB.search(r.name) and not _TYPE_TOKEN.match(r.name) \
            and not r.name.startswith("urn:")
        out.append((r.name if plain else r.urn, r))
    return out


def _quoted(key: str) -> str:
    """A YAML mapping key that reads back as exactly `key`."""
    return yaml.safe_dump(key, default_style='"', width=10_000).strip()


def entry_lines(key: str, resource: ResourceInput, indent: str = "  ") -> list[str]:
    lines = [f"{indent}{_quoted(key)}:  # {resource.type}"]
    for k in usage_keys(resource.type):
        default = f" (default {k.default:g})" if k.default is not None else ""
        lines.append(f"{indent}  # {k.name}: 0  # {k.unit}: {k.meaning}{default}")
    return lines


def new_file(resources: Iterable[ResourceInput], source: str) -> str:
    lines = [h.format(source=source) for h in HEADER] + ["version: 1", "resource_usage:"]
    entries = entry_keys(resources)
    for key, resource in entries:
        lines += entry_lines(key, resource)
    if not entries:
        lines[-1] = "resource_usage: {}  # no resource of this plan has usage-based cost lines"
    return "\n".join(lines) + "\n"


def _covered(resource: ResourceInput, existing: Iterable[str]) -> bool:
    """The file already names the resource (by name or URN, exactly or by a `*`/`?` glob)."""
    for key in existing:
        if key in (resource.name, resource.urn):
            return True
        if _GLOB.search(key) and (fnmatchcase(resource.name, key) or fnmatchcase(resource.urn, key)):
            return True
    return False


def synced(path: Path, resources: Iterable[ResourceInput]) -> tuple[str, int]:
    """The existing file with entries added for the resources it does not name, and how many."""
    load_yaml(path, "usage file", UsageFileError)   # refuses what the usage file reader refuses
    text = path.read_text(encoding="utf-8")
    root = yaml.compose(text, Loader=_Loader)
    node = None
    if isinstance(root, yaml.MappingNode):
        node = next((v for k, v in root.value if k.value == "resource_usage"), None)
    if node is not None and not (isinstance(node, yaml.MappingNode) and not node.flow_style
                                 or isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        raise UsageFileError(f"{path}: resource_usage is not a block mapping; write it as `resource_usage:` "
                             "followed by indented entries, then sync again")
    existing = [str(k.value) for k, _ in node.value] if isinstance(node, yaml.MappingNode) else []
    added = [(k, r) for k, r in entry_keys(resources) if not _covered(r, existing)]
    if not added:
        return text, 0
    lines = text.splitlines()
    if isinstance(node, yaml.MappingNode) and node.value:
        indent = " " * node.value[0][0].start_mark.column
        end = node.end_mark.line if node.end_mark.column == 0 else node.end_mark.line + 1
        while end > 0 and not lines[end - 1].strip():   # after the last entry, before blank lines
            end -= 1
    elif node is not None:                                # `resource_usage:` with nothing under it
        indent, end = "  ", node.start_mark.line + 1
    else:                                                 # no resource_usage at all
        indent, end = "  ", len(lines)
        lines.append("resource_usage:")
        end += 1
    new = [line for key, r in added for line in entry_lines(key, r, indent)]
    lines[end:end] = new
    return "\n".join(lines) + "\n", len(added)


def describe(resources: Iterable[ResourceInput]) -> str:
    """`3 resources, 12 usage keys`: for the one line the command prints."""
    entries = entry_keys(resources)
    n_keys = sum(len(usage_keys(r.type)) for _, r in entries)
    return f"{len(entries)} resource{'s' if len(entries) != 1 else ''} with usage keys, {n_keys} keys"
