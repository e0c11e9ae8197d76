"""``dramatis library check [--repair]``.

One line per problem on standard output, exit 0 when the library is sound and 3 when
problems were found; ``--repair`` copies the file to a backup first, then rebuilds the
full-text indexes and drops orphan rows, and checks again.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_library_builder import VERSION, ArticleBuilder, putin_article
from test_library_damage import overwrite_pages

from reader.cli import main
from reader.cli.library import EXIT_PROBLEMS
from reader.library import Kind, check_library, open_library
from reader.paths import library_path


def _two_articles(folder: Path) -> Path:
    """A cleanly closed library in ``folder`` with the Putin article and a weather report."""
    with open_library(folder, version=VERSION) as library:
        library.add_analysis(putin_article())
        b = ArticleBuilder(title="Weather report", published="2023-01-05")
        b.actor("a1", "Ingrid Berg").text("Rain in Oslo. ")
        b.quote("Gas heating demand rose", "Ingrid Berg", "a1")
        library.add_analysis(b.build())
    return folder


@pytest.fixture
def data(tmp_path) -> Path:
    """A cleanly closed library with two articles."""
    return _two_articles(tmp_path / "data")


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
    assert lines[0].endswith(
        f"article {putin}: statements row 3: spans is not valid JSON; remove the article "
        f"('dramatis library remove {putin}') and add its file again"
    )
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


# -- content checked against what the library can verify ----------------------------


def test_a_changed_word_in_a_statement_is_restored_from_the_article_text(capsys, data):
    """A "could" changed to "would" in a statement; ``--repair`` said "repaired 1 of
    1" (it rebuilt the search index over the changed word), then check was clean."""
    putin = article_id(data, "Putin and Scholz discuss gas prices")
    tamper(
        data,
        f"""UPDATE statements SET text = replace(text, 'will', 'would')
            WHERE article_id = {putin} AND seq = 0""",
    )
    path = library_path(data)
    code, lines, _ = check(capsys, data)
    assert code == EXIT_PROBLEMS
    assert (
        f"{path}: article {putin}: statements row 1: the text is not what the article's "
        "text says at its offsets" in lines
    )
    code, lines, _ = check(capsys, data, "--repair")
    assert code == 0 and lines[-1] == "repaired 2 of 2 problems", lines
    with open_library(data, version=VERSION) as library:
        assert library.analysis(putin).quotes[0].text == (
            "Gas supplies will continue through the winter"
        )
        assert library.search_statements("would") == []
        assert len(library.search_statements("will")) == 1


def test_a_statement_is_not_restored_from_a_text_that_lost_its_hash(capsys, data):
    putin = article_id(data, "Putin and Scholz discuss gas prices")
    tamper(
        data,
        f"UPDATE articles SET text = replace(text, 'Moscow', 'Mescow') WHERE id = {putin}",
        f"UPDATE statements SET speaker = 'Scholz' WHERE article_id = {putin} AND seq = 0",
    )
    before = library_path(data).read_bytes()
    code, lines, _ = check(capsys, data, "--repair")
    assert code == EXIT_PROBLEMS
    path = library_path(data)
    assert lines == [
        f"{path}: article {putin}: its text is not the text it was stored with (its hash "
        f"differs); remove the article ('dramatis library remove {putin}') and add its file "
        "again",
        f"{path}: article {putin}: statements row 1: the speaker is not what the article's "
        "text says at its offsets",
        "nothing that --repair can fix",
    ]
    assert library_path(data).read_bytes() == before


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (
            "UPDATE articles SET title = CAST(x'ff00fe' AS TEXT) WHERE id = {putin}",
            "article {putin}: articles row {putin}: title is not valid UTF-8 text",
        ),
        (
            "UPDATE articles SET text = CAST(text AS BLOB) WHERE id = {putin}",
            "article {putin}: articles row {putin}: text is not text",
        ),
        (
            "UPDATE statements SET start = 99999999 WHERE article_id = {putin} AND seq = 0",
            "article {putin}: statements row 1: offsets 99999999 to 116 are outside the "
            "article's text (0 to 222)",
        ),
        (
            'UPDATE statements SET "end" = -5 WHERE article_id = {putin} AND seq = 0',
            "article {putin}: statements row 1: offsets 71 to -5 are outside the article's "
            "text (0 to 222)",
        ),
        (
            "UPDATE statements SET spans = '[[0, 99999999]]' WHERE article_id = {putin} "
            "AND seq = 0",
            "article {putin}: statements row 1: offsets 0 to 99999999 are outside the "
            "article's text (0 to 222)",
        ),
        (
            'UPDATE entities SET "end" = -5 WHERE article_id = {putin}',
            "article {putin}: entities row 1: offsets 18 to -5 are outside the article's "
            "text (0 to 222)",
        ),
    ],
)
def test_values_the_window_cannot_show_are_reported_with_what_to_do(capsys, data, damage, expected):
    """Check was clean on each of these, and the window showed a traceback."""
    putin = article_id(data, "Putin and Scholz discuss gas prices")
    tamper(data, damage.format(putin=putin))
    code, lines, _ = check(capsys, data)
    assert code == EXIT_PROBLEMS
    remedy = f"; remove the article ('dramatis library remove {putin}') and add its file again"
    assert f"{library_path(data)}: {expected.format(putin=putin)}{remedy}" in lines, lines
    before = library_path(data).read_bytes()
    code, lines, _ = check(capsys, data, "--repair")
    assert code == EXIT_PROBLEMS and lines[-1] == "nothing that --repair can fix"
    assert library_path(data).read_bytes() == before


