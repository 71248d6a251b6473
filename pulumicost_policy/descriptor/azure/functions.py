"""Azure function apps: who carries the cost depends on the plan they run on (resolved in the stack
view): on an App Service or Elastic Premium plan the plan is billed (priced as the plan); on a
Consumption plan the executions and GB-seconds are, and those prices are not in our data."""
from __future__ import annotations

from ..model import Free, Unpriced
from ..registry import PricedType
from ..resolve import RESOLVED_PLAN
from ..values import Props
from .common import NO_AZURE

CONSUMPTION = ("dynamic", "y1", "flexconsumption", "fc1")


def function_app(p: Props) -> Free | Unpriced:
    sku = p.str(RESOLVED_PLAN)
    if not sku:
        return Unpriced("a function app is billed through its plan (an App Service plan carries the cost; on a "
                        "Consumption plan executions are billed): its plan is not in this stack view")
    if any(word in CONSUMPTION for word in sku.split()):
        return Unpriced(f"on a Consumption plan, Azure Functions executions and GB-seconds are billed: {NO_AZURE}")
    return Free("runs on an App Service (or Elastic Premium) plan, which carries the cost")


TYPES = (
    PricedType(("azure:appservice/functionApp:FunctionApp", "azure:appservice/linuxFunctionApp:LinuxFunctionApp",
                "azure:appservice/windowsFunctionApp:WindowsFunctionApp"), "functions:App", function_app, (), (),
               "free on an App Service or Premium plan (the plan is billed); on a Consumption plan unpriced"),
)
