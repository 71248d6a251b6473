"""Engine-event streams (`pulumi up --json`, `PULUMI_ENABLE_STREAMING_JSON_PREVIEW=1 pulumi preview
--json`, `--event-log`): one JSON event per line, read as the digest they describe.

Each `resourcePreEvent` / `resOutputsEvent` carries step metadata with the op, URN, old and new
state and the provider reference - the same facts a digest step holds - and the `preludeEvent`
carries the stack config. Later events for a step (outputs after the pre-event) replace earlier
ones, so a finished `up` is priced from what was really created. Policy, diagnostic and summary
events carry no resource state and are skipped.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from .files import InputFileError, parse_json

STEP_EVENTS = ("resourcePreEvent", "resOutputsEvent")
EVENT_KEYS = ("sequence", "timestamp")


def looks_like_events(data: bytes) -> bool:
    """True when the first line alone is one engine event (a digest is one multi-line object)."""
    first = data.lstrip().split(b"\n", 1)[0].strip()
    if not first.startswith(b"{"):
        return False
    try:
        doc = parse_json(first, "-", "an engine event")
    except InputFileError:
        return False
    return isinstance(doc, Mapping) and any(k in doc for k in EVENT_KEYS)


def digest_from_events(data: bytes, path: Path | str) -> dict[str, Any]:
    """The digest-shaped document (`config`, `steps`) an event stream describes."""
    config: dict[str, Any] = {}
    steps: dict[tuple[str, str], dict[str, Any]] = {}
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            event = parse_json(line, path, "an engine event stream (one JSON event per line)")
        except InputFileError as err:
            raise InputFileError(f"{err} (event on line {number})") from None
        if not isinstance(event, Mapping):
            raise InputFileError(f"{path}: line {number} is not a JSON object; expected one engine event per line")
        prelude = event.get("preludeEvent")
        if isinstance(prelude, Mapping) and isinstance(prelude.get("config"), Mapping):
            config.update(prelude["config"])
        for kind in STEP_EVENTS:
            meta = event.get(kind, {}).get("metadata") if isinstance(event.get(kind), Mapping) else None
            if isinstance(meta, Mapping) and isinstance(meta.get("urn"), str):
                key = (meta["urn"], str(meta.get("op", "")))
                steps[key] = {"op": key[1], "urn": key[0], "provider": meta.get("provider"),
                              "oldState": meta.get("old"), "newState": meta.get("new")}
    return {"config": config, "steps": list(steps.values())}