@pytest.mark.slow
def test_strings_stored_before_the_limits_are_reported_and_cut(capsys, data):
    """A 20 MB title and a 100,000-character actor name already in the tables."""
    from reader.opening.limits import MAX_NAME_CHARS, MAX_TITLE_CHARS, cut

    putin = article_id(data, "Putin and Scholz discuss gas prices")
    title = "Budget " * 3_000_000
    name = "Vladimir " + "Putin" * 20_000
    conn = sqlite3.connect(library_path(data))
    conn.execute("UPDATE articles SET title = ? WHERE id = ?", (title, putin))
    (actor,) = conn.execute("SELECT id FROM actors WHERE name = 'Vladimir Putin'").fetchone()
    conn.execute("UPDATE actors SET name = ? WHERE id = ?", (name, actor))
    conn.execute("UPDATE actor_aliases SET alias = ? WHERE actor_id = ?", (name, actor))
    conn.execute(
        "UPDATE article_actors SET name = ?, aliases = json_array(?, 'Putin') WHERE actor_id = ?",
        (name, name, actor),
    )
    conn.commit()
    conn.close()
    code, lines, _ = check(capsys, data)
    assert code == EXIT_PROBLEMS
    path = library_path(data)
    assert (
        f"{path}: articles row {putin}: title is {len(title):,} characters long (the limit "
        f"is {MAX_TITLE_CHARS}; --repair cuts it)" in lines
    )
    assert any(f"actors row {actor}: name is 100,009 characters long" in line for line in lines)
    assert any("article_actors row" in line and "an alias is longer" in line for line in lines)
    code, lines, _ = check(capsys, data, "--repair")
    assert code == 0, lines
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT title FROM articles WHERE id = ?", (putin,)).fetchone() == (
        cut(title, MAX_TITLE_CHARS),
    )
    short = cut(name, MAX_NAME_CHARS)
    assert conn.execute("SELECT name FROM actors WHERE id = ?", (actor,)).fetchone() == (short,)
    [(stored, aliases)] = conn.execute(
        "SELECT DISTINCT name, aliases FROM article_actors WHERE actor_id = ?", (actor,)
    ).fetchall()
    assert (stored, json.loads(aliases)) == (short, [short, "Putin"])
    conn.close()
    with open_library(data, version=VERSION) as library:
        assert library.analysis(putin).article.title == cut(title, MAX_TITLE_CHARS)


def _tables(folder: Path) -> dict[str, list[tuple]]:
    """Every row of the tables an analysis is stored in, without the times of opening."""
    conn = sqlite3.connect(library_path(folder))
    found = {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in ("actors", "actor_aliases", "article_actors", "entities", "statements")
    }
    found["articles"] = conn.execute(
        "SELECT id, sha256, title, text, analysis_version FROM articles ORDER BY id"
    ).fetchall()
    conn.close()
    return found


def test_aliases_left_by_the_old_merge_undo_are_repaired_to_a_fresh_re_add(capsys, data, tmp_path):
    """Before the fix, undoing a merge left the merged actor's names on
    the other one ("Joe Biden (also Biden, Putin, Vladimir Putin)"). Such a library, made
    with SQL, is repaired to exactly what adding its articles afresh gives."""
    fresh = _two_articles(tmp_path / "fresh")
    assert _tables(fresh) == _tables(data)
    tamper(
        data,
        """INSERT INTO actor_aliases (actor_id, key, alias)
           SELECT (SELECT id FROM actors WHERE name = 'Ingrid Berg'), key, alias
           FROM actor_aliases
           WHERE actor_id = (SELECT id FROM actors WHERE name = 'Vladimir Putin')""",
        """INSERT OR IGNORE INTO actor_aliases (actor_id, key, alias)
           SELECT (SELECT id FROM actors WHERE name = 'Ingrid Berg'), key, name
           FROM actors WHERE name = 'Vladimir Putin'""",
    )
    with open_library(data, version=VERSION) as library:
        assert "Putin" in next(a for a in library.actors() if a.name == "Ingrid Berg").aliases
    code, lines, _ = check(capsys, data)
    assert code == EXIT_PROBLEMS and any("actor aliases come from no article" in x for x in lines)
    assert check(capsys, data, "--repair")[0] == 0
    assert _tables(data) == _tables(fresh)
