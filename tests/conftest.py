import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import EnginePack  # noqa: E402


@pytest.fixture(scope="module")
def pack():
    p = EnginePack()
    p.configure()
    yield p
    p.close()
