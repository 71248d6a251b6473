"""Type token -> descriptor: the one entry point from a Pulumi resource to something priceable."""
from __future__ import annotations

from . import aws, azure, gcp
from .free import is_free
from .model import Description, Free, Mapped, ResourceDescriptor, ResourceInput, Unpriced
from .regions import resolve_region
from .values import Props, PropertyProblem, UnknownProperty

MAPPERS = {**aws.MAPPERS, **azure.MAPPERS, **gcp.MAPPERS}


def provider_of(type_token: str) -> str:
    """`aws:ec2/instance:Instance` -> `aws`; the package name heads every type token."""
    return type_token.split(":", 1)[0]


def describe(resource: ResourceInput) -> Description:
    """Never raises for bad data: every problem becomes an `Unpriced` reason naming the property."""
    if is_free(resource.type):
        return Free("no direct cost")
    entry = MAPPERS.get(resource.type)
    if entry is None:
        return Unpriced(f"type {resource.type} is not supported yet")
    resource_type, mapper = entry
    provider = provider_of(resource.type)
    try:
        props = Props(resource.props)
        mapped = mapper(props)
        if isinstance(mapped, Unpriced):
            return mapped
        region = resolve_region(provider, props, resource.provider_props, resource.config)
        tags = props.tags()
    except PropertyProblem as problem:
        return Unpriced(problem.reason, pending=isinstance(problem, UnknownProperty))
    return _descriptor(provider, resource_type, region, tags, mapped, resource)


def _descriptor(provider: str, resource_type: str, region: str, tags: dict, mapped: Mapped,
                origin: ResourceInput) -> ResourceDescriptor:
    # azure-native and azure share one price book: the meter is the same.
    price_provider = "azure" if provider == "azure-native" else provider
    return ResourceDescriptor(price_provider, resource_type, mapped.sku, region, tags,
                              dict(mapped.usage), tuple(mapped.components), origin)
