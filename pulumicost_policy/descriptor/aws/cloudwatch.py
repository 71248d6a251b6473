"""CloudWatch log groups, metric and composite alarms, dashboards."""
from __future__ import annotations

from ..model import Mapped, monthly, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props
from .common import no_data_type


def log_group(p: Props) -> Mapped:
    return Mapped("standard", [
        usage_based("Data ingested", "cloudwatch:Logs", "ingested", "per_gb", "monthly_data_ingested_gb"),
        usage_based("Archival Storage", "cloudwatch:Logs", "storage", "per_gb_month", "storage_gb"),
        usage_based("Insights queries data scanned", "cloudwatch:Logs", "insights-scanned", "per_gb",
                    "monthly_data_scanned_gb"),
    ])


def composite_alarm(p: Props) -> Mapped:
    return Mapped("composite", [monthly("Composite alarm", "cloudwatch:Alarm", "composite", "per_month", 1.0)])


def metric_alarm(p: Props) -> Mapped:
    queries = p.count("metricQueries")
    metrics = float(sum(1 for i in range(queries) if p.has(f"metricQueries[{i}].metric")) or 1)
    anomaly = any("ANOMALY_DETECTION_BAND" in (p.str(f"metricQueries[{i}].expression", "") or "")
                  for i in range(queries))
    high_res = (p.num("period", 60.0) or 60.0) < 60 or any(
        (p.num(f"metricQueries[{i}].metric.period", 60.0) or 60.0) < 60 for i in range(queries))
    resolution = "high" if high_res else "standard"
    if anomaly:
        return Mapped(resolution, [monthly("Anomaly detection alarm (3 metrics)", "cloudwatch:Alarm",
                                           resolution, "per_month", 3 * metrics)])
    return Mapped(resolution, [monthly(f"{resolution.capitalize()} resolution alarm", "cloudwatch:Alarm",
                                       resolution, "per_month", metrics)])


TYPES = (
    PricedType(("aws:cloudwatch/logGroup:LogGroup",), "cloudwatch:LogGroup", log_group,
               keys("cloudwatch:Logs ingested", "cloudwatch:Logs storage", "cloudwatch:Logs insights-scanned"),
               (UsageKey("monthly_data_ingested_gb", "GB", "log data ingested per month"),
                UsageKey("storage_gb", "GB", "archived log data"),
                UsageKey("monthly_data_scanned_gb", "GB", "data scanned by Logs Insights queries per month")),
               "ingestion, storage, Insights queries (by usage)"),
    PricedType(("aws:cloudwatch/metricAlarm:MetricAlarm",), "cloudwatch:MetricAlarm", metric_alarm,
               keys("cloudwatch:Alarm standard", "cloudwatch:Alarm high"), (),
               "alarm metrics (standard/high resolution, anomaly detection)"),
    PricedType(("aws:cloudwatch/compositeAlarm:CompositeAlarm",), "cloudwatch:CompositeAlarm", composite_alarm,
               keys("cloudwatch:Alarm composite"), (), "alarm-month"),
    no_data_type("aws:cloudwatch/dashboard:Dashboard", "cloudwatch:Dashboard", "CloudWatch dashboard"),
)
