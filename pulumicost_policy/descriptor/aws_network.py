"""AWS connectivity, edge and streaming services -> cost components: site-to-site VPN, Transit
Gateway attachments, Client VPN, WAF web ACLs, Kinesis data streams and MSK (Kafka) clusters.

These bill by the hour they exist (a connection, an attachment, a shard) plus traffic that only
the usage file can say. A transit gateway itself costs nothing (free.py): its attachments carry
the cost.
"""
from __future__ import annotations

from typing import Callable

from .model import Mapped, Unpriced, monthly, running, usage_based
from .registry import MONTHLY_HRS, PricedType, UsageKey, keys
from .values import Props

DATA_PROCESSED = UsageKey("monthly_data_processed_gb", "GB", "data sent through the attachment per month")
KINESIS_DEFAULT_RETENTION_HRS = 24.0   # included in the shard-hour price
KINESIS_EXTENDED_RETENTION_HRS = 168.0  # up to 7 days: the extended-retention add-on per shard-hour
MSK_DEFAULT_VOLUME_GB = 1000.0  # the AWS default EBS volume per broker when the plan sets none


def vpn_connection(p: Props) -> Mapped:
    """A site-to-site VPN connection; on a transit gateway it is also a TGW attachment."""
    comps = [running("VPN connection", "vpc:VpnConnection", "site-to-site")]
    if p.has("transitGatewayId"):
        comps += [running("Transit gateway attachment (VPN)", "vpc:TransitGateway", "vpn-attachment"),
                  usage_based("Transit gateway data processed", "vpc:TransitGateway", "vpn-data", "per_gb",
                              DATA_PROCESSED.name)]
    return Mapped("site-to-site", comps)


def tgw_attachment(kind: str, label: str, data: bool) -> Callable[[Props], Mapped]:
    """A mapper for one kind of transit gateway attachment: hours, and data processed when billed."""
    def mapper(p: Props) -> Mapped:
        comps = [running(f"Transit gateway attachment ({label})", "vpc:TransitGateway", f"{kind}-attachment")]
        if data:
            comps.append(usage_based("Data processed", "vpc:TransitGateway", f"{kind}-data", "per_gb",
                                     DATA_PROCESSED.name))
        return Mapped(f"{kind}-attachment", comps)
    mapper.__doc__ = f"A transit gateway {label} attachment."
    return mapper


def client_vpn_endpoint(p: Props) -> Mapped:
    """Connection-hours (by usage); the hourly charge is per subnet association, its own resource."""
    return Mapped("connection", [usage_based("Connection hours", "vpc:ClientVpn", "connection", "per_hour",
                                             "monthly_connection_hrs", 1 / 730.0)])


def client_vpn_association(p: Props) -> Mapped:
    return Mapped("association", [running("Endpoint association", "vpc:ClientVpn", "association")])


def wafv2_web_acl(p: Props) -> Mapped:
    """$ per web ACL and per rule each month, plus requests by usage. A rule-group reference is one rule."""
    rules = p.count("rules")
    comps = [monthly("Web ACL", "waf:WebAcl", "web-acl", "per_month", 1.0)]
    if rules:
        comps.append(monthly(f"Rules ({rules})", "waf:WebAcl", "rule", "per_month", float(rules)))
    comps.append(usage_based("Requests", "waf:WebAcl", "requests", "per_1m_requests", "monthly_requests", 1e-6))
    return Mapped("web-acl", comps)


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


def msk_cluster(p: Props) -> Mapped | Unpriced:
    """Broker-hours of the instance type, and each broker's EBS storage per GB-month."""
    itype = p.str("brokerNodeGroupInfo.instanceType")
    brokers = p.num("numberOfBrokerNodes")
    if not itype or brokers is None:
        return Unpriced("brokerNodeGroupInfo.instanceType and numberOfBrokerNodes are needed")
    size = p.num("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize") or \
        p.num("brokerNodeGroupInfo.ebsVolumeSize", MSK_DEFAULT_VOLUME_GB)
    comps = [running(f"Broker instances ({itype})", "msk:Broker", itype, brokers, "instances"),
             monthly(f"Broker storage ({brokers:g} x {size:g} GB)", "msk:Broker", "storage", "per_gb_month",
                     brokers * (size or 0.0))]
    return Mapped(itype, comps)


TGW_KINDS = (("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "vpc", "VPC", True),
             ("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "peering", "peering", False),
             ("aws:ec2transitgateway/connect:Connect", "connect", "Connect", False))

TYPES = (
    PricedType(("aws:ec2/vpnConnection:VpnConnection",), "vpc:VpnConnection", vpn_connection,
               keys("vpc:VpnConnection site-to-site", "vpc:TransitGateway vpn-attachment", "vpc:TransitGateway vpn-data",
                    example=("vpc:VpnConnection site-to-site",)),
               (MONTHLY_HRS, DATA_PROCESSED),
               "connection hours; on a transit gateway also the VPN attachment's hours and data processed (by usage)"),
    *(PricedType((token,), "vpc:TransitGateway", tgw_attachment(kind, label, data),
                 keys(f"vpc:TransitGateway {kind}-attachment", *([f"vpc:TransitGateway {kind}-data"] if data else []),
                      example=(f"vpc:TransitGateway {kind}-attachment",)),
                 (MONTHLY_HRS, *((DATA_PROCESSED,) if data else ())),
                 f"attachment hours{', data processed (by usage)' if data else ''}")
      for token, kind, label, data in TGW_KINDS),
    PricedType(("aws:ec2clientvpn/endpoint:Endpoint",), "vpc:ClientVpn", client_vpn_endpoint,
               keys("vpc:ClientVpn connection"),
               (UsageKey("monthly_connection_hrs", "hours", "client connection-hours per month (all users)"),),
               "connection-hours (by usage); associations are priced on their own resource"),
    PricedType(("aws:ec2clientvpn/networkAssociation:NetworkAssociation",), "vpc:ClientVpn", client_vpn_association,
               keys("vpc:ClientVpn association", example=("vpc:ClientVpn association",)), (MONTHLY_HRS,),
               "endpoint association hours"),
    PricedType(("aws:wafv2/webAcl:WebAcl",), "waf:WebAcl", wafv2_web_acl,
               keys("waf:WebAcl web-acl", "waf:WebAcl rule", "waf:WebAcl requests", example=("waf:WebAcl web-acl",)),
               (UsageKey("monthly_requests", "requests", "web requests inspected per month"),),
               "web ACL and rules per month, requests (by usage); managed rule group subscriptions not included"),
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
    PricedType(("aws:msk/cluster:Cluster",), "msk:Broker", msk_cluster,
               keys("msk:Broker kafka.m5.large", "msk:Broker storage", example=("msk:Broker kafka.m5.large",)),
               (MONTHLY_HRS, UsageKey("instances", "count", "brokers running on average")),
               "broker hours by instance type, EBS storage per broker (1,000 GB AWS default); provisioned "
               "storage throughput not included"),
)
