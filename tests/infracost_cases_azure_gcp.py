"""Infracost goldens for more of the priced types (issue #24): Azure and GCP: Windows VMs and scale sets,
classic VMs, MySQL flexible servers, Service Bus, Key Vault keys, load balancers; GCE forwarding rules,
VPN tunnels and instance groups.

Each module of this kind gives CASES (translated golden resources, every line of each) and
DIFFERENCES (the lines we do not match, each with its reason); tests/infracost_cases.py gathers them."""
from __future__ import annotations

from infracost_case import Case, L

EAST = {"location": "eastus"}
WEST_EUROPE = {"location": "westeurope"}
WIN_VM = "azure:compute/windowsVirtualMachine:WindowsVirtualMachine"
CLASSIC_VM = "azure:compute/virtualMachine:VirtualMachine"
# azurerm_virtual_machine_scale_set (the legacy type) is pulumi-azure's azure:compute/scaleSet:ScaleSet, which the
# pack does not register; the closest registered token is azure-native's VirtualMachineScaleSet (the same ARM
# resource), its inputs written as that provider names them.
NATIVE_VMSS = "azure-native:compute:VirtualMachineScaleSet"
VM_WIN, VM_LINUX, OS_DISK = "Virtual machine (Windows, pay-as-you-go)", "Virtual machine (Linux, pay-as-you-go)", \
    "OS disk"
VM_HYBRID = "Virtual machine (Windows, hybrid benefit"  # licenseType Windows_Server: the Linux rate


def WIN_VM_CASE(name: str, size: str, disk: dict, lines: tuple, usage: dict, **extra) -> Case:
    return Case(f"azurerm_windows_virtual_machine.{name}", WIN_VM,
                {**EAST, "size": size, "osDisk": {"caching": "ReadWrite", **disk}, **extra}, lines, usage, "eastus")


def CLASSIC_VM_CASE(name: str, windows: bool, lines: tuple, usage: dict, data_disks: tuple = ()) -> Case:
    os_disk = {"name": "myosdisk1", "caching": "ReadWrite", "createOption": "FromImage",
               "managedDiskType": "Standard_LRS", **({"osType": "Windows"} if windows else {})}
    profile = {} if windows else {
        "storageImageReference": {"publisher": "Canonical", "offer": "UbuntuServer", "sku": "16.04-LTS",
                                  "version": "latest"},
        "osProfileLinuxConfig": {"disablePasswordAuthentication": False}}
    disks = [{"name": "myosdisk1", "caching": "ReadWrite", "createOption": "FromImage", "managedDiskType": kind,
              "lun": lun} for lun, kind in enumerate(data_disks, 1)]
    return Case(f"azurerm_virtual_machine.{name}", CLASSIC_VM,
                {**EAST, "vmSize": "Standard_DS1_v2", "storageOsDisk": os_disk, **profile,
                 "osProfile": {"computerName": "hostname", "adminUsername": "testadmin"},
                 **({"storageDataDisks": disks} if disks else {})}, lines, usage, "eastus")


def OPS(prefix: str, figure) -> tuple:
    return L(f"{prefix} Disk operations", figure, None)


ULTRA = L("Ultra disk reservation (if unattached)", "4.38", None)


def LEGACY_VMSS(name: str, windows: bool, capacity: int, lines: tuple) -> Case:
    os_profile = {"computerNamePrefix": "testvm", "adminUsername": "myadmin",
                  **({"windowsConfiguration": {}} if windows else
                     {"linuxConfiguration": {"disablePasswordAuthentication": True}})}
    data = [{"lun": lun, "caching": "ReadWrite", "createOption": "Empty", "diskSizeGB": 10,
             "managedDisk": {"storageAccountType": kind}}
            for lun, kind in enumerate(("StandardSSD_LRS", "Standard_LRS"))]
    return Case(f"azurerm_virtual_machine_scale_set.{name}", NATIVE_VMSS, {
        **WEST_EUROPE, "upgradePolicy": {"mode": "Manual"},
        "sku": {"name": "Standard_F2", "tier": "Standard", "capacity": capacity},
        "virtualMachineProfile": {
            "osProfile": os_profile,
            "storageProfile": {
                "imageReference": {"publisher": "Canonical", "offer": "UbuntuServer", "sku": "16.04-LTS",
                                   "version": "latest"},
                "osDisk": {"caching": "ReadWrite", "createOption": "FromImage",
                           "managedDisk": {"storageAccountType": "Standard_LRS"}},
                "dataDisks": data}}}, lines, region="westeurope")


