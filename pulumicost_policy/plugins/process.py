"""Launching one plugin process under the startup contract, and making sure it dies with us.

The host picks a free port and passes it as `--port N` and PULUMICOST_PLUGIN_PORT (only that flag
on argv: SDK plugins exit on unknown flags; credentials go by environment). It reads `PORT=<n>`
(or a bare number) from the plugin's stdout before a deadline. Plugin stdout after that and all
of its stderr are forwarded to the host's stderr with a `[plugin name]` prefix: never to the
pack's stdout, which carries the pack's own port to the engine.

Plugins die with the host, and their helpers with them. On Linux each plugin runs under
reaper.py, a small launcher in its own process group: a child subreaper with a parent-death
signal, it takes the plugin's whole process tree down (SIGTERM, then SIGKILL) when the pack goes
away, when `stop()` signals the group, or when the plugin exits. Elsewhere the plugin runs
directly in its own group, `stop()` terminates the group, and the SDK watches its parent.
"""
from __future__ import annotations

import os
import re
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Mapping, Optional

from .discovery import PluginSpec
from ..protocol.contract import FINFOCUS_PORT_ENV, PORT_ENV
from .reaper import CANNOT_RUN

_PORT_LINE = re.compile(rb"^\s*(?:PORT=)?(\d{1,5})\s*$")


class LaunchError(Exception):
    """The plugin did not start serving; the message says what it did instead."""

    def __init__(self, message: str, exited: bool = False) -> None:
        super().__init__(message)
        self.exited = exited  # it quit before announcing: worth one more try on another port


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The launcher, run by path (see reaper.py). Setting a parent-death signal or subreaper here would
# need Python code between fork and exec (preexec_fn), which is unsafe in a process with gRPC
# threads (it crashed children here); the launcher is single-threaded.
_REAPER = (str(Path(__file__).with_name("reaper.py"))
           if sys.platform.startswith("linux") and os.path.isdir("/proc/self") else None)
# How long a stopped plugin tree has between SIGTERM and SIGKILL, and how much longer we give the
# launcher to do that and exit before we SIGKILL its group ourselves.
STOP_GRACE_SECONDS = 2.0
_REAPER_MARGIN_SECONDS = 3.0
# Set by the interpreter that runs the launcher when the locale is C (PEP 538): not the plugin's.
_INTERPRETER_SETS = ("LC_CTYPE",)
# Module-level, so its threads live as long as the process (see PluginProcess.launch).
_LAUNCHERS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="plugin-launch")


# All a plugin gets from our environment; the rest comes from config.yaml (`env`, `inherit_env`).
BASE_ENV = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def minimal_env() -> dict[str, str]:
    """Our variables a plugin may see: never PULUMI_CONFIG (decrypted secrets), tokens or cloud keys."""
    return {k: os.environ[k] for k in BASE_ENV if k in os.environ}


def _argv(binary: str, port: int, env: Mapping[str, str]) -> list[str]:
    if _REAPER is None:
        return [binary, "--port", str(port)]
    unset = [arg for name in _INTERPRETER_SETS if name not in env for arg in ("--unset", name)]
    return [sys.executable, "-I", "-S", _REAPER, "--parent", str(os.getpid()),
            "--grace", f"{STOP_GRACE_SECONDS:g}", *unset, "--", binary, "--port", str(port)]


