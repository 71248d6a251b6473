"""The data that flows from a Pulumi resource to a price.

A `ResourceInput` (inputs/) is what Pulumi gives us (type token, properties, provider, stack config).
`describe()` turns it into exactly one of: a `ResourceDescriptor` (priceable), `Free` (known to
cost nothing by itself) or `Unpriced` (with the honest reason). A descriptor lists its
`CostComponent`s the way Infracost does: each names the price-book key it is billed by and the
monthly quantity, so pricing is a lookup and a multiplication, never a guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Optional, Union

from ..inputs.resource import ResourceInput


def provider_of(type_token: str) -> str:
    """`aws:ec2/instance:Instance` -> `aws`, `azure-native:compute:Disk` -> `azure-native`: the
    package name heads every type token (what plugins list as their providers)."""
    return type_token.split(":", 1)[0]


@dataclass(frozen=True)
class CostComponent:
    """One billable line of a resource.

    `price_type`/`sku` are the price-book key (with the descriptor's provider and region).
    `billing_mode` is what the component expects the spec to be billed by; a mismatch is a
    price-book error, not something to reinterpret. `quantity` is per month, except for
    `per_hour` where it is the number of units running all month (x 730 h). `usage_key` marks a
    quantity that comes from the usage file; `quantity` is then None until usage supplies it.
    """

    label: str
    price_type: str
    sku: str
    billing_mode: str
    quantity: Optional[float]
    usage_key: Optional[str] = None
    usage_scale: float = 1.0
    # Values used for usage keys the usage file does not give (monthly_hrs: 730, instances: the
    # planned count); a key without one makes the component wait for usage and show its unit price.
    usage_defaults: tuple[tuple[str, float], ...] = ()
    # A price tier: only the part of the quantity between these bounds is billed at this rate
    # (Lambda duration above 6B GB-seconds, S3 storage above 50 TB...).
    tier: Optional[tuple[float, float]] = None
    # Where this line is billed when not in the resource's region (a global table's replica).
    region: Optional[str] = None
    # Graduated factors: the quantity is the sum, over (low, high, factor), of factor x the part of it
    # between low and high (GCP's sustained-use discount: negative factors on each quarter of the month).
    steps: tuple[tuple[float, float, float], ...] = ()


@dataclass(frozen=True)
class ResourceDescriptor:
    """What a cost source needs to price a resource (the `pulumicost.v1` ResourceDescriptor).

    `provider` is the price book's provider (`azure` for both Azure packages: the meters are the
    same); `package` is the Pulumi package of the type token (`azure-native`), which plugins are
    asked by, as the real host does."""

    provider: str
    sku: str
    region: str
    tags: Mapping[str, str]
    components: tuple[CostComponent, ...]
    # The resource this describes (type token, URN, properties) for cost sources that want the
    # real descriptor; not part of equality (the cache key takes its type token).
    resource: ResourceInput = field(compare=False, repr=False)
    region_from: str = ""  # where the region came from when not the resource itself ("the provider")

    def region_of(self, comp: CostComponent) -> str:
        """Where a component is billed: its own region (a global table's replica), else the resource's."""
        return comp.region or self.region

    @property
    def package(self) -> str:
        return provider_of(self.resource.type)

    def cache_key(self) -> tuple:
        """Identical descriptors price identically: this key lets a run ask once. The type token
        is in it because a plugin is asked by the token's package with the token itself."""
        return (self.resource.type, self.provider, self.sku, self.region, self.components)


@dataclass(frozen=True)
class Free:
    """A resource with no direct cost (IAM, networking scaffolding, Pulumi internals)."""

    reason: str


@dataclass(frozen=True)
class Component(Free):
    """A component resource (`pkg:module:Type` with no provider of its own): its children carry
    the cost, so it is neither priced, unpriced nor counted."""


@dataclass(frozen=True)
class Unpriced:
    """We cannot say what the resource costs; `reason` never contains property values.

    `pending` marks a reason that goes away after apply (a value unknown during preview).
    """

    reason: str
    pending: bool = False


Description = Union[ResourceDescriptor, Free, Unpriced]


@dataclass(frozen=True)
class Mapped:
    """What a per-type mapper finds in the properties; the catalog adds provider, region, tags."""

    sku: str
    components: list[CostComponent]


def hourly(label: str, price_type: str, sku: str, count: float = 1.0) -> CostComponent:
    """A component billed per hour for `count` units running all month."""
    return CostComponent(label, price_type, sku, "per_hour", count)


def monthly(label: str, price_type: str, sku: str, billing_mode: str, quantity: float) -> CostComponent:
    """A component billed per unit-month (GB-month, IOPS-month, disk-month...)."""
    return CostComponent(label, price_type, sku, billing_mode, quantity)


def usage_based(label: str, price_type: str, sku: str, billing_mode: str, usage_key: str,
                scale: float = 1.0, tier: Optional[tuple[float, float]] = None,
                assumed: Optional[float] = None) -> CostComponent:
    """A component whose monthly quantity comes from the usage file (`usage_key` x `scale`).

    `usage_key` may join several keys with `*` (their product), e.g. Lambda GB-seconds.
    `assumed` is the value counted when the usage file says nothing: only for a size the provider
    sets when the plan leaves it out (an image's disk, the smallest allocation), so that the line is
    never a silent $0; the label must say the value is assumed and which key overrides it.
    """
    defaults = ((usage_key, assumed),) if assumed is not None else ()
    return CostComponent(label, price_type, sku, billing_mode, None, usage_key, scale, defaults, tier)


def times(comp: CostComponent, count: float, key: str = "instances") -> CostComponent:
    """A per-instance line for `count` instances (or nodes); the usage file's `key` overrides the count."""
    label = f"{comp.label} x {count:g}"
    if comp.usage_key is None:
        return CostComponent(label, comp.price_type, comp.sku, comp.billing_mode, (comp.quantity or 0.0) * count,
                             key, comp.quantity or 0.0, ((key, count),), region=comp.region)
    return CostComponent(label, comp.price_type, comp.sku, comp.billing_mode, None, f"{comp.usage_key}*{key}",
                         comp.usage_scale, (*comp.usage_defaults, (key, count)), comp.tier, comp.region, comp.steps)


def running(label: str, price_type: str, sku: str, count: float = 1.0, count_key: Optional[str] = None) -> CostComponent:
    """`count` per-hour units running `monthly_hrs` hours (730, all month, unless the usage file says).

    With `count_key` (e.g. `instances`) the usage file may also override the count.
    """
    if count_key is None:
        return CostComponent(label, price_type, sku, "per_hour", count, "monthly_hrs", count / 730.0,
                             (("monthly_hrs", 730.0),))
    return CostComponent(label, price_type, sku, "per_hour", count, f"{count_key}*monthly_hrs", 1 / 730.0,
                         ((count_key, count), ("monthly_hrs", 730.0)))
