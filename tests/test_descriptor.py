"""The descriptor table: each priced type, its SKU, region and cost components."""
import pytest

from pulumicost_policy.descriptor import Free, ResourceDescriptor, ResourceInput, Unpriced, describe
from pulumicost_policy.descriptor.azure.compute import disk_tier
from pulumicost_policy.inputs.sentinels import UNKNOWN

AWS = {"region": "us-east-1"}


def d(type_token, props, provider=AWS, config=None):
    return describe(ResourceInput("urn:x", type_token, "r", props, provider, config or {}))


def keys(desc):
    """Price key, quantity and the usage key it waits for (none for hours/counts, which default)."""
    return [(c.price_type, c.sku, c.billing_mode, c.quantity, None if c.usage_defaults else c.usage_key)
            for c in desc.components]


def test_ec2_with_root_volume():
    desc = d("aws:ec2/instance:Instance", {"instanceType": "m5.large",
                                           "rootBlockDevice": {"volumeSize": 20, "volumeType": "gp3"}})
    assert isinstance(desc, ResourceDescriptor) and desc.sku == "m5.large" and desc.region == "us-east-1"
    assert keys(desc) == [("ec2:Instance", "m5.large", "per_hour", 1.0, None),
                          ("ebs:Volume", "gp3", "per_gb_month", 20.0, None)]


@pytest.mark.parametrize("props,region", [
    ({"availabilityZone": "us-west-2b"}, "us-west-2"),
    ({"region": "eu-central-1"}, "eu-central-1"),
    ({}, "us-east-1"),
])
def test_region_order(props, region):
    desc = d("aws:ec2/instance:Instance", {"instanceType": "t3.micro", **props}, provider={"region": "us-east-1"})
    assert desc.region == region


def test_region_from_stack_config_and_missing():
    assert d("aws:ec2/instance:Instance", {"instanceType": "t3.micro"}, provider=None,
             config={"aws:region": "ap-south-1"}).region == "ap-south-1"
    assert "region unknown" in d("aws:ec2/instance:Instance", {"instanceType": "t3.micro"}, provider=None).reason


def test_rds_multi_az_and_storage():
    desc = d("aws:rds/instance:Instance", {"instanceClass": "db.t3.micro", "engine": "MySQL", "multiAz": True,
                                           "allocatedStorage": 20})
    assert keys(desc) == [("rds:Instance", "db.t3.micro:mysql:multi-az", "per_hour", 1.0, None),
                          ("rds:Storage", "gp2:multi-az", "per_gb_month", 20.0, None),
                          ("rds:Storage", "backup", "per_gb_month", None, "additional_backup_storage_gb")]


def test_ebs_gp3_extra_performance_only_above_baseline():
    desc = d("aws:ebs/volume:Volume", {"type": "gp3", "size": 100, "iops": 4000, "throughput": 130,
                                       "availabilityZone": "us-east-1a"})
    assert keys(desc)[1:] == [("ebs:Volume", "gp3-iops", "per_iops_month", 1000.0, None),
                              ("ebs:Volume", "gp3-throughput", "per_mbps_month", 5.0, None)]


def test_usage_based_and_capacity_types():
    assert [c.usage_key for c in d("aws:s3/bucketV2:BucketV2", {}).components][:4] == \
        ["storage_gb", "monthly_put_requests", "monthly_get_requests", "standard_ia_storage_gb"]
    lam = d("aws:lambda/function:Function", {"memorySize": 512})
    assert lam.components[1].usage_key == "monthly_requests*request_duration_ms"
    assert lam.components[1].usage_scale == pytest.approx(0.5 / 1000)
    ddb = d("aws:dynamodb/table:Table", {"readCapacity": 10, "writeCapacity": 5})
    assert keys(ddb)[:2] == [("dynamodb:Table", "provisioned-wcu", "per_hour", 5.0, None),
                             ("dynamodb:Table", "provisioned-rcu", "per_hour", 10.0, None)]
    assert d("aws:lb/loadBalancer:LoadBalancer", {"loadBalancerType": "network"}).sku == "network"
    assert d("aws:eks/nodeGroup:NodeGroup", {"instanceTypes": ["m5.large"],
                                             "scalingConfig": {"desiredSize": 3}}).components[0].quantity == 3.0


