"""A plugin as a source in the Pricer's chain.

A plugin is asked about the resources of the Pulumi packages it lists (manifest or GetPluginInfo
`providers`), and every descriptor it is sent names that package as its provider, as the real host
does: `azure-native` for an `azure-native:...` token, `azure` for a classic one (the price book
keeps both under `azure`).

How a resource is asked (the choice where real plugins and ours differ):
- A resource with one cost component is asked once, with the real descriptor (Pulumi type token,
  SKU, region, non-secret properties as tags, URN as id: what the finfocus host sends), and the
  answer prices that component. Published plugins and ours both understand it.
- A resource with several components (an instance with EBS devices, RDS with storage) is asked
  per component in our price-book terms (resource_type = the component's price type), each
  distinct component once; the plugin prices the resource only if it prices all of them, so a
  resource never mixes sources. Published plugins do not understand those and the next source
  answers.
Answers are checked before use: a malformed or negative price, another currency, a billing mode
other than the component's, or $0 that the plugin does not call free ("not supported" wording)
is no answer, and the next source is asked. Answers are kept in the host's persistent cache.
"""
from __future__ import annotations

import math
import time
from dataclasses import replace
from typing import Optional

import grpc
from google.protobuf.message import DecodeError

from ..descriptor import CostComponent, ResourceDescriptor
from ..pricing.arithmetic import Rate, assemble, component_quantity
from ..pricing.estimate import HOURS_PER_MONTH, Pricing
from ..pricing.pricebook import BILLING_UNITS, PriceBook
from ..protocol import costsource_pb2 as pb
from .cache import DEFAULT_TTL, answer_key
from .client import PluginClient, PluginDown
from .errors import NO_ANSWER
from .host import PluginHost
from .wire import real_descriptor, says_free, says_no_price


