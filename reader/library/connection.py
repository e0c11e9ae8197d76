"""Connections to the library database and the translation of SQLite failures for the user.

Every connection runs in autocommit mode (``isolation_level=None``) with WAL, a busy timeout
and foreign keys on; writes go through ``write_transaction`` which opens ``BEGIN IMMEDIATE``
so that two processes adding at once queue behind each other instead of failing half-way.
The library reads and writes through sqlite-utils (``database``): a ``Database`` over the
same ``sqlite3`` connection, whose ``conn`` is what ``write_transaction`` runs on; its
writes made inside that transaction become part of it.
SQLite errors the user can act on (read-only, locked, corrupt, disk full, a stored value
that cannot be read back) become ``LibraryError`` with the wording from ``reader.errors``;
anything else is a bug and escapes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader import errors
from reader.errors import LibraryError

if TYPE_CHECKING:
    from reader.library.database import Database

DEFAULT_BUSY_TIMEOUT_MS = 5000

# Primary result codes (the low byte of an extended code).
_SQLITE_ERROR = 1
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


class CorruptLibraryError(LibraryError):
    """The library file is damaged; it is left as it is and a fresh one can be started."""


def database(conn: sqlite3.Connection | Database) -> Database:
    """The sqlite-utils ``Database`` over ``conn`` (``conn`` itself if it is one already).

    Without sqlite-utils' two defaults: ``recursive_triggers`` stays off as the schema's
    full-text triggers were written for, and no plugin runs on the library's connection.
    """
    from reader.library.database import Database  # sqlite-utils: only once a library opens

    if isinstance(conn, Database):
        return conn
    return Database(conn, recursive_triggers=False, execute_plugins=False)


def connect(path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path`` for reading and writing."""
    with translate_errors(path):
        conn = sqlite3.connect(
            path, isolation_level=None, timeout=busy_timeout_ms / 1000, check_same_thread=False
        )
        try:
            _configure(conn, busy_timeout_ms, writable=True)
        except BaseException:
            conn.close()
            raise
    return conn


def connect_read_only(
    path: Path, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS
) -> sqlite3.Connection:
    """Open an existing database without writing anything to it (read-only file or folder,
    full disk).

    ``mode=ro`` still needs the ``-wal`` and ``-shm`` files of a WAL database; where they
    cannot be created (a read-only folder, no space left) the file is opened with
    ``immutable=1``: read as it is on disk, without locks and without the log.
    """
    try:
        return _connect_uri(path, "mode=ro", busy_timeout_ms)
    except CorruptLibraryError:
        raise
    except LibraryError as error:
        if error.problem == errors.LIBRARY_LOCKED:
            raise
    return _connect_uri(path, "mode=ro&immutable=1", busy_timeout_ms)


def _connect_uri(path: Path, query: str, busy_timeout_ms: int) -> sqlite3.Connection:
    with translate_errors(path):
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?{query}",
            uri=True,
            isolation_level=None,
            timeout=busy_timeout_ms / 1000,
            check_same_thread=False,
        )
        try:
            _configure(conn, busy_timeout_ms, writable=False)
        except BaseException:
            conn.close()
            raise
    return conn


def _configure(conn: sqlite3.Connection, busy_timeout_ms: int, writable: bool) -> None:
    db = database(conn)
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    db.execute("PRAGMA foreign_keys = ON")
    # Reading the schema first turns "not a database" into an error here, not later.
    db.table_names()
    if writable:
        db.enable_wal()
        # A file that cannot be written stays in its old mode without an error.
        if str(db.journal_mode).lower() != "wal":
            raise sqlite3.OperationalError("attempt to write a readonly database")
        # In WAL mode NORMAL still survives a killed process; only a power cut may lose
        # the last commits, never leave a half-written one.
        conn.execute("PRAGMA synchronous = NORMAL")


@contextmanager
def write_transaction(conn: sqlite3.Connection, subject: str | Path) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; roll back on any error, translating SQLite errors."""
    with translate_errors(subject):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def is_corruption(error: sqlite3.Error) -> bool:
    """Damaged pages or not a database at all (not a bad value in one row)."""
    code = _primary_code(error)
    if code is not None and code != _SQLITE_ERROR:
        return code in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error).lower()
    if _is_bad_value(text):
        return False
    return "not a database" in text or "disk image is malformed" in text


def _is_bad_value(text: str) -> bool:
    """A stored value SQLite or Python cannot read back: invalid JSON, BLOB, UTF-8."""
    return "json" in text or "could not decode to utf-8" in text


def library_error(error: sqlite3.Error, subject: str | Path) -> LibraryError | None:
    """The ``LibraryError`` the user sees for a SQLite failure, or None for a bug."""
    code = _primary_code(error)
    text = str(error).lower()
    if is_corruption(error):
        return CorruptLibraryError(subject, errors.LIBRARY_CORRUPT)
    if _is_bad_value(text):
        return LibraryError(subject, errors.LIBRARY_VALUE_DAMAGED.format(detail=error))
    if code == _SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return LibraryError(subject, errors.LIBRARY_READ_ONLY)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return LibraryError(subject, errors.LIBRARY_LOCKED)
    if code == _SQLITE_FULL or "disk is full" in text or "database or disk is full" in text:
        return LibraryError(subject, errors.LIBRARY_DISK_FULL)
    if code == _SQLITE_CANTOPEN or "unable to open" in text or "disk i/o" in text:
        return LibraryError(subject, errors.LIBRARY_UNREADABLE.format(detail=error))
    return None


@contextmanager
def translate_errors(subject: str | Path) -> Iterator[None]:
    """Turn SQLite errors the user can act on into ``LibraryError``; re-raise the rest."""
    try:
        yield
    except (sqlite3.OperationalError, sqlite3.DatabaseError) as error:
        mapped = library_error(error, subject)
        if mapped is None:
            raise
        raise mapped from error


def _primary_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None
