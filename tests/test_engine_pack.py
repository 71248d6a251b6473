"""The pack driven exactly as the Pulumi engine drives it (spawned process, real gRPC)."""
from pulumi.runtime.proto import analyzer_pb2

from pulumicost_policy.testing.harness import UNKNOWN, EnginePack, secret, urn
from pulumicost_policy.money import money, rate_text
from pulumicost_policy.pricing.pricebook import PriceBook

EC2 = "aws:ec2/instance:Instance"
US_EAST = {"region": "us-east-1", "version": "6.56.1"}


def cost_diags(diags):
    return [d for d in diags if d.policy == "cost-estimate"]


def test_pack_identity_and_policies(pack):
    assert pack.info.name == "pulumicost"
    names = {p.name for p in pack.info.policies}
    assert {"cost-estimate", "stack-cost-summary"} <= names
    # Pulumi Cloud shows the pack's display name and, with a violation, its severity and remediation.
    assert pack.info.displayName and "cost" in pack.info.tags
    gates = [p for p in pack.info.policies if p.name in ("stack-budget", "resource-cost-limit", "cost-increase")]
    assert gates and all(p.severity == analyzer_pb2.PolicySeverity.Value("POLICY_SEVERITY_HIGH") and
                         "policy config" in p.remediation_steps for p in gates)


def test_ec2_priced_in_region_from_provider(pack):
    spec = PriceBook.load().get("aws", "ec2:Instance", "t3.micro", "us-east-1")  # seed: 0.0104 (unchanged since 2020)
    [d] = cost_diags(pack.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider=US_EAST))
    assert d.level == "advisory"
    assert money(spec.rate_per_unit * 730) in d.message and "USD" in d.message
    assert f"{rate_text(spec.rate_per_unit)} USD per hour" in d.message and "source: specs " in d.message
    assert spec.effective_date in d.message.split("source: specs ", 1)[1]
    assert "region us-east-1 from the provider" in d.message


def test_provider_region_beats_stack_config():
    # Stack config says us-east-1 but the provider says eu-west-1: priced at the eu-west-1 figure.
    book = PriceBook.load()
    eu, us = (book.get("aws", "ec2:Instance", "t3.micro", r).rate_per_unit * 730 for r in ("eu-west-1", "us-east-1"))
    assert money(eu) != money(us)
    p = EnginePack(config={"aws:region": "us-east-1"})
    try:
        p.configure()
        [d] = cost_diags(p.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider={"region": "eu-west-1"}))
        assert money(eu) in d.message and "region eu-west-1 from the provider" in d.message
        [d] = cost_diags(p.analyze(EC2, "web2", {"instanceType": "t3.micro"}, provider={}))
        assert money(us) in d.message and "from stack config aws:region" in d.message  # falls back to stack config
    finally:
        p.close()


def test_region_unknown_without_provider_or_config():
    p = EnginePack(config={})
    try:
        p.configure()
        [d] = cost_diags(p.analyze(EC2, "web", {"instanceType": "t3.micro"}))
        assert "region unknown" in d.message and "aws:region" in d.message
    finally:
        p.close()


def test_unknown_instance_type_is_unpriced_not_zero(pack):
    [d] = cost_diags(pack.analyze(EC2, "pending", {"instanceType": UNKNOWN}, provider=US_EAST))
    assert "unpriced: instanceType unknown until apply" in d.message
    assert "$0.00" not in d.message


def test_secret_property_never_echoed(pack):
    props = {"instanceType": "t3.micro", "userData": secret("hunter2-userdata"),
             "tags": {"token": secret("s3cr3t-tag")}}
    diags = pack.analyze(EC2, "web", props, provider=US_EAST, secret_outputs=("userData",))
    assert "7.59" in cost_diags(diags)[0].message
    # A secret where we need a value (the SKU itself): unpriced, and the value is not shown.
    diags += pack.analyze(EC2, "web-secret-type", {"instanceType": secret("zz9.plural-secret")}, provider=US_EAST)
    diags += pack.analyze(EC2, "web-secret-region", {"instanceType": "t3.micro"},
                          provider={"region": secret("topsecret-region")})
    text = "\n".join(d.message for d in diags)
    for leaked in ("hunter2", "s3cr3t", "zz9.plural-secret", "topsecret-region"):
        assert leaked not in text
    assert "unpriced" in cost_diags(diags)[1].message


