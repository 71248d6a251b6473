"""A test plugin whose behaviour the test picks through SCRIPTED_MODE (passed via config.yaml env).

Modes: ok (prices from the price book, like aws-public), nothing (NOT_FOUND for everything),
slow (waits SCRIPTED_DELAY seconds before serving),
noport (never announces), exit (exits at once), hang (GetProjectedCost never returns),
crash (exits during its first GetProjectedCost), crashloop (exits during every one),
garbage (prints noise instead of the port line), eur (answers in EUR), zero (OK with $0 and no wording).
Every GetProjectedCost is appended to SCRIPTED_LOG, so tests can count RPCs.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import grpc

from pulumicost_policy.plugins.sdk import PRICE_TYPES, CostSource, PluginError, PriceBook, pb, serve

MODE = os.environ.get("SCRIPTED_MODE", "ok")
LOG = os.environ.get("SCRIPTED_LOG")
CRASH_MARK = Path(LOG + ".crashed") if LOG else None


class Scripted(CostSource):
    def __init__(self) -> None:
        super().__init__(Path(__file__).with_name("plugin.manifest.json"))
        self.book = PriceBook.load()

    def GetProjectedCost(self, request: pb.GetProjectedCostRequest, context: grpc.ServicerContext) -> pb.GetProjectedCostResponse:
        res = request.resource
        if LOG:
            with open(LOG, "a", encoding="utf-8") as log:
                log.write(f"{res.resource_type} {res.sku} {res.region}" + "".join(f" {k}={v}" for k, v in res.tags.items()) + "\n")
        if MODE == "hang":
            time.sleep(3600)
        if MODE == "crashloop" or (MODE == "crash" and CRASH_MARK and not CRASH_MARK.exists()):
            if CRASH_MARK:
                CRASH_MARK.write_text("1")
            os._exit(3)
        # The real host sends the Pulumi type token; the price book keys on our short form, and
        # keeps both Azure packages' prices under `azure`.
        price_type = PRICE_TYPES.get(res.resource_type, res.resource_type)
        provider = "azure" if res.provider == "azure-native" else res.provider
        spec = self.book.get(provider, price_type, res.sku, res.region)
        if MODE == "zero":
            return pb.GetProjectedCostResponse(currency="USD", billing_detail="per_hour")
        if MODE == "nothing" or spec is None:
            raise PluginError(grpc.StatusCode.NOT_FOUND, "no price")
        return pb.GetProjectedCostResponse(unit_price=spec.rate_per_unit,
                                           currency="EUR" if MODE == "eur" else spec.currency,
                                           cost_per_month=spec.rate_per_unit * 730, billing_detail=spec.billing_mode)


if __name__ == "__main__":
    if MODE == "exit":
        sys.exit(4)
    if MODE == "noport":
        time.sleep(3600)
    if MODE == "slow":
        time.sleep(float(os.environ.get("SCRIPTED_DELAY", "1")))
    if MODE == "garbage":
        print("Starting up... listening soon", flush=True)
        time.sleep(3600)
    serve(Scripted())
