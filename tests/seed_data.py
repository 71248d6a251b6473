"""The seeds' figures, generated for the tests that need them."""
from __future__ import annotations


def january_cents() -> list[int]:
    """31 daily amounts in cents: the seed's first three and last values, the rest making 2,287.64."""
    cents = [7342, 7418, 7389] + [7380] * 27 + [7295]
    cents[3] += 228764 - sum(cents)
    return cents


def book_rate(provider: str, resource_type: str, sku: str, region: str) -> float:
    """A rate from the bundled price book, for tests that derive a figure instead of typing it."""
    from pulumicost_policy.pricing.pricebook import PriceBook

    spec = PriceBook.load().get(provider, resource_type, sku, region)
    assert spec is not None, (provider, resource_type, sku, region)
    return spec.rate_per_unit


def mixed_example_monthly(with_usage: bool = True) -> dict[str, float]:
    """examples/mixed.json by type (us-east-1): 5 t3.micro, 3 db.t3.micro MySQL Multi-AZ, one S3
    bucket with 100 GB in examples/usage.yaml. The seed's $114.72 is what the book gives today
    (t3.micro 0.0104/h, RDS 0.034/h, S3 0.023/GB-month are the same in the 2024-2025 feeds)."""
    out = {"aws:ec2/instance:Instance": 5 * book_rate("aws", "ec2:Instance", "t3.micro", "us-east-1") * 730,
           "aws:rds/instance:Instance": 3 * book_rate("aws", "rds:Instance", "db.t3.micro:mysql:multi-az", "us-east-1") * 730}
    if with_usage:
        out["aws:s3/bucket:Bucket"] = 100 * book_rate("aws", "s3:Bucket", "standard-storage", "us-east-1")
    return out
