"""A resource's cost-allocation tags as the cloud will bill them: its own tags over its provider's
default tags (AWS `defaultTags.tags`, GCP `defaultLabels`), as both providers merge them.

One home for "which property holds the tags": GCP calls them labels (its `tags` are network tags,
a list), AWS and Azure call them tags. Tag budgets and the `cost-allocation-tags` policy read them
here, so a tag a provider adds by default counts in both.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any, Optional

from ..inputs.resource import ResourceInput
from .model import provider_of
from .values import is_secret, is_unknown

# Pulumi package -> the resource property holding its cost-allocation tags.
TAG_PROPERTY = {"gcp": "labels", "google-native": "labels"}
DEFAULT_TAG_PROPERTY = "tags"
# Pulumi package -> the path of the provider's default tags in its inputs.
PROVIDER_DEFAULTS: dict[str, tuple[str, ...]] = {"aws": ("defaultTags", "tags"), "gcp": ("defaultLabels",)}


@dataclass(frozen=True)
class TagState:
    """What is known of a resource's tags during a preview or from a state.

    `pending` are keys whose value is unknown until apply (the key will be there); `unknown` is True
    when the whole tag map is unknown, so no key can be said to be missing or present."""

    known: Mapping[str, str]
    pending: frozenset[str] = frozenset()
    unknown: bool = False


def _decoded(value: Any) -> Any:
    """Provider inputs carry object-valued settings as JSON strings (the engine's provider config
    is string-valued); a resource's own props carry them as objects."""
    if isinstance(value, str) and value.startswith("{") and not is_unknown(value):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _read(value: Any) -> TagState:
    value = _decoded(value)
    if is_unknown(value) or is_secret(value):
        return TagState({}, unknown=True)
    if not isinstance(value, Mapping):
        return TagState({})
    known = {str(k): v for k, v in value.items() if isinstance(v, str) and not is_unknown(v) and not is_secret(v)}
    pending = frozenset(str(k) for k, v in value.items() if is_unknown(v) or is_secret(v))
    return TagState(known, pending)


def _provider_defaults(package: str, provider_props: Optional[Mapping[str, Any]]) -> TagState:
    path = PROVIDER_DEFAULTS.get(package)
    if not path or not provider_props:
        return TagState({})
    value: Any = provider_props
    for key in path:
        value = _decoded(value)
        if is_unknown(value):
            return TagState({}, unknown=True)
        if not isinstance(value, Mapping) or key not in value:
            return TagState({})
        value = value[key]
    return _read(value)


def tag_state(resource: ResourceInput) -> TagState:
    """The resource's tags over its provider's defaults (the resource's value wins, as in AWS)."""
    package = provider_of(resource.type)
    own = _read(resource.props.get(TAG_PROPERTY.get(package, DEFAULT_TAG_PROPERTY))
                if isinstance(resource.props, Mapping) else None)
    defaults = _provider_defaults(package, resource.provider_props)
    known = {**defaults.known, **own.known}
    pending = (own.pending | defaults.pending) - set(own.known)
    return TagState(known, frozenset(pending), own.unknown or defaults.unknown)


def resource_tags(resource: ResourceInput) -> dict[str, str]:
    """The known tags (unknown and secret values left out: tags never block a price)."""
    return dict(tag_state(resource).known)