def test_free_resource_is_not_applicable(pack):
    diags = pack.analyze("aws:iam/role:Role", "role", {"assumeRolePolicy": "{}"}, provider=US_EAST)
    assert cost_diags(diags) == []
    assert ("cost-estimate", "no direct cost: identity and access (no charge)") in pack.last_not_applicable


def test_unsupported_type_says_so(pack):
    [d] = cost_diags(pack.analyze("aws:mq/broker:Broker", "q", {}, provider=US_EAST))
    assert "unpriced: type aws:mq/broker:Broker is not supported yet" in d.message


def test_malformed_property_is_a_diagnostic_not_an_rpc_error(pack):
    [d] = cost_diags(pack.analyze(EC2, "bad", {"instanceType": 42}, provider=US_EAST))
    assert "instanceType should be a string, got number" in d.message


def test_stack_summary_sums_and_keys_by_urn(pack):
    # Two resources named "web" under different parents must both count.
    a = urn(EC2, "web")
    b = urn(EC2, "web", parent_types="my:component:Web")
    resources = [
        {"type": EC2, "name": "web", "urn": a, "props": {"instanceType": "t3.micro"}, "provider": US_EAST},
        {"type": EC2, "name": "web", "urn": b, "props": {"instanceType": "m5.large"}, "provider": US_EAST},
        {"type": "aws:iam/role:Role", "name": "role", "props": {}},
        {"type": "aws:mq/broker:Broker", "name": "q", "props": {}},
    ]
    [d] = [d for d in pack.analyze_stack(resources) if d.policy == "stack-cost-summary"]
    # 0.0104*730 + 0.096*730 = 7.592 + 70.08 = 77.672
    assert "$77.67 USD" in d.message
    assert "2 priced, 1 free, 0 usage-based, 1 unpriced" in d.message
    assert "aws:mq/broker:Broker (1)" in d.message


def test_stack_summary_uses_analyze_inputs_when_outputs_unknown(pack):
    u = urn(EC2, "late")
    pack.analyze(EC2, "late", {"instanceType": "m5.large"}, provider=US_EAST, resource_urn=u)
    [d] = [d for d in pack.analyze_stack([{"type": EC2, "name": "late", "urn": u,
                                           "props": {"instanceType": UNKNOWN}, "provider": US_EAST}])
           if d.policy == "stack-cost-summary"]
    assert "$70.08 USD" in d.message and "1 priced" in d.message


def test_nothing_on_stdout_before_port():
    p = EnginePack()
    try:
        assert 0 < p.port < 65536
    finally:
        p.close()


def test_cost_estimate_by_default_reports_only_resources_from_100_a_month():
    """#16 item 7: a 500-resource preview is not 500 warnings. By default (no policy config) only
    resources at or above minMonthlyCost ($100) get a diagnostic; cheaper ones are not applicable
    with their cost as the reason, and the stack summary carries the total."""
    book = PriceBook.load()
    small = book.get("aws", "ec2:Instance", "t3.micro", "us-east-1").rate_per_unit * 730
    big = book.get("aws", "ec2:Instance", "m5.4xlarge", "us-east-1").rate_per_unit * 730
    assert small < 100 <= big
    p = EnginePack(every_cost=False)
    try:
        assert cost_diags(p.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider=US_EAST)) == []
        [reason] = [r for name, r in p.last_not_applicable if name == "cost-estimate"]
        assert money(small) in reason and "below minMonthlyCost ($100.00)" in reason
        [d] = cost_diags(p.analyze(EC2, "db", {"instanceType": "m5.4xlarge"}, provider=US_EAST))
        assert money(big) in d.message
        summary = [d for d in p.analyze_stack([
            {"type": EC2, "name": "web", "props": {"instanceType": "t3.micro"}, "provider": US_EAST},
            {"type": EC2, "name": "db", "props": {"instanceType": "m5.4xlarge"}, "provider": US_EAST}])
            if d.policy == "stack-cost-summary"]
        assert summary and money(small + big) in summary[0].message
        p.configure({"cost-estimate": {"reportEach": "none"}})
        assert cost_diags(p.analyze(EC2, "db", {"instanceType": "m5.4xlarge"}, provider=US_EAST)) == []
        p.configure({"cost-estimate": {"reportEach": "above", "minMonthlyCost": 5}})
        assert len(cost_diags(p.analyze(EC2, "web", {"instanceType": "t3.micro"}, provider=US_EAST))) == 1
    finally:
        p.close()
