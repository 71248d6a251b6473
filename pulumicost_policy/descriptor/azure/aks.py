"""AKS clusters and node pools."""
from __future__ import annotations

from ..registry import MONTHLY_HRS
from .common import unpriced_service

TYPES = (
    unpriced_service(("azure:containerservice/kubernetesCluster:KubernetesCluster",
                      "azure-native:containerservice:ManagedCluster"), "aks:Cluster", "AKS", (MONTHLY_HRS,)),
    unpriced_service(("azure:containerservice/kubernetesClusterNodePool:KubernetesClusterNodePool",
                      "azure-native:containerservice:AgentPool"), "aks:NodePool", "AKS node pool", (MONTHLY_HRS,)),
)
