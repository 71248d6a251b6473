"""What a rule proposes: property changes (and usage moves) the engine prices; never a price."""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Optional


@dataclass(frozen=True)
class Proposal:
    """A candidate change of one resource: `changes` maps property paths to new values; `usage`
    overrides the usage file's quantities for the changed copy (a storage class moves usage, not
    only a property); `explain` adds to the caveat what the priced copy's components say (a fee)."""

    rule: str                       # the recommendation id users can `ignore`
    title: str
    changes: tuple[tuple[str, Any], ...]
    caveat: str = ""
    usage: tuple[tuple[str, float], ...] = ()
    explain: Optional[Callable[[Sequence[Any]], str]] = None
    # a rule this one is the lesser alternative to: dropped when that one saves as much (a VM
    # size without the temporary disk, when one with it is as cheap)
    second_to: str = ""


def value_at(props: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted property path (`rootBlockDevice.volumeType`), None when absent."""
    value: Any = props
    for key in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    return value
