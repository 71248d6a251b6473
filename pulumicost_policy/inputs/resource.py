"""One resource as Pulumi presents it, whoever read it: the pack from the engine's gRPC calls, the
offline run and `actual` from a preview digest, a state or an event stream."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Sequence


@dataclass(frozen=True)
class ResourceInput:
    """One resource as Pulumi presents it, with plain (unproxied) properties."""

    urn: str
    type: str
    name: str
    props: Mapping[str, Any]
    provider_props: Optional[Mapping[str, Any]] = None
    config: Mapping[str, str] = field(default_factory=dict)
    # A state or digest says whether the resource is custom (False: a component resource, which
    # owns no cloud resource); None where the source does not say (Analyze).
    custom: Optional[bool] = None
    env: Optional[Mapping[str, str]] = None  # provider env fallbacks; None = the process environment
    # The URNs each top-level property was computed from (a state's or digest's
    # `propertyDependencies`, AnalyzeStack's), and every URN the resource depends on: how a
    # reference unknown during preview (a launch template's id) is still matched to its resource.
    property_dependencies: Mapping[str, Sequence[str]] = field(default_factory=dict)
    dependencies: Sequence[str] = ()
    # Where the stack view says the resource runs when it says so nowhere itself: the availability zone
    # of a subnet it is placed in (as good as its own), and the one region the other resources on its
    # provider state (used after the provider and stack config, before the machine's environment).
    subnet_zone: str = ""
    neighbour_region: str = ""
