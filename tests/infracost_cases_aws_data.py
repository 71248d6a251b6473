"""Infracost goldens for more of the priced types (issue #24): AWS data and operations: Kinesis streams,
MSK clusters, Glue jobs and crawlers, Backup vaults, CloudTrail, CloudWatch dashboards, EBS snapshots and
copies, MemoryDB clusters.

Each module of this kind gives CASES (translated golden resources, every line of each) and
DIFFERENCES (the lines we do not match, each with its reason); tests/infracost_cases.py gathers them."""
from __future__ import annotations

from infracost_case import Case, L

CASES: tuple[Case, ...] = ()
DIFFERENCES: dict[tuple[str, str], str] = {}

# kinesis_stream_test (all; us-east-1 and, for the use2_ ones, us-east-2). Their usage keys as ours.
STREAM = "aws:kinesis/stream:Stream"
ON_DEMAND, PROVISIONED = {"streamModeDetails": {"streamMode": "ON_DEMAND"}}, \
    {"streamModeDetails": {"streamMode": "PROVISIONED"}}
OD_USAGE = {"monthly_data_ingested_gb": 0.2, "monthly_data_retrieved_gb": 0.2, "monthly_efo_data_gb": 2.0,
            "extended_retention_gb": 1.0, "long_term_storage_gb": 1.0}
# monthly_provisioned_extended_retention_gb has no key of ours: the provisioned add-on is per shard-hour.
PR_USAGE = {"monthly_put_payload_units": 6.5e6, "long_term_storage_gb": 100, "monthly_long_term_retrieval_gb": 100,
            "monthly_efo_data_gb": 100, "monthly_efo_consumer_shard_hrs": 100}


def _od_lines(ingested, retrieved, efo, extended, long_term) -> tuple:
    return (L("ON_DEMAND", 29.20, "Stream hours"), L("Data ingested", ingested),
            L("Data retrieval", retrieved, "Data retrieved"),
            L("Enhanced Fan Out (EFO) Data retrieval", efo, "Enhanced fan-out data retrieved"),
            L("Extended retention (24H to 7D)", extended, "Extended retention"),
            L("Long term retention (7D+)", long_term, "Long-term retention"))


def _pr_lines(hours, put, extended, long_term, retrieval, efo_data, efo) -> tuple:
    return (L("PROVISIONED", hours, "Shard hours"), L("Put request unit", put, "PUT payload units", 1e-6),
            L("Extended retention (24H to 7D)", extended, "Extended retention"),
            L("Long term retention (7D+)", long_term, "Long-term retention storage"),
            L("Extended retention retrieval (7D+)", retrieval, "Long-term retention retrieval"),
            L("Enhanced Fan Out (EFO) Data retrieval", efo_data, "Enhanced fan-out data retrieved"),
            L("Enhanced Fan Out (EFO)", efo, "Enhanced fan-out (consumer-shard hours)"))


CASES += tuple(
    Case(f"aws_kinesis_stream.{prefix}{name}", STREAM, props, lines, usage, region=region)
    for prefix, region in (("", "us-east-1"), ("use2_", "us-east-2"))
    for name, props, lines, usage in (
        ("test_stream_provisioned_with_usage", {**PROVISIONED, "shardCount": 4},
         _pr_lines(43.80, 0.09, 2.00, 2.30, 2.10, 1.30, 1.50), PR_USAGE),
        ("test_stream_on_demand_with_usage", ON_DEMAND, _od_lines(0.02, 0.01, 0.10, 0.10, 0.02), OD_USAGE),
        ("test_stream_on_demand", ON_DEMAND, _od_lines("0.08", "0.04", "0.05", "0.10", "0.023"), {}),
        ("test_stream_provisioned", {**PROVISIONED, "shardCount": 1},
         _pr_lines(10.95, "0.000000014", "0.02", "0.023", "0.021", "0.013", "0.015"), {})))

# msk_cluster_test (all). Two clusters have a broker-storage auto-scaling target (in the stack, as in their .tf).
MSK, TARGET = "aws:msk/cluster:Cluster", "aws:appautoscaling/target:Target"


def _msk(nodes: int, itype: str, size: int) -> dict:
    return {"clusterName": "c", "kafkaVersion": "2.4.1", "numberOfBrokerNodes": nodes,
            "brokerNodeGroupInfo": {"clientSubnets": [], "instanceType": itype, "securityGroups": [],
                                    "storageInfo": {"ebsStorageInfo": {"volumeSize": size}}}}


