"""The plugin host through the pack, the way the engine drives it: real plugins installed into a
temporary plugin root, launched as processes, called over gRPC."""
from __future__ import annotations

from pulumicost_policy.testing.harness import EnginePack
from plugin_root import PluginRoot
from pulumicost_policy.pricing.pricebook import PriceBook

EC2 = "aws:ec2/instance:Instance"
US_EAST = {"region": "us-east-1"}
T3 = {"instanceType": "t3.micro"}


def run_pack(root: PluginRoot, resources: list[tuple[str, dict]], region: dict = US_EAST):
    """Analyze each (name, props) EC2 instance, then AnalyzeStack; (per-resource diags, summary, stderr)."""
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure()
        per = {}
        for name, props in resources:
            [d] = [d for d in pack.analyze(EC2, name, props, provider=region) if d.policy == "cost-estimate"]
            per[name] = d.message
        stack = pack.analyze_stack([{"type": EC2, "name": n, "props": p, "provider": region} for n, p in resources])
        [summary] = [d.message for d in stack if d.policy == "stack-cost-summary"]
        return per, summary, pack.stderr()
    finally:
        pack.close()


def test_installed_plugin_is_the_source_then_price_book_when_removed(root):
    root.install_shipped("aws-public")
    per, summary, _ = run_pack(root, [("web", T3)])
    assert "$7.59 USD/month" in per["web"] and "source: plugin aws-public 0.1.0" in per["web"]
    assert "$7.59" in summary

    root.remove("aws-public")
    per, _, _ = run_pack(root, [("web", T3)])
    # The feed's date (the seed's 2020 offer file is no longer the source of EC2 in us-east-1).
    date = PriceBook.load().get("aws", "ec2:Instance", "t3.micro", "us-east-1").effective_date
    assert "$7.59 USD/month" in per["web"] and date in per["web"].split("source: specs ", 1)[1]


def test_plugin_that_answers_nothing_leaves_unknown_sku_unpriced(root):
    root.install_scripted("silent", "nothing")
    per, _, _ = run_pack(root, [("known", T3), ("exotic", {"instanceType": "zz9.mega"})])
    assert "source: specs" in per["known"]  # the price book still answers what it knows
    assert "unpriced" in per["exotic"] and "$0.00" not in per["exotic"]


def test_identical_descriptors_are_asked_once(root, tmp_path):
    log = tmp_path / "calls.log"
    root.install_scripted("counter", "ok", log=log)
    resources = [(f"web-{i}", T3) for i in range(10)] + [("big", {"instanceType": "m5.large"})]
    per, summary, _ = run_pack(root, resources)
    assert all("source: plugin counter 1.0.0" in per[f"web-{i}"] for i in range(10))
    calls = log.read_text().splitlines()
    # The real descriptor: the Pulumi type token, the instance type as SKU, the properties as tags.
    assert sorted(calls) == ["aws:ec2/instance:Instance m5.large us-east-1 instanceType=m5.large",
                             "aws:ec2/instance:Instance t3.micro us-east-1 instanceType=t3.micro"]
    assert "$146.00" in summary  # 10 x 7.592 + 0.096 x 730, as the price book says


def test_aws_public_pricing_spec(root):
    from pulumicost_policy.plugins.host import PluginHost
    from pulumicost_policy.protocol import costsource_pb2 as pb

    root.install_shipped("aws-public")
    host = PluginHost.from_environment(root.path)
    try:
        [client] = host.for_provider("aws")
        spec = client.call("GetPricingSpec", pb.GetPricingSpecRequest(resource=pb.ResourceDescriptor(
            provider="aws", resource_type="ec2:Instance", sku="t3.micro", region="us-east-1"))).spec
        book = PriceBook.load().get("aws", "ec2:Instance", "t3.micro", "us-east-1")
        assert (spec.billing_mode, spec.rate_per_unit, spec.currency, spec.unit) == (
            "per_hour", book.rate_per_unit, "USD", "hour")
        assert spec.plugin_metadata["effective_date"] == book.effective_date
    finally:
        host.close()


