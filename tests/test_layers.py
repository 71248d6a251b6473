"""The package's layers only point down: a test walks every import of every module.

Pulumi inputs -> descriptor -> pricing -> plugin host -> wiring and reports -> policies ->
the pack / the offline run / actual / prices -> command line and test tooling. A module may import
from its own package or a lower layer, never from a higher one or a sibling of its own layer.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pulumicost_policy

PACKAGE = Path(pulumicost_policy.__file__).resolve().parent
ROOT_NAME = "pulumicost_policy"

LAYERS: dict[str, int] = {
    "protocol": 0, "gctune": 0, "money": 0, "paths": 0, "inputs": 0,
    "descriptor": 1,
    "pricing": 2,
    "plugins": 3, "sdk": 3,
    "sources": 4, "reporting": 4,
    "policies": 5,
    "pack": 6, "projected": 6, "actual": 6, "prices": 6,
    "cli": 7, "testing": 7,
}


def _unit(module: str) -> str:
    """`pulumicost_policy.pricing.pricer` -> `pricing` (the layer unit: a subpackage or top module)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) for every import of the package in one file."""
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    package = parts if path.name == "__init__.py" else parts[:-1]
    out = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [f"{target}.{a.name}" for a in node.names] if not node.module else [target]
            else:
                names = [node.module or ""]
            out += [(node.lineno, n) for n in names if n.startswith(ROOT_NAME)]
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith(ROOT_NAME)]
    return out


def test_every_unit_has_a_layer():
    units = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py" and p.stem != "__init__")}
    assert units - set(LAYERS) == set(), "give each new module or subpackage a layer in LAYERS"


def test_imports_only_point_down():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name.endswith(("_pb2.py", "_pb2_grpc.py")) or path == PACKAGE / "__init__.py":
            continue  # generated code; the library root is the facade over every layer
        own = _unit(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
        for line, target in _imports(path):
            unit = _unit(target)
            if unit in ("", own):
                continue
            if LAYERS[unit] >= LAYERS[own]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} ({own}, layer {LAYERS[own]}) imports "
                             f"{target} ({unit}, layer {LAYERS[unit]})")
    assert wrong == []