def _msk_target(low: int, high: int) -> tuple:
    return ((TARGET, {"maxCapacity": high, "minCapacity": low, "resourceId": "arn:aws:kafka:us-east-1:1:cluster/c",
                      "scalableDimension": "kafka:broker-storage:VolumeSize", "serviceNamespace": "kafka"}),)


CASES += (
    Case("aws_msk_cluster.cluster-4-nodes", MSK, _msk(4, "kafka.m5.24xlarge", 1000),
         (L("Instance (kafka.m5.24xlarge)", 29433.60, "Broker instances"), L("Storage", 400.00, "Broker storage"))),
    Case("aws_msk_cluster.cluster-autoscaling-usage", MSK, _msk(2, "kafka.t3.small", 1000),
         (L("Instance (kafka.t3.small)", 66.58, "Broker instances"),
          L("Storage (autoscaling)", 246.80, "Broker storage")), stack=_msk_target(1000, 2222)),
    Case("aws_msk_cluster.cluster-2-nodes", MSK, _msk(2, "kafka.t3.small", 500),
         (L("Instance (kafka.t3.small)", 66.58, "Broker instances"), L("Storage", 100.00, "Broker storage"))),
    Case("aws_msk_cluster.cluster-autoscaling", MSK, _msk(2, "kafka.t3.small", 1000),
         (L("Instance (kafka.t3.small)", 66.58, "Broker instances"),
          L("Storage (autoscaling)", 24.60, "Broker storage")), stack=_msk_target(123, 2000)),
)

# glue_job_test and glue_crawler_test (all). Their monthly_hours is our monthly_job_hrs; a crawler's hours
# are DPU-hours at their price (60 hours, $26.40 at $0.44). A job's unit price is theirs per job-hour of its
# DPUs ("hours (0.0625 DPUs)"): our DPU-hour rate times the DPUs we give the job.
JOB, SCRIPT = "aws:glue/job:Job", {"scriptLocation": "s3://bucket.test/example.script"}
ROLE = "arn:aws:glue:us-east-1:123456789012:resource-id"
CASES += tuple(
    Case(f"aws_glue_job.{name}", JOB, {"roleArn": ROLE, "command": SCRIPT, **props},
         (L("Duration", figure, "Job runs", dpus),), usage)
    for name, props, figure, dpus, usage in (
        ("cap_10", {"maxCapacity": 10}, 264.00, 1, {"monthly_job_hrs": 60}),
        ("job_no_usage", {}, "0.44", 10, {}),  # ours: 10 DPUs, the AWS default for a Spark job
        ("python_shell", {"maxCapacity": 0.0625, "command": {**SCRIPT, "name": "pythonshell"}}, "0.0275", 0.0625, {}),
        ("workers_default", {"numberOfWorkers": 10}, 264.00, 1, {"monthly_job_hrs": 60}),
        ("workers_g1x", {"numberOfWorkers": 10, "workerType": "G.1X"}, 264.00, 1, {"monthly_job_hrs": 60}),
        ("workers_g2x", {"numberOfWorkers": 10, "workerType": "G.2X"}, 528.00, 1, {"monthly_job_hrs": 60})))
CASES += tuple(
    Case(f"aws_glue_crawler.{name}", "aws:glue/crawler:Crawler",
         {"databaseName": "test", "role": ROLE, "dynamodbTargets": [{"path": "table-name"}]},
         (L("Duration", figure, "Crawler runs"),), usage)
    for name, figure, usage in (("with_usage", 26.40, {"monthly_crawler_dpu_hrs": 60}), ("no_usage", "0.44", {})))

# backup_vault_test (all, us-west-1): a vault's lines are all by usage, 10,000 of each in their usage file.
BACKUP_LINES = (("EFS backup (warm)", 600.00, "0.06"), ("EFS backup (cold)", 120.00, "0.012"),
                ("EFS restore (warm)", 240.00, "0.024"), ("EFS restore (cold)", 360.00, "0.036"),
                ("EFS restore (item-level)", 6000.00, "0.60"), ("EBS snapshot", 550.00, "0.055"),
                ("RDS snapshot", 950.00, "0.095"), ("DynamoDB backup", 1120.00, "0.11"),
                ("DynamoDB restore", 1680.00, "0.17"), ("Aurora snapshot", 240.00, "0.024"),
                ("FSx for Windows backup", 550.00, "0.055"), ("FSx for Lustre backup", 550.00, "0.055"))
