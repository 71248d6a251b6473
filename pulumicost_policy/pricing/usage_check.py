"""Checking a usage file against the usage keys each priced type declares.

A typo (`monthly_request` for `monthly_requests`) or a key set on a type that has no such line
would otherwise be ignored and the cost shown as "depends on usage". Every entry is checked: a
type-token entry against that type, a URN against the type inside it, a name or glob against the
types of the resources it matches (when the resources are known: the offline run), and any key
against the union of all types' keys (always). Errors name the file, the line, the entry and the
valid keys.
"""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterable, Optional

import yaml

from ..descriptor.catalog import TYPES
from ..inputs.files import InputFileError, read_bytes
from ..inputs.resource import ResourceInput
from ..suggest import close_matches
from .usage import UsageFileError, entry_applies, is_type_default
from .yamlfile import YamlSizeError, compose_capped

_TYPE_TOKEN = re.compile(r"^[A-Za-z0-9_.-]+:[A-Za-z0-9_./-]*:[A-Za-z0-9_]+$")
_GLOB = re.compile(r"[*?\[]")
MAX_PROBLEMS = 20  # a listing past this helps no one; the count says how many more
MAX_SHOWN_CHARS = 120  # an entry or key name is quoted at most this long

USAGE_KEYS: dict[str, tuple[str, ...]] = {}
for _entry in TYPES:
    for _token in _entry.tokens:
        USAGE_KEYS[_token] = tuple(k.name for k in _entry.usage_keys)
ALL_KEYS = frozenset(k for keys in USAGE_KEYS.values() for k in keys)


def _positions(path: Path) -> list[tuple[str, int, dict[str, int]]]:
    """(entry key, its line, {quantity name: line}) for each resource_usage entry, 1-based lines.

    Only scalar keys are entries (Usage.load refuses the rest); aliases past the limit are refused here
    too, as this check may run first."""
    try:
        loader, root = compose_capped(read_bytes(path, "the usage file").decode("utf-8"))
        loader.dispose()
    except YamlSizeError as err:
        raise UsageFileError(f"{path}: {err}") from None
    except (InputFileError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return []  # Usage.load reports it
    if not isinstance(root, yaml.MappingNode):
        return []
    out = []
    for key, value in root.value:
        if key.value != "resource_usage" or not isinstance(value, yaml.MappingNode):
            continue
        for entry, quantities in value.value:
            if not isinstance(entry, yaml.ScalarNode):
                continue
            names = {q.value: q.start_mark.line + 1 for q, _ in quantities.value if isinstance(q, yaml.ScalarNode)} \
                if isinstance(quantities, yaml.MappingNode) else {}
            out.append((entry.value, entry.start_mark.line + 1, names))
    return out


def _short(text: str) -> str:
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS] + "..."


def _urn_type(urn: str) -> str:
    """`urn:pulumi:stack::project::parent$aws:s3/bucket:Bucket::name` -> `aws:s3/bucket:Bucket`."""
    parts = urn.split("::")
    return parts[-2].rsplit("$", 1)[-1] if len(parts) >= 4 else ""


def _valid(token: str) -> str:
    keys = USAGE_KEYS.get(token, ())
    return ", ".join(keys) if keys else "none (the type has no usage-based cost lines)"


def check_usage_file(path: Optional[Path], resources: Iterable[ResourceInput] = ()) -> None:
    """Raise UsageFileError listing every key that no line of its resource's type uses."""
    if path is None:
        return
    resources = list(resources)
    problems: list[str] = []
    for entry, line, names in _positions(Path(path)):
        shown = _short(entry)
        if entry.startswith("urn:") and not _GLOB.search(entry):
            targets = {_urn_type(entry): entry}
        elif _TYPE_TOKEN.match(entry) and not entry.startswith("urn:") and not _GLOB.search(entry):
            if entry not in USAGE_KEYS:
                problems.append(f"{path} line {line}: resource_usage[{shown!r}]: {shown} is not a priced type, "
                                "so no usage key applies to it")
                continue
            targets = {entry: f"type {entry}"}
        else:
            targets = {r.type: f"resource {r.name} ({r.type})" for r in resources
                       if fnmatchcase(r.urn, entry) or fnmatchcase(r.name, entry)}
        for name, name_line in names.items():
            where = f"{path} line {name_line}: resource_usage[{shown!r}].{_short(name)}"
            if name not in ALL_KEYS:
                close = close_matches(name, [k for t in targets for k in USAGE_KEYS.get(t, ())] or sorted(ALL_KEYS), n=1)
                problems.append(f"{where} is not a usage key of any priced type"
                                + (f" (did you mean {' or '.join(close)}?)" if close else "")
                                + "".join(f"; valid keys for {t}: {_valid(t)}" for t in targets))
                continue
            problems += [f"{where} does not apply to {what}; valid keys: {_valid(token)}"
                         for token, what in targets.items() if token in USAGE_KEYS and name not in USAGE_KEYS[token]]
    if problems:
        unique = list(dict.fromkeys(problems))
        more = f"; and {len(unique) - MAX_PROBLEMS} more" if len(unique) > MAX_PROBLEMS else ""
        raise UsageFileError("; ".join(unique[:MAX_PROBLEMS]) + more)


def unmatched_entries(path: Optional[Path], resources: Iterable[ResourceInput]) -> list[str]:
    """A warning for each name, URN or glob entry that applies to no resource of the input, naming
    the closest resource names (or URNs): its quantities would otherwise be dropped without a word.
    Type defaults are left alone: one usage file serves stacks that lack some of its types."""
    if path is None:
        return []
    resources = list(resources)
    names = sorted({r.name for r in resources})
    urns = sorted({r.urn for r in resources})
    warnings = []
    for entry, line, _ in _positions(Path(path)):
        if is_type_default(entry) or any(entry_applies(entry, r.urn, r.name, r.type) for r in resources):
            continue
        close = close_matches(entry, urns if entry.startswith("urn:") else names)
        if not close and entry.startswith("urn:"):  # a long URN: its last part against the names
            near = set(close_matches(entry.rsplit("::", 1)[-1], names))
            close = [r.urn for r in resources if r.name in near]
        warnings.append(f"{path} line {line}: resource_usage[{_short(entry)!r}] matches no resource, so its quantities are "
                        f"not used" + (f"; did you mean {' or '.join(close)}?" if close else
                                       f" ({len(resources)} resources, none close)"))
    return warnings
