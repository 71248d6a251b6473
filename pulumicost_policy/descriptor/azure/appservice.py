"""App Service plans: instance hours at the plan's size, Linux or Windows, as Infracost prices them
(`workerCount`/capacity instances; Free and the Functions consumption plan Y1 cost nothing here)."""
from __future__ import annotations

from ..model import Free, Mapped, Unpriced, running
from ..registry import MONTHLY_HRS, PricedType, UsageKey, keys
from ..values import Props

INSTANCES = UsageKey("instances", "instances", "plan instances; default: its worker count")


def _plan(size: str | None, linux: bool, count: float | None) -> Mapped | Unpriced | Free:
    if not size:
        return Unpriced("plan size (sku) not set")
    size = size.replace(" ", "")
    if size.upper() in ("Y1", "F1"):
        return Free("a Free or consumption plan: apps on it are billed by their own usage")
    os_name = "Linux" if linux else "Windows"
    count = count or 1.0
    return Mapped(f"{os_name}:{size}", [running(f"Instance ({os_name} {size}) x {count:g}", "appservice:Plan",
                                                f"{os_name}:{size}", count, "instances")])


def service_plan(p: Props) -> Mapped | Unpriced | Free:
    return _plan(p.str("skuName"), (p.str("osType") or "").lower() == "linux", p.num("workerCount"))


def classic_plan(p: Props) -> Mapped | Unpriced | Free:
    linux = (p.str("kind") or "").lower() == "linux" or p.bool("reserved")
    return _plan(p.str("sku.size"), linux, p.num("sku.capacity"))


def native_plan(p: Props) -> Mapped | Unpriced | Free:
    linux = p.bool("reserved") or "linux" in (p.str("kind") or "").lower()
    return _plan(p.str("sku.name"), linux, p.num("sku.capacity"))


KEYS = keys("appservice:Plan Linux:B1", "appservice:Plan Windows:P1v3", example=("appservice:Plan Linux:B1",))
TYPES = tuple(PricedType((token,), "appservice:Plan", mapper, KEYS, (MONTHLY_HRS, INSTANCES),
                         "instance hours by size, Linux or Windows")
              for token, mapper in (("azure:appservice/servicePlan:ServicePlan", service_plan),
                                    ("azure:appservice/plan:Plan", classic_plan),
                                    ("azure-native:web:AppServicePlan", native_plan)))