CASES += tuple(
    Case(f"aws_backup_vault.{name}", "aws:backup/vault:Vault", {"name": "aws_backup_vault"},
         tuple(L(label, used if name == "usage" else unit, None) for label, used, unit in BACKUP_LINES),
         region="us-west-1")
    for name in ("usage", "non_usage"))

# cloudtrail_test (all). Their per-100k-events prices against our per-1M rate (factor 0.1).
TRAIL, BUCKET = "aws:cloudtrail/trail:Trail", {"s3BucketName": "bucket-1234"}
INSIGHTS = {**BUCKET, "insightSelectors": [{"insightType": "ApiCallRateInsight"}]}
MGMT, DATA, INSIGHT = ("Management events (additional copies)", "Management events"), ("Data events", "Data events"), \
    ("Insight events", "Insights events")
CASES += (
    Case("aws_cloudtrail.cloudtrail_with_usage", TRAIL, INSIGHTS,
         (L(MGMT[0], 2.00, MGMT[1]), L(DATA[0], 0.20, DATA[1]), L(INSIGHT[0], 1.05, INSIGHT[1])),
         {"monthly_paid_management_events": 1e5, "monthly_data_events": 2e5, "monthly_insight_events": 3e5}),
    Case("aws_cloudtrail.cloudtrail_with_defaults", TRAIL, BUCKET,
         (L(MGMT[0], "2.00", MGMT[1], 0.1), L(DATA[0], "0.10", DATA[1], 0.1))),
    Case("aws_cloudtrail.cloudtrail_with_insight_selector", TRAIL, INSIGHTS,
         (L(MGMT[0], "2.00", MGMT[1], 0.1), L(DATA[0], "0.10", DATA[1], 0.1),
          L(INSIGHT[0], "0.35", INSIGHT[1], 0.1))),
    Case("aws_cloudtrail.cloudtrail_without_management_events", TRAIL,
         {**BUCKET, "includeGlobalServiceEvents": False}, (L(DATA[0], "0.10", DATA[1], 0.1),)),
)

# cloudwatch_dashboard_test (all).
CASES += (Case("aws_cloudwatch_dashboard.dashboard", "aws:cloudwatch/dashboard:Dashboard",
               {"dashboardName": "my-testing-dashboard", "dashboardBody": "{\"widgets\": []}"},
               (L("Dashboard", 3.00, None),)),)

# ebs_snapshot_test and ebs_snapshot_copy_test (all; each has the 10 GB gp2 volume the snapshot is of, whose size
# the snapshot and the copy take from the stack: a new snapshot's volumeSize is unknown until it exists).
VOLUME, SNAPSHOT = "aws:ebs/volume:Volume", "aws:ebs/snapshot:Snapshot"
GP2 = {"availabilityZone": "us-east-1a", "size": 10}
VOLUME_ID = "vol-0123456789abcdef0"
SNAP_UNIT_LINES = (L("Fast snapshot restore", "0.75", None),
                   L("ListChangedBlocks & ListSnapshotBlocks API requests", "0.0006", None),
                   L("GetSnapshotBlock API requests", "0.003", None), L("PutSnapshotBlock API requests", "0.006", None))
CASES += (
    Case("aws_ebs_snapshot.gp2_usage", SNAPSHOT, {"volumeId": "fake"},
         (L("EBS snapshot storage", 0.40, "Snapshot storage"), L("Fast snapshot restore", 75.00, None),
          L("ListChangedBlocks & ListSnapshotBlocks API requests", 0.60, None),
          L("GetSnapshotBlock API requests", 0.30, None), L("PutSnapshotBlock API requests", 0.60, None))),
    Case("aws_ebs_volume.gp2", VOLUME, GP2, (L("Storage (general purpose SSD, gp2)", 1.00, "volume storage"),)),
    Case("aws_ebs_snapshot.gp2", SNAPSHOT, {"volumeId": VOLUME_ID},
         (L("EBS snapshot storage", 0.50, "Snapshot storage"), *SNAP_UNIT_LINES),
         stack=((VOLUME, {**GP2, "id": VOLUME_ID}),)),
    # ebs_snapshot_copy_test: the same volume and snapshot, and a copy of the snapshot.
    Case("aws_ebs_volume.gp2", VOLUME, GP2, (L("Storage (general purpose SSD, gp2)", 1.00, "volume storage"),)),
    Case("aws_ebs_snapshot.gp2", SNAPSHOT, {"volumeId": VOLUME_ID},
         (L("EBS snapshot storage", 0.50, "Snapshot storage"), *SNAP_UNIT_LINES),
         stack=((VOLUME, {**GP2, "id": VOLUME_ID}),)),
    Case("aws_ebs_snapshot_copy.gp2", "aws:ebs/snapshotCopy:SnapshotCopy",
         {"sourceSnapshotId": "snap-0123456789abcdef0", "sourceRegion": "us-east-1"},
         (L("EBS snapshot storage", 0.50, "Snapshot storage"),),
         stack=((SNAPSHOT, {"volumeId": VOLUME_ID, "id": "snap-0123456789abcdef0"}),
                (VOLUME, {**GP2, "id": VOLUME_ID}))),
)