def test_azure_native_nested_vm_size_and_windows():
    desc = d("azure-native:compute:VirtualMachine", {"hardwareProfile": {"vmSize": "Standard_B1s"},
                                                     "location": "East US"}, provider=None)
    assert (desc.provider, desc.sku, desc.region) == ("azure", "Standard_B1s", "eastus")
    win = d("azure-native:compute:VirtualMachine", {"hardwareProfile": {"vmSize": "Standard_B1s"},
                                                    "osProfile": {"windowsConfiguration": {}}, "location": "eastus"})
    assert [(c.price_type, c.sku) for c in win.components][:1] == [("vm:Windows", "Standard_B1s")]


def test_azure_disk_tiers():
    assert disk_tier("Premium_LRS", 100) == "P10"
    assert disk_tier("Standard_LRS", 32) == "S4"
    assert disk_tier("Standard_LRS", 33) == "S6"
    assert disk_tier("Ultra_LRS", 10) is None
    desc = d("azure:compute/managedDisk:ManagedDisk", {"storageAccountType": "StandardSSD_LRS", "diskSizeGb": 64,
                                                       "location": "eastus"})
    assert desc.sku == "StandardSSD_LRS:E6"


def test_gcp_zone_normalised():
    desc = d("gcp:compute/instance:Instance", {"machineType": "e2-medium", "zone": "us-central1-a"}, provider=None)
    assert (desc.provider, desc.sku, desc.region) == ("gcp", "e2-medium", "us-central1")


@pytest.mark.parametrize("t", ["pulumi:pulumi:Stack", "pulumi:providers:aws", "aws:iam/role:Role",
                               "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/vpc:Vpc", "random:index/randomPet:RandomPet",
                               "tls:index/privateKey:PrivateKey", "aws:ec2/routeTable:RouteTable"])
def test_free_types(t):
    assert isinstance(d(t, {}), Free)


@pytest.mark.parametrize("props,reason", [
    ({"instanceType": UNKNOWN}, "instanceType unknown until apply"),
    ({"instanceType": 3.0}, "instanceType should be a string, got number"),
    ({"instanceType": ["t3.micro"]}, "instanceType should be a string, got list"),
    ({"instanceType": "[secret]"}, "instanceType is a secret"),
    ({}, "instanceType not set inline"),
    ({"instanceType": "t3.micro", "rootBlockDevice": {"volumeSize": "big"}}, "rootBlockDevice.volumeSize should be a number"),
    ({"instanceType": "t3.micro", "availabilityZone": UNKNOWN}, "availabilityZone unknown until apply"),
])
def test_bad_values_become_reasons(props, reason):
    desc = d("aws:ec2/instance:Instance", props)
    assert isinstance(desc, Unpriced) and reason in desc.reason


def test_unknown_marks_pending():
    assert d("aws:ec2/instance:Instance", {"instanceType": UNKNOWN}).pending
    assert not d("aws:ec2/instance:Instance", {"instanceType": 1}).pending


@pytest.mark.parametrize("tier,fee", [("Paid", "Standard"), ("Standard", "Standard"), ("Premium", "Premium"),
                                      ("Free", None), (None, None)])
def test_aks_tier_fee_reads_the_old_paid_name_as_standard(tier, fee):
    """azurerm's sku_tier was "Free"/"Paid" before Azure renamed Paid (the uptime SLA) Standard: an older
    program's Paid cluster pays the Standard fee, not nothing."""
    props = {"defaultNodePool": {"vmSize": "Standard_D2_v2"}, **({"skuTier": tier} if tier else {})}
    desc = d("azure:containerservice/kubernetesCluster:KubernetesCluster", props, {"location": "eastus"})
    fees = [c.sku for c in desc.components if c.price_type == "aks:Cluster"]
    assert fees == ([fee] if fee else [])
