"""Policy config schemas (the public interface) and their validation.

The engine validates each policy's config against `{type: object, properties, required}` before
any resource is analyzed; the offline run and the policies themselves validate with the same
schema, so a bad config is refused the same way everywhere.
"""
from __future__ import annotations

import functools
import json

from typing import Any, Mapping

import jsonschema
from pulumi_policy import (EnforcementLevel, Policy, PolicyConfigSchema, ResourceValidationPolicy,
                           StackValidationPolicy)

from ..pricing.finite import non_finite_paths

# Active ISO 4217 codes (the price book and budgets must agree on one).
ISO_4217 = sorted("""AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ
GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN
PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD
TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL""".split())

_MONEY = {"type": "number", "minimum": 0}
_MONEY_MAP = {"type": "object", "additionalProperties": _MONEY}
CURRENCY = {"type": "string", "enum": ISO_4217, "default": "USD",
            "description": "ISO 4217 currency of the budgets; costs in another currency are a violation, "
                           "never converted or summed silently."}

SCHEMAS: dict[str, dict[str, dict[str, Any]]] = {
    "stack-budget": {
        "monthlyBudget": {**_MONEY, "description": "Monthly budget for the whole stack (projected cost)."},
        "currency": CURRENCY,
        "warnAtPercent": {"type": "number", "minimum": 0, "maximum": 1000, "default": 80,
                          "description": "Advisory note in the stack summary when the total passes this "
                                         "percentage of a budget, even if the budget itself is mandatory."},
        "providerBudgets": {**_MONEY_MAP, "description": 'Monthly budget per provider, e.g. {"aws": 500}.'},
        "typeBudgets": {**_MONEY_MAP, "description": 'Monthly budget per type token, e.g. '
                                                     '{"aws:ec2/instance:Instance": 200}.'},
        "tagBudgets": {"type": "object", "propertyNames": {"pattern": "^[^=]+=.*$"},
                       "additionalProperties": _MONEY,
                       "description": 'Monthly budget per tag "key=value", over the resources carrying it, '
                                      'e.g. {"team=web": 100}.'},
    },
    "resource-cost-limit": {
        "maxMonthlyCost": {**_MONEY, "description": "Largest projected monthly cost allowed for any one resource."},
        "limitsByType": {**_MONEY_MAP, "description": "Largest monthly cost per type token (overrides "
                                                      "maxMonthlyCost for that type)."},
        "currency": CURRENCY,
    },
    "unpriced-resources": {
        "ignoreTypes": {"type": "array", "items": {"type": "string"}, "default": [],
                        "description": "Type tokens (globs allowed) that may stay unpriced."},
    },
    "cost-increase": {
        "maxIncrease": {**_MONEY, "description": "Largest allowed rise of the monthly total over the baseline."},
        "maxIncreasePercent": {"type": "number", "minimum": 0, "maximum": 1000,
                               "description": "Largest allowed rise, in percent of the baseline total."},
        "baselineStateFile": {"type": "string", "description": "A `pulumi stack export` file of the current "
                                                               "stack: its costs are the baseline."},
        "currency": CURRENCY,
    },
    "stack-cost-summary": {
        "reportFile": {"type": "string", "description": "Write the JSON cost report here at each AnalyzeStack "
                                                        "(atomic write). Off when unset."},
    },
    "cost-estimate": {},
}


def object_schema(policy: str) -> dict[str, Any]:
    return {"type": "object", "properties": SCHEMAS[policy]}


def config_errors(policy: str, config: Mapping[str, Any]) -> list[str]:
    """Readable schema errors: `monthlyBudget: 'lots' is not of type 'number'`.

    Resource policies see the same config for every resource: the answer is cached by content
    (validation was ~7% of the pack's CPU per Analyze before).
    """
    bad = non_finite_paths(dict(config))
    if bad:  # NaN passes every `minimum`; 10**400 overflows float(): refused before the schema
        return [f"{where}: should be a finite number" for where in bad]
    try:
        key = json.dumps(config, sort_keys=True)
    except (TypeError, ValueError):
        return _errors(policy, config)
    return list(_cached_errors(policy, key))


@functools.lru_cache(maxsize=256)
def _cached_errors(policy: str, config_json: str) -> tuple[str, ...]:
    return tuple(_errors(policy, json.loads(config_json)))


@functools.lru_cache(maxsize=None)
def _validator(policy: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(object_schema(policy))


def _errors(policy: str, config: Mapping[str, Any]) -> list[str]:
    errors = []
    for err in sorted(_validator(policy).iter_errors(dict(config)), key=lambda e: list(e.path)):
        where = ".".join(str(p) for p in err.path) or "config"
        errors.append(f"{where}: {_short(err)}")
    return errors


def _short(err: jsonschema.ValidationError) -> str:
    if err.validator == "enum":
        return "should be an ISO 4217 currency code such as USD or EUR"
    return err.message


def with_defaults(policy: str, config: Mapping[str, Any]) -> dict[str, Any]:
    """Schema defaults under the given config (the engine applies them; unit callers may not)."""
    out = {k: v["default"] for k, v in SCHEMAS[policy].items() if "default" in v}
    out.update(config)
    return out


def policy_schema(policy: str) -> PolicyConfigSchema | None:
    """The SDK schema object for a policy (None when it takes no config)."""
    return PolicyConfigSchema(properties=SCHEMAS[policy]) if SCHEMAS[policy] else None


def declare(kind: str, name: str, description: str, validate) -> Policy:
    """A policy of this pack: advisory by default, with its schema from SCHEMAS.

    `kind` is "resource" or "stack"; levels are set by Configure (policy config / Pulumi Cloud).
    """
    cls = ResourceValidationPolicy if kind == "resource" else StackValidationPolicy
    return cls(name=name, description=description, validate=validate,
               enforcement_level=EnforcementLevel.ADVISORY, config_schema=policy_schema(name))
