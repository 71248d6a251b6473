"""Infracost goldens for more of the priced types (issue #24): Azure function apps and Container Apps on the
Consumption plan.

Each module of this kind gives CASES (translated golden resources, every line of each) and
DIFFERENCES (the lines we do not match, each with its reason); tests/infracost_cases.py gathers them.

Goldens: function_linux_app_test and function_windows_app_test (40 apps each and their storage account),
function_app_test (the version whose .golden and .tf agree: ten apps and the storage account; its
elasticFunctionWithZeroInstances has no golden lines), container_app_test (two apps and the Log Analytics
workspace of their environment)."""
from __future__ import annotations

from infracost_case import Case, L

EAST = {"location": "eastus"}
SERVICE_PLAN = "azure:appservice/servicePlan:ServicePlan"
LEGACY_PLAN = "azure:appservice/plan:Plan"
STORAGE = "azure:storage/account:Account"
SKUS = ("EP1", "EP2", "EP3", "Y1")
# Their usage files' entry for the *_with_usage apps (instances: 2 has no key of ours: the instance count of a
# Premium plan is the plan's, which carries the cost in our model).
USAGE = {"monthly_executions": 3_540_123, "execution_duration_ms": 495, "memory_mb": 490}
# Their Elastic Premium lines per app, by SKU and instances (1 by default, 2 with the usage file).
PREMIUM = {("EP1", 1): (126.29, 31.43), ("EP2", 1): (252.58, 62.85), ("EP3", 1): (505.16, 125.71),
           ("EP1", 2): (252.58, 62.85), ("EP2", 2): (505.16, 125.71), ("EP3", 2): (1010.32, 251.41)}


def _consumption(with_usage: bool) -> tuple:
    if with_usage:
        return (L("Execution time", 14.02, "Execution time"), L("Executions", 0.71, "Executions"))
    return (L("Execution time", "0.000016", "Execution time"), L("Executions", "0.20", "Executions"))


def _app_lines(sku: str, consumption: bool, with_usage: bool) -> tuple:
    """Their lines for one app: Consumption lines, or the Premium plan's vCPU and memory (we have no line: the
    app is free in our model, its plan is priced)."""
    if consumption:
        return _consumption(with_usage)
    vcpu, memory = PREMIUM[(sku, 2 if with_usage else 1)]
    return (L(f"vCPU ({sku})", vcpu, None), L(f"Memory ({sku})", memory, None))


def _os_apps(os: str) -> tuple[Case, ...]:
    """function_<os>_app_test: an app and an app with usage on each new-style plan and on each legacy plan."""
    tf_type = f"azurerm_{os.lower()}_function_app"
    token = f"azure:appservice/{os.lower()}FunctionApp:{os}FunctionApp"
    cases = []
    for sku in SKUS:
        name = f"plan-{os}-{sku}"
        plan = (SERVICE_PLAN, {**EAST, "name": name, "skuName": sku, "osType": os, "id": name})
        for resource, with_usage in (("function", False), ("function_with_usage", True)):
            cases.append(Case(f'{tf_type}.{resource}["{name}"]', token, {**EAST, "name": name, "servicePlanId": name},
                              _app_lines(sku, sku == "Y1", with_usage), USAGE if with_usage else {}, "eastus",
                              (plan,)))
    for tier in ("Standard", "ElasticPremium"):
        for kind in ("elastic", "FunctionApp"):
            for sku in SKUS:
                name = f"legacy-plan-{tier}-{sku}-{kind}"
                plan = (LEGACY_PLAN, {**EAST, "name": name, "kind": kind, "reserved": False, "id": name,
                                      "sku": {"tier": tier, "size": sku, "capacity": 1}})
                # Infracost reads a legacy plan of kind FunctionApp on the Standard tier as Consumption
                consumption = sku == "Y1" or (tier == "Standard" and kind == "FunctionApp")
                for resource, with_usage in (("legacy_service_plan_function", False),
                                             ("legacy_service_plan_function_with_usage", True)):
                    cases.append(Case(f'{tf_type}.{resource}["{name}"]', token,
                                      {**EAST, "name": name, "servicePlanId": name},
                                      _app_lines(sku, consumption, with_usage), USAGE if with_usage else {}, "eastus",
                                      (plan,)))
    return tuple(cases)


def _storage(golden: str) -> Case:
    """The apps' Standard LRS Cool storage account (their operations per 10k, ours per 1k)."""
    return Case(golden, STORAGE, {**EAST, "accountTier": "Standard", "accountReplicationType": "LRS",
                                  "accessTier": "Cool"},
                (L("Capacity", "0.0152", "Capacity"), L("Write operations", "0.10", "Write", 10),
                 L("List and create container operations", "0.05", None), L("Read operations", "0.01", "Read", 10),
                 L("All other operations", "0.004", "Other", 10), L("Data retrieval", "0.01", None),
                 L("Blob index", "0.03", None), L("Early deletion", "0.0152", None)), region="eastus")


