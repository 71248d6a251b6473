"""App Service plans."""
from __future__ import annotations

from ..registry import MONTHLY_HRS
from .common import unpriced_service

TYPES = (
    unpriced_service(("azure:appservice/servicePlan:ServicePlan", "azure:appservice/plan:Plan",
                      "azure-native:web:AppServicePlan"), "appservice:Plan", "App Service", (MONTHLY_HRS,)),
)
