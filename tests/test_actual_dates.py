"""Date ranges of `actual`: UTC days, the end day included, month boundaries and leap years."""
from datetime import date, datetime, timedelta, timezone

import pytest

from pulumicost_policy.actual.aggregate import CostRecord, group
from pulumicost_policy.actual.dates import DateRangeError, date_range

TODAY = date(2026, 11, 22)


def test_end_day_is_included_and_instants_are_midnights():
    span = date_range("2024-02-01", "2024-02-29", monthly=False, today=TODAY)  # leap February
    assert span.days == 29
    assert span.start == datetime(2024, 2, 1, tzinfo=timezone.utc)
    assert span.end == datetime(2024, 3, 1, tzinfo=timezone.utc)


def test_rfc3339_is_reduced_to_its_utc_day():
    # 23:30 at -05:00 on Jan 31 is Feb 1 in UTC
    span = date_range("2024-01-01T00:00:00Z", "2024-01-31T23:30:00-05:00", monthly=False, today=TODAY)
    assert (span.first, span.last) == (date(2024, 1, 1), date(2024, 2, 1))


@pytest.mark.parametrize("start, end, monthly, says", [
    ("2024-01-01T10:00:00", "2024-01-02", False, "needs a zone"),
    ("2023-02-29", "2023-03-01", False, "use YYYY-MM-DD or RFC 3339"),        # not a leap year
    ("2024-01-02", "2024-01-01", False, "is before --start-date"),
    ("2026-11-01", "2026-11-23", False, "is in the future (today is 2026-11-22 UTC)"),
    ("2024-01-01", "2025-01-01", False, "367 days is more than 366"),
])
def test_bad_ranges(start, end, monthly, says):
    with pytest.raises(DateRangeError, match=says.replace("(", r"\(").replace(")", r"\)")):
        date_range(start, end, monthly, today=TODAY)


def test_leap_year_fits_and_longer_ranges_need_monthly():
    assert date_range("2024-01-01", "2024-12-31", monthly=False, today=TODAY).days == 366
    assert date_range("2022-01-01", "2024-12-31", monthly=True, today=TODAY).days == 1096


def test_records_land_in_their_utc_day_and_month():
    est = timezone(timedelta(hours=-5))
    records = [CostRecord("i", "aws:ec2:Instance", datetime(2024, 1, 31, 20, 0, tzinfo=est), 1.0),   # Feb 1 UTC
               CostRecord("i", "aws:ec2:Instance", datetime(2024, 1, 31, 12, 0, tzinfo=timezone.utc), 2.0),
               CostRecord("i", "aws:ec2:Instance", datetime(2024, 2, 29, 23, 59, tzinfo=timezone.utc), 4.0)]
    assert {g.key: g.total for g in group(records, "monthly")} == {"2024-01": 2.0, "2024-02": 5.0}
    assert {g.key: g.total for g in group(records, "daily")} == {"2024-01-31": 2.0, "2024-02-01": 1.0, "2024-02-29": 4.0}
