"""Read a `pulumi preview --json` digest or a `pulumi stack export` into priceable resources.

Digests and engine-event streams (inputs/events.py) are read alike. Digest ops: create, update,
same, replace and create-replacement are costed from their new state (same from its old state); delete is a saving; delete-replaced belongs to a replace that is
already costed, and read/refresh/discard steps cost nothing new.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping, Optional

from .events import digest_from_events, looks_like_events
from .resource import ResourceInput
from .sentinels import SECRET_SIG_KEY
from .files import InputFileError, parse_json, read_bytes

COSTED_OPS = ("create", "update", "same", "replace", "create-replacement", "import", "import-replacement")
SAVING_OPS = ("delete",)
CHANGED_OPS = ("update", "replace", "create-replacement")  # costed from the new state, with the old one kept


# What a replacement cannot know during preview but keeps from the resource it replaces: a property
# the provider computes (from the AMI, the subnet), carried from the old state when the new inputs
# leave it out and every input that decides it is unchanged. Otherwise the new side says unknown.
CARRIED_ON_REPLACE: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "aws:ec2/instance:Instance": {
        "rootBlockDevice": ("ami", "rootBlockDevice"),
        "associatePublicIpAddress": ("subnetId", "associatePublicIpAddress"),
    },
}


class PlanError(Exception):
    """The file is not a plan/state we can read; the message names it and says what was expected."""


@dataclass(frozen=True)
class PlannedResource:
    op: str               # the digest op, or "same" for a state file
    resource: ResourceInput
    # For update/replace: the resource as it is now, so callers can show the change.
    old: Optional[ResourceInput] = None
    cloud_id: str = ""    # the provider's id (state files), for actual-cost queries
    custom: bool = True   # false for component resources, which own no cloud resource


def read_json(path: Path, what: str, events: bool = False) -> Any:
    """The shared JSON reader: a regular file, a pipe (`<(pulumi stack export)`) or `-` for stdin,
    within the size limit and the nesting limit; every failure is a one-line PlanError. With
    `events`, an engine-event stream (one JSON event per line) is read as the digest it describes."""
    try:
        data = read_bytes(path, what, pipes=True)
        if not data.strip():
            raise InputFileError(f"{path}: the file is empty; expected {what}")
        if events and looks_like_events(data):
            return digest_from_events(data, path)
        return parse_json(data, path, what)
    except InputFileError as err:
        raise PlanError(str(err)) from None


def _name(urn: str) -> str:
    return urn.rsplit("::", 1)[-1]


def _provider_urn(ref: Any) -> Optional[str]:
    """`<provider urn>::<provider id>` -> the provider URN."""
    if not isinstance(ref, str) or "::" not in ref:
        return None
    return ref.rsplit("::", 1)[0]


def _props(state: Any) -> dict[str, Any]:
    """Inputs over outputs: inputs are what the program asked for; outputs fill in the rest, also
    inside nested objects (a node pool's `nodeConfig` input names the machine type, its output adds
    the provider's default disk size)."""
    if not isinstance(state, Mapping):
        return {}
    outputs = state.get("outputs") if isinstance(state.get("outputs"), Mapping) else {}
    inputs = state.get("inputs") if isinstance(state.get("inputs"), Mapping) else {}
    return _over(inputs, outputs)


def _over(top: Mapping[str, Any], under: Mapping[str, Any]) -> dict[str, Any]:
    """`top` over `under`, merging objects both have; a secret is one value, never merged into
    (its parts must not mix with a plain object's). Depth is bounded by the JSON reader."""
    out = {**under, **top}
    for key, value in top.items():
        below = under.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping) \
                and SECRET_SIG_KEY not in value and SECRET_SIG_KEY not in below:
            out[key] = _over(value, below)
    return out


def _input(state: Mapping[str, Any], urn: str, providers: Mapping[str, dict], config: Mapping[str, str],
           provider_ref: Any = None) -> ResourceInput:
    prov = providers.get(_provider_urn(state.get("provider") or provider_ref) or "")
    custom = state.get("custom") if isinstance(state.get("custom"), bool) else None
    return ResourceInput(urn, str(state.get("type", "")), _name(urn), _props(state), prov, config, custom,
                         property_dependencies=_property_dependencies(state.get("propertyDependencies")),
                         dependencies=_urns(state.get("dependencies")))


