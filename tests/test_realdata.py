"""Every real stack file in ../shared/realdata (issue #25): no billable resource is called free and no
resource that costs nothing is left unpriced; the false alarms the issue lists are free with a reason."""
from pathlib import Path

import pytest

from pulumicost_policy.descriptor.catalog import MAPPERS, base_token
from pulumicost_policy.descriptor.free import free_reason
from pulumicost_policy.inputs import plan
from pulumicost_policy.pricing.estimate import FREE, UNPRICED
from pulumicost_policy.pricing.pricer import Pricer

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "realdata"
FILES = sorted(REAL.glob("*.json")) if REAL.is_dir() else []
PRICER = Pricer.from_specs()
# A made-up type of the Pulumi engine's own analyzer test (pp-eventstream-TestSimpleAnalyzer.json).
SYNTHETIC = {"pkgA:m:typA"}
# Registered types a mapper calls free on a condition, and the condition's wording.
CONDITIONAL_FREE = {
    "aws:ecs/service:Service": "on EC2",
    "aws:apigateway/stage:Stage": "",
    "azure:appservice/functionApp:FunctionApp": "App Service",
    "azure:cdn/profile:Profile": "classic CDN profile",
    "azure:lb/loadBalancer:LoadBalancer": "Basic",
    "gcp:secretmanager/secret:Secret": "versions",
    "aws:cloudformation/stack:Stack": "only configuration",
}
# The false alarms issue #25 lists, as they appear in these files: each must be free.
FALSE_ALARMS = {
    "azure:sql/firewallRule:FirewallRule", "azure:sql/sqlServer:SqlServer", "azure:servicebus/queue:Queue",
    "azure:servicebus/topic:Topic", "azure:servicebus/subscription:Subscription",
    "azure:servicebus/subscriptionRule:SubscriptionRule", "azure:keyvault/accessPolicy:AccessPolicy",
    "azure:keyvault/secret:Secret", "azure:storage/container:Container", "azure:storage/blob:Blob",
    "azure:compute/dataDiskAttachment:DataDiskAttachment", "azure:appservice/appService:AppService",
    "azure:appservice/functionApp:FunctionApp", "gcp:secretmanager/secret:Secret",
}


def estimates(path: Path):
    try:
        planned = plan.load(path, "state")
    except plan.PlanError:
        planned = plan.load(path, "preview")
    return PRICER.estimate_many([p.resource for p in planned])


@pytest.fixture(scope="module")
def everything():
    return {path.name: estimates(path) for path in FILES}


@pytest.mark.skipif(not FILES, reason="../shared/realdata is not here")
def test_every_file_is_read_and_no_type_is_unknown(everything):
    assert len(everything) >= 30
    unknown = {(name, e.type) for name, ests in everything.items() for e in ests
               if e.status == UNPRICED and "not supported yet" in (e.reason or "") and e.type not in SYNTHETIC}
    assert not unknown


@pytest.mark.skipif(not FILES, reason="../shared/realdata is not here")
def test_no_billable_resource_is_free_and_no_free_one_unpriced(everything):
    seen_alarms = set()
    for name, ests in everything.items():
        for e in ests:
            token = base_token(e.type)
            if e.type in FALSE_ALARMS:
                seen_alarms.add(e.type)
                assert e.status == FREE and e.reason, (name, e.type, e.status, e.reason)
            if e.status == FREE and not e.component and free_reason(token) is None:
                # not free by type: a registered mapper said so, on a condition it names
                assert token in CONDITIONAL_FREE and CONDITIONAL_FREE[token] in e.reason, (name, e.type, e.reason)
            if e.status == UNPRICED and e.type not in SYNTHETIC:
                # unpriced only for what is billable: a registered type, with a reason that is not a $0
                assert token in MAPPERS, (name, e.type, e.reason)
    assert seen_alarms == FALSE_ALARMS  # every listed false alarm occurs in the files, and is free


@pytest.mark.skipif(not FILES, reason="../shared/realdata is not here")
def test_cdn_profile_and_load_balancer_by_sku():
    from pulumicost_policy.descriptor import ResourceInput, describe
    from pulumicost_policy.descriptor.model import Free, Unpriced

    def d(token, props):
        return describe(ResourceInput("urn:x", token, "x", {"location": "eastus", **props}, env={}))
    assert isinstance(d("azure:cdn/profile:Profile", {"sku": "Standard_Microsoft"}), Free)
    assert isinstance(d("azure-native:cdn:Profile", {"sku": {"name": "Premium_AzureFrontDoor"}}), Unpriced)
    assert isinstance(d("azure:lb/loadBalancer:LoadBalancer", {"sku": "Basic"}), Free)
    assert isinstance(d("azure:lb/loadBalancer:LoadBalancer", {"sku": "Standard"}), Unpriced)
    assert isinstance(d("azure-native:network:LoadBalancer", {"sku": {"name": "Standard"}}), Unpriced)
    # a function app on a Consumption plan is billed by its executions: never free
    from pulumicost_policy.descriptor.resolve import resolve_references
    plan_res = ResourceInput("urn:p", "azure:appservice/plan:Plan", "p",
                             {"id": "/plans/p", "sku": {"tier": "Dynamic", "size": "Y1"}}, env={})
    app = ResourceInput("urn:f", "azure:appservice/functionApp:FunctionApp", "f",
                        {"appServicePlanId": "/plans/p", "location": "eastus"}, env={})
    assert isinstance(describe(resolve_references([plan_res, app])[1]), Unpriced)
    assert isinstance(describe(app), Unpriced)  # its plan not in view
