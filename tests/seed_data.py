"""The seeds' figures, generated for the tests that need them."""
from __future__ import annotations


def january_cents() -> list[int]:
    """31 daily amounts in cents: the seed's first three and last values, the rest making 2,287.64."""
    cents = [7342, 7418, 7389] + [7380] * 27 + [7295]
    cents[3] += 228764 - sum(cents)
    return cents
