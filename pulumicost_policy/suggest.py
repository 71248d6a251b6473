"""Close matches for what a user typed ("did you mean monthlyBudget?"): one home for the rule.

difflib's ratio is enough for keys, verbs, instance types and regions (short tokens, typos of one
or two characters); the cutoff keeps unrelated names out of a message.
"""
from __future__ import annotations

import difflib
from typing import Iterable

CUTOFF = 0.75
LONGEST = 64  # longer values are no typo of a key, SKU or region: shown cut, never compared


def as_typed(value: str) -> str:
    """A user's value as a message shows it: whole when short, cut with an ellipsis when long."""
    return value if len(value) <= LONGEST else value[:LONGEST] + "…"


def close_matches(word: str, choices: Iterable[str], n: int = 3, cutoff: float = CUTOFF) -> list[str]:
    """The choices most like `word`, best first (case-insensitive), at most `n`."""
    if len(word) > LONGEST:
        return []
    by_lower: dict[str, str] = {}
    for choice in choices:
        by_lower.setdefault(choice.lower(), choice)
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=n, cutoff=cutoff)
    return [by_lower[f] for f in found]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """` (did you mean t3.micro?)`, or "" when nothing is close."""
    found = close_matches(word, choices)
    if not found:
        return ""
    return f" (did you mean {' or '.join(found)}?)"
