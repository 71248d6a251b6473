"""API Gateway REST APIs and stages, HTTP and WebSocket APIs."""
from __future__ import annotations

from ..model import CostComponent, Free, Mapped, Unpriced, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props
from .common import INF, REQUESTS

# API Gateway request tiers, in millions of requests per month (the quantity is requests x 1e-6).
REST_TIERS = ((0.0, 333.0), (333.0, 1000.0), (1000.0, 20000.0), (20000.0, INF))
HTTP_TIERS = ((0.0, 300.0), (300.0, INF))


def _tiered(label: str, price_type: str, prefix: str, key: str, tiers) -> list[CostComponent]:
    return [usage_based(f"{label} (tier {i + 1})", price_type, f"{prefix}-tier{i + 1}", "per_1m_requests",
                        key, 1e-6, (low, high)) for i, (low, high) in enumerate(tiers)]


def rest_api(p: Props) -> Mapped:
    return Mapped("rest", _tiered("Requests", "apigateway:Rest", "requests", "monthly_requests", REST_TIERS))


def rest_api_stage(p: Props) -> Free | Unpriced:
    """A stage is billed through its API's requests, unless it runs a cache cluster (billed by the
    hour by size), whose prices are not in the API Gateway feed."""
    if p.bool("cacheClusterEnabled"):
        return Unpriced("API Gateway cache cluster prices are not in the price book (not in the API Gateway feed)")
    return Free("a stage is billed through its API's requests")


def http_api(p: Props) -> Mapped:
    protocol = (p.str("protocolType", "HTTP") or "HTTP").upper()
    if protocol == "WEBSOCKET":
        return Mapped("websocket", [
            usage_based("Messages (first 1B)", "apigateway:WebSocket", "messages-tier1", "per_1m_requests",
                        "monthly_messages", 1e-6, (0.0, 1000.0)),
            usage_based("Messages (over 1B)", "apigateway:WebSocket", "messages-tier2", "per_1m_requests",
                        "monthly_messages", 1e-6, (1000.0, INF)),
            usage_based("Connection duration", "apigateway:WebSocket", "connection-minutes", "per_1m_requests",
                        "monthly_connection_mins", 1e-6),
        ])
    return Mapped("http", _tiered("Requests", "apigateway:Http", "requests", "monthly_requests", HTTP_TIERS))


TYPES = (
    PricedType(("aws:apigateway/restApi:RestApi",), "apigateway:RestApi", rest_api,
               keys(*(f"apigateway:Rest requests-tier{i}" for i in range(1, 5))), (REQUESTS,),
               "tiered requests (by usage)"),
    PricedType(("aws:apigateway/stage:Stage",), "apigateway:Stage", rest_api_stage, (), (),
               "free, or unpriced with a cache cluster (no cache prices in our data)"),
    PricedType(("aws:apigatewayv2/api:Api",), "apigatewayv2:Api", http_api,
               keys("apigateway:Http requests-tier1", "apigateway:Http requests-tier2",
                    "apigateway:WebSocket messages-tier1", "apigateway:WebSocket messages-tier2",
                    "apigateway:WebSocket connection-minutes"),
               (REQUESTS, UsageKey("monthly_messages", "messages", "WebSocket messages per month"),
                UsageKey("monthly_connection_mins", "minutes", "WebSocket connection minutes per month")),
               "HTTP requests or WebSocket messages and connection minutes (by usage)"),
)