CASES: tuple[Case, ...] = (
    # windows_virtual_machine_test (eastus)
    WIN_VM_CASE("Standard_E16-8as_v4", "Standard_E16-8as_v4", {"storageAccountType": "Standard_LRS"},
                (L("Instance usage (pay as you go, Standard_E16-8as_v4)", 1273.12, VM_WIN),
                 L("os_disk Storage (S4)", 1.54, OS_DISK), OPS("os_disk", "0.0005")), {}),
    WIN_VM_CASE("basic_a2", "Basic_A2", {"storageAccountType": "Standard_LRS"},
                (L("Instance usage (pay as you go, Basic_A2)", 97.09, VM_WIN),
                 L("os_disk Storage (S4)", 1.54, OS_DISK), OPS("os_disk", "0.0005")), {}),
    WIN_VM_CASE("basic_a2_withMonthlyHours", "Basic_A2", {"storageAccountType": "Standard_LRS"},
                (L("Instance usage (pay as you go, Basic_A2)", 13.30, VM_WIN),
                 L("os_disk Storage (S4)", 1.54, OS_DISK), OPS("os_disk", "0.0005")), {"monthly_hrs": 100}),
    WIN_VM_CASE("standard_a2_ultra_enabled", "Standard_A2_v2", {"storageAccountType": "StandardSSD_LRS"},
                (L("Instance usage (pay as you go, Standard_A2_v2)", 99.28, VM_WIN), ULTRA,
                 L("os_disk Storage (E4)", 2.40, OS_DISK), OPS("os_disk", "0.002")), {},
                additionalCapabilities={"ultraSsdEnabled": True}),
    WIN_VM_CASE("standard_a2_v2_custom_disk", "Standard_A2_v2",
                {"storageAccountType": "StandardSSD_LRS", "diskSizeGb": 1000},
                (L("Instance usage (pay as you go, Standard_A2_v2)", 99.28, VM_WIN),
                 L("os_disk Storage (E30)", 76.80, OS_DISK), OPS("os_disk", 0.00)), {}),  # their 20,000 ops: no key
    WIN_VM_CASE("standard_d2_v4_hybrid_benefit", "Standard_D2_v4",
                {"storageAccountType": "StandardSSD_LRS", "diskSizeGb": 1000},
                (L("Instance usage (hybrid benefit, Standard_D2_v4)", 70.08, VM_HYBRID),
                 L("os_disk Storage (E30)", 76.80, OS_DISK), OPS("os_disk", "0.002")), {},
                licenseType="Windows_Server"),
    WIN_VM_CASE("standard_f2_premium_disk", "Standard_F2", {"storageAccountType": "Premium_LRS"},
                (L("Instance usage (pay as you go, Standard_F2)", 140.16, VM_WIN),
                 L("os_disk Storage (P4)", 5.28, OS_DISK)), {}),
    # virtual_machine_test (eastus; their usage sets disk operations, which we have no key for)
    CLASSIC_VM_CASE("windows", True, (
        L("Instance usage (Windows, pay as you go, Standard_DS1_v2)", 91.98, VM_WIN), ULTRA,
        L("storage_os_disk Storage (S4, LRS)", 1.54, OS_DISK), OPS("storage_os_disk", 0.05),
        L("storage_data_disk[0] Storage (S4, LRS)", 1.54, None), OPS("storage_data_disk[0]", 0.10),
        L("storage_data_disk[1] Storage (E4, LRS)", 2.40, None), OPS("storage_data_disk[1]", 0.40),
        L("storage_data_disk[2] Storage (P4, LRS)", 5.28, None),
        L("storage_data_disk[3] Storage (ultra, 1024 GiB)", 122.59, None),
        L("storage_data_disk[3] Provisioned IOPS", 101.66, None), L("storage_data_disk[3] Throughput", 2.80, None)),
                    {}, ("Standard_LRS", "StandardSSD_LRS", "Premium_LRS", "UltraSSD_LRS")),
    CLASSIC_VM_CASE("linux", False, (
        L("Instance usage (Linux, pay as you go, Standard_DS1_v2)", 53.29, VM_LINUX), ULTRA,
        L("storage_os_disk Storage (S4, LRS)", 1.54, OS_DISK), OPS("storage_os_disk", "0.0005")), {}),
    CLASSIC_VM_CASE("windows_withMonthlyHours", True, (
        L("Instance usage (Windows, pay as you go, Standard_DS1_v2)", 12.60, VM_WIN), ULTRA,
        L("storage_os_disk Storage (S4, LRS)", 1.54, OS_DISK), OPS("storage_os_disk", "0.0005")),
                    {"monthly_hrs": 100}),
    CLASSIC_VM_CASE("linux_withMonthlyHours", False, (
        L("Instance usage (Linux, pay as you go, Standard_DS1_v2)", 7.30, VM_LINUX), ULTRA,
        L("storage_os_disk Storage (S4, LRS)", 1.54, OS_DISK), OPS("storage_os_disk", "0.0005")),
                    {"monthly_hrs": 100}),
    # windows_virtual_machine_scale_set_test (eastus)
    *(Case(f"azurerm_windows_virtual_machine_scale_set.{name}",
           "azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet",
           {**EAST, "instances": 3, "sku": "Basic_A2", "osDisk": {"caching": "ReadWrite",
                                                                  "storageAccountType": "Standard_LRS"}},
           (L("Instance usage (Windows, pay as you go, Basic_A2)", vm, VM_WIN),
            L("os_disk Storage (S4, LRS)", disk, OS_DISK), OPS("os_disk", "0.0005")), usage, region="eastus")
      for name, vm, disk, usage in (("basic_a2_usage", 388.36, 6.14, {"instances": 4}),
                                    ("basic_a2", 291.27, 4.61, {}))),
    # virtual_machine_scale_set_test (West Europe): the legacy type, as azure-native's scale set (see NATIVE_VMSS)
    LEGACY_VMSS("windows", True, 3, (
        L("Instance usage (Windows, hybrid benefit, Standard_F2)", 249.66, VM_WIN),
        L("storage_os_disk Storage (S4, LRS)", 1.54, OS_DISK), OPS("storage_os_disk", 0.05),
        L("storage_data_disk[0] Storage (E4, LRS)", 2.40, None), OPS("storage_data_disk[0]", 0.40),
        L("storage_data_disk[1] Storage (S4, LRS)", 1.54, None), OPS("storage_data_disk[1]", 0.10))),
    LEGACY_VMSS("linux", False, 2, (
        L("Instance usage (Linux, pay as you go, Standard_F2)", 166.44, VM_LINUX),
        L("storage_os_disk Storage (S4, LRS)", 1.54, OS_DISK), OPS("storage_os_disk", "0.0005"),
        L("storage_data_disk[0] Storage (E4, LRS)", 2.40, None), OPS("storage_data_disk[0]", "0.002"),
        L("storage_data_disk[1] Storage (S4, LRS)", 1.54, None), OPS("storage_data_disk[1]", "0.0005"))),
    # mysql_flexible_server_test (westus); additional backup storage has no line of ours
    *(Case(f"azurerm_mysql_flexible_server.{name}", "azure:mysql/flexibleServer:FlexibleServer",
           {"location": "westus", "skuName": sku, **({"storage": storage} if storage else {})},
           (L(f"Compute ({sku})", compute, "Compute"), L("Storage", stored, "Storage"), *extra,
            L("Additional backup storage", backup, None)), usage, "westus")
      for name, sku, storage, compute, stored, extra, backup, usage in (
          ("non_usage_gp", "GP_Standard_D16ds_v4", None, 1138.80, 2.76, (), "0.095", {}),
          ("mo", "MO_Standard_E4ds_v4", {"iops": 500, "sizeGb": 20}, 382.52, 2.76,
           (L("Additional IOPS", 8.40, None),), 285.00, {}),
          ("gp", "GP_Standard_D4ds_v4", None, 284.70, 2.76, (), 190.00, {}),
          ("gp_dXads", "GP_Standard_D2ads_v5", None, 142.35, 2.76, (), "0.095", {}),
          ("burstable", "B_Standard_B1ms", {"iops": 360, "sizeGb": 30}, 16.06, 4.14, (), 95.00, {}))),
)

