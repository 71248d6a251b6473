"""Whether downloaded rates can be right, before they replace anything.

A price server that is wrong (or hostile) could install an m5.24xlarge at $0/h, so the gate passes,
or at 1e308/h, which overflows into "unpriced". A downloaded file is refused, with the reason, when a
billable instance type costs $0, when a rate is beyond any list price (ABSURD), or when a rate is an
order of magnitude (FACTOR) off the bundled book's for the same key: list prices move by percents.
"""
from __future__ import annotations

import math
from typing import Iterable, Optional

from ..pricing.pricebook import BILLING_UNITS, PriceBook
from ..pricing.store import Row

# Types billed by the hour for as long as they run: none is ever free.
BILLABLE_INSTANCES = frozenset({
    ("aws", "ec2:Instance"), ("aws", "rds:Instance"), ("aws", "elasticache:Node"), ("aws", "redshift:Node"),
    ("aws", "msk:Broker"), ("gcp", "compute:Instance"), ("azure", "vm:Linux"),
})
# The largest on-demand list price in the book is ~$361/hour (a u-* EC2 instance); no unit of
# anything we price costs a million dollars.
ABSURD = {"per_hour": 2_000.0}
ABSURD_ANY = 1_000_000.0
FACTOR = 10.0
SHOWN = 3


def implausible(rows: Iterable[Row], book: Optional[PriceBook]) -> Optional[str]:
    """Why the rows cannot be installed (the first few bad rates and how many), or None."""
    problems = [why for row in rows if (why := _problem(row, book))]
    if not problems:
        return None
    more = f" (and {len(problems) - SHOWN} more)" if len(problems) > SHOWN else ""
    return "implausible rates, refused: " + "; ".join(problems[:SHOWN]) + more


def _problem(row: Row, book: Optional[PriceBook]) -> Optional[str]:
    what = f"{row.source}: {row.resource_type} {row.sku} in {row.region} at ${row.rate:.6g}/" \
           f"{BILLING_UNITS.get(row.billing_mode, row.billing_mode)}"
    if not math.isfinite(row.rate) or row.rate < 0:
        return f"{what} is not a price"
    if row.rate == 0 and (row.provider, row.resource_type) in BILLABLE_INSTANCES:
        return f"{what}, but the instance type is billable"
    if row.rate > ABSURD.get(row.billing_mode, ABSURD_ANY):
        return f"{what} is beyond any list price"
    known = book.get(*row.key()) if book is not None else None
    if known is not None and known.rate_per_unit > 0 and not \
            known.rate_per_unit / FACTOR <= row.rate <= known.rate_per_unit * FACTOR:
        return f"{what}, more than {FACTOR:g}x off the bundled ${known.rate_per_unit:.6g} ({known.effective_date})"
    return None
