"""Where the files shipped with the app (sample article, palette, icon) are found.

From a source checkout or an installed wheel they sit next to the ``ui`` package; in a
PyInstaller bundle they are unpacked under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding ``seeds/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource_path(name: str) -> Path:
    """A file in ``resources/`` (the palette, the icon, the desktop entry)."""
    return bundle_root() / "resources" / name