# servicebus_namespace_test (West Europe): for_each over Basic/Standard capacity 0 and Premium 1-16
SB = "azure:servicebus/namespace:Namespace"
SB_OVER_100M = "Messaging operations (over 100M"
SB_STANDARD_USAGE = (L("Base charge", 9.81, "Base charge"),
                     L("Messaging operations (13M-100M)", 69.60, "Messaging operations (13M-100M)"),
                     L("Messaging operations (100M-2,500M)", 1200.00, SB_OVER_100M),
                     L("Messaging operations (over 2,500M)", 100.00, None),  # in our over-100M line
                     L("Brokered connections (1K-100K)", 2970.00, None),
                     L("Brokered connections (100K-500K)", 6000.00, None),
                     L("Brokered connections (over 500K)", 12500.00, None))
PREMIUM = {1: 677.08, 2: 1354.15, 4: 2708.30, 8: 5416.60, 16: 10833.20}
CASES += (
    Case('azurerm_servicebus_namespace.servicebus_namespace_with_usage["Standard.0"]', SB,
         {**WEST_EUROPE, "sku": "Standard", "capacity": 0}, SB_STANDARD_USAGE,
         {"monthly_messaging_operations": 3_000_000_000}, "westeurope"),
    *(Case(f'azurerm_servicebus_namespace.{name}["Premium.{n}"]', SB, {**WEST_EUROPE, "sku": "Premium", "capacity": n},
           (L("Messaging units", figure, "Messaging units"),), region="westeurope")
      for n, figure in PREMIUM.items() for name in ("servicebus_namespace", "servicebus_namespace_with_usage")),
    Case('azurerm_servicebus_namespace.servicebus_namespace_with_usage["Basic.0"]', SB,
         {**WEST_EUROPE, "sku": "Basic", "capacity": 0}, (L("Messaging operations", 50.00, "Messaging operations"),),
         {"monthly_messaging_operations": 1_000_000_000}, "westeurope"),
    Case('azurerm_servicebus_namespace.servicebus_namespace["Standard.0"]', SB,
         {**WEST_EUROPE, "sku": "Standard", "capacity": 0},
         (L("Base charge", 9.81, "Base charge"),
          L("Messaging operations (13M-100M)", "0.80", "Messaging operations (13M-100M)"),
          L("Brokered connections (1K-100K)", "0.03", None)), region="westeurope"),
    Case('azurerm_servicebus_namespace.servicebus_namespace["Basic.0"]', SB,
         {**WEST_EUROPE, "sku": "Basic", "capacity": 0},
         (L("Messaging operations", "0.05", "Messaging operations"),), region="westeurope"),
    # lb_test (eastus): the Basic one has no line in the golden
    Case("azurerm_lb.standard", "azure:lb/loadBalancer:LoadBalancer", {**EAST, "sku": "Standard"},
         (L("Data processed", 0.50, None),), region="eastus"),
    Case("azurerm_lb.withoutUsage", "azure:lb/loadBalancer:LoadBalancer", {**EAST, "sku": "Standard"},
         (L("Data processed", "0.005", None),), region="eastus"),
)

