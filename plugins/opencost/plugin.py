"""opencost: Kubernetes costs from the OpenCost (or Kubecost) allocation API.

Environment: OPENCOST_URL (e.g. http://localhost:9003), OPENCOST_PATH (default
/allocation/compute; Kubecost: /model/allocation), OPENCOST_TOKEN (optional bearer),
OPENCOST_AGGREGATE (default namespace), OPENCOST_CURRENCY (default USD: OpenCost has no currency
field, its figures are in the cluster's configured currency).

- GetActualCost: `window=<start>,<end>` (RFC 3339), `step=1d`, one record per day and allocation
  key; the asked resource is an allocation key (e.g. a namespace). With tags and no resource,
  the first tag is the aggregate (`label:<name>`) and its value the key.
- GetProjectedCost (provider kubernetes, descriptor `id` = allocation key): the last 7 days'
  cost as a run rate, totalCost / hours x 730 (as the finfocus OpenCost plugin does).
"""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any, Iterator

import grpc

from pulumicost_policy.plugins.sdk import (HOURS_PER_MONTH, CostSource, PluginError, env_setting, get_json, pb, serve,
                                           time_range, timestamp)


class OpenCost(CostSource):
    def __init__(self) -> None:
        super().__init__(Path(__file__).with_name("plugin.manifest.json"))

    def _allocations(self, params: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        token = env_setting("OPENCOST_TOKEN", "")
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        body = get_json(env_setting("OPENCOST_URL"), env_setting("OPENCOST_PATH", "/allocation/compute"),
                        {"includeIdle": "false", "shareIdle": "false", **params}, headers)
        if not isinstance(body, dict) or body.get("code") != 200 or not isinstance(body.get("data"), list):
            message = body.get("message", "") if isinstance(body, dict) else ""
            raise PluginError(grpc.StatusCode.UNAVAILABLE if not message else grpc.StatusCode.INVALID_ARGUMENT,
                              f"OpenCost did not return allocations {message[:200]}".strip())
        for step in body["data"]:
            for key, allocation in (step or {}).items():
                if isinstance(allocation, dict):
                    yield key, allocation

    def GetActualCost(self, request: pb.GetActualCostRequest, context: grpc.ServicerContext) -> pb.GetActualCostResponse:
        start, end = time_range(request)
        aggregate, wanted = env_setting("OPENCOST_AGGREGATE", "namespace"), request.resource_id
        if not wanted and request.tags:
            name, wanted = sorted(request.tags.items())[0]
            aggregate = f"label:{name}"
        window = f"{_rfc3339(start)},{_rfc3339(end)}"
        currency = env_setting("OPENCOST_CURRENCY", "USD")
        results = []
        for key, allocation in self._allocations({"window": window, "aggregate": aggregate, "step": "1d",
                                                  "accumulate": "false"}):
            if key.startswith("__") or (wanted and key != wanted):
                continue
            cost = allocation.get("totalCost")
            if cost is None or not math.isfinite(float(cost)):
                continue  # OpenCost sends NaN/Inf as null: no figure for that day
            day = dt.datetime.fromisoformat(str(allocation.get("start") or start.isoformat()).replace("Z", "+00:00"))
            results.append(pb.ActualCostResult(timestamp=timestamp(day), cost=float(cost), source="opencost",
                                               currency=currency, resource_id=key, provider="kubernetes"))
        return pb.GetActualCostResponse(results=results)

    def GetProjectedCost(self, request: pb.GetProjectedCostRequest, context: grpc.ServicerContext) -> pb.GetProjectedCostResponse:
        res = request.resource
        if res.provider != "kubernetes" or not res.id:
            raise PluginError(grpc.StatusCode.NOT_FOUND, "opencost projects kubernetes allocations named by descriptor id")
        total = minutes = 0.0
        for key, allocation in self._allocations({"window": "7d", "aggregate": env_setting("OPENCOST_AGGREGATE", "namespace"),
                                                  "accumulate": "true"}):
            if key == res.id:
                total += float(allocation.get("totalCost") or 0.0)
                minutes += float(allocation.get("minutes") or 0.0)
        if minutes <= 0:
            raise PluginError(grpc.StatusCode.NOT_FOUND, "no allocation with that key in the last 7 days")
        hourly = total / (minutes / 60.0)
        return pb.GetProjectedCostResponse(unit_price=hourly, currency=env_setting("OPENCOST_CURRENCY", "USD"),
                                           cost_per_month=hourly * HOURS_PER_MONTH, billing_detail="per_hour")


def _rfc3339(when: dt.datetime) -> str:
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


if __name__ == "__main__":
    serve(OpenCost())
