"""MSK (Kafka) clusters: broker hours and broker storage."""
from __future__ import annotations

from ..model import Mapped, Unpriced, monthly, running
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

MSK_DEFAULT_VOLUME_GB = 1000.0  # the AWS default EBS volume per broker when the plan sets none


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


TYPES = (
    PricedType(("aws:msk/cluster:Cluster",), "msk:Broker", msk_cluster,
               keys("msk:Broker kafka.m5.large", "msk:Broker storage", example=("msk:Broker kafka.m5.large",)),
               (MONTHLY_HRS, UsageKey("instances", "count", "brokers running on average")),
               "broker hours by instance type, EBS storage per broker (1,000 GB AWS default); provisioned "
               "storage throughput not included"),
)
