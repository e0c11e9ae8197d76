"""Released migrations are frozen, and a library made by an older release upgrades.

Migration 1 was once edited in place after release; every released migration's text is now
pinned by its hash, and new ones are appended. A library built from migration 1 alone (as
the previous release left it) must upgrade on open, and search, said and add must work after,
including the queries that pin indexes with ``INDEXED BY``.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import sqlite3

from schema_rollback import roll_back

from reader.library import open_library
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION, run_script
from reader.model import Actor, Analysis, Quote
from reader.opening import article_from_text

#: sha256 of each released migration's text. Never change a line here: append.
FROZEN = {
    1: "84920bb35771d7098019dac619510b01f9a475a480e4d2410dc1298d513a24b8",
    2: "3e12ef45df0cd8b4da2dbff604f8bd526135481bfada81b2f3723a6d12745b79",
    3: "7ce5c33a4cfd804281194d0fbb7af574d2dd82376282a5b6c7904901748bfdd3",
    4: "2bd1d03b33ea2e432f08f86884a997bc90a8fda73b6f198d86db153d5ff43bfc",
    5: "c3f3e91f64d9ec169bcf269ff777296b578f3f497a82bdc9025cd4d8e5c7f1ca",
    6: "76e8befe1b7ecc419b924234f765c6d8ae55ece81befc60f988b311715df5d98",
    7: "964b04f281c87048a4afe3dd0c938699f22295998cab2c0a627c401a6fa41682",
    8: "fc23857c099cc1e8d535f8fc6f9fd9ab5a9d3258f9f1c4265855dd90cd76bb9c",
    9: "9314a0a08288ec16c643dd70266e7afa87c1c1a7529a98f4c7b3e1f786e5d587",
    10: "496ef1f1341a2e805d68579703f372127df200df40e675d95811a147988f40a2",
    11: "e444655f94fe55f49a2dbed1ba2a7811f6a0c78325441023edc3f8170680d308",
    12: "bc6c3e42e347f5e5c9362c80b8d42f766da9fe074857ac4753b0e5890b1f14b0",
    13: "971cb75ae22cbf93635e742a8afcb83aae8d63d20375c8b34d8d9906e128fb7e",
    14: "8ed5eca7ac47bca8fc0b99597800a061fb097e85e51733c5756be7e0405e217c",
    15: "fae9ebdaa702b41ec1c98795ee0d3cb45c9e4b66dfe3f46aa15779c50b382a32",
}


def _text(migration) -> str:
    """SQL as written, or a Python step's source."""
    return migration if isinstance(migration, str) else inspect.getsource(migration)


def test_released_migrations_are_unchanged():
    for number, digest in FROZEN.items():
        assert hashlib.sha256(_text(MIGRATIONS[number - 1]).encode()).hexdigest() == digest, number


def test_every_migration_is_frozen_once_it_is_written():
    assert len(FROZEN) == SCHEMA_VERSION


def _library_of_the_previous_release(data_dir) -> None:
    """A library at version 1 holding one article with a statement, written by hand."""
    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(data_dir / "library.db", isolation_level=None)
    conn.execute("BEGIN")
    run_script(conn, MIGRATIONS[0])  # type: ignore[arg-type]
    conn.execute("PRAGMA user_version = 1")
    text = "The harbour will reopen in May, said Aileen MacLeod."
    conn.execute(
        """INSERT INTO articles (id, sha256, title, source, format, first_opened, last_opened,
           text, analysis_version) VALUES (1, 'abc', 'Harbour news', NULL, 'txt',
           '2025-01-01T00:00:00.000+00:00', '2025-01-01T00:00:00.000+00:00', ?, 'rules-1+m')""",
        (text,),
    )
    conn.execute("INSERT INTO actors (id, key, name, kind) VALUES (1, 'aileen macleod', "
                 "'Aileen MacLeod', 'person')")  # fmt: skip
    conn.execute(
        "INSERT INTO actor_aliases (actor_id, key, alias) VALUES (1, 'aileen macleod', "
        "'Aileen MacLeod')"
    )
    conn.execute(
        """INSERT INTO article_actors (article_id, local_id, actor_id, name, kind, aliases,
           mentions, quotes) VALUES (1, 'aileen-macleod', 1, 'Aileen MacLeod', 'person',
           '["Aileen MacLeod"]', 1, '[0]')"""
    )
    conn.execute(
        """INSERT INTO statements (article_id, seq, start, "end", text, spans, kind, speaker,
           speaker_start, speaker_end, cue, cue_start, cue_end, local_actor, actor_id,
           confidence) VALUES (1, 0, 0, 30, ?, ?, 'indirect', 'Aileen MacLeod', 37, 51,
           'said', 32, 36, 'aileen-macleod', 1, 0.8)""",
        (text[:30], json.dumps([[0, 30]])),
    )
    conn.execute("COMMIT")
    conn.close()


def test_a_library_from_migration_1_upgrades_and_works(tmp_path):
    data = tmp_path / "data"
    _library_of_the_previous_release(data)
    library = open_library(data, version="test")
    try:
        version = library.connection.execute("PRAGMA user_version").fetchone()[0]
        assert version == SCHEMA_VERSION
        assert [hit.id for hit in library.search("harbour")] == [1]
        said = library.said("Aileen MacLeod")
        assert [s.text for s in said] == ["The harbour will reopen in May"]
        stored = library.analysis(1)
        assert stored.quotes[0].rule is None  # stored before rules were recorded
        text = "The council said that the bridge would close."
        quote = Quote(
            start=17, end=45, text=text[17:45], spans=((17, 45),), kind="indirect",
            speaker="The council", speaker_start=0, speaker_end=11, cue="said", cue_start=12,
            cue_end=16, actor="council", rule="verb_that_clause",
        )  # fmt: skip
        actor = Actor("council", "The council", "organisation", ("The council",), 1, (0,))
        new_id, _ = library.add_analyses(
            [Analysis(article_from_text(text, title="Bridge"), (), (quote,), (actor,), "test")]
        )[0]
        assert library.analysis(new_id).quotes[0].rule == "verb_that_clause"
        assert len(library.articles(limit=10)) == 2
    finally:
        library.close()


