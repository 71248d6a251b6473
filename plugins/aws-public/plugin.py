"""aws-public: AWS projected costs from public list prices, served over pulumicost.v1.

The prices are the pack's dated price book (`specs/`, or $AWS_PUBLIC_SPECS_DIR), so a plugin
answer and a price-book answer agree; what the plugin adds is the protocol (other hosts can use
it) and GetPricingSpec.
"""
from __future__ import annotations

import os
from pathlib import Path

import grpc

from pulumicost_policy.plugins.sdk import (DEFAULT_SPECS_DIR, HOURS_PER_MONTH, PRICE_TYPES, CostSource, PluginError,
                                           PriceBook, PriceSpec, pb, serve)


# What hosts send as resource_type: the Pulumi type token (the finfocus host), the bare service
# (`ec2`, as the published plugin accepts) or the seeds' short form (`ec2:Instance`, our price type).
_BY_TOKEN = {token: short for token, short in PRICE_TYPES.items() if token.startswith("aws:")}
_BY_SERVICE: dict[str, str] = {}
for _short in _BY_TOKEN.values():
    _BY_SERVICE.setdefault(_short.split(":", 1)[0], _short)


def price_type(resource_type: str) -> str:
    """The price book's type for any of the three spellings (unknown ones pass through)."""
    return _BY_TOKEN.get(resource_type) or _BY_SERVICE.get(resource_type) or resource_type


class AwsPublic(CostSource):
    def __init__(self) -> None:
        super().__init__(Path(__file__).with_name("plugin.manifest.json"))
        self.book = PriceBook.load(Path(os.environ.get("AWS_PUBLIC_SPECS_DIR") or DEFAULT_SPECS_DIR))

    def _spec(self, resource: pb.ResourceDescriptor) -> PriceSpec:
        if resource.provider != "aws":
            raise PluginError(grpc.StatusCode.NOT_FOUND, "aws-public prices provider aws only")
        missing = [f for f in ("resource_type", "sku", "region") if not getattr(resource, f)]
        if missing:
            raise PluginError(grpc.StatusCode.INVALID_ARGUMENT, f"descriptor needs {', '.join(missing)}")
        spec = self.book.get("aws", price_type(resource.resource_type), resource.sku, resource.region)
        if spec is None:
            raise PluginError(grpc.StatusCode.NOT_FOUND, "no list price for that resource type, SKU and region")
        return spec

    def GetProjectedCost(self, request: pb.GetProjectedCostRequest, context: grpc.ServicerContext) -> pb.GetProjectedCostResponse:
        spec = self._spec(request.resource)
        # Per-hour: a month of one unit. Other modes: one unit-month (the host multiplies by quantity).
        per_month = spec.rate_per_unit * (HOURS_PER_MONTH if spec.billing_mode == "per_hour" else 1.0)
        return pb.GetProjectedCostResponse(unit_price=spec.rate_per_unit, currency=spec.currency,
                                           cost_per_month=per_month, billing_detail=spec.billing_mode)

    def GetPricingSpec(self, request: pb.GetPricingSpecRequest, context: grpc.ServicerContext) -> pb.GetPricingSpecResponse:
        spec = self._spec(request.resource)
        return pb.GetPricingSpecResponse(spec=pb.PricingSpec(
            provider=spec.provider, resource_type=spec.resource_type, sku=spec.sku, region=spec.region,
            billing_mode=spec.billing_mode, rate_per_unit=spec.rate_per_unit, currency=spec.currency,
            description=spec.description, source=f"{spec.source} ({spec.effective_date})", unit=spec.unit,
            plugin_metadata={"effective_date": spec.effective_date}))


if __name__ == "__main__":
    serve(AwsPublic())
