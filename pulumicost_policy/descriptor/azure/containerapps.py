"""Azure Container Apps on the Consumption plan: each replica bills vCPU-seconds and GiB-seconds while it
runs, and requests per million, as Infracost prices them.

A replica's size is the sum of its containers' cpu and memory (from the template). How long replicas
are active is usage (`active_replica_hrs`); the replicas kept by `minReplicas` run all month, and are
priced at the active rate because the idle rate is not in the price book: an upper bound, said in the
line. The monthly free grant (180,000 vCPU-s, 360,000 GiB-s, 2M requests) is per subscription, not
deducted. Dedicated workload profiles are billed per profile node, which the book does not price."""
from __future__ import annotations

import re

from ..model import CostComponent, Mapped, Unpriced, hourly, usage_based
from ..registry import PricedType, UsageKey, keys
from ..values import Props, PropertyProblem

ACTIVE_HRS = UsageKey("active_replica_hrs", "hours", "replica-hours a month beyond the minReplicas kept running")
REQUESTS = UsageKey("monthly_requests", "requests", "requests per month")
FREE_GRANT = "the free grant is per subscription, not deducted"
MEMORY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(Gi|G|Mi|M)?\s*$")


def _gib(memory: str) -> float:
    """A container's memory in GiB: 0.5Gi -> 0.5, 512Mi -> 0.5 (Container Apps take Gi; Mi is read too)."""
    match = MEMORY.match(memory)
    if match is None:
        raise PropertyProblem("container memory is not a size like 0.5Gi or 512Mi")
    value = float(match.group(1))
    return value / 1024 if (match.group(2) or "Gi").startswith("M") else value


def _app(p: Props, containers: str, cpu: str, memory: str, min_replicas: str) -> Mapped | Unpriced:
    profile = p.str("workloadProfileName") or "Consumption"
    if profile.lower() != "consumption":
        return Unpriced(f"runs on the dedicated workload profile {profile}, billed per profile node: those prices "
                        "are not in the price book")
    count = p.count(containers)
    if not count:
        return Unpriced(f"{containers} not set: a replica's vCPU and memory come from its containers")
    vcpu = gib = 0.0
    for i in range(count):  # Container Apps require both: a missing one is a reason, never a free replica
        cores, size_text = p.num(f"{containers}[{i}].{cpu}"), p.str(f"{containers}[{i}].{memory}")
        if cores is None or size_text is None:
            return Unpriced(f"{containers}[{i}] needs {cpu} and {memory}: a replica is billed by them")
        vcpu, gib = vcpu + cores, gib + _gib(size_text)
    size = f"{vcpu:g} vCPU, {gib:g} GiB"
    comps: list[CostComponent] = []
    kept = p.num(min_replicas) or 0.0
    if kept:
        note = f"{kept:g} minReplicas all month at the active rate; the idle rate is not in the book, so an upper bound"
        comps += [hourly(f"vCPU ({note})", "containerapps:App", "vcpu", kept * vcpu),
                  hourly(f"Memory ({note})", "containerapps:App", "memory", kept * gib)]
    # per_hour lines count units running all month: replica-hours / 730 of them
    comps += [usage_based(f"vCPU (active replicas, {vcpu:g} each; {FREE_GRANT})", "containerapps:App", "vcpu",
                          "per_hour", ACTIVE_HRS.name, vcpu / 730),
              usage_based(f"Memory (active replicas, {gib:g} GiB each; {FREE_GRANT})", "containerapps:App", "memory",
                          "per_hour", ACTIVE_HRS.name, gib / 730),
              usage_based(f"Requests ({FREE_GRANT})", "containerapps:App", "requests", "per_1m_requests",
                          REQUESTS.name, 1e-6)]
    return Mapped(size, comps)


def classic_app(p: Props) -> Mapped | Unpriced:
    return _app(p, "template.containers", "cpu", "memory", "template.minReplicas")


def native_app(p: Props) -> Mapped | Unpriced:
    return _app(p, "template.containers", "resources.cpu", "resources.memory", "template.scale.minReplicas")


KEYS = keys("containerapps:App vcpu", "containerapps:App memory", "containerapps:App requests")
NOTE = ("Consumption plan: vCPU and memory of the minReplicas all month and of active replicas by usage, requests "
        "by usage; dedicated workload profiles unpriced")
TYPES = (
    PricedType(("azure:containerapp/app:App",), "containerapps:App", classic_app, KEYS, (ACTIVE_HRS, REQUESTS), NOTE),
    PricedType(("azure-native:app:ContainerApp",), "containerapps:App", native_app, KEYS, (ACTIVE_HRS, REQUESTS),
               NOTE),
)
