"""Azure resources (classic `azure` and `azure-native`) -> SKU and cost components, one module per
service family (compute, AKS, storage, ...), in the spirit of Infracost's one file per resource.

Adding a type:
1. Find its family's module by the service (`azure:compute/...` and `azure-native:compute:...` ->
   `compute.py`), or create one named for the service and add its name to `FAMILIES` below (one
   line). A family holds both providers' tokens: they share one price book (the meter is the same).
2. Write the mapper next to the family's others: `Props` in, `Mapped` (SKU and cost lines) or
   `Unpriced`/`Free` with the reason out; a missing or bad property gives a reason naming it, never a
   $0 line. Reuse before writing: disk tiers and VM size names live in `compute.py`, the no-prices
   entry (`unpriced_service`) in `common.py`.
3. Add its `PricedType` to the module's `TYPES`: tokens, price-book resource type, mapper, the price
   keys its lines can ask for (`keys(...)`, `example=` for a SKU taken from the properties), its
   usage keys (`MONTHLY_HRS`, `STORAGE_GB` are in `registry.py`) and a note. A billable service
   without prices registers with `unpriced_service` (never free).
4. Regenerate the example usage file (`python -m pulumicost_policy.descriptor.usage_example`), add the
   type to the README's list of priced types, and test it (tests/test_descriptor.py and its
   neighbours) with prices read from the price book or ../shared/pricing.
"""
from __future__ import annotations

from importlib import import_module

from ..registry import PricedType

# One module per service family; adding one is adding its name here (a test checks none is left out).
FAMILIES = ("aks", "appservice", "cdn", "compute", "containerapps", "functions", "keyvault", "network",
            "postgresql", "redis", "servicebus", "sql", "storage")
TYPES: tuple[PricedType, ...] = tuple(entry for name in FAMILIES for entry in import_module(f"{__name__}.{name}").TYPES)
