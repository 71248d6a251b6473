"""Which usage file a run uses, and why: one rule for the pack and the offline run.

`--usage FILE` (offline) wins over `PULUMICOST_USAGE_FILE`, which wins over the stack config
`pulumicost:usageFile` (the pack's only per-stack setting). The choice carries where it came
from, so a run can say which file it used and which one it passed over: a usage file that is
silently not read prices usage-billed resources at nothing without a word.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

USAGE_FILE_ENV = "PULUMICOST_USAGE_FILE"
USAGE_FILE_CONFIG = "pulumicost:usageFile"


@dataclass(frozen=True)
class UsageChoice:
    path: Optional[Path]
    origin: str = ""             # "--usage", "PULUMICOST_USAGE_FILE", "stack config pulumicost:usageFile"
    passed_over: tuple[str, ...] = ()  # the lower sources that were set too, e.g. "PULUMICOST_USAGE_FILE=u.yaml"

    def describe(self) -> str:
        """One line for stderr or a summary: the file used and what it won over."""
        if self.path is None:
            return ""
        over = f"; it wins over {', '.join(self.passed_over)}" if self.passed_over else ""
        return f"usage file {self.path} (from {self.origin}){over}"


def choose_usage_file(flag: Optional[Path] = None, config: Optional[Mapping[str, str]] = None,
                      environ: Optional[Mapping[str, str]] = None) -> UsageChoice:
    environ = os.environ if environ is None else environ
    candidates = [("--usage", str(flag) if flag else ""), (USAGE_FILE_ENV, environ.get(USAGE_FILE_ENV, "")),
                  (f"stack config {USAGE_FILE_CONFIG}", (config or {}).get(USAGE_FILE_CONFIG, ""))]
    chosen = [(origin, value) for origin, value in candidates if value]
    if not chosen:
        return UsageChoice(None)
    (origin, value), rest = chosen[0], chosen[1:]
    return UsageChoice(Path(value), origin, tuple(f"{o}={v}" if o == USAGE_FILE_ENV else o for o, v in rest))
