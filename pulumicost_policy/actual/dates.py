"""The date range of an actual-cost query: `YYYY-MM-DD` or RFC 3339, in UTC, end day included.

Both forms are reduced to UTC calendar days, and the range covers the end date's whole day:
`--start-date 2024-01-01 --end-date 2024-01-31` is [2024-01-01T00:00Z, 2024-02-01T00:00Z), 31 days.
End before start, dates after today (UTC) and ranges over 366 days (unless grouped monthly, when
a longer history is one row a month) are refused with a message naming the flag.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

MAX_DAYS = 366


class DateRangeError(Exception):
    """A usage error in the date flags; the message names the flag and the accepted forms."""


@dataclass(frozen=True)
class DateRange:
    first: dt.date    # first day included
    last: dt.date     # last day included

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.combine(self.first, dt.time(), dt.timezone.utc)

    @property
    def end(self) -> dt.datetime:
        """Exclusive end instant: midnight after the last day."""
        return dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time(), dt.timezone.utc)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def parse_day(flag: str, text: str) -> dt.date:
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise DateRangeError(f"{flag} {text!r}: use YYYY-MM-DD or RFC 3339 (2024-01-31T00:00:00Z)") from None
    if stamp.tzinfo is None:
        raise DateRangeError(f"{flag} {text!r}: an RFC 3339 time needs a zone (Z or +hh:mm)")
    try:
        return stamp.astimezone(dt.timezone.utc).date()
    except OverflowError:  # 9999-12-31T23:00-05:00 is past the last representable UTC day
        raise DateRangeError(f"{flag} {text!r}: out of range; use a date before 9999-12-31") from None


def date_range(start: str, end: str, monthly: bool, today: Optional[dt.date] = None) -> DateRange:
    first, last = parse_day("--start-date", start), parse_day("--end-date", end)
    today = today or dt.datetime.now(dt.timezone.utc).date()
    if last < first:
        raise DateRangeError(f"--end-date {last} is before --start-date {first}")
    if last > today:
        raise DateRangeError(f"--end-date {last} is in the future (today is {today} UTC); costs are not known yet")
    span = DateRange(first, last)
    if span.days > MAX_DAYS and not monthly:
        raise DateRangeError(f"{span.days} days is more than {MAX_DAYS}; shorten the range or use --group-by monthly")
    return span
