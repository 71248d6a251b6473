"""JSON over HTTP for plugins that front a vendor API (Vantage, OpenCost).

429 and 5xx answers and connection failures are retried with exponential backoff and jitter
(tenacity), honouring Retry-After up to a cap; 401/403 become UNAUTHENTICATED/PERMISSION_DENIED
at once (a bad token does not get better by asking again). Error messages name the endpoint and
status, never the token or the query string.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Mapping, Optional

import grpc
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from .errors import PluginError

MAX_RETRY_AFTER = 5.0


class _Retry(Exception):
    def __init__(self, message: str, delay: float = 0.0) -> None:
        super().__init__(message)
        self.delay = delay


def _wait(state: Any) -> float:
    backoff = wait_exponential_jitter(multiplier=0.1, max=2.0, jitter=0.1)(state)
    err = state.outcome.exception() if state.outcome else None
    return max(backoff, getattr(err, "delay", 0.0))


def get_json(base: str, path: str, params: Mapping[str, Any], headers: Mapping[str, str],
             timeout: float = 10.0, attempts: int = 4) -> Any:
    """GET `base+path?params` (or a full URL in `path`) and decode JSON, with retries as above."""
    url = path if path.startswith(("http://", "https://")) else base.rstrip("/") + path
    if params:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
    endpoint = urllib.parse.urlsplit(url)._replace(query="").geturl()
    try:
        for attempt in Retrying(stop=stop_after_attempt(attempts), wait=_wait,
                                retry=retry_if_exception(lambda e: isinstance(e, _Retry)), reraise=True):
            with attempt:
                return _once(url, endpoint, headers, timeout)
    except _Retry as err:
        raise PluginError(grpc.StatusCode.UNAVAILABLE, f"{err} (after {attempts} attempts)", retried=True) from None


def _once(url: str, endpoint: str, headers: Mapping[str, str], timeout: float) -> Any:
    request = urllib.request.Request(url, headers={"Accept": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as err:
        status = err.code
        if status == 429 or status >= 500:
            raise _Retry(f"{endpoint} answered HTTP {status}", _retry_after(err.headers.get("Retry-After"))) from None
        if status == 401:
            raise PluginError(grpc.StatusCode.UNAUTHENTICATED, f"{endpoint} rejected the API token (HTTP 401); check it") from None
        if status == 403:
            raise PluginError(grpc.StatusCode.PERMISSION_DENIED, f"{endpoint}: the token may not read this (HTTP 403)") from None
        if status == 404:
            raise PluginError(grpc.StatusCode.NOT_FOUND, f"{endpoint}: not found (HTTP 404)") from None
        raise PluginError(grpc.StatusCode.INVALID_ARGUMENT, f"{endpoint} refused the request (HTTP {status}): "
                          f"{_errors(err.read())}") from None
    except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
        raise _Retry(f"{endpoint} unreachable ({getattr(err, 'reason', err)})") from None
    try:
        return json.loads(body)
    except ValueError:
        raise PluginError(grpc.StatusCode.INTERNAL, f"{endpoint} answered something that is not JSON") from None


def _retry_after(value: Optional[str]) -> float:
    try:
        return min(float(value), MAX_RETRY_AFTER) if value else 0.0
    except ValueError:
        return 0.0


def _errors(body: bytes) -> str:
    """The vendor's `errors` list if it sent one (short), else nothing."""
    try:
        errors = json.loads(body).get("errors")
        return "; ".join(str(e) for e in errors)[:300] if isinstance(errors, list) else ""
    except (ValueError, AttributeError):
        return ""