# memorydb_cluster_test (its golden is JSON: every line has a monthly cost, $0 where no usage is given; the
# reserved cluster's instance line is left out, as the issue says). Their usage keys have no key of ours.
MEMORYDB = "aws:memorydb/cluster:Cluster"


def _mdb(name: str, engine: str) -> dict:
    return {"name": name, "nodeType": "db.r6g.large", "numShards": 2, "numReplicasPerShard": 1, "engine": engine,
            "snapshotRetentionLimit": 2}


def _mdb_target(dimension: str, low: int, high: int) -> tuple[str, dict]:
    return ("aws:appautoscaling/target:Target", {
        "maxCapacity": high, "minCapacity": low, "resourceId": "memorydb:my-autoscaling-cluster",
        "scalableDimension": f"memorydb:cluster:{dimension}", "serviceNamespace": "memorydb"})


MDB_NODES = "Nodes"
CASES += (
    Case("aws_memorydb_cluster.autoscaling", MEMORYDB, _mdb("my-autoscaling-cluster", "redis"),
         (L("MemoryDB instance (redis, on-demand, db.r6g.large, autoscaling)", 1752.00, MDB_NODES),
          L("Data written", 0.00, None), L("Backup storage", 0.00, None)),
         stack=(_mdb_target("Shards", 2, 4), _mdb_target("ReplicasPerShard", 1, 2))),
    Case("aws_memorydb_cluster.redis", MEMORYDB, _mdb("my-cluster", "redis"),
         (L("MemoryDB instance (redis, on-demand, db.r6g.large)", 1752.00, MDB_NODES),
          L("Data written", 0.00, None), L("Backup storage", 0.00, None))),
    Case("aws_memorydb_cluster.redis_reserved", MEMORYDB, _mdb("my-reserved-cluster", "redis"),
         (L("Data written", 0.00, None), L("Backup storage", 0.00, None))),
    Case("aws_memorydb_cluster.redis_with_usage", MEMORYDB, _mdb("my-cluster-with-usage", "redis"),
         (L("MemoryDB instance (redis, on-demand, db.r6g.large)", 1752.00, MDB_NODES),
          L("Data written", 200.00, None), L("Backup storage", 2.10, None))),
    Case("aws_memorydb_cluster.valkey", MEMORYDB, _mdb("my-valkey-cluster", "valkey"),
         (L("MemoryDB instance (valkey, on-demand, db.r6g.large)", 1226.40, MDB_NODES),
          L("Data written (free up to 10TB)", 0.00, None), L("Backup storage", 0.00, None))),
    Case("aws_memorydb_cluster.valkey_with_usage", MEMORYDB, _mdb("my-valkey-cluster-with-usage", "valkey"),
         (L("MemoryDB instance (valkey, on-demand, db.r6g.large)", 1226.40, MDB_NODES),
          L("Data written (over 10TB)", 190.40, None), L("Backup storage", 4.20, None))),
)

RETENTION = ("retentionPeriod unset: the stream keeps data 24 hours (the AWS default), so nothing is billed for "
             "extended (24 h-7 days) or long-term (beyond 7 days) retention and we show no such line; ours has them "
             "once retentionPeriod exceeds 24 or 168 hours. Infracost lists them whatever the retention")
PROVISIONED_EXTENDED = ("retentionPeriod unset (24 hours): no extended retention. AWS bills a provisioned stream's "
                        "extended retention per shard-hour ($0.02), which is our line once retentionPeriod > 24; "
                        "Infracost prices that rate per GB of monthly_provisioned_extended_retention_gb")
