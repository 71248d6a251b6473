"""What real hosts send and what real plugins mean: the ResourceDescriptor as the finfocus host
fills it, and the wording that turns an OK-with-$0 answer into "no answer" or "free".

Published plugins answer OK with $0 both for a type they do not price ("Resource type X not
supported for cost estimation") and for a truly free one ("vpc has no direct AWS charges"), so
the wording is all a host has to tell them apart (shared/protocols/costsource.md).
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping

from ..descriptor import ResourceDescriptor, provider_of
from ..descriptor.values import is_secret, is_unknown
from ..protocol import costsource_pb2 as pb

NO_PRICE_PHRASES = ("not supported", "unsupported", "not found", "no pricing", "not priced", "not available",
                    "not implemented")
FREE_PHRASES = ("no direct", "free", "no charge")
MAX_TAGS = 200
MAX_TAG_VALUE = 256


def says_no_price(detail: str) -> bool:
    text = detail.lower()
    return any(p in text for p in NO_PRICE_PHRASES)


def says_free(detail: str) -> bool:
    text = detail.lower()
    return not says_no_price(text) and any(p in text for p in FREE_PHRASES)


def real_descriptor(desc: ResourceDescriptor) -> pb.ResourceDescriptor:
    """provider = the type token's package, resource_type = the token, sku, region, tags = the
    properties flattened to strings (secret and unknown values left out), id = the URN."""
    origin = desc.origin
    if origin is None:
        return pb.ResourceDescriptor(provider=desc.provider, resource_type=desc.resource_type, sku=desc.sku,
                                     region=desc.region)
    tags = dict(_flatten(origin.props, ""))
    tags = {k: tags[k] for k in sorted(tags)[:MAX_TAGS]}
    return pb.ResourceDescriptor(provider=provider_of(origin.type), resource_type=origin.type, sku=desc.sku,
                                 region=desc.region, tags=tags, id=origin.urn)


def _flatten(node: Any, path: str) -> Iterator[tuple[str, str]]:
    if is_secret(node) or is_unknown(node) or node is None:
        return
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _flatten(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _flatten(value, f"{path}[{i}]")
    elif isinstance(node, bool):
        yield path, "true" if node else "false"
    elif isinstance(node, (str, int, float)) and path:
        text = str(node)
        if len(text) <= MAX_TAG_VALUE:
            yield path, text
