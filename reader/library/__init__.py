"""The local library of every article opened: storage, search, actors and statements.

Public API (plain dataclasses in and out, no SQL for callers)::

    library = open_library(data_dir)            # data_dir None: reader.paths.data_dir()
    article_id, analysis, was_new = library.add_file(path)
    library.search("putin AND gas", actor="Putin")
    library.said("Vladimir Putin")

A damaged library raises ``CorruptLibraryError`` and is never overwritten; ``start_fresh``
moves it aside and opens a new one. ``analyse_file`` shows a file without any library.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from reader import errors
from reader.errors import LibraryError
from reader.library.connection import (
    DEFAULT_BUSY_TIMEOUT_MS,
    CorruptLibraryError,
    connect,
    connect_read_only,
    translate_errors,
)
from reader.library.core import Analyser, Library, NotSavedError, default_analyser
from reader.library.records import (
    ActorSummary,
    AddResult,
    SearchHit,
    StoredArticle,
    StoredStatement,
)
from reader.library.schema import SCHEMA_VERSION, migrate, stored_version
from reader.model import Analysis
from reader.paths import library_path

__all__ = [
    "ActorSummary",
    "AddResult",
    "CorruptLibraryError",
    "Library",
    "NotSavedError",
    "SearchHit",
    "StoredArticle",
    "StoredStatement",
    "analyse_file",
    "open_library",
    "start_fresh",
]


def open_library(
    data_dir: str | Path | None = None,
    *,
    analyse: Analyser | None = None,
    version: str | None = None,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    read_only: bool = False,
) -> Library:
    """Open (creating and migrating if needed) the library in ``data_dir``.

    A library that cannot be written is opened read-only (``library.read_only``): it can be
    searched and shown, and saving raises ``LibraryError``. ``analyse`` and ``version``
    replace the NLP pipeline and its version (tests and benchmarks).
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
    if not read_only:
        try:
            conn = connect(path, busy_timeout_ms)
        except CorruptLibraryError:
            raise
        except LibraryError as error:
            if error.problem != errors.LIBRARY_READ_ONLY or not path.exists():
                raise
            read_only = True
    if read_only:
        if not path.exists():
            raise LibraryError(path, errors.LIBRARY_UNREADABLE.format(detail="no such file"))
        conn = connect_read_only(path, busy_timeout_ms)
    try:
        _check_version(conn, path, read_only)
    except BaseException:
        conn.close()
        raise
    return Library(conn, path, read_only=read_only, analyse=analyse, version=version)


def _check_version(conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
    with translate_errors(path):
        found = stored_version(conn)
    if found > SCHEMA_VERSION:
        raise LibraryError(path, errors.LIBRARY_TOO_NEW.format(found=found, known=SCHEMA_VERSION))
    if found < SCHEMA_VERSION:
        if read_only:
            raise LibraryError(path, errors.LIBRARY_READ_ONLY)
        migrate(conn, path)


def start_fresh(data_dir: str | Path | None = None, **options: object) -> tuple[Library, Path]:
    """Move a damaged library aside (never deleting it) and open a new, empty one.

    Returns the new library and where the old file now is.
    """
    path = library_path(data_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    try:
        if path.exists():
            path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
    except OSError as error:
        raise LibraryError(
            path, errors.LIBRARY_UNREADABLE.format(detail=error.strerror or error)
        ) from error
    return open_library(data_dir, **options), aside  # type: ignore[arg-type]


def analyse_file(path: str | Path, analyse: Analyser | None = None) -> Analysis:
    """Open and analyse a file without any library (to show it when saving is impossible)."""
    from reader.opening import open_article

    return (analyse or default_analyser)(open_article(path))
