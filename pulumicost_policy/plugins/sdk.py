"""The plugin-author SDK: everything a plugin (`plugins/*/plugin.py`) imports from us, from this one
module (`__all__`); the host's modules never import it.

A plugin subclasses `CostSource`, implements the RPCs it supports (the rest answer
UNIMPLEMENTED) and calls `serve(MyPlugin())`. `pb` is the protocol's messages, `PluginError`
answers with a gRPC status, `get_json` calls a vendor API, and a plugin that prices from our
price book has `PriceBook` and `PRICE_TYPES`. The SDK takes care of the contract in
shared/protocols/costsource.md: `--port N` / `--port=N` / Go-style `-port N`, else
FINFOCUS_PLUGIN_PORT, else PULUMICOST_PLUGIN_PORT, else an ephemeral port; serve the service under
both names in the wild (`pulumicost.v1` and `finfocus.v1`: same messages); bind 127.0.0.1 only; print `PORT=<n>` on stdout once serving (logs go to stderr); stop on
SIGTERM/SIGINT, and also when the host that launched it is gone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
import threading
import time
from concurrent import futures
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import grpc
from grpc_reflection.v1alpha import reflection

from ..descriptor.catalog import MAPPERS
from ..pricing.estimate import HOURS_PER_MONTH
from ..pricing.pricebook import DEFAULT_SPECS_DIR, PriceBook, PriceSpec
from ..protocol import costsource_pb2 as pb
from ..protocol import costsource_pb2_grpc as rpc
from ..protocol.contract import FINFOCUS_PORT_ENV, PORT_ENV, timestamp
from ..protocol.methods import METHODS, SERVICES
from ..protocol.reflection import reflection_pool
from .errors import RETRY_PUSHBACK, PluginError
from .http import get_json

__all__ = ["CostSource", "DEFAULT_SPECS_DIR", "HOURS_PER_MONTH", "PRICE_TYPES", "PluginError", "PriceBook", "PriceSpec",
           "env_setting", "get_json", "pb", "serve", "time_range", "timestamp"]

# The price book's resource type for each Pulumi type token we describe
# (`aws:ec2/instance:Instance` -> `ec2:Instance`), for a plugin that prices from the book.
PRICE_TYPES: dict[str, str] = {token: price_type for token, (price_type, _) in MAPPERS.items()}
SPEC_VERSION = "0.4.0"  # the pulumicost.v1 spec line this protocol matches
PARENT_POLL_SECONDS = 1.0


class CostSource(rpc.CostSourceServiceServicer):
    """Base servicer: Name and GetPluginInfo from the plugin's manifest; everything else UNIMPLEMENTED."""

    def __init__(self, manifest_path: Path) -> None:
        manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
        self.name: str = manifest["name"]
        self.version: str = manifest["version"]
        self.providers: tuple[str, ...] = tuple(manifest.get("providers", ()))

    def Name(self, request: pb.NameRequest, context: grpc.ServicerContext) -> pb.NameResponse:
        return pb.NameResponse(name=self.name)

    def GetPluginInfo(self, request: pb.GetPluginInfoRequest, context: grpc.ServicerContext) -> pb.GetPluginInfoResponse:
        return pb.GetPluginInfoResponse(name=self.name, version=self.version, spec_version=SPEC_VERSION,
                                        providers=list(self.providers))

    def Supports(self, request: pb.SupportsRequest, context: grpc.ServicerContext) -> pb.SupportsResponse:
        provider = request.resource.provider
        if provider in self.providers:
            return pb.SupportsResponse(supported=True)
        return pb.SupportsResponse(supported=False, reason=f"{self.name} prices {', '.join(self.providers)}, not {provider or '(no provider)'}")


class _StatusFromErrors(grpc.ServerInterceptor):
    """PluginError -> its status; any other exception -> INTERNAL naming only the exception type
    (an exception message may carry a token or a vendor response body)."""

    def intercept_service(self, continuation: Callable, details: grpc.HandlerCallDetails) -> Any:
        handler = continuation(details)
        if handler is None or handler.unary_unary is None:
            return handler
        inner = handler.unary_unary

        def call(request: Any, context: grpc.ServicerContext) -> Any:
            try:
                return inner(request, context)
            except PluginError as err:
                if err.retried:
                    context.set_trailing_metadata(((RETRY_PUSHBACK, "-1"),))
                context.abort(err.code, err.message)
            except Exception as err:  # noqa: BLE001 - the wire gets a status, stderr gets the type
                if context.code() is not None:  # the servicer already called context.abort()
                    raise
                print(f"{details.method}: internal error {type(err).__name__}", file=sys.stderr)
                context.abort(grpc.StatusCode.INTERNAL, f"plugin internal error ({type(err).__name__})")

        return grpc.unary_unary_rpc_method_handler(call, request_deserializer=handler.request_deserializer,
                                                   response_serializer=handler.response_serializer)