def _urns(value: Any) -> tuple[str, ...]:
    return tuple(u for u in value if isinstance(u, str)) if isinstance(value, list) else ()


def _property_dependencies(value: Any) -> dict[str, tuple[str, ...]]:
    """`{"launchTemplate": [urn, ...]}`: malformed entries are dropped (they only help resolve references)."""
    if not isinstance(value, Mapping):
        return {}
    return {str(k): urns for k, v in value.items() if (urns := _urns(v))}


def _carried(new: Mapping[str, Any], old: Mapping[str, Any]) -> Mapping[str, Any]:
    """The new state of a replacement with what it keeps from the old one (CARRIED_ON_REPLACE)."""
    rules = CARRIED_ON_REPLACE.get(str(new.get("type", "")), {})
    new_props, old_props = _props(new), _props(old)
    old_inputs = old.get("inputs") if isinstance(old.get("inputs"), Mapping) else {}
    new_inputs = new.get("inputs") if isinstance(new.get("inputs"), Mapping) else {}
    carried = {key: old_props[key] for key, deciding in rules.items()
               if key not in new_props and key in old_props
               and all(new_inputs.get(d) == old_inputs.get(d) for d in deciding)}
    if not carried:
        return new
    outputs = new.get("outputs") if isinstance(new.get("outputs"), Mapping) else {}
    return {**new, "outputs": {**outputs, **carried}}


def parse_digest(doc: Any, path: Path) -> Iterator[PlannedResource]:
    if not isinstance(doc, Mapping):
        raise PlanError(f"{path}: expected a `pulumi preview --json` object, got {type(doc).__name__}")
    if "resource_changes" in doc or "planned_values" in doc:
        raise PlanError(f"{path}: this is a Terraform plan; expected the output of `pulumi preview --json`")
    if "deployment" in doc or "checkpoint" in doc:
        raise PlanError(f"{path}: this is a `pulumi stack export` file; pass it with --pulumi-state")
    steps = doc.get("steps", [])
    if not isinstance(steps, list) or ("steps" not in doc and "changeSummary" not in doc):
        raise PlanError(f"{path}: expected a `pulumi preview --json` digest with a steps list")
    config = {str(k): v for k, v in (doc.get("config") or {}).items() if isinstance(v, str)} \
        if isinstance(doc.get("config"), Mapping) else {}
    providers: dict[str, dict] = {}
    for step in steps:
        if not isinstance(step, Mapping):
            continue
        state = step.get("newState") or step.get("oldState")
        if isinstance(state, Mapping) and str(state.get("type", "")).startswith("pulumi:providers:"):
            providers[str(step.get("urn", state.get("urn", "")))] = _props(state)
    seen: set[str] = set()
    for i, step in enumerate(steps):
        if not isinstance(step, Mapping) or not isinstance(step.get("urn"), str):
            raise PlanError(f"{path}: steps[{i}] should be an object with op, urn and states")
        op, urn = str(step.get("op", "")), step["urn"]
        if urn in seen:
            continue  # replace and create-replacement of one resource: costed once
        if op in COSTED_OPS:
            # `same` steps carry only their old state; the others are costed as they will be.
            state = (step.get("oldState") if op == "same" else None) or step.get("newState") or step.get("oldState")
            if not isinstance(state, Mapping):
                raise PlanError(f"{path}: steps[{i}] ({op}) has no newState")
            old = step.get("oldState")
            if op == "update" and isinstance(old, Mapping) and not state.get("outputs"):
                # A preview's update knows only the new inputs; what the resource already is (its
                # ARN, hence its region) is in the old outputs, which an update keeps.
                state = {**state, "outputs": old.get("outputs")}
            elif op in ("replace", "create-replacement") and isinstance(old, Mapping):
                state = _carried(state, old)
            seen.add(urn)
            yield PlannedResource(op, _input(state, urn, providers, config, step.get("provider")),
                                  _input(old, urn, providers, config, step.get("provider"))
                                  if isinstance(old, Mapping) and op in CHANGED_OPS else None)
        elif op in SAVING_OPS:
            state = step.get("oldState")
            if isinstance(state, Mapping):
                seen.add(urn)
                yield PlannedResource(op, _input(state, urn, providers, config, step.get("provider")))


