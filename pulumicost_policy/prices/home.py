"""Where the user's price stores live: `$PULUMICOST_HOME/prices` (default ~/.pulumicost/prices)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional


def user_prices_dir(env: Optional[Mapping[str, str]] = None) -> Path:
    env = os.environ if env is None else env
    home = env.get("PULUMICOST_HOME") or str(Path.home() / ".pulumicost")
    return Path(home) / "prices"
