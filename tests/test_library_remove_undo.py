"""Removing articles from the library and putting them back (the Library tab's Undo).

Every table is read before the removal and after the undo: the articles (ids, times,
outlets), their analyses, the corrections' effects and uncorrected analyses, the library
actors (with their ids, names and aliases) and the full-text indexes are as they were, and
so is what a reader sees in Who said what. Statements and entities are compared without
their row ids, which are given out again.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from fake_articles import VERSION, Said, fake_analysis

from reader.corrections.operations import ActorRef, Dismiss, Rename, StatementRef
from reader.library import Library, NoSuchArticleError, open_library

#: Row ids given out again when an article is written: compared without them.
RENUMBERED = {"statements", "entities"}
#: Moves with every article added or removed (that is its job).
MOVING = {"library_state"}


def _tables(library: Library) -> dict[str, Any]:
    conn = sqlite3.connect(library.path)
    try:
        names = [
            name
            for (name, sql) in conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%'"
            )
            if not str(sql).startswith("CREATE VIRTUAL") and "_fts_" not in name
        ]
        found: dict[str, Any] = {}
        for table in names:
            if table in MOVING:
                continue
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            rows = []
            for row in conn.execute(f"SELECT * FROM {table}"):
                record = dict(zip(columns, row, strict=True))
                if table in RENUMBERED:
                    del record["id"]
                rows.append(tuple(sorted(record.items(), key=lambda kv: kv[0])))
            found[table] = sorted(rows, key=repr)
        for index in ("articles_fts", "statements_fts"):
            conn.execute(f"CREATE VIRTUAL TABLE temp.{index}_v USING fts5vocab(main, {index}, row)")
            found[index] = conn.execute(f"SELECT * FROM temp.{index}_v ORDER BY 1").fetchall()
        return found
    finally:
        conn.close()


def _seen(library: Library) -> dict[str, Any]:
    """What a reader sees: Who said what for each actor, and the actors with their counts."""
    actors = library.actors()
    return {
        "actors": sorted((a.name, a.kind, a.aliases, a.articles, a.statements) for a in actors),
        "said": {
            a.name: [(s.article_id, s.text, s.actor, s.date) for s in library.said(a.name)]
            for a in actors
        },
        "counts": {a.name: library.said_count(a.name) for a in actors},
    }


@pytest.fixture
def library(tmp_path):
    library = open_library(tmp_path / "data", version=VERSION)
    articles = [
        fake_analysis(
            "Harbour reopens",
            [
                Said("Aileen MacLeod", "the harbour would reopen in May"),
                Said("United Nations", "aid would follow", "organisation", ("UN",)),
                Said("Tom Okafor", "the quay was safe"),
            ],
            outlet="The Coastal Times",
            published="2024-03-05",
        ),
        fake_analysis(
            "Ferry delays",
            [
                Said("Aileen MacLeod", "the ferry would be late"),
                Said("UN", "talks were going on", "organisation"),
            ],
            outlet="Daily Courier",
        ),
        fake_analysis(
            "Council budget",
            [Said("Niamh Byrne", "the budget was tight"), Said("Tom Okafor", "roads came first")],
            published="2024-06-30",
        ),
    ]
    for analysis in articles:
        library.add_analysis(analysis)
    # Corrections in effect: one in the last article, one across the library.
    last = library.analysis(3)
    library.correct(Dismiss(StatementRef.of(last.quotes[1])), 3)
    library.correct(Rename(ActorRef("Niamh Byrne"), "Niamh Byrne-Walsh"))
    yield library
    library.close()


def test_removed_articles_come_back_exactly(library):
    tables, seen = _tables(library), _seen(library)
    assert library.connection.execute("SELECT count(*) FROM correction_effects").fetchone()[0]
    assert ("United Nations", ("UN",)) in [(a.name, a.aliases) for a in library.actors()]
    removed = library.remove_articles([1, 3])
    assert [a.id for a in library.articles()] == [2]
    assert _seen(library) != seen
    # The UN of the ferry article alone is left: it is known by that name only now.
    assert [(a.name, a.aliases) for a in library.actors() if a.kind == "organisation"] == [
        ("UN", ())
    ]
    assert library.put_back(removed) == {1: 1, 3: 3}
    assert _seen(library) == seen
    assert _tables(library) == tables


def test_an_article_added_since_keeps_its_id_and_the_removed_one_takes_another(library):
    removed = library.remove_articles([3])
    newer = fake_analysis("Late news", [Said("Tom Okafor", "the late news was good")])
    new_id, _ = library.add_analysis(newer)
    assert new_id == 3  # SQLite gives out the highest id again
    placed = library.put_back(removed)
    assert placed[3] not in (1, 2, 3)
    said = {s.text: s.article_id for s in library.said("Niamh Byrne-Walsh")}
    assert said == {"the budget was tight": placed[3]}
    assert {s.text for s in library.said("Tom Okafor")} == {
        "the quay was safe", "the late news was good",
    }  # fmt: skip


def test_removing_skips_ids_not_stored_and_the_command_line_remove_is_the_same(library):
    removed = library.remove_articles([2, 99])
    assert removed.ids == (2,)
    library.remove(1)
    with pytest.raises(NoSuchArticleError):
        library.remove(1)
    assert [a.id for a in library.articles()] == [3]