# key_vault_key_test (vaults in eastus): their usage keys (operations, renewals, HSM keys) have no keys of ours
KV_PREMIUM, KV_STANDARD = "premium", "standatd"  # the .tf's vault names
KV_STACK = tuple(("azure:keyvault/keyVault:KeyVault", {"id": vault, "name": "examplekeyvault", **EAST, "skuName": sku,
                                                       "tenantId": "00000000-0000-0000-0000-000000000000",
                                                       "softDeleteRetentionDays": 7})
                 for vault, sku in ((KV_PREMIUM, "premium"), (KV_STANDARD, "standard")))


def KV_LINES(secrets, rotations, software=None, hsm=()) -> tuple:
    return (L("Secrets operations", secrets, None), L("Storage key rotations", rotations, None),
            *((L("Software-protected keys", software, None),) if software is not None else ()),
            *(L(label, figure, None) for label, figure in hsm))


CASES += tuple(
    Case(f"azurerm_key_vault_key.{name}", "azure:keyvault/key:Key",
         {"name": "generated-certificate", "keyVaultId": vault, "keyType": key_type,
          **({"keySize": size} if size else {}), "keyOpts": []}, lines, region="eastus", stack=KV_STACK)
    for name, vault, key_type, size, lines in (
        ("no_usage", KV_PREMIUM, "EC", None, KV_LINES("0.03", "1.00", "0.15")),
        ("pr_ec", KV_PREMIUM, "EC", None, KV_LINES(0.09, 30.00, 45.00)),
        ("pr_hsm_rsa2048", KV_PREMIUM, "RSA-HSM", 2048,
         KV_LINES(0.12, 40.00, None, (("HSM-protected keys", 5000.00), ("HSM-protected keys (operations)", 60.00)))),
        ("pr_hsm_rsa3072", KV_PREMIUM, "RSA-HSM", 3072,
         KV_LINES(0.12, 40.00, None, (("HSM-protected keys (first 250)", 1250.00),
                                      ("HSM-protected keys (next 1250)", 3125.00),
                                      ("HSM-protected keys (next 2500)", 2250.00),
                                      ("HSM-protected keys (over 4000)", 400.00),
                                      ("HSM-protected keys (operations)", 60.00)))),
        ("pr_rsa2048", KV_PREMIUM, "RSA", 2048, KV_LINES(0.03, 10.00, 3.00)),
        ("pr_rsa3072", KV_PREMIUM, "RSA", 3072, KV_LINES(0.06, 20.00, 30.00)),
        ("std_hsm_rsa3072", KV_STANDARD, "RSA", 3072, KV_LINES(0.15, 50.00, 75.00)),
        ("std_rsa2048", KV_STANDARD, "RSA", 3072, KV_LINES(0.21, 70.00, 105.00)),
        ("std_rsa3072", KV_STANDARD, "RSA", 3072, KV_LINES(0.18, 60.00, 90.00))))

