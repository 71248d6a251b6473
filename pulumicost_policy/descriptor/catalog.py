"""Type token -> descriptor: the one entry point from a Pulumi resource to something priceable."""
from __future__ import annotations

import re

from . import aws, azure, gcp
from .free import free_reason
from ..inputs.resource import ResourceInput
from .model import Component, Description, Free, Mapped, ResourceDescriptor, Unpriced, provider_of
from .regions import Region, resolve_region
from .tags import resource_tags
from .registry import PricedType, mappers
from .values import Props, PropertyProblem, UnknownProperty

TYPES: tuple[PricedType, ...] = (*aws.TYPES, *azure.TYPES, *gcp.TYPES)
MAPPERS = mappers(TYPES)
# Packages whose resources are provider (custom) resources; a token of another package with no
# provider of its own is a component (awsx, eks, a program's own `pkg:module:Type`).
PROVIDER_PACKAGES = frozenset({"aws", "azure", "azure-native", "gcp", "google-native", "kubernetes", "random", "tls",
                               "command", "time", "null", "cloudflare", "datadog", "github", "docker", "pulumi"})
# Packages generated from Terraform providers name every resource `pkg:module/resource:Type`; a token
# of theirs without the `/` (`aws:s3:BucketEventSubscription`, `aws:serverless:Function`) is a
# component shipped in the provider's SDK.
SLASHED_PACKAGES = frozenset({"aws", "azure", "gcp", "cloudflare", "datadog", "github", "random", "tls"})


def is_component(resource: ResourceInput) -> bool:
    """A component resource owns no cloud resource: a state or digest says so (`custom: false`);
    in Analyze, which does not, a resource with no provider whose token is not a provider
    resource's shape is one."""
    if resource.custom is not None:
        return not resource.custom
    if resource.provider_props is not None or base_token(resource.type) in MAPPERS:
        return False
    parts = resource.type.split(":")
    if len(parts) < 3:  # older awsx tokens have four parts (`awsx:x:ec2:Subnet`)
        return False
    package, module = parts[0], parts[1]
    return package not in PROVIDER_PACKAGES or (package in SLASHED_PACKAGES and "/" not in module)


_API_VERSION = re.compile(r"^(azure-native:[A-Za-z0-9]+)/v\d{8}(?:preview|privatepreview)?(:[A-Za-z0-9]+)$")


def base_token(type_token: str) -> str:
    """`azure-native:containerservice/v20240102preview:ManagedCluster` -> the type without its API
    version (`azure-native:containerservice:ManagedCluster`): every version bills alike. The registry,
    the free list, component detection and usage-file types all see this token."""
    m = _API_VERSION.match(type_token)
    return m.group(1) + m.group(2) if m else type_token


def describe(resource: ResourceInput) -> Description:
    """Never raises for bad data: every problem becomes an `Unpriced` reason naming the property."""
    if is_component(resource):
        return Component("component resource: the resources it creates carry the cost")
    token = base_token(resource.type)
    reason = free_reason(token)
    if reason is not None:
        return Free(reason)
    entry = MAPPERS.get(token)
    if entry is None:
        return Unpriced(f"type {resource.type} is not supported yet")
    _, mapper = entry
    provider = provider_of(resource.type)
    try:
        props = Props(resource.props)
        mapped = mapper(props)
        if isinstance(mapped, (Unpriced, Free)):
            return mapped
        region = resolve_region(provider, props, resource.provider_props, resource.config, resource.env,
                                resource.subnet_zone, resource.neighbour_region)
        tags = resource_tags(resource)
    except PropertyProblem as problem:
        return Unpriced(problem.reason, pending=isinstance(problem, UnknownProperty))
    return _descriptor(provider, region, tags, mapped, resource)


def _descriptor(provider: str, region: Region, tags: dict, mapped: Mapped, resource: ResourceInput) -> ResourceDescriptor:
    # azure-native and azure share one price book: the meter is the same.
    price_provider = "azure" if provider == "azure-native" else provider
    return ResourceDescriptor(price_provider, mapped.sku, region.code, tags, tuple(mapped.components), resource,
                              region.origin)
