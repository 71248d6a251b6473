"""S3 buckets: storage, requests, transitions, retrievals and Select by storage class."""
from __future__ import annotations

from ..model import Mapped, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props

S3_CLASSES = ("standard", "standard-ia", "onezone-ia", "glacier-ir", "glacier")  # the classes the S3 feed prices
_K = 1 / 1000  # requests are priced per 1k
_REQUESTS = (("PUT, COPY, POST, LIST requests", "put", "per_1k_requests", "monthly_put_requests", _K),
             ("GET, SELECT, and all other requests", "get", "per_1k_requests", "monthly_get_requests", _K),
             ("Lifecycle transition", "lifecycle", "per_1k_requests", "monthly_lifecycle_transition_requests", _K))
_SELECT = (("Select data scanned", "select-scanned", "per_gb", "monthly_select_data_scanned_gb", 1.0),
           ("Select data returned", "select-returned", "per_gb", "monthly_select_data_returned_gb", 1.0))


def _class_lines(sku: str, lines) -> tuple:
    return tuple((label, f"{sku}-{suffix}", mode, key, scale) for label, suffix, mode, key, scale in lines)


# The other lines of a bucket, by storage class: (class name, usage key prefix, lines as (label, sku,
# billing mode, usage key after the prefix, usage scale)); every one by usage.
S3_LINES = (
    ("Standard", "", _class_lines("standard", _SELECT)),
    ("Intelligent tiering", "intelligent_tiering_", (
        ("Storage (frequent access)", "intelligent-tiering-frequent-storage", "per_gb_month",
         "frequent_access_storage_gb", 1.0),
        ("Storage (infrequent access)", "intelligent-tiering-infrequent-storage", "per_gb_month",
         "infrequent_access_storage_gb", 1.0),
        ("Storage (archive access)", "intelligent-tiering-archive-storage", "per_gb_month",
         "archive_access_storage_gb", 1.0),
        ("Storage (deep archive access)", "intelligent-tiering-deep-archive-storage", "per_gb_month",
         "deep_archive_access_storage_gb", 1.0),
        ("Monitoring and automation (per object)", "intelligent-tiering-monitoring", "per_month", "monitored_objects",
         1.0),
        *_class_lines("intelligent-tiering", _REQUESTS + _SELECT))),
    *((name, prefix, _class_lines(sku, _REQUESTS + (("Retrievals", "retrieval", "per_gb", "monthly_data_retrieval_gb",
                                                    1.0),) + _SELECT))
      for name, prefix, sku in (("Standard - infrequent access", "standard_ia_", "standard-ia"),
                                ("One zone - infrequent access", "onezone_ia_", "onezone-ia"))),
    ("Glacier flexible retrieval", "glacier_", _class_lines("glacier", _REQUESTS + (
        ("Retrievals (standard)", "retrieval-standard", "per_gb", "monthly_standard_data_retrieval_gb", 1.0),
        ("Retrieval requests (expedited)", "retrieval-requests-expedited", "per_1k_requests",
         "monthly_expedited_data_retrieval_requests", _K),
        ("Retrievals (expedited)", "retrieval-expedited", "per_gb", "monthly_expedited_data_retrieval_gb", 1.0)))),
    ("Glacier deep archive", "deep_archive_", _class_lines("deep-archive", (
        ("Storage", "storage", "per_gb_month", "storage_gb", 1.0), *_REQUESTS,
        ("Retrieval requests (standard)", "retrieval-requests-standard", "per_1k_requests",
         "monthly_standard_data_retrieval_requests", _K),
        ("Retrievals (standard)", "retrieval-standard", "per_gb", "monthly_standard_data_retrieval_gb", 1.0),
        ("Retrieval requests (bulk)", "retrieval-requests-bulk", "per_1k_requests",
         "monthly_bulk_data_retrieval_requests", _K),
        ("Retrievals (bulk)", "retrieval-bulk", "per_gb", "monthly_bulk_data_retrieval_gb", 1.0)))),
)


def s3_bucket(p: Props) -> Mapped:
    comps = [
        usage_based("Standard storage", "s3:Bucket", "standard-storage", "per_gb_month", "storage_gb"),
        usage_based("PUT/COPY/POST/LIST requests", "s3:Bucket", "standard-put", "per_1k_requests",
                    "monthly_put_requests", 1 / 1000),
        usage_based("GET requests", "s3:Bucket", "standard-get", "per_1k_requests",
                    "monthly_get_requests", 1 / 1000),
    ]
    for cls in S3_CLASSES[1:]:  # other classes appear when the usage file gives their storage
        key = cls.replace("-", "_") + "_storage_gb"
        comps.append(usage_based(f"{cls} storage", "s3:Bucket", f"{cls}-storage", "per_gb_month", key))
    comps += [usage_based(f"{name}: {label}", "s3:Bucket", sku, mode, prefix + key, scale)
              for name, prefix, lines in S3_LINES for label, sku, mode, key, scale in lines]
    return Mapped("standard", comps)


TYPES = (
    PricedType(("aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"), "s3:Bucket", s3_bucket,
               keys("s3:Bucket standard-storage", "s3:Bucket standard-put", "s3:Bucket standard-get",
                    *(f"s3:Bucket {c}-storage" for c in S3_CLASSES[1:]),
                    *(f"s3:Bucket {line[1]}" for _, _, lines in S3_LINES for line in lines)),
               (UsageKey("storage_gb", "GB", "Standard storage"),
                UsageKey("monthly_put_requests", "requests", "PUT/COPY/POST/LIST requests per month"),
                UsageKey("monthly_get_requests", "requests", "GET and other requests per month"),
                *(UsageKey(c.replace("-", "_") + "_storage_gb", "GB", f"{c} storage") for c in S3_CLASSES[1:]),
                *(UsageKey(prefix + key, "GB" if key.endswith("_gb") else "requests" if "requests" in key else "objects",
                           f"{name}: {label}") for name, prefix, lines in S3_LINES
                  for label, _, _, key, _ in lines)),
               "storage by class, requests, lifecycle transitions, retrievals and Select by class (by usage)"),
)
