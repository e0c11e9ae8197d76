"""The window meets a damaged library with a message, never a traceback.

Each library is damaged the way another program would damage it (plain SQL, or the file
emptied); the window is started on it with the damaged article remembered as the one on
screen, as the start-up does.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from test_library_builder import putin_article

from reader.library import open_library
from reader.pipeline import analysis_version
from ui.app import open_at_start
from ui.main_window import MainWindow
from ui.settings import Settings

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")


def _library(data: Path, *statements: str) -> int:
    """A library holding the Putin article, remembered as on screen, then ``statements``."""
    import dataclasses

    with open_library(data) as library:
        article_id, _ = library.add_analysis(
            dataclasses.replace(putin_article(), version=analysis_version())
        )
        path = library.path
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    settings = Settings()
    settings.set_last_article(article_id, None)
    settings.save_window(b"", b"")
    settings.sync()
    return article_id


def _start(qtbot, data: Path) -> MainWindow:
    window = MainWindow(data_dir=data)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.slow
@pytest.mark.parametrize(
    ("damage", "part"),
    [
        ("UPDATE statements SET start = 99999999 WHERE seq = 0", "statement offsets"),
        ('UPDATE statements SET "end" = -5 WHERE seq = 0', "statement offsets"),
        ('UPDATE entities SET "end" = 99999999 WHERE id = 1', "entity offsets"),
        ("UPDATE articles SET text = CAST(text AS BLOB)", "text"),
    ],
)
def test_a_stored_article_with_damaged_values_gives_a_message_at_start(
    qtbot, tmp_path, damage, part
):
    data = tmp_path / "data"
    article_id = _library(data, damage)
    window = _start(qtbot, data)
    try:
        open_at_start(window)
        assert window.banner.isVisibleTo(window)
        text = window.banner.text()
        assert f"article {article_id}: its stored {part} is damaged" in text
        assert "unexpected" not in text.lower()
        assert window.analysis is None
    finally:
        window.shutdown()


def test_a_title_that_is_not_utf8_gives_a_message_at_start(qtbot, tmp_path):
    data = tmp_path / "data"
    _library(data, "UPDATE articles SET title = CAST(x'ff00fe' AS TEXT)")
    window = _start(qtbot, data)
    try:
        open_at_start(window)
        assert "a value stored in the library is damaged" in window.banner.text()
    finally:
        window.shutdown()


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        ("PRAGMA user_version = 3", "the library says it is of schema 3"),
        ("PRAGMA user_version = -1", "the library says it is of schema -1"),
        ("DROP TABLE articles_fts", "lacks part of its schema (articles_fts)"),
    ],
)
def test_a_library_whose_schema_does_not_match_gives_a_message(qtbot, tmp_path, damage, words):
    data = tmp_path / "data"
    _library(data, damage)
    window = _start(qtbot, data)
    try:
        assert window.library is None
        assert words in window.banner.text()
        assert open_at_start(window) in ("sample", "nothing")
    finally:
        window.shutdown()


def test_an_emptied_library_gives_a_message_and_is_not_written(qtbot, tmp_path):
    data = tmp_path / "data"
    _library(data)
    path = data / "library.db"
    os.truncate(path, 0)
    window = _start(qtbot, data)
    try:
        assert window.library is None
        assert "the library file is empty, but it held 1 article" in window.banner.text()
        # The window's own way out, not the command line's.
        assert "dramatis library" not in window.banner.text()
        assert "start a fresh library" in window.banner.text()
        open_at_start(window)
        assert path.stat().st_size == 0
        window.start_fresh_library()  # the banner's button
        assert window.library is not None and window.library.count() == 0
    finally:
        window.shutdown()
    [aside] = [p for p in data.glob("library.db.corrupt-*") if not p.name.endswith(("wal", "shm"))]
    assert aside.stat().st_size == 0


def test_a_stored_100000_character_actor_name_never_stops_the_start(qtbot, tmp_path):
    """Names stored before the length limits existed, put there by SQL."""
    data = tmp_path / "data"
    long_name = "Vladimir " + "Putin" * 20_000
    article_id = _library(
        data,
        f"UPDATE actors SET name = '{long_name}' WHERE name = 'Vladimir Putin'",
        f"UPDATE article_actors SET name = '{long_name}' WHERE name = 'Vladimir Putin'",
    )
    window = _start(qtbot, data)
    try:
        assert open_at_start(window) == "remembered"
        assert window.article_id == article_id
        assert len(window.windowTitle()) < 1000
    finally:
        window.shutdown()


def test_a_replaced_library_can_be_kept_as_it_is_from_the_window(qtbot, tmp_path):
    """Another library copied over this one (or a backup restored on purpose): the window
    says so in its own words and offers to use the file as it is, which it then does."""
    import shutil

    data = tmp_path / "data"
    _library(data)
    other = tmp_path / "other"
    with open_library(other) as library:
        assert library.count() == 0
    _library(other)
    with open_library(other) as library:
        library.remove(library.articles()[0].id)
    shutil.copyfile(other / "library.db", data / "library.db")
    window = _start(qtbot, data)
    try:
        assert window.library is None
        text = window.banner.text()
        assert "the library file was replaced by another library of 0 articles" in text
        assert "use the file as it is now" in text and "dramatis library" not in text
        window.keep_library_as_is()  # the banner's button
        assert window.library is not None and window.library.count() == 0
        assert "The library file is kept as it is now (0 articles)." in window.banner.text()
    finally:
        window.shutdown()
    with open_library(data) as library:  # and every command takes it from now on
        assert library.count() == 0