class PluginSource:
    """One plugin, asked through the host (which starts it and records its problems).

    `book` guards secrets: in `pulumi preview` the engine hands policies secret values as plain
    ones, so an instance type or storage type read from the properties could be a secret. A SKU
    goes to a plugin only when the price book lists it (in any region): then it is a product
    name, not a secret. Resources whose SKUs the book does not know are left to the book's
    "unpriced" answer."""

    def __init__(self, host: PluginHost, client: PluginClient, book: Optional[PriceBook] = None) -> None:
        self.host = host
        self.client = client
        self.name = client.name
        self.book = book

    def _known(self, desc: ResourceDescriptor) -> bool:
        return self.book is None or all(self.book.regions_for(desc.provider, c.price_type, c.sku)
                                        and (c.region is None or self.book.knows_region(desc.provider, c.region))
                                        for c in desc.components)

    def price(self, desc: ResourceDescriptor, usage: dict[str, float]) -> Optional[Pricing]:
        if not self._known(desc) or self.client not in self.host.for_provider(desc.package, desc.region):
            return None
        # By-usage lines whose usage is not given add nothing to a total and are not asked: an
        # instance whose root volume size is left to the image is one line, asked with the real
        # descriptor (the price book, not the plugin, then shows those lines' unit prices).
        counted = tuple(c for c in desc.components if component_quantity(c, usage))
        if not counted:
            return None  # only by-usage lines with no usage: the price book shows their unit prices
        if len(counted) < len(desc.components):
            desc = replace(desc, components=counted)
        if len(counted) == 1 and counted[0].region is None:
            rate = self._rate(real_descriptor(desc), counted[0], desc, usage)
            rates = [rate] if rate is not None else None
        else:
            rates = self._component_rates(desc, usage)
        if rates is None:
            return None
        result = assemble(desc, usage, rates, self.client.label)
        return result if isinstance(result, Pricing) else None

    def _component_rates(self, desc: ResourceDescriptor, usage: dict[str, float]) -> Optional[list[Rate]]:
        """Each component asked in price-book terms; None unless every one is answered.

        No tags: a component's price does not depend on them. Identical components (2,000 equal
        EBS devices) are asked once."""
        asked: dict[tuple[str, str, str, str], Optional[Rate]] = {}
        rates: list[Rate] = []
        for comp in desc.components:
            key = (comp.price_type, comp.sku, comp.billing_mode, desc.region_of(comp))
            if key not in asked:
                asked[key] = self._rate(pb.ResourceDescriptor(provider=desc.package, resource_type=comp.price_type,
                                                              sku=comp.sku, region=key[3]), comp, None, usage)
            if asked[key] is None:
                return None
            rates.append(asked[key])
        return rates

    def _rate(self, resource: pb.ResourceDescriptor, comp: CostComponent, whole: Optional[ResourceDescriptor],
              usage: dict[str, float]) -> Optional[Rate]:
        answer = self._answer(resource)
        if answer is None:
            return None
        return self._check(answer, comp, resource, whole, usage)

    def _answer(self, resource: pb.ResourceDescriptor) -> Optional[pb.GetProjectedCostResponse]:
        """The plugin's answer from the persistent cache, else asked (and cached)."""
        cache = self.host.cache
        key = answer_key([self.client.name, self.client.version, resource.provider, resource.resource_type,
                          resource.sku, resource.region])
        if cache is not None:
            hit = cache.get(key)
            if hit is not None:
                try:
                    return pb.GetProjectedCostResponse.FromString(hit)
                except DecodeError:  # a garbled entry is a miss: the plugin is asked again (and re-cached)
                    self.host.note(f"a cached answer of {self.client.label} was unreadable; asked again")
        try:
            answer = self.client.call("GetProjectedCost", pb.GetProjectedCostRequest(resource=resource))
        except PluginDown as err:
            self.host.note(str(err))
            return None
        except grpc.RpcError as err:
            if err.code() not in NO_ANSWER:
                self.host.note(f"{self.client.label}: GetProjectedCost failed with {err.code().name}"
                               f" ({(err.details() or '')[:200]}); other sources were asked")
            return None
        if cache is not None:
            expires = time.time() + DEFAULT_TTL
            if answer.HasField("expires_at"):
                expires = min(expires, answer.expires_at.seconds + answer.expires_at.nanos / 1e9)
            cache.put(key, answer.SerializeToString(), expires)
        return answer

    def _check(self, answer: pb.GetProjectedCostResponse, comp: CostComponent, resource: pb.ResourceDescriptor,
               whole: Optional[ResourceDescriptor], usage: dict[str, float]) -> Optional[Rate]:
        label = self.client.label
        unit_price, per_month = answer.unit_price, answer.cost_per_month
        if not all(math.isfinite(v) and v >= 0 for v in (unit_price, per_month)) or \
                not (len(answer.currency) == 3 and answer.currency.isalpha()):
            self.host.note(f"{label} returned a malformed price (need a finite, non-negative price and an "
                           f"ISO 4217 currency); its answers for these resources were not used")
            return None
        detail = answer.billing_detail
        if unit_price == 0 and per_month == 0:
            if says_no_price(detail):
                return None  # "Resource type X not supported": no answer, ask the next source
            if not says_free(detail):
                self.host.note(f"{label} priced {resource.resource_type} {resource.sku} at exactly $0 without "
                               f"saying it is free; that answer was not used")
                return None
            return Rate(0.0, answer.currency, comp.billing_mode)
        expected = self.host.config.currency
        if answer.currency != expected:
            self.host.note(f"{label} answered in {answer.currency}, expected {expected} (config.yaml `currency`); "
                           f"those answers were not used")
            return None
        if detail in BILLING_UNITS and detail != comp.billing_mode:
            self.host.note(f"{label} bills {comp.price_type} {detail}, expected {comp.billing_mode}; not used")
            return None
        if detail not in BILLING_UNITS and comp.billing_mode != "per_hour":
            # Free text: a resource-level answer's cost_per_month is the resource's month.
            quantity = component_quantity(comp, usage) if whole is not None else None
            if not quantity or per_month <= 0:
                return None
            return Rate(per_month / quantity, answer.currency, comp.billing_mode)
        if comp.billing_mode == "per_hour" and unit_price == 0 and per_month > 0:
            unit_price = per_month / HOURS_PER_MONTH
        return Rate(unit_price, answer.currency, comp.billing_mode)
