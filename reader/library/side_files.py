"""Small files kept beside the library file (how it was closed, what it held): written
whole or not at all, and dropped, without ever failing the command that keeps them.

A record that cannot be written (a read-only folder, a full disk) only means the next
write tries again; one that cannot be removed is stale and is compared like any other.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def replace_quietly(target: Path, text: str) -> None:
    """Put ``text`` in ``target`` through a temporary file, so that a reader never sees
    half of it; give up silently if the folder cannot be written."""
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def remove_quietly(target: Path) -> None:
    """Remove ``target`` if it is there and can be removed."""
    with contextlib.suppress(OSError):
        target.unlink()
