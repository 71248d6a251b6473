"""AWS resources -> SKU and cost components, one module per service family (the pricing model behind
each priced type), in the spirit of Infracost's one file per resource.

Adding a type:
1. Find its family's module (`ec2.py`, `rds.py`, ...) by the token's service (`aws:rds/...`), or
   create one named for the service and add its name to `FAMILIES` below (one line).
2. Write the mapper next to the family's others: `Props` in, `Mapped` (SKU and cost lines) or
   `Unpriced`/`Free` with the reason out; a missing or bad property raises or returns a reason naming
   it, never a $0 line. Helpers several families use have one home: EBS lines in `ebs.py`, CPU
   credits in `ec2.py`, shared usage keys and `no_data_type` in `common.py` (look there first).
3. Add its `PricedType` to the module's `TYPES`: tokens, price-book resource type, mapper, the price
   keys its lines can ask for (`keys(...)`, `example=` for a SKU taken from the properties), its
   usage keys (name, unit, meaning, default; `MONTHLY_HRS` and `STORAGE_GB` are in `registry.py`)
   and a note. A billable type without prices registers with `no_data_type` (never free).
4. Regenerate the example usage file (`python -m pulumicost_policy.descriptor.usage_example`), add the
   type to the README's list of priced types, and test it (tests/test_service_types.py and its
   neighbours) with prices read from the price book or ../shared/pricing.
"""
from __future__ import annotations

from importlib import import_module

from ..registry import PricedType

# One module per service family; adding one is adding its name here (a test checks none is left out).
FAMILIES = ("apigateway", "backup", "cloudformation", "cloudfront", "cloudtrail", "cloudwatch", "codepipeline",
            "cognito", "docdb", "dynamodb", "ebs", "ec2", "ecr", "ecs", "efs", "eks", "elasticache", "elb", "glue",
            "kinesis", "kms", "lambda_", "memorydb", "msk", "network", "opensearch", "rds", "redshift", "route53",
            "s3", "secretsmanager", "sfn", "sns", "sqs", "waf")
TYPES: tuple[PricedType, ...] = tuple(entry for name in FAMILIES for entry in import_module(f"{__name__}.{name}").TYPES)
