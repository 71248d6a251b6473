"""A test plugin for `actual` faults, mode from ACTS_MODE:
bad-records (a NaN cost and a record dated after the range beside good ones), big (a whole-scope
answer over gRPC's 4 MB default, in two pages), refuse (FAILED_PRECONDITION: a missing token)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import grpc

from pulumicost_policy.plugins.sdk import CostSource, env_setting, pb, serve, time_range, timestamp

MODE = os.environ.get("ACTS_MODE", "bad-records")


class Acts(CostSource):
    def __init__(self) -> None:
        super().__init__(Path(__file__).with_name("plugin.manifest.json"))

    def GetActualCost(self, request: pb.GetActualCostRequest, context: grpc.ServicerContext) -> pb.GetActualCostResponse:
        start, end = time_range(request)
        if MODE == "refuse":
            env_setting("ACTS_TOKEN")
        if MODE == "big":
            rows = [pb.ActualCostResult(timestamp=timestamp(start + dt.timedelta(days=i % 31)), cost=0.01,
                                        source="acts", resource_id=f"i-{i:012d}-{'x' * 20}")
                    for i in range(120_000)]
            return pb.GetActualCostResponse(results=rows, next_page_token="" if request.page_token else "2")
        rows = [pb.ActualCostResult(timestamp=timestamp(start + dt.timedelta(days=i)), cost=2.0, source="acts",
                                    resource_id="i-1") for i in range((end - start).days)]
        rows.append(pb.ActualCostResult(timestamp=timestamp(start), cost=float("nan"), resource_id="i-1"))
        rows.append(pb.ActualCostResult(timestamp=timestamp(end + dt.timedelta(days=40)), cost=5.0, resource_id="i-1"))
        return pb.GetActualCostResponse(results=rows)


if __name__ == "__main__":
    serve(Acts())