FUNC_APP = "azure:appservice/functionApp:FunctionApp"
FUNC_PLANS = ((LEGACY_PLAN, {**EAST, "id": "elastic", "kind": "elastic", "reserved": False,
                             "sku": {"tier": "Standard", "size": "EP2", "capacity": 1}}),
              (LEGACY_PLAN, {**EAST, "id": "elasticPremium", "kind": "elastic", "reserved": False,
                             "sku": {"tier": "ElasticPremium", "size": "EP1", "capacity": 1}}),
              (LEGACY_PLAN, {**EAST, "id": "funcApp", "kind": "FunctionApp", "reserved": False,
                             "sku": {"tier": "Standard", "size": "ep2", "capacity": 1}}))
# function_app_test: only an older usage file (for apps no longer in the .tf) is stored; the entries below are
# read back from this golden's quantities: 876,180.4425 GB-seconds and 3.5401M executions are exactly the
# sibling goldens' usage (3,540,123 executions x 495 ms x 490 MB, billed as 512 MB); 37,500 GB-seconds and 3M
# executions are 3M x 100 ms x 128 MB, Azure's billed minimums (their file's values are below them); 0.1M
# executions alone. elasticFunctionWithUsage's entry is instances: 2 (no key of ours).
LESS_THAN_MINS = {"monthly_executions": 3_000_000, "execution_duration_ms": 100, "memory_mb": 128}


def _func_app(name: str, plan: str, lines: tuple, usage: dict) -> Case:
    return Case(f"azurerm_function_app.{name}", FUNC_APP, {**EAST, "name": name, "appServicePlanId": plan}, lines,
                usage, "eastus", FUNC_PLANS)


CONTAINER_APP = "azure:containerapp/app:App"
CONTAINER = {"name": "examplecontainerapp", "image": "mcr.microsoft.com/azuredocs/containerapps-helloworld:latest",
             "cpu": 0.25, "memory": "0.5Gi"}
SIDECAR = {"name": "sidecar", "image": "alpine", "cpu": 0.25, "memory": "0.5Gi"}
WEST_EUROPE = {"location": "westeurope", "containerAppEnvironmentId": "example-env", "revisionMode": "Single"}


def _active_hrs(requests: float, execution_ms: float, concurrent: float) -> float:
    """Their usage (requests, execution_time_ms, concurrent_requests) as our active replica-hours."""
    return requests * execution_ms / 1000 / concurrent / 3600


CASES: tuple[Case, ...] = (
    *_os_apps("Linux"), _storage("azurerm_storage_account.example"),
    *_os_apps("Windows"), _storage("azurerm_storage_account.example"),  # each golden has its own, same address
    _func_app("elasticFunctionWithUsage", "elastic", _app_lines("EP2", False, True), {}),
    _func_app("elasticFunction", "elastic", _app_lines("EP2", False, False), {}),
    _func_app("elasticPremiumFunction", "elasticPremium", _app_lines("EP1", False, False), {}),
    _func_app("functionAppNoAvailableServicePlanButHasUsage", "in_another_module", _consumption(True), USAGE),
    _func_app("functionAppWithAllUsage", "funcApp", _consumption(True), USAGE),
    _func_app("functionAppWithLessThanMins", "funcApp", (L("Execution time", 0.60, "Execution time"),
                                                         L("Executions", 0.60, "Executions")), LESS_THAN_MINS),
    _func_app("functionAppWithOnlyExecutions", "funcApp", (L("Execution time", "0.000016", "Execution time"),
                                                           L("Executions", 0.02, "Executions")),
              {"monthly_executions": 100_000}),
    _func_app("functionApp", "funcApp", _consumption(False), {}),
    _func_app("functionAppNoAvailableServicePlan", "in_another_module", _consumption(False), {}),
    _func_app("functionAppWithMissingExecutions", "funcApp", _consumption(False), {}),
    _storage("azurerm_storage_account.example"),
    Case("azurerm_container_app.example", CONTAINER_APP,
         {**WEST_EUROPE, "template": {"containers": [CONTAINER, SIDECAR]}},
         (L("vCPU (active)", 78.88, "vCPU (active"), L("Memory (active)", 18.56, "Memory (active"),
          L("vCPU (idle)", 15.77, None), L("Memory (idle)", 31.54, None), L("Requests", 1.68, "Requests"),
          L("vCPU (free)", 0.00, None), L("Memory (free)", 0.00, None), L("Requests (free)", 0.00, None)),
         {"active_replica_hrs": _active_hrs(5_000_000, 1000, 1), "monthly_requests": 5_000_000}, "westeurope"),
    # all of this app's use is within the monthly free grant: their free lines are its whole vCPU, memory, requests
    Case("azurerm_container_app.example_free", CONTAINER_APP, {**WEST_EUROPE, "template": {"containers": [CONTAINER]}},
         (L("vCPU (free)", 0.00, "vCPU (active"), L("Memory (free)", 0.00, "Memory (active"),
          L("Requests (free)", 0.00, "Requests")),
         {"active_replica_hrs": _active_hrs(100_000, 100, 1), "monthly_requests": 100_000}, "westeurope"),
    Case("azurerm_log_analytics_workspace.example", "azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace",
         {"location": "westeurope", "sku": "PerGB2018"},
         (L("Log data ingestion", "2.99", None), L("Log data export", "0.13", None),
          L("Basic log data ingestion", "0.65", None), L("Basic log search queries", "0.0065", None),
          L("Archive data", "0.026", None), L("Archive data restored", "0.13", None),
          L("Archive data searched", "0.0065", None)), region="westeurope"),
)

