"""AWS managed services -> cost components, with the cost lines Infracost shows for each type.

Types whose prices are not in our data (no public feed for them in the price book's sources) are
registered too, so they are known billable types (never free), and come out unpriced with that
reason.
"""
from __future__ import annotations

from .model import CostComponent, Free, Mapped, Unpriced, monthly, running, usage_based
from .resolve import RESOLVED_TASK
from .registry import MONTHLY_HRS, PricedType, UsageKey, keys, no_data
from .values import Props

INF = float("inf")
AURORA_ENGINES = ("aurora", "aurora-mysql", "aurora-postgresql")
GLUE_DEFAULT_DPUS = 10.0  # what AWS allocates to a Spark job given neither maxCapacity nor workers


def rds_cluster(p: Props) -> Mapped | Unpriced:
    engine = (p.str("engine", "aurora") or "aurora").lower()
    if engine not in AURORA_ENGINES:
        return Unpriced("Multi-AZ DB clusters (non-Aurora engines) are not in the price book")
    return Unpriced("Aurora prices are not in the price book (the RDS feed covers MySQL, PostgreSQL and MariaDB "
                    "instances only)")


def elasticache_nodes(p: Props, node_type: str | None, nodes: float, engine: str) -> Mapped | Unpriced:
    if not node_type:
        return Unpriced("nodeType not set")
    if engine not in ("redis", "memcached", "valkey"):
        return Unpriced("engine should be redis, memcached or valkey")
    sku = f"{node_type}:{engine}"
    comps: list[CostComponent] = [running(f"ElastiCache ({engine}, on-demand, {node_type})", "elasticache:Node",
                                          sku, nodes, "instances")]
    # Backup storage for Redis snapshots is billed per GB-month; the ElastiCache feed has no price for it.
    return Mapped(node_type, comps)


def elasticache_cluster(p: Props) -> Mapped | Unpriced:
    engine = (p.str("engine", "redis") or "redis").lower()
    if p.has("replicationGroupId") and not p.has("nodeType"):
        return Free("a member of a replication group, which carries the cost")
    return elasticache_nodes(p, p.str("nodeType"), p.num("numCacheNodes", 1.0) or 1.0, engine)


def elasticache_replication_group(p: Props) -> Mapped | Unpriced:
    engine = (p.str("engine", "redis") or "redis").lower()
    groups = p.num("numNodeGroups")
    if groups:
        nodes = groups * ((p.num("replicasPerNodeGroup", 0.0) or 0.0) + 1)
    else:
        nodes = p.num("numCacheClusters") or float(p.count("preferredCacheClusterAzs")) or 1.0
    return elasticache_nodes(p, p.str("nodeType"), nodes, engine)


def log_group(p: Props) -> Mapped:
    return Mapped("standard", [
        usage_based("Data ingested", "cloudwatch:Logs", "ingested", "per_gb", "monthly_data_ingested_gb"),
        usage_based("Archival Storage", "cloudwatch:Logs", "storage", "per_gb_month", "storage_gb"),
        usage_based("Insights queries data scanned", "cloudwatch:Logs", "insights-scanned", "per_gb",
                    "monthly_data_scanned_gb"),
    ])


def composite_alarm(p: Props) -> Mapped:
    return Mapped("composite", [monthly("Composite alarm", "cloudwatch:Alarm", "composite", "per_month", 1.0)])


def codepipeline(p: Props) -> Mapped | Unpriced:
    """V1 pipelines pay per active pipeline-month; V2 per action-execution minute (by usage)."""
    kind = (p.str("pipelineType", "V1") or "V1").upper()
    if kind == "V1":
        return Mapped("v1", [monthly("Active pipeline (V1)", "codepipeline:Pipeline", "v1", "per_month", 1.0)])
    if kind == "V2":
        return Mapped("v2", [usage_based("Action execution minutes (V2)", "codepipeline:Pipeline", "v2-minutes",
                                         "per_minute", "monthly_action_minutes")])
    return Unpriced("pipelineType should be V1 or V2")