MSK_AUTOSCALING = ("ours is each broker's provisioned 1,000 GB (2 x 1,000 GB at $0.10). Storage auto scaling only "
                   "grows an MSK volume, never below what is provisioned; Infracost prices the auto-scaling "
                   "target's capacity instead (its minCapacity, or the usage file's capacity) per broker")
BACKUP = ("unpriced: our data has no AWS Backup prices (no backup:Vault type in specs/pricebook.sqlite); "
          "aws:backup/vault:Vault is registered as a type we do not price")
SNAPSHOT_API = ("no such line: our EBS snapshot data (ebs:Snapshot in specs/pricebook.sqlite) has only the standard "
                "storage price, not fast snapshot restore or the EBS direct API requests")
MDB_NODES_WHY = ("Infracost's MemoryDB prices are typed in its source ($0.40/h for db.r6g.large, 30% off for "
                 "Valkey) and its golden counts 6 node-hours an hour; ours is 2 shards x (1 primary + 1 replica) = 4 "
                 "nodes at the AWS MemoryDB feed's $0.309/h (Valkey $0.2163/h)")
MDB_DATA = ("no such line: the MemoryDB feed our data comes from has no readable data-written or snapshot-storage "
            "price (Infracost's are typed in its source); memorydb:Node has node hours only")
DIFFERENCES.update({
    **{(f"aws_kinesis_stream.{prefix}{name}", label): why
       for prefix in ("", "use2_")
       for name, labels in (
           ("test_stream_provisioned_with_usage", ("Long term retention (7D+)", "Extended retention retrieval (7D+)")),
           ("test_stream_provisioned", ("Long term retention (7D+)", "Extended retention retrieval (7D+)")),
           ("test_stream_on_demand_with_usage", ("Extended retention (24H to 7D)", "Long term retention (7D+)")),
           ("test_stream_on_demand", ("Extended retention (24H to 7D)", "Long term retention (7D+)")))
       for label, why in ((label, RETENTION) for label in labels)},
    **{(f"aws_kinesis_stream.{prefix}{name}", "Extended retention (24H to 7D)"): PROVISIONED_EXTENDED
       for prefix in ("", "use2_") for name in ("test_stream_provisioned_with_usage", "test_stream_provisioned")},
    **{(f"aws_msk_cluster.{name}", "Storage (autoscaling)"): MSK_AUTOSCALING
       for name in ("cluster-autoscaling", "cluster-autoscaling-usage")},
    ("aws_glue_job.job_no_usage", "Duration"):
        "ours is 10 DPUs ($4.40 per job-hour): AWS allocates 10 DPUs to a Spark (glueetl) job given neither "
        "maxCapacity nor workers (the Glue API's documented default); Infracost assumes 1 DPU",
    **{(f"aws_backup_vault.{name}", label): BACKUP for name in ("usage", "non_usage") for label, _, _ in BACKUP_LINES},
    ("aws_cloudwatch_dashboard.dashboard", "Dashboard"):
        "unpriced: our data has no CloudWatch dashboard price (no cloudwatch:Dashboard type in "
        "specs/pricebook.sqlite); aws:cloudwatch/dashboard:Dashboard is registered as a type we do not price",
    ("aws_ebs_snapshot.gp2_usage", "EBS snapshot storage"):
        "ours is by usage (storage_gb) at the same $0.05 per GB-month: the snapshot's volume is not in the plan "
        "(volume_id \"fake\"); Infracost assumes 8 GB",
    **{(name, line[0]): SNAPSHOT_API for name in ("aws_ebs_snapshot.gp2", "aws_ebs_snapshot.gp2_usage")
       for line in SNAP_UNIT_LINES},
    **{(f"aws_memorydb_cluster.{name}", f"MemoryDB instance ({engine}on-demand, db.r6g.large{extra})"): MDB_NODES_WHY
       for name, engine, extra in (("autoscaling", "redis, ", ", autoscaling"), ("redis", "redis, ", ""),
                                   ("redis_with_usage", "redis, ", ""), ("valkey", "valkey, ", ""),
                                   ("valkey_with_usage", "valkey, ", ""))},
    **{(f"aws_memorydb_cluster.{name}", label): MDB_DATA for name, label in (
        *((n, "Data written") for n in ("autoscaling", "redis", "redis_reserved", "redis_with_usage")),
        ("valkey", "Data written (free up to 10TB)"), ("valkey_with_usage", "Data written (over 10TB)"),
        *((n, "Backup storage") for n in ("autoscaling", "redis", "redis_reserved", "redis_with_usage", "valkey",
                                          "valkey_with_usage")))},
})
