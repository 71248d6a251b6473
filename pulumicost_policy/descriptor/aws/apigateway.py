"""API Gateway REST APIs and stages, HTTP and WebSocket APIs."""
from __future__ import annotations

from ..model import CostComponent, Free, Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
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


CACHE_SIZES = ("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237")  # GB, as cacheClusterSize takes them


def rest_api_stage(p: Props) -> Mapped | Free | Unpriced:
    """A stage is billed through its API's requests, unless it runs a cache cluster: billed by the hour
    by its size (0.5 GB when cacheClusterSize is not given, as API Gateway creates it)."""
    if not p.bool("cacheClusterEnabled"):
        return Free("a stage is billed through its API's requests")
    given = p.num("cacheClusterSize")  # a string in the schema ("0.5"); a number from a YAML program
    size = CACHE_SIZES[0] if given is None else f"{given:g}"
    if size not in CACHE_SIZES:
        return Unpriced(f"cacheClusterSize is not an API Gateway cache size ({', '.join(CACHE_SIZES)} GB)")
    return Mapped(f"cache-{size}", [running(f"Cache memory ({size} GB)", "apigateway:Stage", f"cache-{size}")])


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
    PricedType(("aws:apigateway/stage:Stage",), "apigateway:Stage", rest_api_stage,
               keys(*(f"apigateway:Stage cache-{size}" for size in CACHE_SIZES)), (MONTHLY_HRS,),
               "free, or its cache cluster's hours by size"),
    PricedType(("aws:apigatewayv2/api:Api",), "apigatewayv2:Api", http_api,
               keys("apigateway:Http requests-tier1", "apigateway:Http requests-tier2",
                    "apigateway:WebSocket messages-tier1", "apigateway:WebSocket messages-tier2",
                    "apigateway:WebSocket connection-minutes"),
               (REQUESTS, UsageKey("monthly_messages", "messages", "WebSocket messages per month"),
                UsageKey("monthly_connection_mins", "minutes", "WebSocket connection minutes per month")),
               "HTTP requests or WebSocket messages and connection minutes (by usage)"),
)