def parse_state(doc: Any, path: Path) -> Iterator[PlannedResource]:
    if not isinstance(doc, Mapping):
        raise PlanError(f"{path}: expected a `pulumi stack export` object, got {type(doc).__name__}")
    if "steps" in doc:
        raise PlanError(f"{path}: this is a `pulumi preview --json` digest; pass it with --pulumi-json")
    deployment = doc.get("deployment")
    if deployment is None and isinstance(doc.get("checkpoint"), Mapping):
        # A local-backend checkpoint of a stack never deployed has no `latest`: an empty stack.
        latest = doc["checkpoint"].get("latest")
        deployment = {"resources": []} if latest is None else latest
    elif deployment is None and "target" in doc and isinstance(doc.get("latest"), Mapping):
        deployment = doc["latest"]  # the checkpoint layout before version 1 (`{"target", "latest"}`)
    if not isinstance(deployment, Mapping) or not isinstance(deployment.get("resources", []), list):
        raise PlanError(f"{path}: expected a `pulumi stack export` file with deployment.resources")
    resources = [r for r in deployment.get("resources") or [] if isinstance(r, Mapping)]
    providers = {str(r.get("urn")): _props(r) for r in resources
                 if str(r.get("type", "")).startswith("pulumi:providers:")}
    seen: set[str] = set()
    for r in resources:
        if not isinstance(r.get("urn"), str) or r.get("delete"):
            continue
        if r["urn"] in seen:  # counting it once would hide a cost; twice would double one: refuse
            raise PlanError(f"{path}: resource {r['urn']} appears twice in deployment.resources; "
                            f"a state lists each URN once: export the stack again")
        seen.add(r["urn"])
        yield PlannedResource("same", _input(r, r["urn"], providers, {}),
                              cloud_id=r["id"] if isinstance(r.get("id"), str) else "",
                              custom=r.get("custom", True) is not False)


def omitted_sames(doc: Any) -> int:
    """Unchanged resources a digest counts in `changeSummary` but does not list (`pulumi preview
    --json` leaves out `same` steps unless given `--show-sames`): their cost is not in the plan."""
    summary = doc.get("changeSummary") if isinstance(doc, Mapping) else None
    counted = summary.get("same") if isinstance(summary, Mapping) else None
    if isinstance(counted, bool) or not isinstance(counted, int) or counted <= 0:
        return 0
    listed = sum(1 for step in doc.get("steps") or [] if isinstance(step, Mapping) and step.get("op") == "same")
    return max(0, counted - listed)


@dataclass(frozen=True)
class PlanFile:
    """What a plan or state file holds: its resources, and how many it counts but leaves out."""

    resources: list[PlannedResource]
    omitted: int = 0


def load(path: Path, kind: str) -> list[PlannedResource]:
    """The resources of a plan ("preview") or state ("state"): the library's `load_resources`."""
    return load_plan(path, kind).resources


def load_plan(path: Path, kind: str) -> PlanFile:
    """`kind` is "preview" (digest) or "state" (stack export); with what a digest leaves out."""
    if kind == "preview":
        doc = read_json(path, "a `pulumi preview --json` digest", events=True)
        return PlanFile(list(parse_digest(doc, path)), omitted_sames(doc))
    return PlanFile(list(parse_state(read_json(path, "a `pulumi stack export` file"), path)))


def with_unchanged(planned: PlanFile, state: PlanFile) -> PlanFile:
    """A partial digest completed by the current state: every resource of the state the plan does
    not list is kept as it is (`same`), so the total is the whole stack's."""
    listed = {item.resource.urn for item in planned.resources}
    sames = [item for item in state.resources if item.resource.urn not in listed]
    return PlanFile(planned.resources + sames, 0)
