"""EKS extended support billed as AWS bills it, for an explicit estimate date (issue #25)."""
import pytest

from pulumicost_policy.descriptor import ResourceInput, describe
from pulumicost_policy.descriptor.model import Unpriced
from pulumicost_policy.pricing.pricer import Pricer
from pulumicost_policy.pricing.pricebook import PriceBook

CLUSTER = "aws:eks/cluster:Cluster"


def rate(sku: str) -> float:
    return PriceBook.load().get("aws", "eks:Cluster", sku, "us-east-1").rate_per_unit


def estimate(version: str):
    return Pricer.from_specs().estimate(ResourceInput("urn:c", CLUSTER, "c", {"version": version},
                                                      {"region": "us-east-1"}))


def test_eks_1_32_on_2026_12_01_is_standard_plus_extended_per_hour(monkeypatch):
    monkeypatch.setenv("PULUMICOST_AS_OF", "2026-12-01")
    est = estimate("1.32")
    assert est.hourly == pytest.approx(rate("standard") + rate("extended-support"))
    assert est.hourly == pytest.approx(0.60)  # AWS's published $0.10 + $0.50 per cluster-hour, as the book has them
    assert any("estimate date 2026-12-01" in c.label for c in est.components)


def test_the_estimate_date_decides(monkeypatch):
    monkeypatch.setenv("PULUMICOST_AS_OF", "2026-03-22")  # the day before 1.32's standard support ends
    assert estimate("1.32").hourly == pytest.approx(rate("standard"))
    monkeypatch.setenv("PULUMICOST_AS_OF", "2026-03-23")
    assert estimate("1.32").hourly == pytest.approx(rate("standard") + rate("extended-support"))
    # older than the calendar: auto-upgraded to an extended version; newer than it: standard
    assert estimate("1.20").hourly == pytest.approx(rate("standard") + rate("extended-support"))
    assert estimate("1.40").hourly == pytest.approx(rate("standard"))
    monkeypatch.setenv("PULUMICOST_AS_OF", "next tuesday")
    bad = describe(ResourceInput("urn:c", CLUSTER, "c", {"version": "1.32"}, {"region": "us-east-1"}))
    assert isinstance(bad, Unpriced) and "PULUMICOST_AS_OF should be a date" in bad.reason
