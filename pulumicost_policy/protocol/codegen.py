"""Regenerate the checked-in Python code for `costsource.proto` (needs grpcio-tools, dev only).

The generated modules are checked in so the pack needs no protoc at run time (Pulumi Cloud
installs only requirements.txt); tests/test_protocol.py regenerates into a temporary directory
and fails when the checked-in files are stale. Run: python -m pulumicost_policy.protocol.codegen
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent.parent  # the -I root: the proto is imported as pulumicost_policy/protocol/...
PROTO = PACKAGE_DIR / "costsource.proto"
GENERATED = ("costsource_pb2.py", "costsource_pb2.pyi", "costsource_pb2_grpc.py")


def generate(out_root: Path) -> list[Path]:
    """Run protoc with the proto's path relative to the repo root, so imports are package-absolute."""
    import grpc_tools
    from grpc_tools import protoc

    include = str(Path(grpc_tools.__file__).parent / "_proto")
    rel = PROTO.relative_to(ROOT)
    args = ["protoc", f"-I{ROOT}", f"-I{include}", f"--python_out={out_root}", f"--pyi_out={out_root}",
            f"--grpc_python_out={out_root}", str(rel)]
    out_root.mkdir(parents=True, exist_ok=True)
    if protoc.main(args) != 0:
        raise RuntimeError(f"protoc failed on {rel}")
    return [out_root / rel.parent / name for name in GENERATED]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for path in generate(Path(tmp)):
            shutil.copyfile(path, PACKAGE_DIR / path.name)
            print(f"wrote {PACKAGE_DIR / path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
