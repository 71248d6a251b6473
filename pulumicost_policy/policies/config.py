"""Building blocks of the policies' config schemas (the public, documented interface).

Each policy module declares its own schema from these; `CostPolicy.errors` validates against it,
so the engine, the pack and the offline gate refuse a bad config the same way.
"""
from __future__ import annotations

# Active ISO 4217 codes (the price book and budgets must agree on one).
ISO_4217 = sorted("""AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ
GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN
PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD
TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL""".split())

MONEY = {"type": "number", "minimum": 0}
MONEY_MAP = {"type": "object", "additionalProperties": MONEY}
PERCENT = {"type": "number", "minimum": 0, "maximum": 1000}
CURRENCY = {"type": "string", "enum": ISO_4217, "default": "USD",
            "description": "ISO 4217 currency of the limits; costs in another currency are a violation, "
                           "never converted or summed silently."}
