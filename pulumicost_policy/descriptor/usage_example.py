"""The example usage file, generated from the registry: every priced type and every usage key it
reads, with unit, meaning and default. In the repository, `python -m
pulumicost_policy.descriptor.usage_example` rewrites examples/usage-example.yaml (a test fails when
the committed file is not current); the package ships that file, and in an installed package (no
repository to rewrite) the module prints it, as `pulumicost usage example` does anywhere.
"""
from __future__ import annotations

import sys

from ..paths import EXAMPLES_DIR, IMPORT_ROOT, PACK_DIR
from .catalog import TYPES

EXAMPLE = EXAMPLES_DIR / "usage-example.yaml"


def render() -> str:
    """The file's text: one type-default entry per token with usage keys, all keys commented."""
    lines = [
        "# Every usage key of every priced type (`pulumicost usage example`; for the resources of",
        "# your own plan: `pulumicost usage init --pulumi-json plan.json --out usage.yml`).",
        "# Entries may be type tokens (defaults for the type), resource names or URNs (globs allowed);",
        "# see README \"Usage file\". Uncomment a key and set a number >= 0. Keys marked with a default",
        "# take it when not given; the others leave their cost line as \"depends on usage\".",
        "version: 1",
        "resource_usage:",
    ]
    for entry in TYPES:
        if not entry.usage_keys:
            continue
        for token in entry.tokens:
            lines.append(f"  {token}:")
            for key in entry.usage_keys:
                default = f" (default {key.default:g})" if key.default is not None else ""
                lines.append(f"    # {key.name}: 0  # {key.unit}: {key.meaning}{default}")
    lines.append("")
    return _fill_empty(lines)


def _fill_empty(lines: list[str]) -> str:
    """A type whose keys are all commented out is an empty mapping (`{}`), so the file parses."""
    out = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.startswith("  ") and not line.startswith("   ") and line.endswith(":") and nxt.startswith("    #"):
            line += " {}"
        out.append(line)
    return "\n".join(out)


def main() -> int:
    if PACK_DIR != IMPORT_ROOT:   # an installed package: its bundled copy is not ours to rewrite
        sys.stdout.write(render())
        return 0
    EXAMPLE.write_text(render(), encoding="utf-8")
    print(f"wrote {EXAMPLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
