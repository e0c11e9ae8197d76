"""The library's guard against damage: its life cycle, and nothing written to a file that may
be damaged (``check.write_blockers`` before the first write of a session, a failed write
diagnosed, ``held`` brought up to date after each).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Self

from reader import errors
from reader.errors import LibraryError
from reader.library import (
    clean_close,
    held,
)
from reader.library.check import Kind, Problem, write_blockers
from reader.library.connection import (
    CorruptLibraryError,
    connect_read_only,
    database,
    translate_errors,
)


def default_version() -> str:
    from reader.versions import analysis_version

    return analysis_version()


class Guard:
    """An open library connection and the checks around every read and write."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
        trusted: bool = False,
        version: str | None = None,
    ) -> None:
        self.connection = conn
        #: sqlite-utils over the same connection: how the library reads and writes.
        self.db = database(conn)
        self.path = path
        self.read_only = read_only
        #: The file is known sound: as the last clean close left it, or checked since.
        self.trusted = trusted
        self._checked = False
        self.damaged = False
        #: Damaged rows left out of listings since the library was opened.
        self.skipped: list[LibraryError] = []
        #: The version of the rules and model whose analyses are current (``stale_ids``).
        self.version = version or default_version()

    # -- life cycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; note a clean close of a sound library (``clean_close``)."""
        if self.damaged and not self.read_only:
            self._close_without_checkpoint()
            return
        self.connection.close()
        if self._may_record():
            clean_close.record_clean_close(self.path)

    def _may_record(self) -> bool:
        if self.read_only or not self.trusted:
            return False
        # Trusted only from the record, which is gone: another process found the file
        # damaged since. Keep it gone.
        return self._checked or clean_close.record_path(self.path).exists()

    def _close_without_checkpoint(self) -> None:
        """Close so that SQLite does not copy the log into the damaged file.

        The last connection to close checkpoints; while a read-only one is still open the
        writable one is not the last, and a read-only connection never checkpoints.
        """
        guard = None
        with contextlib.suppress(LibraryError):
            guard = connect_read_only(self.path)
        self.connection.close()
        if guard is not None:
            guard.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_writable(self) -> None:
        if self.read_only:
            raise LibraryError(self.path, errors.LIBRARY_READ_ONLY)

    def verify(self) -> None:
        """``write_blockers`` unless the file is known sound: ``CorruptLibraryError`` (and
        nothing written from now on) if its pages are damaged, ``LibraryError`` if an index
        is out of step (``check --repair`` rebuilds it)."""
        if self.trusted or self.read_only:
            return
        with self._translated():
            problems = write_blockers(self.db)
        self._refuse(problems)
        self.mark_sound()

    def _refuse(self, problems: list[Problem]) -> None:
        if any(p.kind is Kind.FILE for p in problems):
            self._mark_damaged()
            raise CorruptLibraryError(self.path, errors.LIBRARY_CORRUPT)
        if problems:
            self._doubt()
            detail = problems[0].text
            raise LibraryError(self.path, errors.LIBRARY_INDEX_DAMAGED.format(detail=detail))

    def mark_sound(self) -> None:
        """The file was just checked and found sound."""
        self.trusted = True
        self._checked = True

    def _mark_damaged(self) -> None:
        self.damaged = True
        self._doubt()

    def _doubt(self) -> None:
        """Check the file again before the next write, in this session and the next."""
        self.trusted = False
        self._checked = False
        clean_close.forget(self.path)

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        """``translate_errors``; a read that meets damage also puts the file in doubt (it may
        be only a search index, so reading goes on)."""
        try:
            with translate_errors(self.path):
                yield
        except CorruptLibraryError:
            self._doubt()
            raise

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Around every write: writable, verified, and a corruption error diagnosed."""
        self.check_writable()
        if self.damaged:
            raise CorruptLibraryError(self.path, errors.LIBRARY_CORRUPT)
        self.verify()
        try:
            yield
        except CorruptLibraryError as error:
            raise self._diagnosed(error) from error
        held.note(self.path, self.connection)

    def _diagnosed(self, error: CorruptLibraryError) -> LibraryError:
        """A write failed with a corruption code: the whole file, or only an index?"""
        try:
            problems = write_blockers(self.db)
        except sqlite3.Error as failure:
            problems = [Problem(Kind.FILE, str(failure))]
        if any(p.kind is Kind.FILE for p in problems):
            self._mark_damaged()
            return error
        self._doubt()
        detail = problems[0].text if problems else error.__cause__ or error.problem
        return LibraryError(self.path, errors.LIBRARY_INDEX_DAMAGED.format(detail=detail))

    def integrity_ok(self) -> bool:
        with self._translated():
            return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