PREMIUM_APP = ("unpriced: a function app on an Elastic Premium plan is free in our model, its plan carries the cost "
               "(priced as the plan resource; App Service plan prices are in the book for the Southeast Asia regions "
               "only); Infracost prices the plan's vCPU and memory on each app, so a plan shared by several apps is "
               "counted once per app: ours is right not to")
KIND_AS_CONSUMPTION = ("unpriced: the plan's SKU is Elastic Premium (EP1-EP3), which Azure bills per plan instance "
                       "(ours: the app is free, the plan carries the cost); Infracost reads a legacy plan of kind "
                       "FunctionApp on the Standard tier as Consumption whatever its SKU: the SKU decides the billing")
NO_PLAN = ("unpriced: the app's plan (app_service_plan_id \"in_another_module\") is not in the stack, and who is "
           "billed (the plan, or executions on a Consumption plan) depends on it; Infracost assumes Consumption")
MEMORY_STEPS = ("ours 13.42: GB-seconds from the average memory as given (490 MB); Infracost rounds it up to "
                "Azure's 128 MB billing step (512 MB). Azure rounds each execution's memory, not the average, so "
                "rounding an average is itself an estimate; our usage arithmetic multiplies keys and has no rounding")
COOL_EASTUS = ("unpriced: the Cool tier has prices in the book for five EU regions only (the retail data); eastus "
               "has Hot LRS only (the 25-region table)")
FREE_GRANT = ("ours {ours}: the monthly free grant (180,000 vCPU-s, 360,000 GiB-s, 2M requests) is per "
              "subscription, so ours does not deduct it from an app (the label says so); Infracost deducts it from "
              "each app (and prints the free part as a $0.00 line)")
FREE_LINE = "no such line: the free grant is per subscription, not deducted per app, so ours prints no free-grant line"
IDLE = ("no such line: the program sets no minReplicas (their min_replicas: 3 is a usage-file key; ours reads "
        "template.minReplicas), and ours prices kept replicas at the active rate because the idle rate is not in the "
        "book (the 25-region Azure table has the active vCPU and memory rates only)")
LOG_ANALYTICS = ("unpriced: Log Analytics workspaces are not priced (no mapper, and the price book has no Log "
                 "Analytics prices)")


def _why(case: Case, label: str) -> str:
    """The reason for each of our misses in these goldens."""
    if case.token == STORAGE:
        return COOL_EASTUS
    if case.token.startswith("azure:operationalinsights"):
        return LOG_ANALYTICS
    if case.token == CONTAINER_APP:
        if "(idle)" in label:
            return IDLE
        if case.golden.endswith(".example") and "(free)" in label:
            return FREE_LINE
        return FREE_GRANT.format(ours={"vCPU (active)": "85.00", "Memory (active)": "20.00", "Requests": "2.80",
                                       "vCPU (free)": "0.085", "Memory (free)": "0.02",
                                       "Requests (free)": "0.056"}[label])
    if label.startswith(("vCPU (", "Memory (")):
        return PREMIUM_APP
    if "in_another_module" in str(case.props.get("appServicePlanId")):
        return NO_PLAN
    sku = next((plan.get("skuName") or plan["sku"]["size"] for _, plan in case.stack
                if plan["id"] in (case.props.get("servicePlanId"), case.props.get("appServicePlanId"))), "")
    if sku.upper() != "Y1":
        return KIND_AS_CONSUMPTION
    return MEMORY_STEPS


# The Consumption (Y1) apps' lines we match: executions with usage (ours 0.708) and both unit prices.
MATCHED = {("Executions", 0.71), ("Execution time", "0.000016"), ("Executions", "0.20")}
DIFFERENCES: dict[tuple[str, str], str] = {
    (case.golden, label): _why(case, label) for case in CASES for label, figure, _, _ in case.lines
    if not (case.token != STORAGE and _why(case, label) == MEMORY_STEPS and (label, figure) in MATCHED)}
