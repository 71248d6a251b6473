"""Kinesis data streams, provisioned (shard-hours) or on-demand (stream-hours), with
retention, fan-out and data by usage.
"""
from __future__ import annotations

from ..model import Mapped, Unpriced, running, usage_based
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

KINESIS_DEFAULT_RETENTION_HRS = 24.0   # included in the shard-hour price
KINESIS_EXTENDED_RETENTION_HRS = 168.0  # up to 7 days: the extended-retention add-on per shard-hour


def kinesis_stream(p: Props) -> Mapped | Unpriced:
    """Provisioned: shard-hours, the extended-retention add-on per shard-hour beyond 24 h, long-term
    storage and its retrieval beyond 7 days, PUT payload units and enhanced fan-out by usage.
    On-demand: stream-hours; data in, out and to fan-out consumers, and retention by GB, by usage."""
    mode = (p.str("streamModeDetails.streamMode", "PROVISIONED") or "PROVISIONED").upper()
    if mode not in ("PROVISIONED", "ON_DEMAND"):
        return Unpriced("streamModeDetails.streamMode should be PROVISIONED or ON_DEMAND")
    retention = p.num("retentionPeriod", KINESIS_DEFAULT_RETENTION_HRS) or KINESIS_DEFAULT_RETENTION_HRS
    extended, long_term = retention > KINESIS_DEFAULT_RETENTION_HRS, retention > KINESIS_EXTENDED_RETENTION_HRS
    if mode == "ON_DEMAND":
        comps = [
            running("Stream hours (on-demand)", "kinesis:Stream", "on-demand-stream"),
            usage_based("Data ingested", "kinesis:Stream", "on-demand-ingested", "per_gb", "monthly_data_ingested_gb"),
            usage_based("Data retrieved", "kinesis:Stream", "on-demand-retrieved", "per_gb",
                        "monthly_data_retrieved_gb"),
            usage_based("Enhanced fan-out data retrieved", "kinesis:Stream", "on-demand-efo-data", "per_gb",
                        "monthly_efo_data_gb"),
        ]
        if extended:
            comps.append(usage_based("Extended retention (24 h to 7 days)", "kinesis:Stream", "on-demand-extended",
                                     "per_gb_month", "extended_retention_gb"))
        if long_term:
            comps.append(usage_based("Long-term retention (beyond 7 days)", "kinesis:Stream", "on-demand-long-term",
                                     "per_gb_month", "long_term_storage_gb"))
        return Mapped("on-demand", comps)
    shards = p.num("shardCount")
    if shards is None:
        return Unpriced("shardCount not set (a provisioned stream needs it)")
    comps = [running("Shard hours", "kinesis:Stream", "shard", shards)]
    if extended:
        comps.append(running("Extended retention (up to 7 days)", "kinesis:Stream", "extended-retention", shards))
    if long_term:
        comps += [usage_based("Long-term retention storage (beyond 7 days)", "kinesis:Stream", "long-term-storage",
                              "per_gb_month", "long_term_storage_gb"),
                  usage_based("Long-term retention retrieval", "kinesis:Stream", "long-term-retrieval", "per_gb",
                              "monthly_long_term_retrieval_gb")]
    comps += [usage_based("PUT payload units (25 KB each)", "kinesis:Stream", "put-payload", "per_1m_requests",
                          "monthly_put_payload_units", 1e-6),
              usage_based("Enhanced fan-out (consumer-shard hours)", "kinesis:Stream", "efo", "per_hour",
                          "monthly_efo_consumer_shard_hrs", 1 / 730.0),
              usage_based("Enhanced fan-out data retrieved", "kinesis:Stream", "efo-data", "per_gb",
                          "monthly_efo_data_gb")]
    return Mapped("provisioned", comps)


TYPES = (
    PricedType(("aws:kinesis/stream:Stream",), "kinesis:Stream", kinesis_stream,
               keys("kinesis:Stream shard", "kinesis:Stream extended-retention", "kinesis:Stream long-term-storage",
                    "kinesis:Stream long-term-retrieval", "kinesis:Stream put-payload", "kinesis:Stream efo",
                    "kinesis:Stream efo-data", "kinesis:Stream on-demand-stream", "kinesis:Stream on-demand-ingested",
                    "kinesis:Stream on-demand-retrieved", "kinesis:Stream on-demand-efo-data",
                    "kinesis:Stream on-demand-extended", "kinesis:Stream on-demand-long-term",
                    example=("kinesis:Stream shard",)),
               (MONTHLY_HRS, UsageKey("monthly_put_payload_units", "units", "PUT payload units (25 KB) per month"),
                UsageKey("long_term_storage_gb", "GB", "data kept beyond 7 days"),
                UsageKey("monthly_long_term_retrieval_gb", "GB", "data read back from beyond 7 days (provisioned)"),
                UsageKey("extended_retention_gb", "GB", "data kept 24 h to 7 days (on-demand)"),
                UsageKey("monthly_efo_consumer_shard_hrs", "hours", "enhanced fan-out consumer-shard hours"),
                UsageKey("monthly_efo_data_gb", "GB", "data read by enhanced fan-out consumers per month"),
                UsageKey("monthly_data_ingested_gb", "GB", "data written per month (on-demand)"),
                UsageKey("monthly_data_retrieved_gb", "GB", "data read per month (on-demand)")),
               "provisioned: shard hours, extended retention, long-term storage and retrieval, PUT payload units and "
               "enhanced fan-out (by usage); on-demand: stream hours, data in, out and to fan-out consumers, "
               "retention (by usage)"),
)
