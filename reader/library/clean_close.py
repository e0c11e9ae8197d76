"""Whether the library file is exactly as the last clean close left it.

``PRAGMA quick_check`` reads every page, which takes seconds on a large library, so it is
run only when there is a reason to doubt the file. The reason is kept in a small file next
to the library, ``library.db.clean``: when a library opened for writing is closed cleanly,
the size, modification time and inode of ``library.db`` and of its ``-wal`` are recorded
there. Before the first write of the next session the file is compared with that record: a
process that was killed, a disk that filled up half-way, a copy restored from elsewhere and
pages overwritten by another program all leave a file that differs, and only then is the
file checked. A missing or unreadable record counts as a difference.

The record is advisory: failing to write it (a read-only folder, a full disk) only means
the next writer checks the file again.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.library.side_files import remove_quietly, replace_quietly

SUFFIX = ".clean"


def record_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def file_state(path: Path) -> dict[str, list[int] | None]:
    """What the library file and its write-ahead log look like on disk now."""
    return {"db": _stat(path, with_inode=True), "wal": _stat(_wal(path), with_inode=False)}


def left_as_recorded(path: Path) -> bool:
    """True if the file is exactly as the last clean close recorded it."""
    try:
        recorded = json.loads(record_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded == file_state(path)


def record_clean_close(path: Path) -> None:
    """Note how a cleanly closed library looks; call after its connection is closed."""
    state = file_state(path)
    if state["db"] is None:
        return
    replace_quietly(record_path(path), json.dumps(state))


def forget(path: Path) -> None:
    """Drop the record (the file it described was moved aside)."""
    remove_quietly(record_path(path))


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _stat(path: Path, *, with_inode: bool) -> list[int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    if found.st_size == 0 and not with_inode:
        return None  # an empty log carries nothing: the same as none
    values = [found.st_size, found.st_mtime_ns]
    return [*values, found.st_ino] if with_inode else values