class PluginProcess:
    """A running plugin: its process, its port, and a thread forwarding its output to our stderr."""

    def __init__(self, spec: PluginSpec, proc: subprocess.Popen, port: int) -> None:
        self.spec = spec
        self.proc = proc
        self.port = port

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @classmethod
    def launch(cls, spec: PluginSpec, env: Mapping[str, str], deadline_seconds: float) -> "PluginProcess":
        """Start the plugin from a long-lived launcher thread: the parent-death signal fires when
        the *thread* that started the child exits, and callers (gRPC workers, pricing pools) may
        be short-lived."""
        return _LAUNCHERS.submit(cls._launch, spec, env, deadline_seconds).result()

    @classmethod
    def _launch(cls, spec: PluginSpec, env: Mapping[str, str], deadline_seconds: float) -> "PluginProcess":
        port = free_port()
        child_env = {**minimal_env(), **env, PORT_ENV: str(port), FINFOCUS_PORT_ENV: str(port)}
        try:
            proc = subprocess.Popen(_argv(str(spec.binary), port, child_env), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env,
                                    cwd=spec.directory, start_new_session=True)
        except OSError as err:
            raise LaunchError(f"cannot run {spec.binary}: {err.strerror}") from None
        label = f"[plugin {spec.name}] "
        _forward(proc.stderr, label)
        try:
            announced, rest = _read_port(proc, deadline_seconds, str(spec.binary))
        except LaunchError:
            _stop(proc)
            raise
        for line in rest.decode("utf-8", "replace").splitlines():
            sys.stderr.write(label + line + "\n")
        _forward(proc.stdout, label)
        return cls(spec, proc, announced)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self, grace_seconds: float = STOP_GRACE_SECONDS) -> None:
        _stop(self.proc, grace_seconds)


def _read_port(proc: subprocess.Popen, deadline_seconds: float, binary: str) -> tuple[int, bytes]:
    """The first stdout line must be the port (returned with any output read past it); anything
    else, an exit or silence is a LaunchError. The launcher reports a plugin it cannot exec there."""
    deadline = time.monotonic() + deadline_seconds
    buf = b""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    try:
        while b"\n" not in buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LaunchError(f"did not print its port within {deadline_seconds:g} s")
            if not sel.select(timeout=left):
                continue
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                code = proc.wait(timeout=deadline_seconds)
                raise LaunchError(f"exited with code {code} before printing its port", exited=True)
            buf += chunk
            if len(buf) > 4096:
                break
    finally:
        sel.close()
    line, _, rest = buf.partition(b"\n")
    if _REAPER is not None and line.startswith(CANNOT_RUN.encode()):
        raise LaunchError(f"cannot run {binary}: {line[len(CANNOT_RUN):].decode('utf-8', 'replace')}")
    match = _PORT_LINE.match(line)
    if not match or not 0 < int(match.group(1)) < 65536:
        raise LaunchError("printed something other than PORT=<n> as its first stdout line")
    return int(match.group(1)), rest


# What a plugin may put on our stderr: a line is cut at MAX_LINE bytes, and after MAX_FORWARDED
# bytes the rest is read and dropped (a plugin writing 300 MB with no newline must not grow the
# pack's memory, nor block on a full pipe).
MAX_LINE = 8 * 1024
MAX_FORWARDED = 1024 * 1024


def _forward(stream: Optional[IO[bytes]], label: str) -> None:
    """Copy a plugin stream to our stderr, line by line and bounded, in a daemon thread."""
    if stream is None:
        return

    def pump() -> None:
        forwarded, cut = 0, False
        for raw in iter(lambda: stream.readline(MAX_LINE), b""):
            if cut:  # the rest of a line already cut short
                cut = not raw.endswith(b"\n")
                continue
            if forwarded >= MAX_FORWARDED:
                continue
            text = raw.decode("utf-8", "replace").rstrip("\n")
            if not raw.endswith(b"\n") and len(raw) >= MAX_LINE:
                text, cut = text + " ... (line cut)", True
            line = label + text + "\n"
            forwarded += len(line)
            sys.stderr.write(line)
            if forwarded >= MAX_FORWARDED:
                sys.stderr.write(f"{label}more than {MAX_FORWARDED // 1024} KB of output; the rest is dropped\n")
        stream.close()

    threading.Thread(target=pump, daemon=True, name=f"forward {label.strip()}").start()


def _stop(proc: subprocess.Popen, grace_seconds: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM the plugin's process group, SIGKILL it if it outlives the grace period. Under the
    launcher, which stops the plugin's whole tree on SIGTERM and then exits, that period is the
    launcher's own grace and a margin: killing the group sooner would leave helpers the plugin put
    in a session of their own."""
    if proc.poll() is not None:
        return
    if _REAPER is not None:
        grace_seconds = max(grace_seconds, STOP_GRACE_SECONDS) + _REAPER_MARGIN_SECONDS
    for sig, wait in ((signal.SIGTERM, grace_seconds), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
