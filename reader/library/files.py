"""The library's files on disk: moving a damaged one aside and copying one before a repair.

A library is ``library.db`` with SQLite's ``-wal`` and ``-shm`` beside it. A damaged file
is never deleted or rewritten: it is renamed, with its companions, to
``library.db.corrupt-<UTC time>``. Before a repair the file (and its ``-wal``) are copied
byte for byte to ``library.db.backup-<UTC time>``.
"""

from __future__ import annotations

import contextlib
import shutil
from datetime import UTC, datetime
from pathlib import Path

from reader import errors
from reader.errors import LibraryError
from reader.library import clean_close, held

COMPANIONS = ("-wal", "-shm")


def stamped_name(path: Path, label: str) -> Path:
    """A name next to ``path`` that is free: ``library.db.<label>-<UTC time>[-n]``."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
        n += 1
    return candidate


def set_aside(path: Path) -> Path:
    """Rename a damaged library (and its ``-wal``/``-shm``) to a free name; return it."""
    aside = stamped_name(path, "corrupt")
    try:
        if path.exists():
            path.rename(aside)
        for suffix in COMPANIONS:
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
    except OSError as error:
        raise LibraryError(
            path, errors.LIBRARY_UNREADABLE.format(detail=error.strerror or error)
        ) from error
    clean_close.forget(path)
    held.forget(path)
    return aside


def copy_beside(path: Path) -> Path:
    """Copy the library file and its ``-wal`` (if it holds anything) to a backup name.

    The caller holds the write lock, so nothing changes while the files are copied.
    """
    backup = stamped_name(path, "backup")
    wal = path.with_name(path.name + "-wal")
    backup_wal = backup.with_name(backup.name + "-wal")
    try:
        shutil.copyfile(path, backup)
        if wal.exists() and wal.stat().st_size > 0:
            shutil.copyfile(wal, backup_wal)
    except OSError as error:
        for partial in (backup, backup_wal):  # no half-written copy is left behind
            with contextlib.suppress(OSError):
                partial.unlink()
        raise LibraryError(
            backup, errors.LIBRARY_BACKUP_FAILED.format(detail=error.strerror or error)
        ) from error
    return backup
