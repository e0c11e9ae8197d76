"""sqlite-utils for the library, imported without its optional numpy and pandas support.

sqlite-utils imports numpy and pandas at start-up when they are installed, to store their
values; numpy alone takes about 0.3 s to import, and the library's read commands must start
in well under that (``bench/startup.py``). The library never stores numpy or pandas values,
so while sqlite-utils itself is imported those two are made to look absent. This module is
imported before any other library module uses sqlite-utils; when numpy is already loaded
(spaCy loads it) nothing is hidden.
"""

from __future__ import annotations

import sys

_OPTIONAL = ("numpy", "pandas")


def _import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in _OPTIONAL if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "not installed" to importers
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


_import_sqlite_utils()

from sqlite_utils import Database  # noqa: E402

__all__ = ["Database"]