def test_vantage_list_prices_as_the_source(root):
    from vendor_servers import Vantage

    server = Vantage("tok-projected")
    server.prices[("aws", "m5.large")] = [
        {"id": "p1", "unit": "hour", "region": "eu-west-1", "currency": "USD", "amount": 0.107},
        {"id": "p2", "unit": "hour", "region": "us-east-1", "currency": "USD", "amount": 0.096}]
    try:
        root.install_shipped("vantage", env={"VANTAGE_API_TOKEN": "tok-projected", "VANTAGE_API_URL": server.url})
        per, _, _ = run_pack(root, [("big", {"instanceType": "m5.large"}), ("web", T3)])
        assert "$70.08 USD/month" in per["big"] and "source: plugin vantage 0.1.0" in per["big"]
        assert "source: specs" in per["web"]  # Vantage lists no t3.micro here: the price book answers
        assert {r["path"] for r in server.requests} >= {"/v2/products", "/v2/products/prd_aws_m5.large/prices"}
    finally:
        server.close()


def test_plugins_are_asked_by_the_type_tokens_package(root, tmp_path):
    """A plugin listing only `azure-native` is asked about `azure-native:...` resources (the price
    book files both Azure packages under `azure`), one listing `azure` about classic ones only."""
    native_log, classic_log = tmp_path / "native.log", tmp_path / "classic.log"
    root.install_scripted("native", "ok", log=native_log, providers=("azure-native",))
    root.install_scripted("classic", "ok", log=classic_log, providers=("azure",))
    os_disk = {"storageAccountType": "Standard_LRS", "diskSizeGb": 30}
    resources = [  # the same VM (size, OS disk) in each package, and an azure-native disk
        ("azure-native:compute:VirtualMachine", "nvm", {"location": "eastus", "hardwareProfile": {"vmSize": "Standard_B1s"},
         "storageProfile": {"osDisk": {"diskSizeGB": 30, "managedDisk": {"storageAccountType": "Standard_LRS"}}}}),
        ("azure:compute/linuxVirtualMachine:LinuxVirtualMachine", "cvm",
         {"location": "eastus", "size": "Standard_B1s", "osDisk": os_disk}),
        ("azure-native:compute:Disk", "ndisk", {"location": "eastus", "sku": {"name": "Standard_LRS"}, "diskSizeGB": 30}),
    ]
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure()
        per = {name: [d.message for d in pack.analyze(token, name, props) if d.policy == "cost-estimate"][0]
               for token, name, props in resources}
    finally:
        pack.close()
    book = PriceBook.load()
    month = (book.get("azure", "vm:Linux", "Standard_B1s", "eastus").rate_per_unit * 730
             + book.get("azure", "managed-disk", "Standard_LRS:S4", "eastus").rate_per_unit)
    assert "source: plugin native 1.0.0" in per["nvm"] and f"${month:.2f}" in per["nvm"]
    assert "source: plugin classic 1.0.0" in per["cvm"] and f"${month:.2f}" in per["cvm"]
    native, classic = native_log.read_text().splitlines(), classic_log.read_text().splitlines()
    # Two components of each VM asked in price-book terms; the native disk with the real descriptor.
    assert sorted(native) == ["azure-native:compute:Disk Standard_LRS:S4 eastus location=eastus sku.name=Standard_LRS",
                              "managed-disk Standard_LRS:S4 eastus", "vm:Linux Standard_B1s eastus"]
    assert sorted(classic) == ["managed-disk Standard_LRS:S4 eastus", "vm:Linux Standard_B1s eastus"]


def test_a_replica_is_asked_about_in_its_own_region(root, tmp_path):
    """A global table's components go to the plugin one by one, each replica's in its region."""
    log = tmp_path / "calls.log"
    root.install_scripted("counter", "ok", log=log)
    props = {"billingMode": "PROVISIONED", "readCapacity": 5, "writeCapacity": 10,
             "replicas": [{"regionName": "us-west-1"}]}
    pack = EnginePack(env={"PULUMICOST_HOME": str(root.path)})
    try:
        pack.configure()
        [d] = [d for d in pack.analyze("aws:dynamodb/table:Table", "orders", props, provider=US_EAST)
               if d.policy == "cost-estimate"]
    finally:
        pack.close()
    assert "source: plugin counter 1.0.0" in d.message
    calls = log.read_text().splitlines()
    assert "dynamodb:Table provisioned-rwcu us-west-1" in calls and "dynamodb:Table provisioned-wcu us-east-1" in calls
    book = PriceBook.load()
    wcu = book.get("aws", "dynamodb:Table", "provisioned-wcu", "us-east-1").rate_per_unit
    rcu = book.get("aws", "dynamodb:Table", "provisioned-rcu", "us-east-1").rate_per_unit
    rwcu = book.get("aws", "dynamodb:Table", "provisioned-rwcu", "us-west-1").rate_per_unit
    assert f"${(10 * wcu + 5 * rcu + 10 * rwcu) * 730:,.2f}" in d.message
