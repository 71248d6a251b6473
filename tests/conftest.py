import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pulumicost_policy.testing.harness import EnginePack  # noqa: E402

# No test may pick up the developer's own ~/.pulumicost plugins: every process the tests start
# inherits an empty plugin root unless a test installs plugins into its own.
os.environ["PULUMICOST_HOME"] = tempfile.mkdtemp(prefix="pulumicost-home-")


@pytest.fixture(scope="module")
def pack():
    p = EnginePack()
    p.configure()
    yield p
    p.close()


@pytest.fixture
def root(tmp_path):
    """An empty plugin root for one test (PULUMICOST_HOME for the processes it starts)."""
    from plugin_root import PluginRoot
    home = tmp_path / "home"
    home.mkdir()
    return PluginRoot(home)