# DPUs per worker of each Glue worker type (Standard and G.1X: 1 DPU).
GLUE_WORKER_DPUS = {"standard": 1.0, "g.025x": 0.25, "g.1x": 1.0, "g.2x": 2.0, "g.4x": 4.0, "g.8x": 8.0,
                    "z.2x": 2.0}


def glue_job(p: Props) -> Mapped | Unpriced:
    """DPU-hours at the standard or Flex rate: the job's DPUs from the plan, its hours by usage."""
    workers = p.num("numberOfWorkers")
    if workers is not None:
        per_worker = GLUE_WORKER_DPUS.get((p.str("workerType", "Standard") or "Standard").lower())
        if per_worker is None:
            return Unpriced(f"workerType is not one of {', '.join(sorted(GLUE_WORKER_DPUS))}")
        dpus = workers * per_worker
    else:
        dpus = p.num("maxCapacity", GLUE_DEFAULT_DPUS) or GLUE_DEFAULT_DPUS
    flex = (p.str("executionClass", "STANDARD") or "STANDARD").upper() == "FLEX"
    sku = "etl-flex" if flex else "etl"
    return Mapped(sku, [usage_based(f"Job runs ({dpus:g} DPUs{', Flex' if flex else ''})", "glue:Job", sku, "per_hour",
                                    "monthly_job_hrs", dpus / 730.0)])


def glue_crawler(p: Props) -> Mapped:
    return Mapped("crawler", [usage_based("Crawler runs (DPU-hours)", "glue:Crawler", "crawler", "per_hour",
                                          "monthly_crawler_dpu_hrs", 1 / 730.0)])


def cloudtrail(p: Props) -> Mapped:
    """The first copy of management events is free; extra copies, data events and Insights by usage."""
    return Mapped("trail", [
        usage_based("Management events (paid copies)", "cloudtrail:Trail", "management-paid", "per_1m_requests",
                    "monthly_paid_management_events", 1e-6),
        usage_based("Data events", "cloudtrail:Trail", "data-events", "per_1m_requests", "monthly_data_events", 1e-6),
        usage_based("Insights events", "cloudtrail:Trail", "insights", "per_1m_requests", "monthly_insight_events",
                    1e-6),
    ])


def cloudhsm(p: Props) -> Mapped:
    return Mapped("hsm", [running("HSM hours", "cloudhsm:Hsm", "hsm")])


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


def kms_key(p: Props) -> Mapped:
    spec = (p.str("customerMasterKeySpec") or p.str("keySpec") or "SYMMETRIC_DEFAULT").upper()
    comps = [monthly("Customer master key", "kms:Key", "key", "per_month", 1)]
    requests = "monthly_requests"
    if spec == "SYMMETRIC_DEFAULT":
        comps += [
            usage_based("Requests", "kms:Key", "requests", "per_1m_requests", requests, 1e-6),
            usage_based("ECC GenerateDataKeyPair requests", "kms:Key", "requests-gdkp-ecc", "per_1m_requests",
                        "monthly_ecc_gdkp_requests", 1e-6),
            usage_based("RSA GenerateDataKeyPair requests", "kms:Key", "requests-gdkp-rsa", "per_1m_requests",
                        "monthly_rsa_gdkp_requests", 1e-6),
        ]
    elif spec == "RSA_2048":
        comps.append(usage_based("Requests (RSA 2048)", "kms:Key", "requests-rsa2048", "per_1m_requests",
                                 requests, 1e-6))
    else:
        comps.append(usage_based("Requests (asymmetric)", "kms:Key", "requests-asymmetric", "per_1m_requests",
                                 requests, 1e-6))
    return Mapped(spec.lower(), comps)