# GCP (provider region us-central1)
CASES += (
    # compute_vpn_tunnel_test
    Case("google_compute_vpn_tunnel.tunnel1", "gcp:compute/vpnTunnel:VpnTunnel",
         {"name": "tunnel1", "peerIp": "15.0.0.120", "sharedSecret": "a secret message"},
         (L("VPN Tunnel", 36.50, "VPN tunnel"),), region="us-central1"),
    # compute_forwarding_rule_test (their usage key monthly_ingress_data_gb: no key of ours, no line)
    Case("google_compute_forwarding_rule.default", "gcp:compute/forwardingRule:ForwardingRule",
         {"name": "website-forwarding-rule"}, (L("Forwarding rules", 7.30, None), L("Ingress data", 0.80, None)),
         region="us-central1"),
    Case("google_compute_global_forwarding_rule.default", "gcp:compute/globalForwardingRule:GlobalForwardingRule",
         {"name": "global-rule", "target": "all-apis"},
         (L("Forwarding rules", 7.30, None), L("Ingress data", 0.80, None)), region="us-central1"),
    Case("google_compute_forwarding_rule.withoutUsage", "gcp:compute/forwardingRule:ForwardingRule",
         {"name": "website-forwarding-rule"}, (L("Forwarding rules", 7.30, None), L("Ingress data", "0.008", None)),
         region="us-central1"),
    # compute_instance_group_manager_test: 4 instances of the template (f1-micro, 375 GB pd-ssd, 2 K80s)
    Case("google_compute_instance_group_manager.default", "gcp:compute/instanceGroupManager:InstanceGroupManager",
         {"name": "default", "baseInstanceName": "app", "zone": "us-central1-a", "targetSize": 4,
          "versions": [{"instanceTemplate": "appserver"}]},
         (L("Instance usage (Linux/UNIX, on-demand, f1-micro)", 15.53, None),
          L("SSD provisioned storage (pd-ssd)", 255.00, None), L("NVIDIA Tesla K80 (on-demand)", 1839.60, None)),
         region="us-central1",
         stack=(("gcp:compute/instanceTemplate:InstanceTemplate", {
             "id": "appserver", "name": "appserver-template", "machineType": "f1-micro",
             "scheduling": {"automaticRestart": True, "onHostMaintenance": "MIGRATE"},
             "disks": [{"sourceImage": "debian-cloud/debian-9", "boot": True, "diskType": "pd-ssd",
                        "diskSizeGb": 375}],
             "guestAccelerators": [{"type": "nvidia-tesla-k80", "count": 2}]}),)),
    # compute_region_instance_group_manager_test: 3 instances of n1-standard-16 with a 400 GB pd-balanced disk
    # (and a local SSD scratch disk the golden has no line for)
    Case("google_compute_region_instance_group_manager.appserver",
         "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager",
         {"name": "appserver-igm", "baseInstanceName": "app", "region": "us-central1", "targetSize": 3,
          "versions": [{"instanceTemplate": "standard"}]},
         (L("Instance usage (Linux/UNIX, on-demand, n1-standard-16)", 1165.07, "Instance usage"),
          L("Balanced provisioned storage (pd-balanced)", 120.00, "Boot disk")),
         region="us-central1",
         stack=(("gcp:compute/instanceTemplate:InstanceTemplate", {
             "id": "standard", "name": "standard-template", "machineType": "n1-standard-16",
             "scheduling": {"automaticRestart": True, "onHostMaintenance": "MIGRATE"},
             "disks": [{"sourceImage": "debian-cloud/debian-9", "boot": False, "diskType": "pd-balanced",
                        "diskSizeGb": 400},
                       {"interface": "NVME", "type": "SCRATCH", "diskType": "local-ssd", "diskSizeGb": 375}]}),)),
)

