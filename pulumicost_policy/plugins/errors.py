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


class PluginError(Exception):
    """Raised inside a plugin to answer with a gRPC status (the message must not carry secrets)."""

    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
