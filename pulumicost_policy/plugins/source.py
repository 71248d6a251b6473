"""A plugin as a source in the Pricer's chain: GetProjectedCost per cost component.

Every component of a descriptor is asked (resource_type = the component's price type); the plugin
prices the resource only if it prices all of them, so a resource never mixes sources and nothing
is counted twice. Answers are checked before use: a malformed or negative price, a currency
other than the configured one, or a billing mode other than the component's is refused with a
note, and the next source is asked.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Optional

import grpc

from ..descriptor import CostComponent, ResourceDescriptor
from ..pricing.estimate import HOURS_PER_MONTH, Pricing, Rate, assemble
from ..pricing.pricebook import BILLING_UNITS, DEFAULT_SPECS_DIR, PriceBook
from ..pricing.pricer import PriceBookSource, Pricer
from ..prices.home import user_prices_dir
from ..pricing.usage import Usage
from ..protocol import costsource_pb2 as pb
from .client import PluginClient, PluginDown
from .errors import NO_ANSWER
from .host import PluginHost


class PluginSource:
    """One plugin, asked through the host (which starts it and records its problems)."""

    def __init__(self, host: PluginHost, client: PluginClient) -> None:
        self.host = host
        self.client = client
        self.name = client.name

    def price(self, desc: ResourceDescriptor, usage: dict[str, float]) -> Optional[Pricing]:
        if self.client not in self.host.for_provider(desc.provider):
            return None
        rates = []
        for comp in desc.components:
            rate = self._rate(desc, comp)
            if rate is None:
                return None
            rates.append(rate)
        result = assemble(desc, usage, rates, self.client.label)
        return result if isinstance(result, Pricing) else None

    def _rate(self, desc: ResourceDescriptor, comp: CostComponent) -> Optional[Rate]:
        # No tags: a price does not depend on them, and the engine hands policies secret values
        # as plain strings, so a tag could be a secret that must not leave the pack.
        request = pb.GetProjectedCostRequest(resource=pb.ResourceDescriptor(
            provider=desc.provider, resource_type=comp.price_type, sku=comp.sku, region=desc.region))
        try:
            answer = self.client.call("GetProjectedCost", request)
        except PluginDown as err:
            self.host.note(str(err))
            return None
        except grpc.RpcError as err:
            if err.code() not in NO_ANSWER:
                self.host.note(f"{self.client.label}: GetProjectedCost failed with {err.code().name}"
                               f" ({(err.details() or '')[:200]}); other sources were asked")
            return None
        return self._check(answer, comp)

    def _check(self, answer: pb.GetProjectedCostResponse, comp: CostComponent) -> Optional[Rate]:
        label = self.client.label
        unit_price, per_month = answer.unit_price, answer.cost_per_month
        if not all(math.isfinite(v) and v >= 0 for v in (unit_price, per_month)) or \
                not (len(answer.currency) == 3 and answer.currency.isalpha()):
            self.host.note(f"{label} returned a malformed price (need a finite, non-negative price and an "
                           f"ISO 4217 currency); its answers for these resources were not used")
            return None
        expected = self.host.config.currency
        if answer.currency != expected:
            self.host.note(f"{label} answered in {answer.currency}, expected {expected} (config.yaml `currency`); "
                           f"those answers were not used")
            return None
        detail = answer.billing_detail
        if detail in BILLING_UNITS and detail != comp.billing_mode:
            self.host.note(f"{label} bills {comp.price_type} {detail}, expected {comp.billing_mode}; not used")
            return None
        if detail not in BILLING_UNITS and comp.billing_mode != "per_hour":
            return None  # a free-text billing detail ("on-demand") only tells us an hourly price
        if comp.billing_mode == "per_hour" and unit_price == 0 and per_month > 0:
            unit_price = per_month / HOURS_PER_MONTH
        return Rate(unit_price, answer.currency, comp.billing_mode)


def plugin_pricer(usage: Optional[Usage] = None, specs_dir: Path = DEFAULT_SPECS_DIR,
                  host: Optional[PluginHost] = None) -> tuple[Pricer, PluginHost]:
    """The source chain every command uses: installed plugins in priority order, then the price book
    (the user's `prices update` stores before the bundled one)."""
    host = host or PluginHost.from_environment()
    sources: list = [PluginSource(host, client) for client in host.clients]
    sources.append(PriceBookSource(PriceBook.load(specs_dir, user_dir=user_prices_dir())))
    return Pricer(sources, usage), host
