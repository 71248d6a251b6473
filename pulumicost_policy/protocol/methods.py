"""The CostSourceService RPCs by name, with their message types: one table for the host's stubs,
the conformance suite and the SDK's handlers (built by name, so both service names in the wild,
`pulumicost.v1` and `finfocus.v1`, work with the same messages)."""
from __future__ import annotations

from typing import Any

from . import costsource_pb2 as pb

SERVICES = ("pulumicost.v1.CostSourceService", "finfocus.v1.CostSourceService")
METHODS: dict[str, tuple[Any, Any]] = {
    "Name": (pb.NameRequest, pb.NameResponse),
    "Supports": (pb.SupportsRequest, pb.SupportsResponse),
    "GetProjectedCost": (pb.GetProjectedCostRequest, pb.GetProjectedCostResponse),
    "GetActualCost": (pb.GetActualCostRequest, pb.GetActualCostResponse),
    "GetPricingSpec": (pb.GetPricingSpecRequest, pb.GetPricingSpecResponse),
    "GetPluginInfo": (pb.GetPluginInfoRequest, pb.GetPluginInfoResponse),
    "GetRecommendations": (pb.GetRecommendationsRequest, pb.GetRecommendationsResponse),
    "DismissRecommendation": (pb.DismissRecommendationRequest, pb.DismissRecommendationResponse),
}
