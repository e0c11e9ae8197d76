"""A library file's life: opening (creating and migrating), checking, repairing, setting
aside, starting afresh and keeping a replaced one (``reader.library``'s entry points)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from reader import errors
from reader.errors import LibraryError
from reader.file_names import printable
from reader.library import clean_close, files, held, shape
from reader.library.check import Kind, Problem, find_problems, integrity_problems, repair
from reader.library.connection import (
    DEFAULT_BUSY_TIMEOUT_MS,
    CorruptLibraryError,
    connect,
    connect_read_only,
    translate_errors,
    write_transaction,
)
from reader.library.core import Library
from reader.library.held import LostLibraryError
from reader.library.schema import SCHEMA_VERSION, migrate, stored_version
from reader.output.words import plural
from reader.paths import library_path


def open_library(
    data_dir: str | Path | None = None,
    *,
    version: str | None = None,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    read_only: bool = False,
) -> Library:
    """Open (creating and migrating if needed) the library in ``data_dir``.

    A library that cannot be written (read-only file or folder, no space for its log) is
    opened read-only (``library.read_only``): it can be searched and shown, and saving
    raises ``LibraryError``. ``version`` replaces the version of the current rules and model
    (tests and benchmarks).
    """
    path = library_path(data_dir)
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            if not path.exists():
                raise LibraryError(
                    path, errors.LIBRARY_UNREADABLE.format(detail=error.strerror or error)
                ) from error
            read_only = True
    emptied = held.emptied_problem(path)
    if emptied is not None:
        # Opening would make a new library in its place.
        raise LostLibraryError(path, emptied, errors.LIBRARY_KEEP_ASIDE)
    # Compared before connecting: opening creates the -wal file the record describes.
    trusted = clean_close.left_as_recorded(path)
    conn = None if read_only else _connect_for_writing(path, busy_timeout_ms)
    if conn is None:
        read_only = True
        if not path.exists():
            raise LibraryError(path, errors.LIBRARY_UNREADABLE.format(detail="no such file"))
        conn = connect_read_only(path, busy_timeout_ms)
    try:
        _check_version(conn, path, read_only, trusted)
    except BaseException:
        conn.close()
        raise
    return Library(conn, path, read_only=read_only, trusted=trusted, version=version)


def _connect_for_writing(path: Path, busy_timeout_ms: int) -> sqlite3.Connection | None:
    """A writable connection, or None when the existing file can only be read."""
    try:
        return connect(path, busy_timeout_ms)
    except CorruptLibraryError:
        raise
    except LibraryError as error:
        # Read-only, or its -wal/-shm cannot be created or grown (read-only folder, full
        # disk): reading may still work. A lock does not go away by reading instead.
        if error.problem == errors.LIBRARY_LOCKED or not path.exists():
            raise
        return None


class SchemaMismatchError(LibraryError):
    """The library's tables are not those its schema version says (``shape``)."""

    def __init__(self, subject: str | Path, problem: shape.ShapeProblem) -> None:
        super().__init__(subject, problem.text)
        self.shape = problem


#: How many times the version and the tables are read again while another program migrates.
_SETTLING_READS = 40


def _check_version(conn: sqlite3.Connection, path: Path, read_only: bool, trusted: bool) -> None:
    with translate_errors(path):
        found = stored_version(conn)
        if found > SCHEMA_VERSION:
            raise LibraryError(
                path, errors.LIBRARY_TOO_NEW.format(found=found, known=SCHEMA_VERSION)
            )
        # Before anything is migrated: never write into a file put in the library's place.
        held.check_state(path, conn)
        mismatch = shape.find_problem(conn)
        # Another program migrating the file at this moment moves its version on between
        # the two reads (version 1 with schema 3's tables): read both again once it settles.
        for _ in range(_SETTLING_READS):
            if mismatch is None or stored_version(conn) == found:
                break
            time.sleep(0.05)
            found = stored_version(conn)
            mismatch = shape.find_problem(conn)
    if mismatch is not None:
        raise SchemaMismatchError(path, mismatch)
    if found < SCHEMA_VERSION:
        if read_only:
            raise LibraryError(path, errors.LIBRARY_READ_ONLY)
        if found > 0 and not trusted:
            # A migration writes: never into a file that may be damaged.
            with translate_errors(path):
                damaged = integrity_problems(conn)
            if damaged:
                raise CorruptLibraryError(path, errors.LIBRARY_CORRUPT)
        migrate(conn, path)
    if not read_only:
        held.note(path, conn)


def set_aside(data_dir: str | Path | None = None) -> Path:
    """Move a damaged library (with its -wal and -shm) aside, never deleting it; return
    where it now is. Close every connection to it first."""
    return files.set_aside(library_path(data_dir))


def start_fresh(data_dir: str | Path | None = None, **options: object) -> tuple[Library, Path]:
    """Move a damaged library aside (never deleting it) and open a new, empty one.

    Returns the new library and where the old file now is.
    """
    aside = set_aside(data_dir)
    return open_library(data_dir, **options), aside  # type: ignore[arg-type]


def check_library(library: Library) -> list[Problem]:
    """Every problem found in the library (empty: it is sound). Changes nothing."""
    with translate_errors(library.path):
        problems = find_problems(library.db, writable=not library.read_only)
    # Sound enough to write to without checking again: nothing a write must not go into
    # (``check.write_blockers``); a damaged index found here is found again before writing.
    if not any(p.kind in (Kind.FILE, Kind.INDEX) for p in problems):
        library.mark_sound()
    return problems


def repair_library(library: Library, problems: list[Problem] | None = None) -> Path | None:
    """Back the library up, then rebuild its indexes and drop orphan rows.

    ``problems``: what ``check_library`` just found (checked again if not given). Returns
    the backup copy, or None when there was nothing ``repair`` can fix. A library whose
    file is damaged is refused with ``CorruptLibraryError`` and left untouched.
    """
    if problems is None:
        problems = check_library(library)
    if any(p.kind is Kind.FILE for p in problems):
        raise CorruptLibraryError(library.path, errors.CHECK_NOT_REPAIRED)
    if not any(p.repairable for p in problems):
        return None
    library.check_writable()
    return repair(library.db, library.path)


def keep_library(data_dir: str | Path | None = None) -> str:
    """Put an end to a ``LostLibraryError``, as ``check --repair`` does: an emptied or
    missing file is moved aside (if there is one) and a new library started; a replaced
    file or an older copy is kept as the library. Returns what was done, as one line."""
    path = library_path(data_dir)
    if held.file_is_empty(path):
        aside = files.set_aside(path) if path.exists() else None
        held.forget(path)
        open_library(data_dir).close()
        if aside is None:
            return errors.LIBRARY_NEW_STARTED.format(aside="(there was none)")
        return errors.LIBRARY_NEW_STARTED.format(aside=printable(aside))
    held.forget(path)
    with open_library(data_dir) as library:
        count = library.count()
    return errors.LIBRARY_KEPT_AS_IS.format(count=plural(count, "article"))


def repair_schema(data_dir: str | Path | None, problem: shape.ShapeProblem) -> Path:
    """Back the library up, then make again what its schema lacks and set its version
    (``check --repair`` on a ``SchemaMismatchError``); returns the backup copy."""
    path = library_path(data_dir)
    if not problem.repairable:
        raise LibraryError(path, problem.text)
    conn = connect(path)
    try:
        with write_transaction(conn, path):
            backup = files.copy_beside(path)
            shape.repair(conn, problem)
    finally:
        conn.close()
    return backup
