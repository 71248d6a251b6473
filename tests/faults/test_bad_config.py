"""Every policy's schema refuses wrong types and impossible values, with a message."""
from __future__ import annotations

import pytest

from pulumicost_policy.policies import BY_NAME, POLICIES

WRONG_TYPE = {"number": "lots", "string": 42, "object": ["not", "a", "map"], "array": "aws:*", "boolean": "yes"}
PROPERTIES = [(policy.name, prop, spec) for policy in POLICIES for prop, spec in policy.schema.items()]


def config_errors(policy: str, config: dict) -> list[str]:
    return BY_NAME[policy].errors(config)


@pytest.mark.parametrize("policy, prop, spec", PROPERTIES, ids=[f"{p}.{k}" for p, k, _ in PROPERTIES])
def test_wrong_type_is_refused(policy, prop, spec):
    errors = config_errors(policy, {prop: WRONG_TYPE[spec["type"]]})
    assert errors and errors[0].startswith(f"{prop}: "), errors


@pytest.mark.parametrize("policy, config, says", [
    ("stack-budget", {"monthlyBudget": -5}, "monthlyBudget: -5 is less than the minimum of 0"),
    ("stack-budget", {"providerBudgets": {"aws": -1}}, "providerBudgets.aws: -1 is less than the minimum of 0"),
    ("stack-budget", {"tagBudgets": {"team": 5}}, "tagBudgets: 'team' does not match"),
    ("stack-budget", {"warnAtPercent": 1500}, "warnAtPercent: 1500 is greater than the maximum of 1000"),
    ("cost-increase", {"maxIncreasePercent": 1001}, "maxIncreasePercent: 1001 is greater than the maximum of 1000"),
    ("resource-cost-limit", {"maxMonthlyCost": -0.01}, "maxMonthlyCost: -0.01 is less than the minimum of 0"),
    ("resource-cost-limit", {"currency": "XYZ"}, "currency: should be an ISO 4217 currency code"),
    ("stack-budget", {"currency": "usd"}, "currency: should be an ISO 4217 currency code"),
    ("cost-increase", {"currency": "DOLLARS"}, "currency: should be an ISO 4217 currency code"),
])
def test_impossible_values_are_refused(policy, config, says):
    assert any(says in e for e in config_errors(policy, config)), config_errors(policy, config)


def test_valid_config_passes():
    assert config_errors("stack-budget", {"monthlyBudget": 500, "currency": "EUR", "warnAtPercent": 90,
                                          "tagBudgets": {"team=web": 100}}) == []


def test_a_prepared_config_is_told_apart_by_type():
    """run() prepares each distinct config once: `True` after `1` (equal, same hash) is still refused."""
    from pulumicost_policy.pricing.estimate import CostEstimate
    policy = BY_NAME["resource-cost-limit"]
    est = CostEstimate("urn:x", "r", "aws:ec2/instance:Instance", "priced", 10.0, 10.0 / 730, "USD", "specs")
    assert not any("invalid" in f.message for f in policy.run(est, {"maxMonthlyCost": 1}))
    refused = policy.run(est, {"maxMonthlyCost": True})
    assert refused and "invalid resource-cost-limit config" in refused[0].message
