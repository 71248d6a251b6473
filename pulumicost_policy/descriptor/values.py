"""Reading resource properties safely: unknowns, secrets and wrong types become reasons, not crashes.

Properties reach us in three shapes: the pulumi-policy SDK's unknown-checking proxies (Analyze and
AnalyzeStack), plain JSON from a `pulumi preview --json` digest, and plain JSON from a
`pulumi stack export`. `to_plain` folds all three into plain dicts/lists whose unknowns are the
engine's sentinel strings, so one mapping serves the pack and the offline run.

Every error raised here carries a message that names the property and never its value: secrets
reach a policy as plaintext with no marker, so echoing a value could leak one.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, Optional

from ..inputs.sentinels import PREVIEW_SECRET, SECRET_SIG_KEY, SECRET_SIG_VALUE, UNKNOWN_SENTINELS


class PropertyProblem(Exception):
    """A property we need cannot be used; `reason` is safe to show (it never holds the value)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnknownProperty(PropertyProblem):
    """The property is computed and only known after apply."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path} unknown until apply")
        self.path = path


def is_unknown(value: Any) -> bool:
    return isinstance(value, str) and value in UNKNOWN_SENTINELS


def is_secret(value: Any) -> bool:
    """True for the secret shapes of preview JSON and stack export (Analyze gets plaintext)."""
    if isinstance(value, str):
        return value == PREVIEW_SECRET
    if isinstance(value, (int, float, list)):  # the common plain values, without the ABC check below
        return False
    return isinstance(value, Mapping) and value.get(SECRET_SIG_KEY) == SECRET_SIG_VALUE


def mark_secret(props: Mapping[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    """Props with the top-level `keys` (a resource's additionalSecretOutputs) replaced by the secret
    marker: the SDK hands them to policies as plaintext, and this way no reader can use or echo them."""
    hidden = set(keys)
    return {k: (PREVIEW_SECRET if k in hidden else v) for k, v in props.items()}


def to_plain(value: Any) -> Any:
    """Unwrap the SDK's proxies into plain dicts/lists without tripping their unknown checks.

    `proxy["__target"]` is the SDK's escape hatch: it returns the wrapped container, whose nested
    containers are still proxies, hence the recursion. Sentinel strings survive as strings.
    """
    if isinstance(value, (str, bytes, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        target = _proxy_target(value)
        return {str(k): to_plain(v) for k, v in target.items()}
    if isinstance(value, Sequence):
        target = _proxy_target(value)
        return [to_plain(v) for v in target]
    return value


def _proxy_target(value: Any) -> Any:
    cls = type(value).__name__
    if cls in ("_DictProxy", "_ListProxy"):
        return value["__target"]
    return value


_MISSING = object()


def _walk(props: Mapping[str, Any], path: str) -> Any:
    """Follow a dotted path through maps (and `[0]`-style list indices); `_MISSING` if absent.

    Plain dicts without the secret signature (nearly every step) skip the general checks: this
    is the hot loop of pricing a stack."""
    node: Any = props
    for depth, (name, index) in enumerate(_parts(path)):
        if type(node) is not dict or SECRET_SIG_KEY in node:
            _check_container(node, path, depth)
        node = node.get(name, _MISSING)
        if node is _MISSING or node is None:
            return _MISSING
        if index is not None:
            if is_unknown(node):
                raise UnknownProperty(_walked(path, depth + 1))
            if not isinstance(node, Sequence) or isinstance(node, str):
                raise PropertyProblem(f"{name} should be a list, got {type_name(node)}")
            if index >= len(node):
                return _MISSING
            node = node[index]
    if is_unknown(node):
        raise UnknownProperty(path)
    if is_secret(node):
        raise PropertyProblem(f"{path} is a secret, so it cannot be priced")
    return node


def _check_container(node: Any, path: str, depth: int) -> None:
    """Raise unless `node`, reached after `depth` steps of `path`, is an object we may look into."""
    if is_unknown(node):
        raise UnknownProperty(_walked(path, depth) or path)
    if is_secret(node):
        raise PropertyProblem(f"{_walked(path, depth)} is a secret, so it cannot be priced")
    if not isinstance(node, Mapping):
        raise PropertyProblem(f"{_walked(path, depth)} should be an object, got {type_name(node)}")


@lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[tuple[str, Optional[int]], ...]:
    """A dotted path split into (name, list index) steps, parsed once per path: mappers ask the
    same few dozen paths of every resource, and this is the hot loop of pricing a stack."""
    return tuple(_split_index(part) for part in path.split("."))


def _walked(path: str, depth: int) -> str:
    """The first `depth` steps of `path`, for messages."""
    return ".".join(path.split(".")[:depth])


def _split_index(part: str) -> tuple[str, Optional[int]]:
    if part.endswith("]") and "[" in part:
        name, _, idx = part[:-1].partition("[")
        return name, int(idx)
    return part, None


def type_name(value: Any) -> str:
    """The JSON type name of a value, for messages (never the value itself)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, Sequence):
        return "list"
    return type(value).__name__


class Props:
    """Typed, sentinel-aware access to one resource's plain properties."""

    def __init__(self, props: Any) -> None:
        if not isinstance(props, Mapping):
            raise PropertyProblem(f"properties should be an object, got {type_name(props)}")
        self._props = props

    def has(self, path: str) -> bool:
        """Whether the property is set (an unknown counts as set: it will have a value)."""
        try:
            return _walk(self._props, path) is not _MISSING
        except UnknownProperty:
            return True

    def value(self, path: str) -> Any:
        """The value at `path` as it is (an object, a list...), None when not set; unknown and secret
        values raise as for the typed readers."""
        value = _walk(self._props, path)
        return None if value is _MISSING else value

    def count(self, path: str) -> int:
        """How many items the list at `path` holds (0 when it is not set). An unknown list raises
        UnknownProperty: how many it will hold is known only after apply (probing `path[i]` one by
        one would find every index "set" in an unknown list, and never stop)."""
        value = _walk(self._props, path)
        if value is _MISSING:
            return 0
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise PropertyProblem(f"{path} should be a list, got {type_name(value)}")
        return len(value)

    def str(self, path: str, default: Optional[str] = None) -> Optional[str]:
        value = _walk(self._props, path)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            raise PropertyProblem(f"{path} should be a string, got {type_name(value)}")
        return value

    def num(self, path: str, default: Optional[float] = None) -> Optional[float]:
        value = _walk(self._props, path)
        if value is _MISSING:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise PropertyProblem(f"{path} should be a number, got {type_name(value)}")
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                raise PropertyProblem(f"{path} should be a number, got a non-numeric string") from None
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")) or number < 0:
            raise PropertyProblem(f"{path} should be a finite number >= 0")
        return number

    def bool(self, path: str, default: bool = False) -> bool:
        value = _walk(self._props, path)
        if value is _MISSING:
            return default
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if not isinstance(value, bool):
            raise PropertyProblem(f"{path} should be a boolean, got {type_name(value)}")
        return value

    def tags(self, path: str = "tags") -> dict[str, str]:
        """String tags; unknown or malformed tags are dropped (tags never block a price)."""
        try:
            value = _walk(self._props, path)
        except PropertyProblem:
            return {}
        if not isinstance(value, Mapping):
            return {}
        return {str(k): v for k, v in value.items() if isinstance(v, str) and not is_unknown(v)}
