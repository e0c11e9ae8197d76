"""The library on sqlite-utils: dict rows, one mapper per record, writes in our transaction.

The library reads rows as dicts from ``db.query`` (plain rows, by position, only for the
longest listing: every statement of an actor) and builds each record
in one place (``from_row``) instead of by position; it inserts through sqlite-utils, whose
writes must join the ``BEGIN IMMEDIATE`` transaction of an article rather than commit it.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database
from test_library_builder import VERSION, ArticleBuilder, putin_article

from reader.library import (
    ActorSummary,
    SearchHit,
    StoredArticle,
    StoredStatement,
    open_library,
)
from reader.library.connection import database
from reader.library.records import DamagedRecord

STATEMENT_ROW = {
    "id": 7,
    "article_id": 3,
    "title": "Gas talks",
    "text": "Supplies will continue",
    "kind": "direct",
    "speaker": "Putin",
    "cue": "said",
    "actor_id": 2,
    "actor": "Vladimir Putin",
    "start": 10,
    "end": 32,
    "date": "2024-03-01",
    "published": None,
    "added": "2024-03-01",
    "corrected": 1,
    "confidence": 0.76,
    "doubts": "pronoun",
    "reviewed": 0,
    "rule": "verb_that_clause",
}


def test_each_record_is_built_from_a_dict_row_by_column_name():
    """Records come from named columns, whatever order the SELECT lists them in."""
    article = StoredArticle.from_row(
        {
            "analysis_version": "v1",
            "last_opened": "2024-03-02",
            "first_opened": "2024-03-01",
            "published": None,
            "byline": "By A. Writer",
            "format": "txt",
            "source": "news.txt",
            "title": "Gas talks",
            "sha256": "abc",
            "id": 3,
            "outlet": None,
            "copy_of": None,
        }
    )
    assert article == StoredArticle(
        3, "abc", "Gas talks", "news.txt", "txt", "By A. Writer", None, "2024-03-01",
        "2024-03-02", "v1",
    )  # fmt: skip
    hit = SearchHit.from_row(
        {"last_opened": "2024-03-02", "source": None, "score": 1.5, "snippet": None, "title": None,
         "id": 3}
    )  # fmt: skip
    assert hit == SearchHit(3, None, "", 1.5, None, "2024-03-02")
    actor = ActorSummary.from_row(
        {"statements": 4, "articles": 2, "aliases": '["Vladimir Putin", "Putin"]',
         "kind": "person", "name": "Vladimir Putin", "id": 2}
    )  # fmt: skip
    assert actor == ActorSummary(2, "Vladimir Putin", "person", ("Putin",), 2, 4)
    statement = StoredStatement.from_row(dict(reversed(STATEMENT_ROW.items())))
    assert statement.as_dict() == STATEMENT_ROW


@pytest.mark.parametrize("column, value", [("start", "ten"), ("text", 5), ("speaker", b"x")])
def test_a_statement_row_holding_the_wrong_type_names_its_article(column, value):
    with pytest.raises(DamagedRecord) as caught:
        StoredStatement.from_row({**STATEMENT_ROW, column: value})
    assert caught.value.article_id == 3
    assert caught.value.part == "statement 7"


def test_a_plain_statement_row_is_in_the_order_of_the_record_fields():
    """``from_values`` (every statement of an actor, without dicts) builds by position: the
    SELECT list must name the fields in the record's order."""
    import dataclasses
    import re

    from reader.library.search import STORED_STATEMENT_COLUMNS

    named = re.findall(r'AS "?(\w+)"?', STORED_STATEMENT_COLUMNS)
    assert named == [f.name for f in dataclasses.fields(StoredStatement)]
    values = tuple(STATEMENT_ROW[name] for name in named)
    assert StoredStatement.from_values(values) == StoredStatement.from_row(STATEMENT_ROW)


@pytest.mark.parametrize("column, value", [("start", "ten"), ("text", 5), ("speaker", b"x")])
def test_a_plain_statement_row_holding_the_wrong_type_names_its_article(column, value):
    row = {**STATEMENT_ROW, column: value}
    with pytest.raises(DamagedRecord) as caught:
        StoredStatement.from_values(tuple(row.values()))
    assert caught.value.article_id == 3
    assert caught.value.part == "statement 7"


def test_the_library_talks_through_one_database_over_its_connection(tmp_path):
    with open_library(tmp_path, version=VERSION) as library:
        assert isinstance(library.db, Database)
        assert library.db.conn is library.connection
        # sqlite-utils turns recursive triggers on by default; the schema's are not written
        # for that.
        assert library.db.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
        assert database(library.db) is library.db


def test_a_write_failing_half_way_leaves_no_part_of_the_article(tmp_path):
    """sqlite-utils' inserts join the article's transaction. (sqlite-utils 3
    committed it from ``insert_all``, which left an article without its statements.)"""
    with open_library(tmp_path, version=VERSION) as library:
        library.connection.execute(
            """CREATE TEMP TRIGGER refuse BEFORE INSERT ON statements
               BEGIN SELECT RAISE(ABORT, 'refused'); END"""
        )
        with pytest.raises(sqlite3.IntegrityError, match="refused"):
            library.add_analysis(putin_article())
        assert not library.connection.in_transaction
        for table in ("articles", "entities", "article_actors", "actors", "actor_aliases"):
            assert library.db.table(table).count == 0, table
        library.connection.execute("DROP TRIGGER refuse")
        article_id, was_new = library.add_analysis(putin_article())
        assert was_new
        assert library.analysis(article_id) == putin_article()


def test_an_actor_seen_again_keeps_each_alias_once(tmp_path):
    """Re-adding a known alias is ignored, not an error ("no such column: rowid"
    from sqlite-utils' ignored insert on the WITHOUT ROWID alias table)."""
    first = ArticleBuilder(title="One").actor("a1", "Ingrid Berg").text("Ingrid Berg spoke. ")
    second = ArticleBuilder(title="Two").actor("a1", "Ingrid Berg").text("Ingrid Berg left. ")
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(first.build())
        library.add_analysis(second.build())
        aliases = list(library.db.query("SELECT actor_id, key, alias FROM actor_aliases"))
        assert aliases == [{"actor_id": 1, "key": "ingrid berg", "alias": "Ingrid Berg"}]
        [actor] = library.actors()
        assert (actor.name, actor.articles) == ("Ingrid Berg", 2)