def test_migration_3_rekeys_actors_with_the_article_name_rules_and_merges(tmp_path):
    """Keys stored by the old library-only rules: a title kept on a person, stripped from an
    organisation. After migration 3 one person is one actor, the office keeps its title."""
    from reader.library.schema import migrate

    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "library.db", isolation_level=None)
    conn.execute("BEGIN")
    run_script(conn, MIGRATIONS[0])  # type: ignore[arg-type]
    run_script(conn, MIGRATIONS[1])  # type: ignore[arg-type]
    conn.execute("PRAGMA user_version = 2")
    for article_id in (1, 2, 3):
        conn.execute(
            """INSERT INTO articles (id, sha256, format, first_opened, last_opened, text,
               analysis_version) VALUES (?, ?, 'txt', '2025', '2025', 'text', 'rules-2+m')""",
            (article_id, f"sha{article_id}"),
        )
    old = [  # id, old key, name, kind, article
        (1, "ambassador john smith", "Ambassador John Smith", "person", 1),
        (2, "john smith", "John Smith", "person", 2),
        (3, "office", "Prime Minister's Office", "organisation", 3),
    ]
    for actor_id, key, name, kind, article_id in old:
        conn.execute("INSERT INTO actors VALUES (?, ?, ?, ?)", (actor_id, key, name, kind))
        conn.execute("INSERT INTO actor_aliases VALUES (?, ?, ?)", (actor_id, key, name))
        conn.execute(
            """INSERT INTO article_actors VALUES (?, 'local', ?, ?, ?, '[]', 1, '[0]')""",
            (article_id, actor_id, name, kind),
        )
        conn.execute(
            """INSERT INTO statements (article_id, seq, start, "end", text, spans, kind,
               local_actor, actor_id) VALUES (?, 0, 0, 4, 'text', '[[0, 4]]', 'indirect',
               'local', ?)""",
            (article_id, actor_id),
        )
    conn.execute("COMMIT")
    migrate(conn, data / "library.db")
    actors = conn.execute("SELECT id, key, name, kind FROM actors ORDER BY id").fetchall()
    assert actors == [
        (1, "john smith", "Ambassador John Smith", "person"),
        (3, "prime minister office", "Prime Minister's Office", "organisation"),
    ]
    by_actor = conn.execute(
        "SELECT actor_id, count(*) FROM statements GROUP BY actor_id ORDER BY 1"
    ).fetchall()
    assert by_actor == [(1, 2), (3, 1)]
    aliases = conn.execute(
        "SELECT actor_id, key, alias FROM actor_aliases ORDER BY 1, 3"
    ).fetchall()
    assert aliases == [
        (1, "john smith", "Ambassador John Smith"),
        (3, "prime minister office", "Prime Minister's Office"),
    ]
    conn.close()
    library = open_library(data, version="test")
    try:
        assert {s.article_id for s in library.said("Ambassador John Smith")} == {1, 2}
        assert {s.article_id for s in library.said("John Smith")} == {1, 2}
    finally:
        library.close()


def test_migration_6_marks_the_actors_corrections_named(tmp_path):
    """A library of schema 5 with a rename in effect: after migration 6 the renamed actor's
    link says it is filed under the reader's name alone, the others do not."""
    from reader.corrections.operations import ActorRef, Rename

    data = tmp_path / "data"
    text = "Aileen MacLeod said the harbour would reopen. Tom Okafor said it would not."
    quotes = tuple(
        Quote(
            start=start,
            end=end,
            text=text[start:end],
            spans=((start, end),),
            kind="indirect",
            speaker=name,
            speaker_start=speaker,
            speaker_end=speaker + len(name),
            cue="said",
            cue_start=speaker + len(name) + 1,
            cue_end=speaker + len(name) + 5,
            actor=local,
        )
        for start, end, name, speaker, local in (
            (20, 44, "Aileen MacLeod", 0, "aileen-macleod"),
            (62, 75, "Tom Okafor", 46, "tom-okafor"),
        )
    )
    actors = (
        Actor("aileen-macleod", "Aileen MacLeod", "person", ("MacLeod",), 1, (0,)),
        Actor("tom-okafor", "Tom Okafor", "person", (), 1, (1,)),
    )
    with open_library(data, version="test") as library:
        library.add_analyses(
            [Analysis(article_from_text(text, title="Harbour"), (), quotes, actors, "test")]
        )
        library.correct(Rename(ActorRef("Aileen MacLeod"), "Aileen McLeod-Grant"))
    conn = sqlite3.connect(data / "library.db", isolation_level=None)
    roll_back(conn, 8)  # what the migrations after 8 added; then 6 to 8 by hand
    conn.execute("ALTER TABLE article_actors DROP COLUMN named")
    for later in ("TRIGGER library_state_insert", "TRIGGER library_state_delete"):
        conn.execute(f"DROP {later}")
    conn.execute("DROP TABLE library_state")
    conn.execute("PRAGMA user_version = 5")
    conn.close()
    (data / "library.db.held").unlink()  # a library of schema 5 kept no such record
    with open_library(data, version="test") as library:
        named = library.connection.execute(
            "SELECT local_id, named FROM article_actors ORDER BY local_id"
        ).fetchall()
    assert named == [("aileen-macleod", 1), ("tom-okafor", 0)]
