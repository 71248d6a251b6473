"""The registry of priced types: one entry per type, declared next to its mapper.

An entry says which type tokens it covers, the price-book resource type, the mapper, the price
keys its components can ask for, and the usage keys a usage file may set for it. The catalog
dispatches through it, the usage-file check validates against it, the example usage file is
generated from it, and the free list is tested against it (a billable type is never free).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Union

from .model import Mapped, Unpriced
from .values import Props

Mapper = Callable[[Props], Union[Mapped, Unpriced]]


@dataclass(frozen=True)
class UsageKey:
    """A quantity the usage file may give for a type; `default` is used when it is not given
    (None: the cost line waits for it and shows its unit price)."""

    name: str
    unit: str
    meaning: str
    default: Optional[float] = None


@dataclass(frozen=True)
class PriceKey:
    """A (price resource_type, sku) a mapper can ask the book for. `example` marks a SKU taken from
    the properties (an instance type...): the entry names one the book must hold."""

    price_type: str
    sku: str
    example: bool = False


@dataclass(frozen=True)
class PricedType:
    tokens: tuple[str, ...]
    resource_type: str
    mapper: Mapper
    price_keys: tuple[PriceKey, ...]
    usage_keys: tuple[UsageKey, ...] = ()
    note: str = ""  # what is priced and what is not, for the README's list


def keys(*pairs: str, example: Iterable[str] = ()) -> tuple[PriceKey, ...]:
    """`keys("ec2:Instance t3.medium", ...)`: a compact way to list price keys ("type sku")."""
    examples = set(example)
    out = []
    for pair in pairs:
        price_type, sku = pair.split(" ", 1)
        out.append(PriceKey(price_type, sku, pair in examples))
    return tuple(out)


MONTHLY_HRS = UsageKey("monthly_hrs", "hours", "hours the resource runs per month", 730.0)
STORAGE_GB = UsageKey("storage_gb", "GB", "average stored data")


def no_data(what: str) -> Mapper:
    """A mapper for a billable type the price book has no prices for: unpriced, saying so (and, being
    registered, a type no free pattern may cover)."""
    def mapper(p: Props) -> Unpriced:
        return Unpriced(f"{what} prices are not in the price book (no public price feed for them in its sources)")
    mapper.__doc__ = f"{what}: billable, not in the price book."
    return mapper


def mappers(types: Iterable[PricedType]) -> dict[str, tuple[str, Mapper]]:
    """token -> (price resource_type, mapper), the catalog's dispatch table."""
    out: dict[str, tuple[str, Mapper]] = {}
    for entry in types:
        for token in entry.tokens:
            if token in out:
                raise ValueError(f"{token} is registered twice")
            out[token] = (entry.resource_type, entry.mapper)
    return out