def route53_record(p: Props) -> Mapped | Free | Unpriced:
    if p.has("aliases[0]"):
        return Free("alias records to AWS resources answer queries at no charge")
    if p.has("latencyRoutingPolicies[0]") or p.has("geolocationRoutingPolicies[0]") or \
            p.has("geoproximityRoutingPolicy"):
        return Unpriced("latency and geo DNS query prices are not in the price book (standard queries are)")
    key = "monthly_standard_queries"
    return Mapped("standard", [
        usage_based("Standard queries (first 1B)", "route53:Queries", "standard", "per_1m_requests", key, 1e-6,
                    (0.0, 1e3)),
        usage_based("Standard queries (over 1B)", "route53:Queries", "standard-over-1b", "per_1m_requests", key,
                    1e-6, (1e3, INF)),
    ])


# Deliveries per subscription protocol: (label, sku, usage key counting that protocol's subscriptions).
SNS_DELIVERIES = (("HTTP/HTTPS notifications", "http", "http_subscriptions"),
                  ("Email/Email-JSON notifications", "email", "email_subscriptions"),
                  ("Mobile Push notifications", "mobile-push", "mobile_push_subscriptions"),
                  ("MacOS notifications", "macos", "macos_subscriptions"))


def sns_topic(p: Props) -> Mapped:
    """API requests, and each published message delivered to every subscription of a protocol
    (subscriptions are separate resources: their counts come from the usage file)."""
    return Mapped("standard", [
        usage_based("API requests", "sns:Topic", "requests", "per_1m_requests", "monthly_requests", 1e-6),
        *(usage_based(label, "sns:Topic", sku, "per_1m_requests", f"monthly_requests*{key}", 1e-6)
          for label, sku, key in SNS_DELIVERIES),
    ])


def efs(p: Props) -> Mapped:
    one_zone = p.has("availabilityZoneName")
    zone = "one-zone" if one_zone else "standard"
    comps = [
        usage_based(f"Storage ({zone})", "efs:FileSystem", f"{zone}-storage", "per_gb_month", "storage_gb"),
        usage_based(f"Storage (infrequent access, {zone})", "efs:FileSystem", f"{zone}-ia-storage", "per_gb_month",
                    "infrequent_access_storage_gb"),
        usage_based("Read requests (infrequent access)", "efs:FileSystem", "ia-read", "per_gb",
                    "monthly_infrequent_access_read_requests_gb"),
        usage_based("Write requests (infrequent access)", "efs:FileSystem", "ia-write", "per_gb",
                    "monthly_infrequent_access_write_requests_gb"),
    ]
    if (p.str("throughputMode") or "") == "provisioned":
        comps.append(monthly("Provisioned throughput", "efs:FileSystem", "provisioned-throughput",
                             "per_mbps_month", p.num("provisionedThroughputInMibps", 0.0) or 0.0))
    return Mapped(zone, comps)


# API Gateway request tiers, in millions of requests per month (the quantity is requests x 1e-6).
REST_TIERS = ((0.0, 333.0), (333.0, 1000.0), (1000.0, 20000.0), (20000.0, INF))
HTTP_TIERS = ((0.0, 300.0), (300.0, INF))


def _tiered(label: str, price_type: str, prefix: str, key: str, tiers) -> list[CostComponent]:
    return [usage_based(f"{label} (tier {i + 1})", price_type, f"{prefix}-tier{i + 1}", "per_1m_requests",
                        key, 1e-6, (low, high)) for i, (low, high) in enumerate(tiers)]


def rest_api(p: Props) -> Mapped:
    return Mapped("rest", _tiered("Requests", "apigateway:Rest", "requests", "monthly_requests", REST_TIERS))


def rest_api_stage(p: Props) -> Free | Unpriced:
    """A stage is billed through its API's requests, unless it runs a cache cluster (billed by the
    hour by size), whose prices are not in the API Gateway feed."""
    if p.bool("cacheClusterEnabled"):
        return Unpriced("API Gateway cache cluster prices are not in the price book (not in the API Gateway feed)")
    return Free("a stage is billed through its API's requests")


