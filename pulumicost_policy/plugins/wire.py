"""What real hosts send and what real plugins mean: the ResourceDescriptor as the finfocus host
fills it, and the wording that turns an OK-with-$0 answer into "no answer" or "free".

Published plugins answer OK with $0 both for a type they do not price ("Resource type X not
supported for cost estimation") and for a truly free one ("vpc has no direct AWS charges"), so
the wording is all a host has to tell them apart (shared/protocols/costsource.md).
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping

from ..descriptor import ResourceDescriptor
from ..descriptor.values import is_secret, is_unknown
from ..protocol import costsource_pb2 as pb

NO_PRICE_PHRASES = ("not supported", "unsupported", "not found", "no pricing", "not priced", "not available",
                    "not implemented")
FREE_PHRASES = ("no direct", "free", "no charge")
MAX_TAGS = 200
MAX_TAG_VALUE = 256
# Sizing properties whose numbers a plugin may need. Other numbers are not sent: in `pulumi preview`
# the engine hands policies secret values as plain ones, so any property could be a secret.
SIZING_KEYS = frozenset({"size", "volumeSize", "allocatedStorage", "maxAllocatedStorage", "iops", "throughput",
                         "desiredCapacity", "minSize", "maxSize", "memorySize", "count", "nodeCount",
                         "diskSizeGb", "readCapacity", "writeCapacity", "ephemeralStorage"})


def says_no_price(detail: str) -> bool:
    text = detail.lower()
    return any(p in text for p in NO_PRICE_PHRASES)


def says_free(detail: str) -> bool:
    text = detail.lower()
    return not says_no_price(text) and any(p in text for p in FREE_PHRASES)


def real_descriptor(desc: ResourceDescriptor) -> pb.ResourceDescriptor:
    """provider = the type token's package, resource_type = the token, sku, region, tags = the
    properties flattened to strings, id = the URN.

    A tag is sent only when it cannot carry a secret we would not send anyway: marked secrets and
    unknowns are left out, a string only when it is a value the descriptor already sends (SKU,
    region, a part of a component SKU: `instanceType=t3.micro`, `engine=mysql`), a number only
    for a sizing property (`allocatedStorage=100`), booleans always."""
    origin = desc.resource
    sent = {desc.sku, desc.region} | {part for c in desc.components for part in (c.sku, *c.sku.split(":"))}
    tags = {k: v for k, v, kind in _flatten(origin.props, "")
            if kind == "bool" or (kind == "str" and v in sent)
            or (kind == "num" and k.rsplit(".", 1)[-1].split("[")[0] in SIZING_KEYS)}
    tags = {k: tags[k] for k in sorted(tags)[:MAX_TAGS]}
    return pb.ResourceDescriptor(provider=desc.package, resource_type=origin.type, sku=desc.sku,
                                 region=desc.region, tags=tags, id=origin.urn)


def _flatten(node: Any, path: str) -> Iterator[tuple[str, str, str]]:
    """(path, value as text, kind) for every scalar leaf outside secrets and unknowns."""
    if is_secret(node) or is_unknown(node) or node is None:
        return
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _flatten(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            yield from _flatten(value, f"{path}[{i}]")
    elif isinstance(node, bool):
        yield path, "true" if node else "false", "bool"
    elif isinstance(node, (int, float)) and path:
        yield path, f"{node:g}" if isinstance(node, float) else str(node), "num"
    elif isinstance(node, str) and path and len(node) <= MAX_TAG_VALUE:
        yield path, node, "str"
