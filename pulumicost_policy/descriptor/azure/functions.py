"""Azure function apps: who carries the cost depends on the plan they run on (resolved in the stack
view): on an App Service or Elastic Premium plan the plan is billed (priced as the plan); on a
Consumption plan the executions and GB-seconds are, by usage, as Infracost prices them.

The free grant (1M executions and 400,000 GB-seconds a month) is per subscription, not per app, so
it is not deducted here: the lines say so, and a budget sees the paid rate on every execution."""
from __future__ import annotations

from ..model import Free, Mapped, Unpriced, usage_based
from ..registry import PricedType, UsageKey, keys
from ..resolve import RESOLVED_PLAN
from ..values import Props

CONSUMPTION = ("dynamic", "y1", "flexconsumption", "fc1")
EXECUTIONS = UsageKey("monthly_executions", "executions", "function executions per month")
DURATION = UsageKey("execution_duration_ms", "ms", "average execution time (Azure bills at least 100 ms)")
MEMORY = UsageKey("memory_mb", "MB", "average memory per execution (Azure bills it in 128 MB steps, at least 128)")
FREE_GRANT = "the monthly free grant is per subscription, not deducted"


def consumption_lines() -> Mapped:
    """GB-seconds (executions x seconds x GB) and executions, each at the Consumption plan's paid rate."""
    gb_seconds = usage_based(f"Execution time (GB-seconds; {FREE_GRANT})", "functions:App", "execution-time",
                             "per_gb_second", f"{EXECUTIONS.name}*{DURATION.name}*{MEMORY.name}", 1 / 1000 / 1024)
    executions = usage_based(f"Executions ({FREE_GRANT})", "functions:App", "executions", "per_1m_requests",
                             EXECUTIONS.name, 1e-6)
    return Mapped("consumption", [gb_seconds, executions])


def function_app(p: Props) -> Mapped | Free | Unpriced:
    sku = p.str(RESOLVED_PLAN)
    if not sku:
        return Unpriced("a function app is billed through its plan (an App Service plan carries the cost; on a "
                        "Consumption plan executions are billed): its plan is not in this stack view")
    if any(word in CONSUMPTION for word in sku.split()):
        return consumption_lines()
    return Free("runs on an App Service (or Elastic Premium) plan, which carries the cost")


TYPES = (
    PricedType(("azure:appservice/functionApp:FunctionApp", "azure:appservice/linuxFunctionApp:LinuxFunctionApp",
                "azure:appservice/windowsFunctionApp:WindowsFunctionApp"), "functions:App", function_app,
               keys("functions:App execution-time", "functions:App executions"), (EXECUTIONS, DURATION, MEMORY),
               "free on an App Service or Premium plan (the plan is billed); on a Consumption plan executions and "
               "GB-seconds by usage"),
)
