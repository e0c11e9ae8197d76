"""Damage always caught, never written into.

- an emptied, deleted, replaced or rolled-back library file is noticed (the record of what
  the library held, ``reader.library.held``) and refused by every command, with what to do;
  ``check --repair`` starts a new library (keeping the old file) or keeps the file as it is;
- a write refuses what ``check`` would report on the file (a file cut 100 bytes short, one
  changed byte in an index), not only what ``quick_check`` sees;
- a schema version that does not match the tables (3, 0, -1 on a file of the latest
  schema), or a dropped search table, is reported by ``check`` and put right by
  ``--repair``; every other command refuses it in one line, without a traceback.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from library_command import run
from test_library_builder import VERSION, putin_article
from test_library_damage import build_library

from reader.cli.library import EXIT_PROBLEMS
from reader.errors import LibraryError
from reader.library import (
    CorruptLibraryError,
    LostLibraryError,
    SchemaMismatchError,
    open_library,
)
from reader.library.held import record_path
from reader.library.schema import SCHEMA_VERSION


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "new.txt"
    path.write_text("Nothing to see here. The minister said nothing at all.", encoding="utf-8")
    return path


def write_commands(source: Path) -> list[list[str]]:
    return [["add", str(source)], ["remove", "1"], ["reanalyse"]]


READ_COMMANDS = [["search", "gas"], ["actors"], ["said", "Putin"], ["export"]]


# -- a file that is not the library it was ---------------------------------------------------


@pytest.mark.slow
def test_an_emptied_library_is_refused_by_every_command(capsys, tmp_path, source):
    """``truncate -s 0 library.db`` and every command worked on an empty library,
    ``check`` was clean and ``add`` wrote into it; the articles were gone without a word."""
    data = tmp_path / "data"
    path = build_library(data)
    os.truncate(path, 0)
    for args in [*READ_COMMANDS, *write_commands(source)]:
        code, out, err = run(capsys, data, *args)
        assert code == 2, args
        [line] = err.splitlines()
        assert line == (
            f"dramatis: {path}: the library file is empty, but it held 6 articles; restore "
            "library.db from a backup, or run 'dramatis library check --repair' to keep the "
            "file aside and start a new library"
        ), args
        assert path.stat().st_size == 0, args
    code, out, err = run(capsys, data, "check")
    assert code == EXIT_PROBLEMS and err == ""
    assert out.splitlines() == [
        f"{path}: the library file is empty, but it held 6 articles; "
        "restore library.db from a backup, or run 'dramatis library "
        "check --repair' to keep the file aside and start a new library"
    ]
    assert path.stat().st_size == 0

    code, out, err = run(capsys, data, "check", "--repair")
    assert code == 0, out + err
    [aside] = [p for p in data.glob("library.db.corrupt-*") if not p.name.endswith(("wal", "shm"))]
    assert aside.stat().st_size == 0
    assert f"a new library was started; the old file is kept at {aside}" in out.splitlines()
    # From now on it is a new library, and used as one.
    assert run(capsys, data, "add", str(source))[0] == 0
    with open_library(data) as library:
        assert library.count() == 1


def test_a_deleted_library_file_is_not_silently_made_again(tmp_path):
    data = tmp_path / "data"
    path = build_library(data)
    path.unlink()
    with pytest.raises(LostLibraryError, match="the library file is gone, but it held 6"):
        open_library(data, version=VERSION)
    assert not path.exists()


def test_a_library_replaced_by_another_is_refused_then_kept_on_repair(capsys, tmp_path, source):
    data = tmp_path / "data"
    path = build_library(data, articles=3)
    other = build_library(tmp_path / "other", articles=1)
    shutil.copyfile(other, path)
    before = path.read_bytes()
    with pytest.raises(LostLibraryError) as caught:
        open_library(data, version=VERSION)
    assert caught.value.problem.startswith(
        "the library file was replaced by another library of 1 article (the library here "
        "held 3 articles)"
    )
    code, _, err = run(capsys, data, "add", str(source))
    assert code == 2 and "was replaced by another library" in err
    assert path.read_bytes() == before
    code, out, _ = run(capsys, data, "check", "--repair")
    assert code == 0 and "the library file is kept as it is now (1 article)" in out
    with open_library(data, version=VERSION) as library:
        assert library.count() == 1


def test_an_older_copy_of_the_library_is_refused(tmp_path):
    """A backup of the same library put back in place: what was added since is missing."""
    data = tmp_path / "data"
    path = build_library(data, articles=2)
    older = path.read_bytes()
    with open_library(data, version=VERSION) as library:
        library.add_analysis(putin_article(" Written after the copy was made."))
    path.write_bytes(older)
    with pytest.raises(LostLibraryError, match=r"an older copy of itself \(2 articles; it held 3"):
        open_library(data, version=VERSION)


def test_the_record_follows_every_write_and_remove(tmp_path):
    data = tmp_path / "data"
    path = build_library(data, articles=2)
    with open_library(data, version=VERSION) as library:
        library.remove(1)
        killed = open_library(data, version=VERSION)
        killed.add_analysis(putin_article(" One more."))
        killed.connection.close()  # killed: no clean close, the record is still current
    assert '"articles": 2' in record_path(path).read_text(encoding="utf-8")
    with open_library(data, version=VERSION) as library:
        assert library.count() == 2


# -- writes refuse what check reports --------------------------------------------------------


def test_a_file_cut_100_bytes_short_is_not_written_to(capsys, tmp_path, source):
    """``check`` exited 3 but ``add`` wrote, as ``quick_check`` passed."""
    data = tmp_path / "data"
    path = build_library(data)
    os.truncate(path, path.stat().st_size - 100)
    cut = path.read_bytes()
    assert run(capsys, data, "check")[0] == EXIT_PROBLEMS
    code, _, err = run(capsys, data, "add", str(source))
    assert code == 2 and "nothing was saved" in err and "check --repair" in err
    assert len(err.splitlines()) == 1
    assert path.read_bytes() == cut


def _change_a_byte_in_index(path: Path, index: str, word: bytes) -> None:
    """Change one byte of ``word`` where the index ``index`` holds it, not in its table."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (index,))]
    conn.close()
    data = bytearray(path.read_bytes())
    for page in pages:
        start = (page - 1) * page_size
        at = data.find(word, start, start + page_size)
        if at >= 0:
            data[at] = ord("X")
            path.write_bytes(bytes(data))
            return
    raise AssertionError(f"{word!r} not found in {index}")