def requested_port(argv: Sequence[str]) -> int:
    """`--port N`/`--port=N`/`-port N` (the Go flag style of the published SDK), else
    FINFOCUS_PLUGIN_PORT, else PULUMICOST_PLUGIN_PORT, else 0 (ephemeral)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--port", "-port", type=int)
    args, _ = parser.parse_known_args(list(argv))
    if args.port is not None:
        return args.port
    for name in (FINFOCUS_PORT_ENV, PORT_ENV):
        env = os.environ.get(name, "")
        if env.isdigit():
            return int(env)
    return 0


def _register(servicer: CostSource, server: grpc.Server) -> None:
    """Every RPC under both service names: hosts on spec v0.4 call pulumicost.v1, hosts on v0.5+
    (finfocus) call finfocus.v1, with identical messages."""
    handlers = {name: grpc.unary_unary_rpc_method_handler(getattr(servicer, name), request_deserializer=req.FromString,
                                                          response_serializer=resp.SerializeToString)
                for name, (req, resp) in METHODS.items()}
    server.add_generic_rpc_handlers(tuple(grpc.method_handlers_generic_handler(service, handlers)
                                          for service in SERVICES))
    # Server reflection, as the published SDK registers it: grpcurl and hosts can list and describe us.
    reflection.enable_server_reflection((*SERVICES, reflection.SERVICE_NAME), server, pool=reflection_pool())


def serve(servicer: CostSource, argv: Optional[Sequence[str]] = None, workers: int = 8) -> None:
    """Serve until SIGTERM/SIGINT or until the launching process is gone."""
    port = requested_port(sys.argv[1:] if argv is None else argv)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=workers), interceptors=[_StatusFromErrors()])
    _register(servicer, server)
    try:
        bound = server.add_insecure_port(f"127.0.0.1:{port}")
    except RuntimeError:
        bound = 0
    if not bound:
        print(f"{servicer.name}: cannot listen on 127.0.0.1:{port} (in use?)", file=sys.stderr)
        sys.exit(1)
    server.start()
    # A plain flag, not an Event: a signal handler runs on the main thread, possibly while that
    # thread holds the Event's lock inside wait(), and taking it again would deadlock.
    stop = _StopFlag()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    threading.Thread(target=_watch_parent, args=(os.getppid(), stop), daemon=True).start()
    print(f"PORT={bound}", flush=True)
    while not stop.is_set():
        time.sleep(0.2)
    server.stop(grace=1.0).wait(2.0)
    # Exit now: interpreter shutdown joins worker threads, and a handler stuck on a vendor API
    # (or a write to the dead host's stderr pipe) must not keep us alive after the host is gone.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)


class _StopFlag:
    """Set from a signal handler or the parent watch; read by the main loop. No locks involved."""

    def __init__(self) -> None:
        self._set = False

    def set(self) -> None:
        self._set = True

    def is_set(self) -> bool:
        return self._set


def _watch_parent(parent: int, stop: _StopFlag) -> None:
    """Portable fallback to the host's parent-death signal: when we are reparented, stop."""
    while not stop.is_set():
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            stop.set()


def time_range(request: pb.GetActualCostRequest) -> tuple[dt.datetime, dt.datetime]:
    """The request's [start, end) in UTC; INVALID_ARGUMENT unless both are set and end is after start."""
    if not request.HasField("start") or not request.HasField("end"):
        raise PluginError(grpc.StatusCode.INVALID_ARGUMENT, "GetActualCost needs start and end")
    start = request.start.ToDatetime(tzinfo=dt.timezone.utc)
    end = request.end.ToDatetime(tzinfo=dt.timezone.utc)
    if end <= start:
        raise PluginError(grpc.StatusCode.INVALID_ARGUMENT, "end must be after start")
    return start, end


def env_setting(name: str, default: Optional[str] = None) -> str:
    """A plugin setting from the environment (how the host passes configuration and keys)."""
    value = os.environ.get(name, default)
    if value is None:
        raise PluginError(grpc.StatusCode.FAILED_PRECONDITION,
                          f"set {name} in the plugin's environment: the host passes it when the plugin's "
                          f"manifest declares it under `env` and it is exported, or from config.yaml "
                          f"plugins.<name>.env / inherit_env")
    return value
