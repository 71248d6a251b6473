"""One NAT gateway for a stack that runs several where one would do (a stack-level proposal):

- every subnet of the stack is in one availability zone: the others add hours and nothing else;
- a development stack (its name, see `Settings.dev_stacks`) with a NAT gateway per AZ: one serves
  all AZs, at the cost of AZ redundancy and cross-AZ traffic to it (the caveat says so).

The saving is the hourly cost of the others: the kept gateway is re-priced processing the data all
of them processed (the per-GB charge does not go away), through the same descriptor and pricer.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Sequence

from ..descriptor.values import is_unknown
from ..pricing.estimate import CostEstimate
from ..pricing.recommendation import Change
from .settings import Settings, stack_of

NAT = "aws:ec2/natGateway:NatGateway"
SUBNET = "aws:ec2/subnet:Subnet"
RULE = "single-nat-gateway"
DATA_KEY = "monthly_data_processed_gb"


@dataclass(frozen=True)
class StackProposal:
    """Replace `members` (priced now) by `keep` alone, priced with `usage` (its own usage file
    quantities overridden)."""

    rule: str
    title: str
    name: str
    members: tuple[CostEstimate, ...]
    keep: CostEstimate
    usage: tuple[tuple[str, float], ...]
    changes: tuple[Change, ...]
    caveat: str = ""


def single_zone(stack: Sequence[CostEstimate]) -> Optional[str]:
    """The one AZ all of the stack's subnets are in (None: no subnets, several AZs, or one unknown)."""
    zones = set()
    for est in stack:
        if est.type == SUBNET and est.resource is not None:
            zone = est.resource.props.get("availabilityZone") or est.resource.props.get("availabilityZoneId")
            if not isinstance(zone, str) or not zone or is_unknown(zone):
                return None
            zones.add(zone)
    return zones.pop() if len(zones) == 1 else None


def one_nat_gateway(stack: Sequence[CostEstimate], usage_of, settings: Settings) -> Iterator[StackProposal]:
    """`usage_of(est)` is the usage file's quantities for a resource."""
    groups: dict[tuple, list[CostEstimate]] = {}
    for est in stack:
        if est.type == NAT and est.resource is not None:
            kind = est.resource.props.get("connectivityType") or "public"
            groups.setdefault((est.region, est.currency, kind, stack_of(est.urn)), []).append(est)
    zone = single_zone(stack)
    for (_, _, kind, stack_name), nats in groups.items():
        if len(nats) < 2:
            continue
        if zone is not None:
            why, caveat = f"the stack's subnets are all in {zone}", ""
        elif settings.is_dev(stack_name):
            why = f"stack {stack_name!r} is a development stack"
            caveat = ("one AZ's outage then cuts every AZ's egress, and traffic from the other AZs to it pays "
                      "inter-AZ data transfer (not priced here)")
        else:
            continue
        nats = sorted(nats, key=lambda e: e.name)
        keep = nats[0]
        processed = sum(usage_of(e).get(DATA_KEY, 0.0) for e in nats)
        usage = {**usage_of(keep), **({DATA_KEY: processed} if processed else {})}
        names = [e.name for e in nats]
        yield StackProposal(
            RULE, f"one {kind} NAT gateway instead of {len(nats)} ({why}); route the private subnets to {keep.name}",
            f"stack {stack_name}" if stack_name else "stack", tuple(nats), keep, tuple(sorted(usage.items())),
            (Change("natGateways", names, [keep.name]),), caveat)
