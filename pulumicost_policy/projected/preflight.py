"""What the offline run checks and says about its inputs before it prices: which usage file it
reads (and which it passed over), usage entries that match no resource, and what `--compare-to`
compares. Nothing the user gave is dropped without a word; all of it goes to stderr, so the
chosen output format on stdout stays clean.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..inputs import plan
from ..pricing.estimate import CostEstimate
from ..pricing.usage_check import unmatched_entries
from ..pricing.usage_source import UsageChoice, choose_usage_file
from ..reporting.document import other_stack


class CompareRefused(Exception):
    """`--compare-to` names another stack's file and the comparison was not forced."""


def usage_file(flag: Optional[Path]) -> UsageChoice:
    """`--usage`, else PULUMICOST_USAGE_FILE (as the pack reads it)."""
    return choose_usage_file(flag)


def say_usage(choice: UsageChoice, planned: Sequence[plan.PlannedResource]) -> None:
    """Once the file is read and checked (a bad one stays a one-line error): which file it was,
    and its entries that match no resource."""
    if choice.path is None:
        return
    print(f"note: {choice.describe()}", file=sys.stderr)
    for warning in unmatched_entries(choice.path, [item.resource for item in planned]):
        print(f"warning: {warning}", file=sys.stderr)


def check_comparison(compare_to: Path, planned: Sequence[plan.PlannedResource], old: Mapping[str, CostEstimate],
                     forced: bool, digest: bool) -> None:
    """Refuse another stack's file unless forced; say what a forced or digest comparison does."""
    why = other_stack([item.resource.urn for item in planned], old)
    if why and not forced:
        raise CompareRefused(f"--compare-to {compare_to}: not the same stack ({why}); every resource would show "
                             f"as created and deleted. Pass --force-compare to compare them anyway, resource by "
                             f"resource of the same type and name")
    if why:
        print(f"note: --compare-to {compare_to}: {why}; compared by type and name (--force-compare)", file=sys.stderr)
    if digest:
        print(f"note: --compare-to {compare_to} is the before side; the plan's own old state is not used",
              file=sys.stderr)