AZ_OPS = "no Azure disk-operation or ultra-disk reservation prices in our data"
WIN_EASTUS = ("unpriced: the book's Windows VM prices are for the EU regions (the EU-five retail data: westeurope, "
              "northeurope, francecentral, swedencentral, belgiumcentral) and indonesiacentral, not eastus (the "
              "SkyPilot data for nine US regions is Linux only; Windows Basic_A2 is in none): the VM is unpriced, "
              "its disks with it")
DATA_DISKS = "; and a VM's data disks are not modelled (our VM mappers count the OS disk only)"
LEGACY_WIN = ("license_type is unset, so Azure bills the Windows licence: ours is the Windows rate for 3 x 730 h; "
              "Infracost prices the set at the hybrid-benefit (Linux) rate, which needs license_type Windows_Server")
LEGACY_OS_DISK = ("each instance of a scale set has its own OS disk: ours counts one per instance, Infracost one for "
                  "the set (and for the Windows set ours is a Windows image's 127 GB disk, an S10, theirs an S4)")
LEGACY_DATA_DISK = "not modelled: our scale-set mappers count the OS disk only (a profile's data disks have no line)"
MYSQL_WESTUS = ("unpriced: the book's MySQL flexible server prices come from the 25-region Azure table, which has "
                "westus2 and westus3 but not westus")
MYSQL_MISSING = ("unpriced (westus, above); the 25-region table also has no Memory Optimized compute, additional "
                 "IOPS or backup storage prices for MySQL flexible servers")
SB_TIERS = ("the book holds the 13M-100M rate only (the 25-region table keeps that tier): ours bills operations over "
            "100M at it ($0.80/M, an upper bound, on one line); Infracost at $0.50/M to 2,500M, then $0.20/M")
SB_CONNECTIONS = ("no Service Bus brokered-connection prices in our data (the 25-region table has Basic operations "
                  "and Standard base and operations only)")
