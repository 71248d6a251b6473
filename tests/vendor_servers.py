"""Local HTTP servers on 127.0.0.1 that speak the vendors' shapes (shared/protocols/cost-apis.md).

Tests fill them with generated data and can script failures (`fail_next`: HTTP statuses to
answer before the real answer). Every request is recorded for assertions.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import threading
from typing import Any, Optional
from urllib.parse import parse_qs, urlsplit

from local_http import LocalServer, QuietHandler


class VendorServer(LocalServer):
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail_next: list[int] = []
        self._lock = threading.Lock()
        server = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(parts.query).items()}
                with server._lock:
                    server.requests.append({"path": parts.path, "params": params,
                                            "auth": self.headers.get("Authorization")})
                    status = server.fail_next.pop(0) if server.fail_next else None
                if status:
                    self._send(status, {"errors": [f"scripted {status}"]}, {"Retry-After": "0"})
                    return
                status, body = server.handle(parts.path, params, self.headers.get("Authorization"))
                self._send(status, body)

            def _send(self, status: int, body: Any, headers: Optional[dict] = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

        self.serve(Handler)

    def handle(self, path: str, params: dict[str, str], auth: Optional[str]) -> tuple[int, Any]:
        raise NotImplementedError



class Vantage(VendorServer):
    """`/v2/costs` (VQL provider + tag filter, pagination by `page`), `/v2/products`, prices."""

    def __init__(self, token: str, page_size: int = 10) -> None:
        super().__init__()
        self.token = token
        self.page_size = page_size
        self.costs: list[dict[str, Any]] = []      # Cost objects as Vantage sends them
        self.prices: dict[tuple[str, str], list[dict[str, Any]]] = {}  # (provider, sku) -> Price list

    def handle(self, path: str, params: dict[str, str], auth: Optional[str]) -> tuple[int, Any]:
        if auth != f"Bearer {self.token}":
            return 401, {"errors": ["Invalid token"]}
        if path == "/v2/costs":
            return 200, self._costs(params)
        if path == "/v2/products":
            key = (params.get("provider_id", ""), params.get("name", ""))
            products = [{"id": f"prd_{key[0]}_{key[1]}", "name": key[1], "provider_id": key[0]}] if key in self.prices else []
            return 200, {"products": products, "links": {}}
        match = re.fullmatch(r"/v2/products/prd_([^_]+)_(.+)/prices", path)
        if match and (match.group(1), match.group(2)) in self.prices:
            return 200, {"prices": self.prices[(match.group(1), match.group(2))], "links": {}}
        return 404, {"errors": ["not found"]}

    def _costs(self, params: dict[str, str]) -> dict[str, Any]:
        vql = params.get("filter", "")
        provider = re.search(r"costs\.provider = '([^']*)'", vql)
        if provider is None:
            return {"errors": ["costs.provider is required"]}
        tags = re.findall(r"tags\.name = '([^']*)' AND tags\.value = '([^']*)'", vql)
        first, last = params["start_date"], params["end_date"]
        rows = [c for c in self.costs if c.get("provider") == provider.group(1)
                and first <= c["accrued_at"] <= last and all(f"{k}:{v}" in c.get("tags", []) for k, v in tags)]
        page = int(params.get("page", "1"))
        chunk = rows[(page - 1) * self.page_size: page * self.page_size]
        more = page * self.page_size < len(rows)
        query = "&".join(f"{k}={v}" for k, v in {**params, "page": page + 1}.items() if k != "filter")
        total = sum(float(c["amount"]) for c in rows)
        return {"links": {"self": None, "next": f"{self.url}/v2/costs?{query}&filter={_quote(vql)}" if more else None},
                "total_cost": {"amount": f"{total:.2f}", "currency": rows[0]["currency"] if rows else "USD"},
                "costs": chunk}


class OpenCost(VendorServer):
    """`/allocation/compute`: per-day sets keyed by the aggregate (namespace or label:<name>)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []   # {day: date, namespace, labels: {}, cost}

    def handle(self, path: str, params: dict[str, str], auth: Optional[str]) -> tuple[int, Any]:
        if path != "/allocation/compute":
            return 404, {"code": 404, "status": "", "data": None, "message": "Error: not found"}
        aggregate = params.get("aggregate", "namespace")
        window = params.get("window", "")
        if "," in window:
            start, end = (dt.datetime.fromisoformat(w.replace("Z", "+00:00")).date() for w in window.split(","))
            rows = [r for r in self.rows if start <= r["day"] < end]
        else:
            rows = list(self.rows)
        def key(r: dict[str, Any]) -> str:
            return r["labels"].get(aggregate[6:], "__unallocated__") if aggregate.startswith("label:") else r[aggregate]
        sets: dict[Any, dict[str, Any]] = {}
        for r in rows:
            bucket = "all" if params.get("accumulate") == "true" else r["day"]
            s = sets.setdefault(bucket, {})
            k = key(r)
            day_start = dt.datetime.combine(r["day"], dt.time(), dt.timezone.utc)
            a = s.setdefault(k, {"name": k, "start": day_start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                 "end": (day_start + dt.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                 "minutes": 0.0, "totalCost": 0.0, "properties": {"namespace": r["namespace"]}})
            a["minutes"] += 1440.0
            a["totalCost"] = round(a["totalCost"] + r["cost"], 5)
        return 200, {"code": 200, "status": "success", "data": [sets[k] for k in sorted(sets, key=str)]}


def _quote(text: str) -> str:
    from urllib.parse import quote
    return quote(text, safe="")
