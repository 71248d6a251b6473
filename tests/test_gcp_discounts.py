"""GCP sustained-use discounts as GCP bills them, custom shapes and GPUs (issue #25). List prices are
read from the price book; pricing.yml's own monthly figures (which include the discount) check the
schedule."""
import gzip
from pathlib import Path

import pytest
import yaml

from pulumicost_policy.descriptor import ResourceInput, describe
from pulumicost_policy.descriptor.model import Unpriced
from pulumicost_policy.pricing.lookup import price_from_book
from pulumicost_policy.pricing.pricebook import PriceBook

BOOK = PriceBook.load()


def vm(machine: str, **props) -> ResourceInput:
    return ResourceInput("urn:vm", "gcp:compute/instance:Instance", "vm",
                         {"machineType": machine, "zone": "us-central1-a",
                          "bootDisk": {"initializeParams": {"size": 10}}, **props}, env={})


def instance_cost(machine: str, hours: float = 730.0, **props) -> float:
    """The instance lines (usage and discount) without the boot disk."""
    priced = price_from_book(BOOK, describe(vm(machine, **props)), {"monthly_hrs": hours})
    return sum(c.monthly for c in priced.components if not c.label.startswith("Boot disk"))


def list_price(machine: str, hours: float = 730.0) -> float:
    return BOOK.get("gcp", "compute:Instance", machine, "us-central1").rate_per_unit * hours


PRICING_YML = Path(__file__).resolve().parent.parent.parent / "shared" / "pricing" / "gcp-pricing-yml-2026-07-30.yml.gz"


def test_n2_standard_8_for_a_month_is_list_times_0_8_with_a_visible_line():
    # GCP's schedule for N2 (quarters at 100, 86.78, 73.3, 60% of list) is 0.8002 of list for a full month
    assert instance_cost("n2-standard-8") == pytest.approx(list_price("n2-standard-8") * 0.8, rel=3e-4)
    assert instance_cost("n2-standard-8") == pytest.approx(list_price("n2-standard-8") * 0.8002)
    lines = price_from_book(BOOK, describe(vm("n2-standard-8")), {}).components
    [discount] = [c for c in lines if c.label.startswith("Sustained-use discount")]
    assert discount.monthly == pytest.approx(-0.1998 * list_price("n2-standard-8"))


@pytest.mark.skipif(not PRICING_YML.is_file(), reason="../shared/pricing is not here")
def test_a_full_month_is_pricing_yml_own_monthly_figure():
    with gzip.open(PRICING_YML, "rt") as f:
        data = yaml.safe_load(f)["compute"]["instance"]
    for machine in ("n2-standard-8", "n1-standard-4", "c2-standard-4", "n2d-standard-2", "f1-micro", "e2-medium",
                    "custom-2-10240-ext", "m1-megamem-96"):
        assert instance_cost(machine) == pytest.approx(data[machine]["cost"]["us-central1"]["month"]), machine


def test_the_discount_follows_the_hours_run():
    # the first quarter of the month is at list price; the discount grows with each further quarter
    assert instance_cost("n2-standard-8", 182.5) == pytest.approx(list_price("n2-standard-8", 182.5))
    half = instance_cost("n1-standard-4", 365)  # N1: quarters at 100% and 80% of list
    assert half == pytest.approx(list_price("n1-standard-4", 182.5) * (1 + 0.8))
    assert instance_cost("n1-standard-4") == pytest.approx(list_price("n1-standard-4") * 0.7)


def test_series_without_discounts_and_spot_vms_pay_their_rate():
    assert instance_cost("e2-standard-4") == pytest.approx(list_price("e2-standard-4"))
    spot = BOOK.get("gcp", "compute:Instance", "n2-standard-8:spot", "us-central1").rate_per_unit * 730
    assert instance_cost("n2-standard-8", scheduling={"provisioningModel": "SPOT"}) == pytest.approx(spot)


def test_a_custom_shape_the_data_names_is_priced_and_gpus_say_what_is_missing():
    # custom-N-M shapes are N1 custom machine types: priced at the book's rate, with N1's discount
    assert instance_cost("custom-2-10240-ext") == pytest.approx(list_price("custom-2-10240-ext") * 0.7)
    gpu = describe(vm("n1-standard-8", guestAccelerators=[{"type": "nvidia-tesla-t4", "count": 1}]))
    assert isinstance(gpu, Unpriced) and "per-GPU prices are not in the price book" in gpu.reason
    assert "nvidia" not in gpu.reason  # property values are never echoed
    a2 = price_from_book(BOOK, describe(vm("a2-highgpu-1g")), {})  # GPUs included in the machine type
    assert a2.monthly == pytest.approx(list_price("a2-highgpu-1g") + 10 * BOOK.get(
        "gcp", "compute:Disk", "pd-standard", "us-central1").rate_per_unit)