SB_PREMIUM = ("unpriced: no Premium messaging unit price in our data (the importer maps the meter; the 25-region "
              "table does not have it)")
LB_STANDARD = "unpriced: no Azure Standard load balancer prices (rules, data processed) in our data"
KEY_VAULT = "unpriced: no Azure Key Vault prices (operations, key rotations, HSM keys) in our data"
FORWARDING = "unpriced: pricing.yml has no Cloud Load Balancing forwarding-rule or ingress data prices"
MIG_GPU = ("unpriced: the group's instance template attaches GPUs (2 Tesla K80s), and per-GPU prices are not in the "
           "price book (pricing.yml has GPUs only inside accelerator-optimized machine types); never its VMs alone")


def _why(case: Case, label: str, ours) -> str:
    """The reason for each golden line we do not match (all lines of an unpriced resource)."""
    kind, name = case.golden.split(".", 1)
    if kind in ("azurerm_windows_virtual_machine", "azurerm_windows_virtual_machine_scale_set") or \
            name in ("windows", "windows_withMonthlyHours") and kind == "azurerm_virtual_machine":
        if name == "standard_d2_v4_hybrid_benefit":
            return AZ_OPS
        return WIN_EASTUS + DATA_DISKS if label.startswith("storage_data_disk") else WIN_EASTUS
    if kind == "azurerm_virtual_machine_scale_set":
        return AZ_OPS if "Disk operations" in label else LEGACY_WIN if label.startswith("Instance usage") else \
            LEGACY_OS_DISK if ours == OS_DISK else LEGACY_DATA_DISK
    if kind == "azurerm_mysql_flexible_server":
        return MYSQL_MISSING if name == "mo" or ours is None else MYSQL_WESTUS
    if kind == "azurerm_servicebus_namespace":
        return SB_PREMIUM if "Premium" in name else SB_CONNECTIONS if "Brokered" in label else SB_TIERS
    return {"azurerm_virtual_machine": AZ_OPS, "azurerm_lb": LB_STANDARD, "azurerm_key_vault_key": KEY_VAULT,
            "google_compute_forwarding_rule": FORWARDING, "google_compute_global_forwarding_rule": FORWARDING,
            "google_compute_instance_group_manager": MIG_GPU}[kind]


MATCHED = {  # (golden, their label) of the lines we match; every other line is a difference
    *((f"azurerm_virtual_machine.{name}", label) for name in ("linux", "linux_withMonthlyHours")
      for label in ("Instance usage (Linux, pay as you go, Standard_DS1_v2)", "storage_os_disk Storage (S4, LRS)")),
    *(("azurerm_windows_virtual_machine.standard_d2_v4_hybrid_benefit", label)
      for label in ("Instance usage (hybrid benefit, Standard_D2_v4)", "os_disk Storage (E30)")),
    ("azurerm_virtual_machine_scale_set.linux", "Instance usage (Linux, pay as you go, Standard_F2)"),
    *(('azurerm_servicebus_namespace.servicebus_namespace_with_usage["Standard.0"]', label)
      for label in ("Base charge", "Messaging operations (13M-100M)")),
    *(('azurerm_servicebus_namespace.servicebus_namespace["Standard.0"]', label)
      for label in ("Base charge", "Messaging operations (13M-100M)")),
    ('azurerm_servicebus_namespace.servicebus_namespace_with_usage["Basic.0"]', "Messaging operations"),
    ('azurerm_servicebus_namespace.servicebus_namespace["Basic.0"]', "Messaging operations"),
    ("google_compute_vpn_tunnel.tunnel1", "VPN Tunnel"),
    *(("google_compute_region_instance_group_manager.appserver", label)
      for label in ("Instance usage (Linux/UNIX, on-demand, n1-standard-16)",
                    "Balanced provisioned storage (pd-balanced)")),
}
DIFFERENCES: dict[tuple[str, str], str] = {
    (case.golden, label): _why(case, label, ours) for case in CASES for label, _, ours, _ in case.lines
    if (case.golden, label) not in MATCHED}
