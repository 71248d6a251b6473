"""The assumptions recommendations need where the plan and the usage file say nothing: how much of
a bucket's data goes unread for 30 days, how large its objects are, which stacks are for
development. Each has a policy-config key and is named in the recommendation it shapes."""
from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

# Stacks whose names say they are not production (glob, case-insensitive): one NAT gateway
# serves every AZ there, trading AZ redundancy for the hourly cost of the others.
DEV_STACKS = ("dev", "dev-*", "*-dev", "*.dev", "development", "*-development", "sandbox", "*-sandbox", "test",
              "*-test", "testing")


@dataclass(frozen=True)
class Settings:
    infrequent_share: float = 0.5      # of an S3 bucket's data, unread for 30 days (Intelligent-Tiering moves it)
    object_mb: float = 1.0             # the average object, for the Intelligent-Tiering monitoring fee
    dev_stacks: tuple[str, ...] = DEV_STACKS

    def is_dev(self, stack: str) -> bool:
        return any(fnmatchcase(stack.lower(), pattern.lower()) for pattern in self.dev_stacks)


def stack_of(urn: str) -> str:
    """`urn:pulumi:dev::shop::aws:...` -> `dev` ("" when the URN is not Pulumi's)."""
    head = urn.split("::", 1)[0]
    return head.split(":", 2)[2] if head.startswith("urn:pulumi:") and head.count(":") >= 2 else ""
