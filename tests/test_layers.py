"""The package's layers only point down: a test walks every import of every module.

Pulumi inputs -> descriptor -> pricing -> plugin host -> wiring and reports -> policies ->
the pack / the offline run / actual / prices -> command line and test tooling. A module may import
from its own package or a lower layer, never from a higher one or a sibling of its own layer.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pulumicost_policy
from pulumicost_policy.plugins import sdk

PACKAGE = Path(pulumicost_policy.__file__).resolve().parent
ROOT_NAME = "pulumicost_policy"
SDK = "pulumicost_policy.plugins.sdk"
SHIPPED_PLUGINS = sorted((PACKAGE.parent / "plugins").glob("*/plugin.py"))

LAYERS: dict[str, int] = {
    "protocol": 0, "gctune": 0, "money": 0, "paths": 0, "inputs": 0, "suggest": 0, "quoting": 0, "settings": 0,
    "descriptor": 1, "trust": 1,
    "pricing": 2,
    "plugins": 3, "recommend": 3,
    "sources": 4, "reporting": 4,
    "policies": 5,
    "pack": 6, "projected": 6, "actual": 6, "prices": 6,
    "testing": 7, "cli": 7,
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


def test_plugins_import_only_the_author_sdk():
    """What a plugin author needs is one module: the shipped plugins import nothing else of ours,
    and only names the SDK exports."""
    assert SHIPPED_PLUGINS
    exported = set(sdk.__all__)
    for path in SHIPPED_PLUGINS:
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not [a.name for a in node.names if a.name.startswith(ROOT_NAME)], path
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(ROOT_NAME):
                assert node.module == SDK, f"{path}:{node.lineno} imports {node.module}"
                assert {a.name for a in node.names} <= exported, f"{path}:{node.lineno}"
    assert all(getattr(sdk, name) is not None for name in sdk.__all__)


def test_host_code_does_not_import_the_author_sdk():
    """The SDK is for plugins: host modules take what both sides share from protocol/."""
    wrong = [f"{path.relative_to(PACKAGE.parent)}:{line}" for path in sorted(PACKAGE.rglob("*.py"))
             if path != PACKAGE / "plugins" / "sdk.py" for line, target in _imports(path) if target.startswith(SDK)]
    assert wrong == []


def test_architecture_doc_maps_the_layers():
    """The architecture table (docs/architecture.md) lists every unit in the row of its layer."""
    section = (PACKAGE.parent / "docs" / "architecture.md").read_text()
    rows = {int(cells[1]): cells[2] for cells in (line.split("|") for line in section.splitlines())
            if len(cells) > 3 and cells[1].strip().isdigit()}
    for unit, layer in LAYERS.items():
        assert f"`{unit}" in rows.get(layer, ""), f"docs/architecture.md: {unit} not in the layer {layer} row"


def test_descriptor_families_import_only_the_descriptor_base():
    """Inside the descriptor the per-cloud family modules (descriptor/aws/, azure/, gcp/) sit below
    the catalog: they import the base modules (model, registry, values, regions, resolve, asof) and their
    own cloud's modules, never the catalog, the free list, the usage example or another cloud."""
    base = {f"{ROOT_NAME}.descriptor.{name}" for name in ("model", "registry", "values", "regions", "resolve", "asof")}
    clouds = ("aws", "azure", "gcp")
    wrong = []
    for cloud in clouds:
        own = f"{ROOT_NAME}.descriptor.{cloud}"
        for path in sorted((PACKAGE / "descriptor" / cloud).glob("*.py")):
            for line, target in _imports(path):
                inside = target == own or target.startswith(own + ".")
                if not inside and not any(target == b or target.startswith(b + ".") for b in base):
                    wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {target}")
    assert wrong == []
    assert all((PACKAGE / "descriptor" / cloud / "__init__.py").exists() for cloud in clouds)
