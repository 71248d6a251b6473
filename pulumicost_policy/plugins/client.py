"""One plugin for one run: lazy launch, health check, calls with deadline, retry and breaker.

- Launch on first use, then `Name` (the health check) and `GetPluginInfo` (UNIMPLEMENTED is fine).
  The service is `pulumicost.v1.CostSourceService`; plugins built on spec v0.5+ serve
  `finfocus.v1` with the same messages, so on UNIMPLEMENTED we try that name and remember it.
- Calls: a deadline each; transient codes (UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED)
  are retried with exponential backoff and jitter (tenacity), unless the plugin's retry pushback
  says it has already retried; other codes go straight back.
- A plugin that crashed is restarted once; crashing again drops it for the run. A plugin that
  keeps failing (`BREAKER_THRESHOLD` failed calls in a row) is no longer asked (circuit breaker).
  Either way `problem` says why, for the run's diagnostics.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Optional

import grpc
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from ..protocol import costsource_pb2 as pb
from ..protocol.methods import METHODS, SERVICES
from .config import PluginSettings
from .discovery import PluginSpec
from .environment import missing, plugin_env
from .errors import TRANSIENT, retry_refused
from .process import LaunchError, PluginProcess

BREAKER_THRESHOLD = 3
# gRPC's default 4 MB receive limit is ~100,000 daily rows of a whole-scope `actual` answer; plugins
# that page (next_page_token) stay far below this, ones that do not still fit a large account.
MAX_RECEIVE_BYTES = 256 * 1024 * 1024


def stubs(channel: grpc.Channel, service: str = SERVICES[0]) -> dict[str, Callable[..., Any]]:
    """A callable per RPC of `service` on `channel` (built by name, so either service name works)."""
    return {name: channel.unary_unary(f"/{service}/{name}", request_serializer=req.SerializeToString,
                                      response_deserializer=resp.FromString)
            for name, (req, resp) in METHODS.items()}


class PluginDown(Exception):
    """The plugin gave no answer to this call; the message says why. `PluginClient.problem` is set
    as well when the plugin is out for the rest of the run."""


def _transient(err: BaseException) -> bool:
    return isinstance(err, grpc.RpcError) and err.code() in TRANSIENT


def _retryable(err: BaseException) -> bool:
    return _transient(err) and not retry_refused(err)  # type: ignore[arg-type]


class PluginClient:
    def __init__(self, spec: PluginSpec, settings: PluginSettings) -> None:
        self.spec = spec
        self.settings = settings
        self._lock = threading.Lock()
        self._process: Optional[PluginProcess] = None
        self._channel: Optional[grpc.Channel] = None
        self._methods: dict[str, Callable[..., Any]] = {}
        self._restarts = 0
        self._failures = 0
        self.problem: Optional[str] = None   # set when the plugin is out for the run
        self.notes: list[str] = []           # what else happened to it (a restart)
        self.version = spec.version
        self.providers: tuple[str, ...] = spec.providers
        self.calls = 0  # RPCs sent after start (for the benchmark's requests-vs-resources figure)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def label(self) -> str:
        return f"plugin {self.spec.name} {self.version}"

    def ensure_started(self) -> None:
        """Launch and health-check once; PluginDown if that fails (then for good)."""
        with self._lock:
            if self.problem:
                raise PluginDown(self.problem)
            if self._process is None:
                try:
                    self._start_locked()
                except PluginDown as err:
                    self.problem = str(err)
                    raise

    def call(self, method: str, request: Any) -> Any:
        """Send one RPC; grpc.RpcError for answers to pass on (NOT_FOUND, UNAUTHENTICATED...),
        PluginDown once the plugin is out of the run."""
        self.ensure_started()
        while True:  # at most twice: _after_transient_failure restarts once, then drops
            try:
                response = self._with_retries(method, request)
                break
            except grpc.RpcError as err:
                if not _transient(err):
                    self._answered()  # a real answer (NOT_FOUND, UNAUTHENTICATED...) for the caller
                    raise
                self._after_transient_failure(err)
        self._answered()
        return response

    def _with_retries(self, method: str, request: Any) -> Any:
        rpc = self._methods[method]
        for attempt in Retrying(stop=stop_after_attempt(self.settings.attempts),
                                wait=wait_exponential_jitter(multiplier=0.05, max=1.0, jitter=0.05),
                                retry=retry_if_exception(_retryable), reraise=True):
            with attempt:
                self.calls += 1
                return rpc(request, timeout=self.settings.timeout_seconds)

    def _after_transient_failure(self, err: grpc.RpcError) -> None:
        """Restart a crashed plugin once; otherwise count the failure towards the breaker."""
        with self._lock:
            if self.problem:
                raise PluginDown(self.problem)
            process = self._process
            if process is not None and not process.alive():
                if self._restarts >= 1:
                    self.problem = f"{self.label} crashed again after a restart; dropped for this run"
                    raise PluginDown(self.problem)
                self._restarts += 1
                self.notes.append(f"{self.label} crashed ({err.code().name}) and was restarted")
                self._close_locked()
                try:
                    self._start_locked()
                except PluginDown as down:
                    self.problem = f"{self.label} crashed and did not restart ({down}); dropped for this run"
                    raise PluginDown(self.problem) from None
                return
            self._failures += 1
            if self._failures >= BREAKER_THRESHOLD:
                self.problem = (f"{self.label} failed {self._failures} calls in a row "
                                f"({err.code().name}); no longer asked in this run")
                raise PluginDown(self.problem)
        tries = "" if retry_refused(err) else f" after {self.settings.attempts} attempts"
        raise PluginDown(f"{self.label}: {err.code().name}{tries}" + (f" ({err.details()[:200]})" if err.details() else ""))

    def _answered(self) -> None:
        with self._lock:
            self._failures = 0

    def _start_locked(self) -> None:
        env = plugin_env(self.spec.env, self.settings.env)
        lacking = missing(self.name, self.spec.env, env)
        if lacking:  # said once for the run (the client is out), not by the plugin for every resource
            raise PluginDown(f"{self.label} not started: {'; '.join(lacking)}")
        try:
            try:
                self._process = PluginProcess.launch(self.spec, env, self.settings.start_timeout_seconds)
            except LaunchError as err:
                if not err.exited:
                    raise
                # The classic cause is the port we picked being taken before the plugin bound it.
                self.notes.append(f"{self.label} exited at start ({err}); started again on another port")
                self._process = PluginProcess.launch(self.spec, env, self.settings.start_timeout_seconds)
        except LaunchError as err:
            raise PluginDown(f"{self.label} did not start: {err}") from None
        self._channel = grpc.insecure_channel(self._process.address,
                                              options=[("grpc.max_receive_message_length", MAX_RECEIVE_BYTES)])
        for service in SERVICES:
            self._methods = stubs(self._channel, service)
            try:
                self._methods["Name"](pb.NameRequest(), timeout=self.settings.start_timeout_seconds,
                                      wait_for_ready=True)
                break
            except grpc.RpcError as err:
                if err.code() == grpc.StatusCode.UNIMPLEMENTED:
                    continue
                self._close_locked()
                raise PluginDown(f"{self.label} does not answer Name ({err.code().name})") from None
        else:
            self._close_locked()
            raise PluginDown(f"{self.label} serves neither {' nor '.join(SERVICES)}")
        try:
            info = self._methods["GetPluginInfo"](pb.GetPluginInfoRequest(), timeout=self.settings.timeout_seconds)
            self.version = info.version or self.version
            self.providers = tuple(info.providers) or self.providers
        except grpc.RpcError as err:
            if err.code() != grpc.StatusCode.UNIMPLEMENTED:
                self._close_locked()
                raise PluginDown(f"{self.label}: GetPluginInfo failed ({err.code().name})") from None

    def _close_locked(self) -> None:
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        if self._process is not None:
            self._process.stop()
            self._process = None

    def close(self) -> None:
        with self._lock:
            self._close_locked()
