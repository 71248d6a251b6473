"""vantage: projected and actual costs from the Vantage API (the seeds' integration example).

Environment: VANTAGE_API_TOKEN (bearer token, required), VANTAGE_API_URL (default
https://api.vantage.sh), VANTAGE_WORKSPACE_TOKEN (when the token spans several workspaces),
VANTAGE_PROVIDER (provider for actual costs when no ARN says it; default aws).

- GetProjectedCost: list price of an hourly SKU from `GET /v2/products?provider_id=&name=` and
  `GET /v2/products/{id}/prices` (the price for the descriptor's region), x 730 h.
- GetActualCost: `GET /v2/costs` with a VQL filter on provider and tags, grouped by resource_id
  and binned by day, following `links.next`; records of the asked resource (its ARN or id), or
  of the whole tag-filtered scope when no resource is named. One download serves all resources
  of the same scope and range.
"""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import grpc

from pulumicost_policy.plugins.sdk import (HOURS_PER_MONTH, CostSource, PluginError, env_setting, get_json, pb, serve,
                                           time_range, timestamp)

PAGE_LIMIT = 5000
# A bound on `links.next` pages for one query (5,000 rows each): far above a real scope, well
# below a loop that would hammer the API.
MAX_PAGES = 1000


# Keys the finfocus host (and ours) adds to GetActualCost tags: the resource's SKU and region.
HOST_TAGS = frozenset({"sku", "region"})


class Vantage(CostSource):
    def __init__(self) -> None:
        super().__init__(Path(__file__).with_name("plugin.manifest.json"))
        self._lock = threading.Lock()
        self._costs: dict[tuple, list[dict[str, Any]]] = {}
        self._prices: dict[tuple, pb.GetProjectedCostResponse] = {}

    def _get(self, path: str, params: dict[str, Any]) -> Any:
        headers = {"Authorization": f"Bearer {env_setting('VANTAGE_API_TOKEN')}"}
        return get_json(env_setting("VANTAGE_API_URL", "https://api.vantage.sh"), path, params, headers)

    def GetProjectedCost(self, request: pb.GetProjectedCostRequest, context: grpc.ServicerContext) -> pb.GetProjectedCostResponse:
        res = request.resource
        if res.provider not in self.providers:
            raise PluginError(grpc.StatusCode.NOT_FOUND, f"vantage prices {', '.join(self.providers)}")
        if not (res.sku and res.region):
            raise PluginError(grpc.StatusCode.INVALID_ARGUMENT, "descriptor needs sku and region")
        key = (res.provider, res.sku, res.region)
        with self._lock:
            if key in self._prices:
                return self._prices[key]
        answer = self._list_price(res)
        with self._lock:
            self._prices[key] = answer
        return answer

    def _list_price(self, res: pb.ResourceDescriptor) -> pb.GetProjectedCostResponse:
        products = self._get("/v2/products", {"provider_id": res.provider, "name": res.sku}).get("products") or []
        for product in products:
            if product.get("name") != res.sku:
                continue
            prices = self._get(f"/v2/products/{product['id']}/prices", {}).get("prices") or []
            for price in prices:
                if price.get("region") == res.region and price.get("unit") == "hour":
                    amount = _number(price.get("amount"), "price amount")
                    return pb.GetProjectedCostResponse(unit_price=amount, currency=str(price.get("currency", "")),
                                                       cost_per_month=amount * HOURS_PER_MONTH, billing_detail="per_hour")
        raise PluginError(grpc.StatusCode.NOT_FOUND, "Vantage lists no hourly price for that SKU in that region")

    def GetActualCost(self, request: pb.GetActualCostRequest, context: grpc.ServicerContext) -> pb.GetActualCostResponse:
        start, end = time_range(request)
        provider = request.arn.split(":")[1] if request.arn.startswith("arn:") else env_setting("VANTAGE_PROVIDER", "aws")
        clauses = [f"costs.provider = '{_vql(provider)}'"]
        for name, value in sorted(request.tags.items()):
            if name in HOST_TAGS:
                continue  # added by the host to describe the resource, not tags on the bill
            clauses.append(f"(tags.name = '{_vql(name)}' AND tags.value = '{_vql(value)}')")
        costs = self._scope(" AND ".join(clauses), start.date(), (end - dt.timedelta(microseconds=1)).date())
        wanted = {v for v in (request.arn, request.resource_id) if v}
        results = []
        for cost in costs:
            if wanted and cost.get("resource_id") not in wanted:
                continue
            day = dt.datetime.fromisoformat(str(cost["accrued_at"])[:10]).replace(tzinfo=dt.timezone.utc)
            usage = cost.get("usage") or {}
            results.append(pb.ActualCostResult(
                timestamp=timestamp(day), cost=_number(cost.get("amount"), "cost amount"),
                usage_amount=_number(usage.get("amount", 0), "usage amount"), usage_unit=str(usage.get("unit") or ""),
                source="vantage", currency=str(cost.get("currency") or ""), resource_id=str(cost.get("resource_id") or ""),
                provider=str(cost.get("provider") or provider)))
        return pb.GetActualCostResponse(results=results)

    def _scope(self, vql: str, first: dt.date, last: dt.date) -> list[dict[str, Any]]:
        """Every daily cost row of a filter and inclusive date range, all pages, downloaded once."""
        key = (vql, first, last)
        with self._lock:
            if key in self._costs:
                return self._costs[key]
        params: dict[str, Any] = {"filter": vql, "start_date": first.isoformat(), "end_date": last.isoformat(),
                                  "groupings": "provider,service,resource_id", "date_bin": "day", "limit": PAGE_LIMIT}
        workspace = env_setting("VANTAGE_WORKSPACE_TOKEN", "")
        if workspace:
            params["workspace_token"] = workspace
        rows: list[dict[str, Any]] = []
        page: Any = self._get("/v2/costs", params)
        seen: set[str] = set()
        while True:
            if not isinstance(page, dict) or not isinstance(page.get("costs"), list):
                raise PluginError(grpc.StatusCode.INTERNAL, "Vantage answered without a `costs` list")
            rows.extend(page["costs"])
            next_url = (page.get("links") or {}).get("next")
            if not next_url:
                break
            page = self._get(_next_page(next_url, seen), {})
        with self._lock:
            self._costs[key] = rows
        return rows


