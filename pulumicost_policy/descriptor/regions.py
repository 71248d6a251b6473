"""Where a resource runs: its own region, zone or ARN, else its provider's, else the stack config,
else the provider's own environment variables.

The existing Pulumi cost analyzer ignores the provider's region; prices differ by region, so we
resolve it in the order the issue lays down, say which one was used when it is not the
resource's own, and say plainly when it cannot be found.
"""
from __future__ import annotations

import os
import re
from typing import Any, Mapping, NamedTuple, Optional

from .values import Props, PropertyProblem

# Stack config keys that carry each provider's default region.
CONFIG_REGION_KEYS = {
    "aws": ("aws:region",),
    "azure": ("azure:location",),
    "azure-native": ("azure-native:location",),
    "gcp": ("gcp:region", "gcp:zone"),
}
RESOURCE_REGION_PROPS = ("region", "location", "availabilityZone", "zone")
# Where else a resource states its region: an Elastic IP's network border group (a region, or a
# Local Zone's group such as us-west-2-lax-1).
OWN_REGION_PROPS = ("networkBorderGroup",)
# The providers' own fallbacks, in the order each provider reads them. This module is the one
# place that reads them; `resolve_region(env=...)` injects another mapping (tests).
ENV_REGION_VARS = {
    "aws": ("AWS_REGION", "AWS_DEFAULT_REGION"),
    "gcp": ("GOOGLE_REGION", "GCLOUD_REGION", "CLOUDSDK_COMPUTE_REGION", "GOOGLE_ZONE"),
    "azure": ("ARM_LOCATION",),
    "azure-native": ("ARM_LOCATION",),
}

_AWS_ZONE = re.compile(r"^([a-z]{2}(?:-gov)?-[a-z]+-\d)[a-z]$")
_AWS_LOCAL_ZONE = re.compile(r"^([a-z]{2}-[a-z]+-\d)-[a-z0-9-]+$")
_GCP_ZONE = re.compile(r"^([a-z]+-[a-z]+\d+)-[a-z]$")


def normalise(provider: str, value: str) -> str:
    """Zones to regions, Azure display names to ARM names ("East US" -> "eastus"). Whether the region
    exists is the price book's answer (it names the closest ones it knows: "us-esat-1 ... did you
    mean us-east-1?"); a secret never gets here (Props refuses values marked secret)."""
    return _normalise(provider, value)


def _normalise(provider: str, value: str) -> str:
    value = value.strip()
    if provider == "aws":
        m = _AWS_ZONE.match(value) or _AWS_LOCAL_ZONE.match(value)
        return m.group(1) if m else value
    if provider == "gcp":
        value = value.lower()  # bucket locations are upper case (US-CENTRAL1)
        m = _GCP_ZONE.match(value)
        return m.group(1) if m else value
    if provider in ("azure", "azure-native"):
        return value.replace(" ", "").lower()
    return value


class Region(NamedTuple):
    """A resolved region and where it came from: "" when the resource says so itself, else e.g.
    "the provider", "stack config aws:region", "environment AWS_REGION"."""

    code: str
    origin: str = ""


ARN_PROPS = ("arn", "id")  # many AWS resources' id is their ARN (ECS services, load balancers, target groups)


def stated_region(provider: str, raw_props: Any) -> Optional[str]:
    """The region a resource states itself (a region or zone property, an ARN, a border group), or None."""
    try:
        props = Props(raw_props)
        for key in (*RESOURCE_REGION_PROPS, *OWN_REGION_PROPS):
            value = props.str(key)
            if value:
                return normalise(provider, value)
        arn = _arn_region(props)
        return normalise(provider, arn) if arn else None
    except PropertyProblem:
        return None


def _arn_region(props: Props) -> Optional[str]:
    """`arn:aws:lambda:eu-west-1:123:function:f` -> eu-west-1 (global ARNs have no region), from the
    resource's `arn` or an ARN-shaped `id`; an unknown one (during preview) says nothing."""
    for key in ARN_PROPS:
        try:
            arn = props.str(key)
        except PropertyProblem:
            continue
        parts = arn.split(":") if arn else []
        if len(parts) > 4 and parts[0] == "arn" and parts[3]:
            return parts[3]
    return None


def resolve_region(provider: str, props: Props, provider_props: Optional[Mapping[str, Any]],
                   config: Mapping[str, str], env: Optional[Mapping[str, str]] = None,
                   subnet_zone: str = "", neighbour_region: str = "") -> Region:
    """The region and its origin, or a PropertyProblem naming where we looked.

    An unknown region on the resource propagates as UnknownProperty: guessing the provider's
    region instead could price the wrong place. `env` defaults to the process environment.
    From the stack view: `subnet_zone`, the availability zone of a subnet the resource is placed in
    (after its own region and ARN), and `neighbour_region`, the one region the other resources on the
    same provider state (after the provider and stack config, before the environment).
    """
    for key in RESOURCE_REGION_PROPS:
        value = props.str(key)
        if value:
            return Region(normalise(provider, value))
    arn_region = _arn_region(props)
    if arn_region:
        return Region(normalise(provider, arn_region))
    for key in OWN_REGION_PROPS if provider == "aws" else ():
        try:
            value = props.str(key)
        except PropertyProblem:
            value = None
        if value:
            return Region(normalise(provider, value))
    if subnet_zone:
        return Region(normalise(provider, subnet_zone), "its subnet's availability zone")
    if provider_props:
        prov = Props(provider_props)
        for key in RESOURCE_REGION_PROPS:
            try:
                value = prov.str(key)
            except PropertyProblem as problem:
                raise PropertyProblem(f"provider {problem.reason}") from None
            if value:
                return Region(normalise(provider, value), "the provider")
    for key in CONFIG_REGION_KEYS.get(provider, ()):
        value = config.get(key)
        if isinstance(value, str) and value:
            return Region(normalise(provider, value), f"stack config {key}")
    if neighbour_region:
        return Region(normalise(provider, neighbour_region), "other resources on its provider")
    env = os.environ if env is None else env
    for var in ENV_REGION_VARS.get(provider, ()):
        value = env.get(var)
        if value:
            return Region(normalise(provider, value), f"environment {var}")
    keys = " or ".join(CONFIG_REGION_KEYS.get(provider, ("<provider>:region",)))
    envs = " or ".join(ENV_REGION_VARS.get(provider, ()))
    raise PropertyProblem(f"region unknown: set it on the resource, its provider, or stack config {keys}"
                          + (f" (or {envs} in the environment)" if envs else ""))
