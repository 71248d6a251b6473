"""OpenSearch (and Elasticsearch) domains: data node and dedicated master hours, and each data node's
EBS volume (size, io1/gp3 IOPS and gp3 throughput above the baseline). UltraWarm and cold storage are
not in the price data: a domain using them is unpriced rather than understated."""
from __future__ import annotations

from ..model import CostComponent, Mapped, Unpriced, monthly, running
from ..registry import MONTHLY_HRS, PricedType, keys
from ..values import Props
from .common import INSTANCES

GP3_BASELINE_IOPS, GP3_BASELINE_MBPS = 3000.0, 125.0


def _search_type(itype: str) -> str:
    """Elasticsearch domains name types "m5.large.elasticsearch"; the price book has "m5.large.search"."""
    return itype.removesuffix(".elasticsearch") + ".search" if itype.endswith(".elasticsearch") else itype


def domain(p: Props) -> Mapped | Unpriced:
    itype = p.str("clusterConfig.instanceType", "r6g.large.search") or "r6g.large.search"  # the provider's default
    itype = _search_type(itype)
    count = p.num("clusterConfig.instanceCount", 1.0) or 1.0
    if p.bool("clusterConfig.warmEnabled") or p.bool("clusterConfig.coldStorageOptions.enabled"):
        return Unpriced("UltraWarm and cold storage prices are not in the price data (the OpenSearch feed and table "
                        "have hot instances and EBS storage only)")
    comps: list[CostComponent] = [running(f"Instance (on-demand, {itype})", "opensearch:Domain", itype, count,
                                          INSTANCES.name)]
    if p.bool("clusterConfig.dedicatedMasterEnabled"):
        master = p.str("clusterConfig.dedicatedMasterType")
        if not master:
            return Unpriced("clusterConfig.dedicatedMasterType not set while dedicatedMasterEnabled is")
        master = _search_type(master)
        comps.append(running(f"Dedicated master (on-demand, {master})", "opensearch:Domain", master,
                             p.num("clusterConfig.dedicatedMasterCount", 3.0) or 3.0))
    if p.bool("ebsOptions.ebsEnabled"):
        size = p.num("ebsOptions.volumeSize")
        if not size:
            return Unpriced("ebsOptions.volumeSize not set while ebsEnabled is")
        vtype = (p.str("ebsOptions.volumeType", "gp2") or "gp2").lower()
        if vtype not in ("gp2", "gp3", "io1", "standard"):
            return Unpriced(f"EBS volume type not priced for OpenSearch (gp2, gp3, io1, standard are)")
        # volumeSize is each data node's volume.
        comps.append(monthly(f"Storage ({vtype}, {size:g} GB x {count:g} nodes)", "opensearch:Domain",
                             f"storage-{vtype}", "per_gb_month", size * count))
        iops = p.num("ebsOptions.iops") or 0.0
        if vtype == "io1" and iops:
            comps.append(monthly(f"Storage IOPS (io1) x {count:g} nodes", "opensearch:Domain", "iops-io1",
                                 "per_iops_month", iops * count))
        if vtype == "gp3":
            extra_iops = max(0.0, iops - GP3_BASELINE_IOPS)
            extra_mbps = max(0.0, (p.num("ebsOptions.throughput") or 0.0) - GP3_BASELINE_MBPS)
            if extra_iops:
                comps.append(monthly(f"Storage IOPS above {GP3_BASELINE_IOPS:,.0f} (gp3)", "opensearch:Domain",
                                     "iops-gp3", "per_iops_month", extra_iops * count))
            if extra_mbps:
                comps.append(monthly(f"Storage throughput above {GP3_BASELINE_MBPS:g} MBps (gp3)",
                                     "opensearch:Domain", "throughput-gp3", "per_mbps_month", extra_mbps * count))
    return Mapped(itype, comps)


TYPES = (
    PricedType(("aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"), "opensearch:Domain", domain,
               keys("opensearch:Domain m6g.large.search", "opensearch:Domain storage-gp2",
                    "opensearch:Domain storage-gp3", "opensearch:Domain storage-io1", "opensearch:Domain storage-standard",
                    "opensearch:Domain iops-io1", "opensearch:Domain iops-gp3", "opensearch:Domain throughput-gp3",
                    example=("opensearch:Domain m6g.large.search",)),
               (MONTHLY_HRS, INSTANCES),
               "data node and dedicated master hours, EBS storage per node (IOPS/throughput above gp3's baseline); "
               "UltraWarm/cold storage unpriced (not in our data)"),
)
