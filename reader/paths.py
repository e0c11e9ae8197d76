"""Where Dramatis keeps its files: one place, from platformdirs, with overrides for tests.

The data folder is, in order of preference, the ``--data-dir`` given on the command line,
the ``DRAMATIS_DATA_DIR`` environment variable, or the platform's user data directory for
``dramatis``. Nothing is ever written next to the program itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "dramatis"
DATA_DIR_ENV = "DRAMATIS_DATA_DIR"
LIBRARY_FILE = "library.db"


def data_dir(override: str | Path | None = None) -> Path:
    """The data folder: ``override``, else ``$DRAMATIS_DATA_DIR``, else the platform default."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def library_path(override: str | Path | None = None) -> Path:
    """The library database file inside the data folder (the folder may not exist yet)."""
    return data_dir(override) / LIBRARY_FILE


def resources_dir() -> Path:
    """``resources/``, shipped with the app: beside the packages in a source checkout or a
    wheel, unpacked under ``sys._MEIPASS`` in a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    root = Path(frozen) if getattr(sys, "frozen", False) and frozen else Path(__file__).parents[1]
    return root / "resources"


LOG_FILE = "dramatis.log"


def log_path(override: str | Path | None = None) -> Path:
    """The log of unexpected errors (with tracebacks), kept beside the library."""
    return data_dir(override) / LOG_FILE
