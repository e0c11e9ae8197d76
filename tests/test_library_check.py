"""``dramatis library check [--repair]`` (issue 12, section 5).

One line per problem on standard output, exit 0 when the library is sound and 3 when
problems were found; ``--repair`` copies the file to a backup first, then rebuilds the
full-text indexes and drops orphan rows, and checks again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_library_builder import VERSION, ArticleBuilder, putin_article
from test_library_damage import overwrite_pages

from reader.cli import main
from reader.cli.library import EXIT_PROBLEMS
from reader.library import Kind, check_library, open_library
from reader.paths import library_path


@pytest.fixture
def data(tmp_path) -> Path:
    """A cleanly closed library with two articles."""
    folder = tmp_path / "data"
    with open_library(folder, version=VERSION) as library:
        library.add_analysis(putin_article())
        b = ArticleBuilder(title="Weather report", published="2023-01-05")
        b.actor("a1", "Ingrid Berg").text("Rain in Oslo. ")
        b.quote("Gas heating demand rose", "Ingrid Berg", "a1")
        library.add_analysis(b.build())
    return folder


def check(capsys, folder: Path, *options: str) -> tuple[int, list[str], str]:
    code = main(["library", "--data-dir", str(folder), "check", *options])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def tamper(folder: Path, *statements: str) -> None:
    """Change the library as another program would (foreign keys off, no Dramatis)."""
    conn = sqlite3.connect(library_path(folder))
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def article_id(folder: Path, title: str) -> int:
    conn = sqlite3.connect(library_path(folder))
    (found,) = conn.execute("SELECT id FROM articles WHERE title = ?", (title,)).fetchone()
    conn.close()
    return int(found)


def test_a_sound_library_checks_clean(capsys, data):
    code, lines, err = check(capsys, data)
    assert code == 0 and err == ""
    assert lines == [f"{library_path(data)}: no problems found"]


def test_orphan_rows_are_reported_and_repaired_after_a_backup(capsys, data):
    weather = article_id(data, "Weather report")
    tamper(data, f"DELETE FROM articles WHERE id = {weather}")
    before = library_path(data).read_bytes()

    code, lines, _ = check(capsys, data)
    assert code == EXIT_PROBLEMS
    path = library_path(data)
    assert f"{path}: 1 rows of statements refer to missing articles (articles ids {weather})" in (
        lines
    )
    assert any("rows of entities refer to missing articles" in line for line in lines)
    assert any("rows of article_actors refer to missing articles" in line for line in lines)
    assert library_path(data).read_bytes() == before  # checking changes nothing

    code, lines, _ = check(capsys, data, "--repair")
    assert code == 0, lines
    [backup_line] = [line for line in lines if line.startswith("backup copy: ")]
    backup = Path(backup_line.removeprefix("backup copy: "))
    assert backup.parent == data and backup.read_bytes() == before
    assert lines[-1].startswith("repaired ") and "still:" not in "".join(lines)
    assert check(capsys, data)[0] == 0
    with open_library(data, version=VERSION) as library:
        assert library.count() == 1
        assert [a.name for a in library.actors()] == ["Vladimir Putin", "Olaf Scholz"]
        assert next(s.text for s in library.statements()) == (
            "Gas supplies will continue through the winter"
        )


def test_a_missing_search_entry_is_reported_and_rebuilt(capsys, data):
    weather = article_id(data, "Weather report")
    tamper(
        data,
        f"""INSERT INTO articles_fts (articles_fts, rowid, title, text)
            SELECT 'delete', id, title, text FROM articles WHERE id = {weather}""",
    )
    with open_library(data, version=VERSION) as library:
        assert library.search("Oslo") == []
    code, lines, _ = check(capsys, data)
    assert code == EXIT_PROBLEMS
    assert lines == [
        f"{library_path(data)}: the search index articles_fts has 1 entries for 2 rows of articles"
    ]
    assert check(capsys, data, "--repair")[0] == 0
    with open_library(data, version=VERSION) as library:
        assert [h.id for h in library.search("Oslo")] == [weather]


def test_an_index_out_of_step_with_its_table_is_found_by_the_fts5_check(capsys, data):
    """Same number of entries, wrong words: only FTS5's integrity-check sees it."""
    weather = article_id(data, "Weather report")
    tamper(
        data,
        f"""INSERT INTO articles_fts (articles_fts, rowid, title, text)
            SELECT 'delete', id, title, text FROM articles WHERE id = {weather}""",
        f"INSERT INTO articles_fts (rowid, title, text) VALUES ({weather}, 'x', 'zebra')",
    )
    code, lines, _ = check(capsys, data)
    assert code == EXIT_PROBLEMS
    assert lines == [
        f"{library_path(data)}: the search index articles_fts is out of step with articles"
    ]
    assert check(capsys, data, "--repair")[0] == 0
    with open_library(data, version=VERSION) as library:
        assert library.search("zebra") == []
        assert [h.id for h in library.search("Oslo")] == [weather]


def test_damaged_values_are_named_and_left_for_the_user(capsys, data):
    putin = article_id(data, "Putin and Scholz discuss gas prices")
    tamper(data, f"UPDATE statements SET spans = '[[1,' WHERE article_id = {putin} AND seq = 2")
    code, lines, _ = check(capsys, data)
    assert code == EXIT_PROBLEMS
    assert len(lines) == 1
    assert lines[0].endswith(f"article {putin}: statements row 3: spans is not valid JSON")
    before = library_path(data).read_bytes()
    code, lines, _ = check(capsys, data, "--repair")
    assert code == EXIT_PROBLEMS and lines[-1] == "nothing that --repair can fix"
    assert library_path(data).read_bytes() == before


def test_damaged_pages_are_reported_and_never_repaired(capsys, tmp_path):
    from test_library_damage import build_library

    folder = tmp_path / "big"
    path = build_library(folder)
    overwrite_pages(path, 4, seed=5)
    damaged = path.read_bytes()
    code, lines, err = check(capsys, folder)
    assert code == EXIT_PROBLEMS and err == ""
    assert lines and all(": the file is damaged: " in line for line in lines)
    code, _, err = check(capsys, folder, "--repair")
    assert code == 2 and "which --repair cannot fix; it was left untouched" in err
    assert len(err.splitlines()) == 1
    assert path.read_bytes() == damaged
    assert list(folder.glob("library.db.backup-*")) == []


def test_check_library_kinds(data):
    tamper(data, "INSERT INTO actor_aliases (actor_id, key, alias) VALUES (999, 'nobody', 'N')")
    with open_library(data, version=VERSION) as library:
        problems = check_library(library)
    assert [(p.kind, p.repairable) for p in problems] == [(Kind.ORPHAN, True)]
    assert "actor_aliases refer to missing actors (actors ids 999)" in problems[0].text


def test_nothing_is_repaired_when_the_backup_cannot_be_written(capsys, data, monkeypatch):
    from reader.library import files

    weather = article_id(data, "Weather report")
    tamper(data, f"DELETE FROM articles WHERE id = {weather}")
    before = library_path(data).read_bytes()
    nowhere = data / "no such folder" / "library.db.backup"
    with monkeypatch.context() as patch:
        patch.setattr(files, "stamped_name", lambda path, label: nowhere)
        code, lines, err = check(capsys, data, "--repair")
    assert code == 2 and "the backup copy could not be written" in err
    assert not any(line.startswith("backup copy:") for line in lines)
    assert library_path(data).read_bytes() == before
    assert check(capsys, data)[0] == EXIT_PROBLEMS
