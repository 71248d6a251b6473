"""An engine harness: starts the pack exactly as `pulumi preview --policy-pack` does and speaks gRPC.

`python -u -m pulumi.policy <engine addr> <pack dir>` in the pack dir, port read from the first
stdout line, then the engine's call order: Handshake, ConfigureStack, GetPluginInfo,
GetAnalyzerInfo, Configure (every policy, explicit level, schema defaults applied), Analyze per
resource, AnalyzeStack.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any, Mapping, Optional

import grpc
from google.protobuf import empty_pb2, json_format, struct_pb2
from pulumi.runtime.proto import analyzer_pb2, analyzer_pb2_grpc

from ..inputs.sentinels import UNKNOWN, secret
from ..paths import PACK_DIR
from ..policies import POLICIES, reconcile

__all__ = ["Diag", "EnginePack", "PACK_DIR", "UNKNOWN", "secret", "struct", "urn"]

LEVELS = {"advisory": analyzer_pb2.ADVISORY, "mandatory": analyzer_pb2.MANDATORY,
          "disabled": analyzer_pb2.DISABLED, "remediate": analyzer_pb2.REMEDIATE}
LEVEL_NAMES = {v: k for k, v in LEVELS.items()}


def struct(d: Mapping[str, Any]) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(dict(d))
    return s


def urn(type_token: str, name: str, stack: str = "dev", project: str = "proj", parent_types: str = "") -> str:
    qualified = f"{parent_types}${type_token}" if parent_types else type_token
    return f"urn:pulumi:{stack}::{project}::{qualified}::{name}"


class Diag:
    def __init__(self, d: analyzer_pb2.AnalyzeDiagnostic) -> None:
        self.policy = d.policyName
        self.message = d.message
        self.level = LEVEL_NAMES[d.enforcementLevel]
        self.urn = d.urn

    def __repr__(self) -> str:
        return f"Diag({self.policy}, {self.level}, {self.message!r})"


class EnginePack:
    def __init__(self, config: Optional[dict[str, str]] = None, env: Optional[dict[str, str]] = None,
                 pack_dir: Path = PACK_DIR, file_size_limit: Optional[int] = None, every_cost: bool = True) -> None:
        """`file_size_limit` (bytes, RLIMIT_FSIZE) makes writes past it fail as on a full disk.
        `every_cost`: configure `cost-estimate` with `reportEach: all`, as a user who wants every
        resource's figure does (most tests read the cost-estimate diagnostic of cheap resources);
        False leaves the pack's defaults, as a user with no policy config has them."""
        self.every_cost = every_cost
        self.config = config if config is not None else {"aws:region": "us-east-1"}
        penv = {**os.environ, "PULUMI_PROJECT": "proj", "PULUMI_STACK": "dev", "PULUMI_DRY_RUN": "true",
                "PULUMI_ORGANIZATION": "org", "PULUMI_CONFIG": json.dumps(self.config), **(env or {})}
        self.stderr_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"pack-stderr-{os.getpid()}-{id(self)}.log"
        self._stderr = open(self.stderr_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-u", "-m", "pulumi.policy", "127.0.0.1:1", str(pack_dir)],
                                     cwd=pack_dir, stdout=subprocess.PIPE, stderr=self._stderr, env=penv,
                                     preexec_fn=(lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit,) * 2))
                                     if file_size_limit else None)
        line = self.proc.stdout.readline()
        try:
            self.port = int(line)
        except ValueError:
            try:  # let it finish writing its error, and read it before close() deletes the log
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            message = f"pack wrote {line!r} instead of a port; stderr: {self.stderr()}"
            self.close()
            raise RuntimeError(message) from None
        # The engine's plugin channels accept messages up to 400 MB (rpcutil.MaxRPCMessageSize);
        # an AnalyzeStack answer for 100,000 resources is several MB.
        self.channel = grpc.insecure_channel(f"127.0.0.1:{self.port}", options=[
            ("grpc.max_receive_message_length", 400 * 1024 * 1024),
            ("grpc.max_send_message_length", 400 * 1024 * 1024)])
        grpc.channel_ready_future(self.channel).result(timeout=10)
        self.stub = analyzer_pb2_grpc.AnalyzerStub(self.channel)
        self._start()

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def _start(self) -> None:
        try:
            self.stub.Handshake(analyzer_pb2.AnalyzerHandshakeRequest(
                engine_address="127.0.0.1:1", root_directory=str(PACK_DIR), program_directory=str(PACK_DIR)))
        except grpc.RpcError as err:
            assert err.code() == grpc.StatusCode.UNIMPLEMENTED
        self.stub.ConfigureStack(analyzer_pb2.AnalyzerStackConfigureRequest(
            stack="dev", project="proj", organization="org", dry_run=True, config=self.config,
            tags={"pulumi:project": "proj"}))
        self.stub.GetPluginInfo(empty_pb2.Empty())  # the engine asks; the answer is not needed here
        self.info = self.stub.GetAnalyzerInfo(empty_pb2.Empty())
        if self.every_cost:
            self.configure({})

    def schemas(self) -> dict[str, dict]:
        return {p.name: json_format.MessageToDict(p.configSchema.properties) for p in self.info.policies}

    def configure(self, file_config: Optional[dict[str, Any]] = None) -> dict[str, tuple[str, dict]]:
        """Reconcile like the engine (the pack's one reconciliation, with the default levels the pack
        declared), without validating: the engine's own refusal is tested separately."""
        defaults = {p.name: LEVEL_NAMES[p.enforcementLevel] for p in self.info.policies}
        file_config = dict(file_config or {})
        if self.every_cost and "cost-estimate" not in file_config:
            file_config["cost-estimate"] = {"reportEach": "all"}
        result = reconcile(file_config, POLICIES, "policy config", defaults, validate=False)
        self.stub.Configure(analyzer_pb2.ConfigureAnalyzerRequest(policyConfig={
            name: analyzer_pb2.PolicyConfig(enforcementLevel=LEVELS[level], properties=struct(props))
            for name, (level, props) in result.items()}))
        return result

    def _resource_fields(self, type_token: str, name: str, props: Mapping[str, Any],
                         provider: Optional[Mapping[str, Any]], resource_urn: Optional[str],
                         secret_outputs: tuple[str, ...] = ()) -> dict:
        fields: dict[str, Any] = dict(type=type_token, name=name, urn=resource_urn or urn(type_token, name),
                                      properties=struct(props),
                                      options=analyzer_pb2.AnalyzerResourceOptions(
                                          parent=urn("pulumi:pulumi:Stack", "proj-dev"),
                                          additionalSecretOutputs=list(secret_outputs)))
        if provider is not None:
            fields["provider"] = analyzer_pb2.AnalyzerProviderResource(
                type="pulumi:providers:aws", urn=urn("pulumi:providers:aws", "default_6_0_0"), name="default_6_0_0",
                properties=struct(provider))
        return fields

    def analyze(self, type_token: str, name: str, props: Mapping[str, Any],
                provider: Optional[Mapping[str, Any]] = None, resource_urn: Optional[str] = None,
                secret_outputs: tuple[str, ...] = ()) -> list[Diag]:
        req = analyzer_pb2.AnalyzeRequest(**self._resource_fields(type_token, name, props, provider, resource_urn,
                                                                  secret_outputs))
        self.stub.Remediate(req)
        resp = self.stub.Analyze(req)
        self.last_not_applicable = [(n.policy_name, n.reason) for n in resp.not_applicable]
        return [Diag(d) for d in resp.diagnostics]

    def analyze_stack(self, resources: list[dict]) -> list[Diag]:
        """`resources`: dicts with type, name, props and optional provider/urn, and the engine's
        `dependencies` (URNs) and `propertyDependencies` ({property: [URN]}), which it sends for
        every resource (properties without dependencies left out of the map)."""
        req = analyzer_pb2.AnalyzeStackRequest(resources=[
            analyzer_pb2.AnalyzerResource(
                **self._resource_fields(r["type"], r["name"], r.get("props", {}), r.get("provider"), r.get("urn")),
                dependencies=list(r.get("dependencies", ())),
                propertyDependencies={k: analyzer_pb2.AnalyzerPropertyDependencies(urns=list(v))
                                      for k, v in (r.get("propertyDependencies") or {}).items() if v})
            for r in resources])
        resp = self.stub.AnalyzeStack(req)
        return [Diag(d) for d in resp.diagnostics]

    def close(self) -> None:
        if getattr(self, "channel", None) is not None:
            self.channel.close()
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        self._stderr.close()
        self.stderr_path.unlink(missing_ok=True)