def http_api(p: Props) -> Mapped:
    protocol = (p.str("protocolType", "HTTP") or "HTTP").upper()
    if protocol == "WEBSOCKET":
        return Mapped("websocket", [
            usage_based("Messages (first 1B)", "apigateway:WebSocket", "messages-tier1", "per_1m_requests",
                        "monthly_messages", 1e-6, (0.0, 1000.0)),
            usage_based("Messages (over 1B)", "apigateway:WebSocket", "messages-tier2", "per_1m_requests",
                        "monthly_messages", 1e-6, (1000.0, INF)),
            usage_based("Connection duration", "apigateway:WebSocket", "connection-minutes", "per_1m_requests",
                        "monthly_connection_mins", 1e-6),
        ])
    return Mapped("http", _tiered("Requests", "apigateway:Http", "requests", "monthly_requests", HTTP_TIERS))


def ecs_service(p: Props) -> Mapped | Free | Unpriced:
    launch = (p.str("launchType") or "").upper()
    strategy = (p.str("capacityProviderStrategies[0].capacityProvider") or "").upper()
    if launch == "EC2" or (not launch and not strategy.startswith("FARGATE")):
        return Free("an ECS service on EC2 is billed by its container instances")
    if not p.has(f"{RESOLVED_TASK}.cpu"):
        return Unpriced("Fargate task size (cpu, memory) comes from the task definition, not found in this stack "
                        "view (resolved when the whole stack is priced: offline run, stack summary)")
    cpu, memory = p.num(f"{RESOLVED_TASK}.cpu"), p.num(f"{RESOLVED_TASK}.memory")
    if not cpu or not memory:
        return Unpriced("the task definition sets no cpu or memory (Fargate needs both)")
    arch = (p.str(f"{RESOLVED_TASK}.runtimePlatform.cpuArchitecture", "X86_64") or "X86_64").lower()
    return fargate_task(cpu, memory, p.num("desiredCount", 1.0) or 0.0, "arm64" if arch == "arm64" else "x86_64")


def fargate_task(cpu_units: float, memory_mb: float, count: float, arch: str) -> Mapped:
    """Fargate per-task vCPU and memory hours (used when the task definition is resolved)."""
    return Mapped(f"fargate-{arch}", [
        running("Per GB per hour", "ecs:Fargate", f"memory-{arch}", memory_mb / 1024 * count, "instances"),
        running("Per vCPU per hour", "ecs:Fargate", f"vcpu-{arch}", cpu_units / 1024 * count, "instances"),
    ])


def eks_fargate_profile(p: Props) -> Mapped:
    """The pods an EKS Fargate profile selects are billed per vCPU and GB they request, at the
    Fargate rates; how many run is not in the plan, so both lines are by usage."""
    return Mapped("fargate-x86_64", [
        usage_based("Per GB per hour", "ecs:Fargate", "memory-x86_64", "per_hour", "memory_gb"),
        usage_based("Per vCPU per hour", "ecs:Fargate", "vcpu-x86_64", "per_hour", "vcpu"),
    ])


def vpc_endpoint(p: Props) -> Mapped | Free | Unpriced:
    kind = (p.str("vpcEndpointType", "Gateway") or "Gateway").lower()
    if kind == "gateway":
        return Free("gateway endpoints (S3, DynamoDB) have no charge")
    if kind not in ("interface", "gatewayloadbalancer"):
        return Unpriced("vpcEndpointType should be Interface, Gateway or GatewayLoadBalancer")
    zones = float(p.count("subnetIds") or 1) if kind == "interface" else 1.0
    name = "Interface" if kind == "interface" else "GatewayLoadBalancer"
    return Mapped(kind, [
        running(f"Endpoint ({name})", "vpc:Endpoint", kind, zones),
        usage_based("Data processed", "vpc:Endpoint", f"{kind}-data", "per_gb", "monthly_data_processed_gb"),
    ])


