"""How a plugin failure is named on both sides of the wire.

Plugins raise `PluginError(code, message)`; the SDK turns it into that gRPC status. The host
sorts the status codes it receives into the protocol's meanings (costsource.md).
"""
from __future__ import annotations

import grpc

# "I have no price for this": ask the next source. FAILED_PRECONDITION is what real plugins send
# for a region they were not built for; INVALID_ARGUMENT is what SDK plugins up to v0.6 send from
# Supports for everything.
NO_ANSWER = frozenset({grpc.StatusCode.NOT_FOUND, grpc.StatusCode.UNIMPLEMENTED,
                       grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.INVALID_ARGUMENT})
# Worth asking again after a pause. Every other code (UNAUTHENTICATED and PERMISSION_DENIED for a
# misconfigured plugin, INTERNAL, UNKNOWN) is reported at once and never retried.
TRANSIENT = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED,
                       grpc.StatusCode.RESOURCE_EXHAUSTED})


# gRPC's retry pushback trailer (gRFC A6): a negative value tells the caller not to retry. A plugin
# that already retried its vendor API sends it with UNAVAILABLE, so the host does not multiply the
# attempts (4 HTTP tries x 3 gRPC tries per resource during a vendor outage).
RETRY_PUSHBACK = "grpc-retry-pushback-ms"


class PluginError(Exception):
    """Raised inside a plugin to answer with a gRPC status (the message must not carry secrets).
    `retried`: the plugin has already retried what failed; the host should not ask again."""

    def __init__(self, code: grpc.StatusCode, message: str, retried: bool = False) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retried = retried


def retry_refused(err: grpc.RpcError) -> bool:
    """True when the plugin's answer carries a negative retry pushback: do not ask again."""
    try:
        trailers = err.trailing_metadata() or ()
    except Exception:  # noqa: BLE001 - an error without trailers (a local failure) refuses nothing
        return False
    for key, value in trailers:
        if key == RETRY_PUSHBACK:
            try:
                return int(value) < 0
            except ValueError:
                return True  # gRFC A6: a pushback that is not a number means "do not retry"
    return False
