"""S3 Standard -> Intelligent-Tiering for a bucket whose usage file gives a large `storage_gb` and
that no lifecycle rule manages (neither its own `lifecycleRules` nor a lifecycle configuration
resource for it in the stack).

The proposal moves the bucket's usage to the Intelligent-Tiering lines the S3 mapper already
prices: the share of the data left unread for 30 days to the infrequent tier, the rest to the
frequent tier, its requests to Intelligent-Tiering requests, and one monitored object per
`object_mb` of data. Whether that is cheaper (the monitoring fee against the infrequent tier's
lower rate) is the book's answer, through the same descriptor and pricer as the bucket.
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping, Optional, Sequence

from ..descriptor.values import is_unknown
from ..inputs.resource import ResourceInput
from ..money import rate_text
from .proposal import Proposal
from .settings import Settings

BUCKETS = ("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2")
LIFECYCLE_CONFIGS = ("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                     "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration")
RULE = "s3-intelligent-tiering"
IT = "intelligent_tiering_"
# The bucket's Standard usage keys and their Intelligent-Tiering counterparts (see descriptor/aws/s3.py).
MOVED = ("monthly_put_requests", "monthly_get_requests", "monthly_select_data_scanned_gb",
         "monthly_select_data_returned_gb")
MONITORING_LABEL = "Intelligent tiering: Monitoring and automation (per object)"
TRANSITION_LABEL = "Intelligent tiering: Lifecycle transition"
LIFECYCLE_RULES = [{"enabled": True, "transitions": [{"days": 0, "storageClass": "INTELLIGENT_TIERING"}]}]


def _names(bucket: ResourceInput) -> set[str]:
    """What a lifecycle configuration's `bucket` may say to mean this bucket: its name or id."""
    return {v for v in (bucket.props.get("bucket"), bucket.props.get("id"), bucket.name)
            if isinstance(v, str) and v and not is_unknown(v)}


def managed(bucket: ResourceInput, stack: Sequence[ResourceInput]) -> bool:
    """A lifecycle rule of its own, or a lifecycle configuration in the stack that is, or may be,
    for it (a configuration whose bucket is unknown until apply could be for any bucket: no advice)."""
    rules = bucket.props.get("lifecycleRules")
    if rules is not None and (is_unknown(rules) or rules):
        return True
    names = _names(bucket)
    for res in stack:
        if res.type in LIFECYCLE_CONFIGS:
            target = res.props.get("bucket")
            if not isinstance(target, str) or is_unknown(target) or target in names:
                return True
    return False


def tiered_usage(usage: Mapping[str, float], settings: Settings) -> Optional[dict[str, float]]:
    """The bucket's usage as Intelligent-Tiering would bill it (None: no Standard storage given)."""
    stored = usage.get("storage_gb")
    if not stored:
        return None
    share = settings.infrequent_share
    out = {"storage_gb": 0.0, f"{IT}frequent_access_storage_gb": stored * (1 - share),
           f"{IT}infrequent_access_storage_gb": stored * share,
           f"{IT}monitored_objects": stored * 1024 / settings.object_mb}
    for key in MOVED:
        if usage.get(key):
            out[key], out[IT + key] = 0.0, usage[key] + usage.get(IT + key, 0.0)
    return out


def s3_intelligent_tiering(bucket: ResourceInput, usage: Mapping[str, float], stack: Sequence[ResourceInput],
                           settings: Settings) -> Iterator[Proposal]:
    if bucket.type not in BUCKETS or managed(bucket, stack):
        return
    moved = tiered_usage(usage, settings)
    if moved is None:
        return
    caveat = (f"assumes {settings.infrequent_share:.0%} of the data goes 30 days unread (s3InfrequentAccessShare) "
              f"and {settings.object_mb:g} MB objects (s3AverageObjectMb)")
    yield Proposal(RULE, "S3 Standard -> Intelligent-Tiering (a lifecycle rule moving objects on day 0)",
                   (("lifecycleRules", LIFECYCLE_RULES),), caveat, usage=tuple(sorted(moved.items())),
                   explain=_fees)


def per_thousand(component: Any) -> float:
    """A component's rate per 1,000 (requests are priced per 1k already, objects one by one)."""
    return component.rate if component.unit.startswith("1k") else component.rate * 1000


def _fees(components: Sequence[Any]) -> str:
    """The book's monitoring and transition fees, as the proposal was priced with them."""
    rates = {c.label: c for c in components}
    parts = []
    if MONITORING_LABEL in rates:
        fee = rates[MONITORING_LABEL]
        parts.append(f"monitoring {rate_text(per_thousand(fee), fee.currency)} {fee.currency} per 1,000 objects over "
                     "128 KB a month (included)")
    if TRANSITION_LABEL in rates:
        fee = rates[TRANSITION_LABEL]
        parts.append(f"moving the existing objects costs {rate_text(per_thousand(fee), fee.currency)} {fee.currency} "
                     "per 1,000 once (not included)")
    return "; ".join(parts)
