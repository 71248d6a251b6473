"""Whether a file we act on (a plugin we run, a price store we bill from) could have been chosen by
someone else: one rule for every such file, so plugins and price stores are judged alike."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional

from .quoting import shell_word


def unsafe_reason(path: Path) -> Optional[str]:
    """Why trusting `path` would let someone else choose what we run or what we bill, or None.

    Root-owned paths are accepted (system-wide installs); anything else must be ours, and no one
    else may write to it.
    """
    try:
        st = path.stat()
    except OSError as err:
        return f"{shell_word(path)}: cannot stat ({err.strerror})"
    if st.st_uid not in (os.getuid(), 0):
        return f"{shell_word(path)} is owned by another user (uid {st.st_uid}); run: chown {os.getuid()} {shell_word(path)}"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"{shell_word(path)} is writable by other users; run: chmod go-w {shell_word(path)}"
    return None
