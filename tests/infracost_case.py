"""One translated Infracost golden resource (`Case`) and its golden lines (`L`): shared by
tests/infracost_cases.py and the per-family case modules it gathers (tests/infracost_cases_*.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

Figure = Union[float, str]


@dataclass(frozen=True)
class Case:
    golden: str                      # <type>_test.golden resource address
    token: str
    props: dict
    lines: tuple[tuple[str, Figure, Optional[str], float], ...]
    usage: dict = field(default_factory=dict)
    region: str = "us-east-1"
    stack: tuple[tuple[str, dict], ...] = ()  # other resources of the stack: (type token, props)


def L(label: str, figure: Figure, ours: Optional[str] = "", factor: float = 1.0):
    """A golden line; `ours` defaults to their label."""
    return (label, figure, label if ours == "" else ours, factor)
