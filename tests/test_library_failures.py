"""Library failures the user can act on: read-only, locked, corrupt, disk full.

In each case the message is clear, the article can still be shown (the analysis travels with
the error), and a damaged file is never overwritten.
"""

from __future__ import annotations

import sqlite3

import pytest
from test_library_builder import VERSION, putin_article

from reader import errors
from reader.errors import LibraryError
from reader.library import (
    CorruptLibraryError,
    NotSavedError,
    open_library,
    start_fresh,
)
from reader.paths import library_path
from reader.reading import Reading, analyse_file


def analyser(article):
    """The prepared Putin analysis for any article (no spaCy)."""
    import dataclasses

    return dataclasses.replace(putin_article(), article=article)


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "putin.txt"
    path.write_text(putin_article().article.text, encoding="utf-8")
    return path


def test_locked_library_reports_busy_and_still_gives_the_analysis(tmp_path, article_file):
    open_library(tmp_path / "data", version=VERSION).close()
    blocker = sqlite3.connect(library_path(tmp_path / "data"), isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with (
            open_library(tmp_path / "data", version=VERSION, busy_timeout_ms=50) as library,
            pytest.raises(NotSavedError) as caught,
        ):
            Reading(library, analyser).add_file(article_file)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert caught.value.problem == errors.LIBRARY_LOCKED
    assert caught.value.analysis.quotes == putin_article().quotes
    assert str(library_path(tmp_path / "data")) in str(caught.value)


def test_read_only_library_can_be_searched_but_not_written(tmp_path, article_file):
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(putin_article())
    with open_library(tmp_path, version=VERSION, read_only=True) as library:
        assert library.read_only
        assert [h.title for h in library.search("gas")] == [putin_article().article.title]
        # Content already stored is shown from the library without saving anything.
        _, shown, was_new = Reading(library, analyser).add_file(article_file)
        assert not was_new and shown.quotes == putin_article().quotes
        other = tmp_path / "other.txt"
        other.write_text("Something else entirely.", encoding="utf-8")
        with pytest.raises(NotSavedError) as caught:
            Reading(library, analyser).add_file(other)
        assert caught.value.problem == errors.LIBRARY_READ_ONLY
        assert caught.value.analysis.article.text == "Something else entirely."
        with pytest.raises(LibraryError, match="read-only"):
            library.remove(1)


def test_write_protected_file_opens_read_only(tmp_path):
    """A library the process may not write to is opened read-only, not refused."""
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(putin_article())
    path = library_path(tmp_path)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        probe = sqlite3.connect(path)
        try:
            probe.execute("CREATE TABLE probe (x)")
            writable = True
        except sqlite3.OperationalError:
            writable = False
        finally:
            probe.close()
        if writable:
            pytest.skip("file permissions do not apply to this user (root)")
        with open_library(tmp_path, version=VERSION) as library:
            assert library.read_only
            assert library.count() == 1
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


def test_corrupt_library_is_never_overwritten_and_can_start_fresh(tmp_path, article_file):
    path = library_path(tmp_path)
    garbage = b"this is not a database at all " * 200
    path.write_bytes(garbage)
    with pytest.raises(CorruptLibraryError) as caught:
        open_library(tmp_path, version=VERSION)
    assert caught.value.problem == errors.LIBRARY_CORRUPT
    assert path.read_bytes() == garbage
    # The article can still be shown without any library.
    assert analyse_file(article_file, analyse=analyser).quotes == putin_article().quotes
    library, aside = start_fresh(tmp_path, version=VERSION)
    with library:
        assert library.count() == 0
        library.add_analysis(putin_article())
    assert aside.read_bytes() == garbage
    assert aside.name.startswith("library.db.corrupt-")


@pytest.mark.slow
def test_damaged_pages_are_reported_as_corrupt(tmp_path):
    with open_library(tmp_path, version=VERSION) as library:
        for n in range(30):
            library.add_analysis(putin_article(f" Paragraph {n}. " * 200))
        library.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = library_path(tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), page):
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(LibraryError) as caught:  # noqa: SIM117 (opening may already fail)
        with open_library(tmp_path, version=VERSION) as library:
            library.search("gas")
            list(library.statements())
            library.said("Putin")
    assert caught.value.problem == errors.LIBRARY_CORRUPT
    assert path.read_bytes() == before


def test_disk_full_keeps_the_library_consistent(tmp_path):
    with open_library(tmp_path, version=VERSION) as library:
        conn = library.connection
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        big = putin_article(" filler words" * 20_000)
        with pytest.raises(LibraryError) as caught:
            library.add_analysis(big)
        assert caught.value.problem == errors.LIBRARY_DISK_FULL
        assert library.count() == 0
        big_file = tmp_path / "big.txt"
        big_file.write_text(big.article.text, encoding="utf-8")
        with pytest.raises(NotSavedError) as caught:
            Reading(library, analyser).add_file(big_file)
        assert caught.value.problem == errors.LIBRARY_DISK_FULL
        assert caught.value.analysis.article.text == big.article.text
        assert library.count() == 0
        assert library.integrity_ok()