def _next_page(link: Any, seen: set[str]) -> str:
    """The path and query of `links.next`, followed only on the configured API origin (the request
    carries the bearer token), never twice, and at most MAX_PAGES times."""
    base = urlsplit(env_setting("VANTAGE_API_URL", "https://api.vantage.sh"))
    parts = urlsplit(str(link))
    if (parts.scheme or parts.netloc) and (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        raise PluginError(grpc.StatusCode.FAILED_PRECONDITION,
                          "Vantage's links.next points to another origin; not followed (the token stays on "
                          "VANTAGE_API_URL)")
    relative = parts._replace(scheme="", netloc="").geturl()
    if relative in seen:
        raise PluginError(grpc.StatusCode.INTERNAL, "Vantage repeated a page link; stopped to avoid a loop")
    if len(seen) >= MAX_PAGES:
        raise PluginError(grpc.StatusCode.RESOURCE_EXHAUSTED,
                          f"more than {MAX_PAGES} pages of costs; narrow the date range or the tags")
    seen.add(relative)
    return relative


def _vql(value: str) -> str:
    """VQL has single-quoted literals and no documented escape: refuse a quote rather than guess."""
    if "'" in value:
        raise PluginError(grpc.StatusCode.INVALID_ARGUMENT, "tag names and values may not contain a single quote")
    return value


def _number(value: Any, what: str) -> float:
    try:
        return float(value)  # Vantage sends amounts as strings
    except (TypeError, ValueError):
        raise PluginError(grpc.StatusCode.INTERNAL, f"Vantage sent a {what} that is not a number") from None


if __name__ == "__main__":
    serve(Vantage())