def test_one_changed_byte_in_an_indexed_value_is_not_written_to(tmp_path):
    """``quick_check`` does not compare indexes with their tables."""
    data = tmp_path / "data"
    path = build_library(data, articles=2)
    _change_a_byte_in_index(path, "entities_text", b"Scholz")
    changed = path.read_bytes()
    with open_library(data, version=VERSION) as library, pytest.raises(CorruptLibraryError):
        library.add_analysis(putin_article(" New words."))
    assert path.read_bytes() == changed


# -- the schema against its version ----------------------------------------------------------


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize("version", [3, 0, -1])
def test_a_wrong_schema_version_is_reported_and_set_right(capsys, tmp_path, source, version):
    """``PRAGMA user_version`` of 3, 0 or -1 crashed every command, ``check`` too."""
    data = tmp_path / "data"
    path = build_library(data, articles=2)
    _tamper(path, f"PRAGMA user_version = {version}")
    for args in [*READ_COMMANDS, ["add", str(source)]]:
        code, _, err = run(capsys, data, *args)
        assert code == 2 and "Traceback" not in err, args
        assert err.splitlines() == [
            f"dramatis: {path}: the library says it is of schema {version}, but its tables are "
            f"those of schema {SCHEMA_VERSION}; run 'dramatis library check --repair' to set it "
            "right"
        ]
    code, out, _ = run(capsys, data, "check")
    assert code == EXIT_PROBLEMS and len(out.splitlines()) == 1
    code, out, _ = run(capsys, data, "check", "--repair")
    assert code == 0 and out.splitlines()[-1] == f"{path}: no problems found"
    with open_library(data, version=VERSION) as library:
        assert library.count() == 2 and len(library.search("gas")) == 2


def test_a_dropped_search_table_is_reported_and_made_again(capsys, tmp_path):
    data = tmp_path / "data"
    path = build_library(data, articles=2)
    _tamper(path, "DROP TABLE statements_fts")
    with pytest.raises(SchemaMismatchError) as caught:
        open_library(data, version=VERSION)
    assert "lacks part of its schema (statements_fts)" in caught.value.problem
    code, out, _ = run(capsys, data, "said", "Putin")
    assert code == 2
    code, out, _ = run(capsys, data, "check")
    assert code == EXIT_PROBLEMS and "statements_fts" in out
    code, out, _ = run(capsys, data, "check", "--repair")
    assert code == 0, out
    with open_library(data, version=VERSION) as library:
        assert [s.text for s in library.search_statements("winter")] == [
            "Gas supplies will continue through the winter"
        ] * 2


def test_a_dropped_data_table_is_not_repaired(capsys, tmp_path):
    data = tmp_path / "data"
    path = build_library(data, articles=1)
    _tamper(path, "DROP TABLE correction_effects")
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="not those of any schema"):
        open_library(data, version=VERSION)
    code, out, _ = run(capsys, data, "check", "--repair")
    assert code == EXIT_PROBLEMS and out.splitlines()[-1] == "nothing that --repair can fix"
    assert path.read_bytes() == before


def test_a_library_that_held_no_article_is_simply_made_again(tmp_path):
    """Nothing to lose: an empty library's file deleted or emptied is no loss to report."""
    data = tmp_path / "data"
    open_library(data, version=VERSION).close()
    path = data / "library.db"
    assert record_path(path).exists()
    os.truncate(path, 0)
    with open_library(data, version=VERSION) as library:
        assert library.count() == 0
    path.unlink()
    with open_library(data, version=VERSION) as library:
        library.add_analysis(putin_article())
    assert '"articles": 1' in record_path(path).read_text(encoding="utf-8")