def redshift_cluster(p: Props) -> Mapped | Unpriced:
    node = p.str("nodeType")
    if not node:
        return Unpriced("nodeType not set")
    single = (p.str("clusterType") or "").lower() == "single-node"
    nodes = 1.0 if single else (p.num("numberOfNodes", 1.0) or 1.0)
    # RA3 managed storage (per GB-month) is not in the Redshift feed: that line is left out.
    comps = [running(f"Cluster usage (on-demand, {node})", "redshift:Node", node, nodes, "instances")]
    return Mapped(node, comps)


STORAGE = UsageKey("storage_gb", "GB", "average stored data")
REQUESTS = UsageKey("monthly_requests", "requests", "requests per month")
INSTANCES = UsageKey("instances", "count", "number of nodes or tasks running (overrides the plan's count)")

TYPES = (
    PricedType(("aws:rds/cluster:Cluster",), "rds:Cluster", rds_cluster, (), (STORAGE,),
               "Aurora: unpriced (not in our data)"),
    PricedType(("aws:rds/clusterInstance:ClusterInstance",), "rds:ClusterInstance",
               no_data("Aurora cluster instance"), (), (MONTHLY_HRS,), "unpriced (Aurora not in our data)"),
    PricedType(("aws:elasticache/cluster:Cluster",), "elasticache:Cluster", elasticache_cluster,
               keys("elasticache:Node cache.t3.micro:redis", "elasticache:Node cache.t3.micro:valkey",
                    "elasticache:Node cache.t3.micro:memcached",
                    example=("elasticache:Node cache.t3.micro:redis", "elasticache:Node cache.t3.micro:valkey",
                             "elasticache:Node cache.t3.micro:memcached")),
               (MONTHLY_HRS, INSTANCES), "node hours by engine (Redis, Memcached, Valkey)"),
    PricedType(("aws:elasticache/replicationGroup:ReplicationGroup",), "elasticache:ReplicationGroup",
               elasticache_replication_group,
               keys("elasticache:Node cache.t3.micro:redis", "elasticache:Node cache.t3.micro:valkey",
                    "elasticache:Node cache.t3.micro:memcached",
                    example=("elasticache:Node cache.t3.micro:redis", "elasticache:Node cache.t3.micro:valkey",
                             "elasticache:Node cache.t3.micro:memcached")),
               (MONTHLY_HRS, INSTANCES), "node hours (node groups x replicas)"),
    PricedType(("aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"), "opensearch:Domain",
               no_data("OpenSearch"), (), (MONTHLY_HRS,), "unpriced (no OpenSearch feed)"),
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
    PricedType(("aws:codepipeline/pipeline:Pipeline",), "codepipeline:Pipeline", codepipeline,
               keys("codepipeline:Pipeline v1", "codepipeline:Pipeline v2-minutes"),
               (UsageKey("monthly_action_minutes", "minutes", "action execution minutes per month (V2 pipelines)"),),
               "V1: active pipeline-month; V2: action execution minutes (by usage)"),
    PricedType(("aws:cloudhsmv2/hsm:Hsm",), "cloudhsm:Hsm", cloudhsm, keys("cloudhsm:Hsm hsm"), (MONTHLY_HRS,),
               "HSM hours"),
    PricedType(("aws:glue/job:Job",), "glue:Job", glue_job, keys("glue:Job etl", "glue:Job etl-flex"),
               (UsageKey("monthly_job_hrs", "hours", "hours the job runs per month"),),
               "DPU-hours (DPUs from maxCapacity or workers; hours by usage), standard or Flex"),
    PricedType(("aws:glue/crawler:Crawler",), "glue:Crawler", glue_crawler, keys("glue:Crawler crawler"),
               (UsageKey("monthly_crawler_dpu_hrs", "DPU-hours", "crawler DPU-hours per month"),),
               "DPU-hours (by usage)"),
    PricedType(("aws:cloudtrail/trail:Trail",), "cloudtrail:Trail", cloudtrail,
               keys("cloudtrail:Trail management-paid", "cloudtrail:Trail data-events", "cloudtrail:Trail insights"),
               (UsageKey("monthly_paid_management_events", "events", "management events beyond the free first copy"),
                UsageKey("monthly_data_events", "events", "data events recorded per month"),
                UsageKey("monthly_insight_events", "events", "Insights events analysed per month")),
               "paid management-event copies, data events and Insights (by usage); the first copy is free"),
    PricedType(("aws:kms/key:Key", "aws:kms/externalKey:ExternalKey", "aws:kms/replicaKey:ReplicaKey"),
               "kms:Key", kms_key,
               keys("kms:Key key", "kms:Key requests", "kms:Key requests-gdkp-ecc", "kms:Key requests-gdkp-rsa",
                    "kms:Key requests-rsa2048", "kms:Key requests-asymmetric"),
               (REQUESTS, UsageKey("monthly_ecc_gdkp_requests", "requests", "ECC GenerateDataKeyPair requests"),
                UsageKey("monthly_rsa_gdkp_requests", "requests", "RSA GenerateDataKeyPair requests")),
               "key-month, requests by key spec (by usage)"),
    PricedType(("aws:secretsmanager/secret:Secret",), "secretsmanager:Secret", no_data("Secrets Manager"), (),
               (REQUESTS,), "unpriced (no Secrets Manager feed)"),
    PricedType(("aws:route53/zone:Zone",), "route53:Zone", no_data("Route 53 hosted zone"), (), (),
               "unpriced (the Route 53 feed has query prices only)"),
    PricedType(("aws:route53/record:Record",), "route53:Record", route53_record,
               keys("route53:Queries standard", "route53:Queries standard-over-1b"),
               (UsageKey("monthly_standard_queries", "queries", "standard DNS queries per month"),),
               "standard queries (by usage); alias records free; latency/geo routing unpriced (no prices)"),
    PricedType(("aws:sqs/queue:Queue",), "sqs:Queue", no_data("SQS"), (), (REQUESTS,), "unpriced (no SQS feed)"),
    PricedType(("aws:sns/topic:Topic",), "sns:Topic", sns_topic,
               keys("sns:Topic requests", *(f"sns:Topic {sku}" for _, sku, _ in SNS_DELIVERIES)),
               (REQUESTS, *(UsageKey(key, "count", f"subscriptions receiving {label}") for label, _, key in
                            SNS_DELIVERIES)),
               "API requests and deliveries per protocol (by usage)"),
    PricedType(("aws:efs/fileSystem:FileSystem",), "efs:FileSystem", efs,
               keys("efs:FileSystem standard-storage", "efs:FileSystem standard-ia-storage",
                    "efs:FileSystem one-zone-storage", "efs:FileSystem one-zone-ia-storage", "efs:FileSystem ia-read", "efs:FileSystem ia-write",
                    "efs:FileSystem provisioned-throughput"),
               (STORAGE, UsageKey("infrequent_access_storage_gb", "GB", "data in the IA class"),
                UsageKey("monthly_infrequent_access_read_requests_gb", "GB", "data read from IA per month"),
                UsageKey("monthly_infrequent_access_write_requests_gb", "GB", "data written to IA per month")),
               "storage by class, IA reads (by usage), provisioned throughput"),
    PricedType(("aws:cloudfront/distribution:Distribution",), "cloudfront:Distribution",
               no_data("CloudFront data transfer and request"), (), (), "unpriced (the CloudFront feed has "
               "Lambda@Edge prices only)"),
    PricedType(("aws:apigateway/restApi:RestApi",), "apigateway:RestApi", rest_api,
               keys(*(f"apigateway:Rest requests-tier{i}" for i in range(1, 5))), (REQUESTS,),
               "tiered requests (by usage)"),
    # Billable types common in programs whose prices our data lacks: unpriced, saying so.
    *(PricedType((token,), price_type, no_data(what), (), (), "unpriced (not in our data)")
      for token, price_type, what in (
          ("aws:cloudwatch/dashboard:Dashboard", "cloudwatch:Dashboard", "CloudWatch dashboard"),
          ("aws:ecr/repository:Repository", "ecr:Repository", "ECR storage"),
          ("aws:rds/proxy:Proxy", "rds:Proxy", "RDS Proxy"),
          ("aws:route53/healthCheck:HealthCheck", "route53:HealthCheck", "Route 53 health check"),
          ("aws:sfn/stateMachine:StateMachine", "sfn:StateMachine", "Step Functions"),
          ("aws:cloudfront/function:Function", "cloudfront:Function", "CloudFront Functions"),
          ("aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace", "servicediscovery:Namespace",
           "Cloud Map namespace (a Route 53 hosted zone)"),
          ("aws:servicediscovery/publicDnsNamespace:PublicDnsNamespace", "servicediscovery:Namespace",
           "Cloud Map namespace (a Route 53 hosted zone)"),
          ("aws:cognito/userPool:UserPool", "cognito:UserPool", "Cognito monthly active user"),
          ("aws:ec2/ami:Ami", "ec2:Ami", "AMI snapshot storage"),
          ("aws:backup/vault:Vault", "backup:Vault", "AWS Backup storage"),
      )),
    PricedType(("aws:apigateway/stage:Stage",), "apigateway:Stage", rest_api_stage, (), (),
               "free, or unpriced with a cache cluster (no cache prices in our data)"),
    PricedType(("aws:apigatewayv2/api:Api",), "apigatewayv2:Api", http_api,
               keys("apigateway:Http requests-tier1", "apigateway:Http requests-tier2",
                    "apigateway:WebSocket messages-tier1", "apigateway:WebSocket messages-tier2",
                    "apigateway:WebSocket connection-minutes"),
               (REQUESTS, UsageKey("monthly_messages", "messages", "WebSocket messages per month"),
                UsageKey("monthly_connection_mins", "minutes", "WebSocket connection minutes per month")),
               "HTTP requests or WebSocket messages and connection minutes (by usage)"),
    PricedType(("aws:ecs/service:Service",), "ecs:Service", ecs_service,
               keys("ecs:Fargate vcpu-x86_64", "ecs:Fargate memory-x86_64", "ecs:Fargate vcpu-arm64",
                    "ecs:Fargate memory-arm64"), (MONTHLY_HRS, INSTANCES),
               "Fargate vCPU and memory hours x tasks (task definition resolved in the stack); EC2 launch free"),
    PricedType(("aws:eks/fargateProfile:FargateProfile",), "eks:FargateProfile", eks_fargate_profile,
               keys("ecs:Fargate vcpu-x86_64", "ecs:Fargate memory-x86_64"),
               (UsageKey("vcpu", "vCPUs", "average vCPUs requested by the profile's running pods"),
                UsageKey("memory_gb", "GB", "average memory requested by the profile's running pods")),
               "Fargate vCPU and GB hours of the profile's pods (by usage)"),
    PricedType(("aws:ec2/vpcEndpoint:VpcEndpoint",), "vpc:Endpoint", vpc_endpoint,
               keys("vpc:Endpoint interface", "vpc:Endpoint interface-data", "vpc:Endpoint gatewayloadbalancer",
                    "vpc:Endpoint gatewayloadbalancer-data"),
               (MONTHLY_HRS, UsageKey("monthly_data_processed_gb", "GB", "data processed per month")),
               "interface endpoint hours per AZ and data processed; gateway endpoints free"),
    PricedType(("aws:redshift/cluster:Cluster",), "redshift:Cluster", redshift_cluster,
               keys("redshift:Node dc2.large", example=("redshift:Node dc2.large",)),
               (MONTHLY_HRS, INSTANCES), "node hours"),
)
