"""The seeds' aggregation and normalisation rules, with the seeds' own figures."""
from datetime import date, datetime, timedelta, timezone

import pytest

from seed_data import january_cents

from pulumicost_policy.actual.aggregate import (AggregationError, CostRecord, daily_cost, days_in_period, group,
                                                monthly_cost, total)


def january(resource="aws-ec2-i-123", rtype="aws:ec2:Instance"):
    """31 daily entries: the seed's first three and last values, the rest making 2,287.64 in all."""
    cents = january_cents()
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    return [CostRecord(resource, rtype, start + timedelta(days=i), c / 100, "USD", "kubecost")
            for i, c in enumerate(cents)]


def test_31_day_january_totals_2287_64():
    days = group(january(), "daily")
    assert len(days) == 31 and days[0].key == "2024-01-01" and days[-1].key == "2024-01-31"
    assert (days[0].total, days[1].total, days[2].total, days[-1].total) == (73.42, 74.18, 73.89, 72.95)
    assert round(total(days), 2) == 2287.64
    [month] = group(january(), "monthly")
    assert month.key == "2024-01" and round(month.total, 2) == 2287.64


def test_group_by_resource_type_provider():
    records = january("i-1") + [CostRecord("b-1", "aws:s3:Bucket", datetime(2024, 1, 5, tzinfo=timezone.utc), 10.0),
                                CostRecord("vm-1", "azure:compute:VirtualMachine",
                                           datetime(2024, 1, 5, tzinfo=timezone.utc), 5.0)]
    assert {g.key: round(g.total, 2) for g in group(records, "resource")} == {"i-1": 2287.64, "b-1": 10.0, "vm-1": 5.0}
    assert {g.key: round(g.total, 2) for g in group(records, "type")} == \
        {"aws:ec2:Instance": 2287.64, "aws:s3:Bucket": 10.0, "azure:compute:VirtualMachine": 5.0}
    assert {g.key: round(g.total, 2) for g in group(records, "provider")} == {"aws": 2297.64, "azure": 5.0}
    assert group(records, "provider")[0].by_day["2024-01-05"] == pytest.approx(73.80 + 10.0)


def test_two_months_give_a_row_each_and_their_sum():
    feb = [CostRecord("i", "aws:ec2:Instance", datetime(2024, 2, 1, tzinfo=timezone.utc) + timedelta(days=i), 72.494483)
           for i in range(29)]  # 2024 is a leap year: 29 days
    months = group(january("i") + feb, "monthly")
    assert [m.key for m in months] == ["2024-01", "2024-02"]
    assert round(months[1].total, 2) == 2102.34
    assert round(total(months), 2) == 4389.98  # the seed's 2,287.64 + 2,102.34


def test_three_provider_daily_aggregation():
    """The seed's three providers over January, each period total spread evenly over its days."""
    start, end = date(2024, 1, 1), date(2024, 1, 31)
    records = [CostRecord(rid, rtype, datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(days=d),
                          daily_cost(amount, start, end))
               for rid, rtype, amount in (("aws-ec2-i-123", "aws:ec2:Instance", 1500.00),
                                          ("azure-vm-456", "azure:compute:VM", 500.00),
                                          ("gcp-instance-789", "gcp:compute:Instance", 287.64))
               for d in range(days_in_period(start, end))]
    days = group(records, "daily")
    assert len(days) == 31 and days[0].key == "2024-01-01" and days[-1].key == "2024-01-31"
    day = days[0]
    assert {p: round(v, 2) for p, v in day.by_provider.items()} == {"aws": 48.39, "azure": 16.13, "gcp": 9.28}
    # The seed prints total_cost 73.47 for this day: not the sum of its own breakdown. The breakdown
    # rounded to cents sums to 73.80; the unrounded day total is 73.7948..., shown as 73.79. We follow
    # the arithmetic (totals are summed before rounding) and the month adds up to the cent.
    assert round(day.total, 2) == 73.79 and round(day.total, 2) != 73.47
    assert round(sum(round(v, 2) for v in day.by_provider.values()), 2) == 73.80
    assert round(total(days), 2) == 2287.64


def test_aggregation_validation():
    with pytest.raises(AggregationError, match="empty results"):
        group([], "daily")
    with pytest.raises(AggregationError, match="invalid group-by"):
        group([CostRecord("a", "aws:x", datetime(2024, 1, 1, tzinfo=timezone.utc), 1, "USD")], "weekly")
    with pytest.raises(AggregationError, match="mixed currencies"):
        group([CostRecord("a", "aws:x", datetime(2024, 1, 1, tzinfo=timezone.utc), 1, "USD"),
               CostRecord("b", "aws:x", datetime(2024, 1, 1, tzinfo=timezone.utc), 1, "EUR")], "daily")


def test_period_normalisation():
    assert days_in_period(date(2024, 1, 1), date(2024, 1, 31)) == 31
    assert days_in_period(date(2024, 2, 1), date(2024, 2, 29)) == 29      # leap year
    assert days_in_period(date(2023, 2, 1), date(2023, 2, 28)) == 28
    assert daily_cost(310.0, date(2024, 1, 1), date(2024, 1, 31)) == pytest.approx(10.0)
    assert daily_cost(7.0, date(2024, 1, 1), date(2024, 1, 1)) == 7.0     # one day is its own daily cost
    assert monthly_cost(2287.64, date(2024, 1, 1), date(2024, 1, 31)) == pytest.approx(2287.64)  # one month
    assert monthly_cost(290.0, date(2024, 2, 1), date(2024, 2, 29)) == pytest.approx(290.0)       # leap Feb is a month
    assert monthly_cost(100.0, date(2024, 1, 1), date(2024, 2, 29)) == pytest.approx(50.0)        # two months
    assert monthly_cost(100.0, date(2024, 1, 1), date(2024, 1, 10)) == pytest.approx(304.375)     # x 30.4375 / 10
    assert monthly_cost(100.0, date(2023, 12, 15), date(2024, 1, 14)) == pytest.approx(100.0 * 30.4375 / 31)
