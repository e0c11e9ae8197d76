"""Undoing a correction restores the library exactly.

``library merge "Vladimir Putin" "Joe Biden"`` then ``library corrections --undo 1`` left
"Vladimir Putin" and "Putin" as aliases of Joe Biden's library actor, so that every article
written again afterwards filed Putin's statements under Biden. Here three articles are
analysed by the real pipeline (Putin speaks in one, Biden in another, both in the third);
every table is read before a correction and after its undo, for every kind of correction,
library-wide and in one article, with and without an earlier correction still in effect.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from reader.corrections.operations import (
    ActorRef,
    Change,
    ChangeKind,
    Dismiss,
    Merge,
    Reassign,
    Rename,
    Split,
    StatementRef,
)
from reader.library import Library
from reader.library.check import find_problems, repair
from reader.opening import article_from_text
from reader.reading import Reading

PUTIN = (
    "Vladimir Putin said on Friday that the talks had failed. "
    '"We will not wait," Putin told reporters in Moscow.'
)
BIDEN = (
    "Joe Biden said the sanctions would stay in place. "
    '"This is not over," Biden told reporters at the White House.'
)
BOTH = (
    "Vladimir Putin said the offer was an insult. "
    "Joe Biden said the offer was serious. "
    '"We are ready," Biden added. "Never," Putin replied.'
)

#: Tables whose ``id`` is a row number the library gives out, not part of what is stored:
#: a correction writes its articles' rows again (their statements and entities get new
#: ids), and a library actor a correction left without articles is dropped and made again
#: on undo with the next free id. They are compared without it, in their order, and a
#: column pointing at a library actor by its id is compared by that actor's key and kind.
RENUMBERED = {"actors", "statements", "entities"}


def _snapshot(library: Library) -> dict[str, Any]:
    """Every row of every table, and the words of both full-text indexes."""
    conn = sqlite3.connect(library.path)
    try:
        actors = {
            i: (key, kind) for i, key, kind in conn.execute("SELECT id, key, kind FROM actors")
        }
        # A statement's row id changes when its article is written again: its place stays.
        places = {
            i: (article_id, seq)
            for i, article_id, seq in conn.execute("SELECT id, article_id, seq FROM statements")
        }
        found: dict[str, Any] = {}
        virtual = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
            )
        ]
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            if name not in virtual and not any(name.startswith(f"{v}_") for v in virtual)
        ]
        assert {"actors", "actor_aliases", "article_actors", "statements"} <= set(tables)
        for table in tables:
            if table == "corrections":
                continue  # compared apart: it keeps the correction, marked undone
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            without_rowid = ("actor_aliases", "near_copy_bands", "article_sources")
            rowid = table not in without_rowid
            order = "article_id, rowid" if "article_id" in columns and rowid else "1"
            rows = []
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
                record = dict(zip(columns, row, strict=True))
                if table in RENUMBERED:
                    del record["id"]
                if record.get("statement_id") is not None:
                    record["statement_id"] = places[record["statement_id"]]
                if record.get("actor_id") is not None:
                    record["actor_id"] = actors[record["actor_id"]]
                rows.append(tuple(sorted(record.items())))
            found[table] = rows if order != "1" else sorted(rows, key=repr)  # NULLs too
        # The indexes' own tables hold row ids; their words, counted, do not.
        for index in virtual:
            conn.execute(
                f"CREATE VIRTUAL TABLE temp.{index}_vocab USING fts5vocab(main, {index}, row)"
            )
            found[index] = conn.execute(f"SELECT * FROM temp.{index}_vocab ORDER BY 1").fetchall()
        return found
    finally:
        conn.close()


def _differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """For each table that differs: the rows gone and the rows come (or both in full, when
    only their order differs)."""
    found = {}
    for table, rows in after.items():
        if rows != before[table]:
            gone = [r for r in before[table] if r not in rows]
            come = [r for r in rows if r not in before[table]]
            found[table] = {"gone": gone, "come": come} if gone or come else (before[table], rows)
    return found


def _seen(library: Library) -> dict[str, Any]:
    """What a reader sees: who said what, and the actors with their aliases and counts."""
    return {
        "said Putin": [(s.article_id, s.text, s.actor) for s in library.said("Vladimir Putin")],
        "said Biden": [(s.article_id, s.text, s.actor) for s in library.said("Joe Biden")],
        "actors": sorted(
            (a.name, a.kind, a.aliases, a.articles, a.statements) for a in library.actors()
        ),
    }


def _actor_ids(library: Library) -> dict[tuple[str, str], int]:
    """Library actors' ids by key and kind, Putin's left out: a correction may leave him
    without articles, and its undo makes him again."""
    rows = library.connection.execute("SELECT key, kind, id FROM actors")
    return {(key, kind): i for key, kind, i in rows if key != "vladimir putin"}


@pytest.fixture
def articles(library) -> dict[str, int]:
    ids = {}
    for name, text in (("putin", PUTIN), ("biden", BIDEN), ("both", BOTH)):
        ids[name], _, _ = Reading(library).add_article(article_from_text(text, title=name))
    # The articles are as this test needs them: each person speaks, under both names.
    names = {a.name: a.aliases for a in library.actors()}
    assert set(names["Vladimir Putin"]) == {"Putin"}
    assert set(names["Joe Biden"]) == {"Biden"}
    assert [s.article_id for s in library.said("Vladimir Putin")].count(ids["both"]) == 2
    return ids


def _statement(library: Library, article_id: int, words: str) -> StatementRef:
    quote = next(q for q in library.analysis(article_id).quotes if words in q.text)
    return StatementRef.of(quote)


#: A correction made from the library and the articles, and the article it is made in
#: (None: the whole library). Statements belong to one article, so those have no
#: library-wide form.
Make = Callable[[Library, dict[str, int]], tuple[Change, int | None]]

PUTIN_REF = ActorRef("Vladimir Putin")
BIDEN_REF = ActorRef("Joe Biden")

CASES: dict[str, Make] = {
    "merge everywhere": lambda lib, ids: (Merge(PUTIN_REF, BIDEN_REF), None),
    "merge in one article": lambda lib, ids: (Merge(PUTIN_REF, BIDEN_REF), ids["both"]),
    "merge where the target is not": lambda lib, ids: (Merge(PUTIN_REF, BIDEN_REF), ids["putin"]),
    "rename everywhere": lambda lib, ids: (Rename(PUTIN_REF, "Vladimir V. Putin"), None),
    "rename in one article": lambda lib, ids: (Rename(PUTIN_REF, "Vladimir V. Putin"), ids["both"]),
    "rename to a known name": lambda lib, ids: (Rename(PUTIN_REF, "Joe Biden"), ids["putin"]),
    "kind everywhere": lambda lib, ids: (ChangeKind(PUTIN_REF, "organisation"), None),
    "kind in one article": lambda lib, ids: (ChangeKind(PUTIN_REF, "organisation"), ids["both"]),
    "split everywhere": lambda lib, ids: (Split(PUTIN_REF, "Putin"), None),
    "split in one article": lambda lib, ids: (Split(PUTIN_REF, "Putin"), ids["both"]),
    "reassign to a known actor": lambda lib, ids: (
        Reassign(_statement(lib, ids["both"], "an insult"), BIDEN_REF),
        ids["both"],
    ),
    "reassign to a new actor": lambda lib, ids: (
        Reassign(_statement(lib, ids["both"], "an insult"), ActorRef("Kremlin", "organisation")),
        ids["both"],
    ),
    "dismiss": lambda lib, ids: (Dismiss(_statement(lib, ids["both"], "an insult")), ids["both"]),
}


def _earlier(library: Library, articles: dict[str, int], which: str) -> None:
    """A correction already in effect when the one undone is made: it must stay."""
    if which == "in effect":
        library.correct(Rename(BIDEN_REF, "Joseph R. Biden"), articles["both"])
        library.correct(ChangeKind(ActorRef("Moscow", "place"), "organisation"))


@pytest.mark.parametrize("earlier", ["none", "in effect"])
@pytest.mark.parametrize("case", list(CASES))
def test_undo_restores_every_table(library, articles, case, earlier):
    _earlier(library, articles, earlier)
    change, article_id = CASES[case](library, articles)
    tables, seen, ids = _snapshot(library), _seen(library), _actor_ids(library)
    correction, changed = library.correct(change, article_id)
    assert changed, "the correction changed nothing: the test would prove nothing"
    assert _snapshot(library) != tables
    library.undo_correction(correction.id)
    after = _snapshot(library)
    assert _differences(tables, after) == {}
    assert _seen(library) == seen
    assert _actor_ids(library) == ids  # nobody else is renumbered
    assert find_problems(library.db) == []
    listed = library.corrections()
    assert listed[0].id == correction.id and listed[0].undone is not None
    assert all(c.undone is None for c in listed[1:])


def test_merge_then_undo_keeps_each_person_apart(library, articles):
    """Merge, then undo: afterwards Putin's statements are his own again and Biden has
    none of his names."""
    count, biden = len(library.said("Vladimir Putin")), len(library.said("Joe Biden"))
    correction, changed = library.correct(Merge(PUTIN_REF, BIDEN_REF))
    assert changed == [articles["putin"], articles["both"]]
    assert len(library.said("Joe Biden")) == count + biden
    library.undo_correction(correction.id)
    assert len(library.said("Vladimir Putin")) == count
    assert {s.actor for s in library.said("Vladimir Putin")} == {"Vladimir Putin"}
    assert set(next(a for a in library.actors() if a.name == "Joe Biden").aliases) == {"Biden"}
    # Articles written after the undo find Putin on his own too.
    later, _, _ = Reading(library).add_article(
        article_from_text("Vladimir Putin said the war would go on.", title="later")
    )
    assert [s.actor for s in library.said("Vladimir Putin") if s.article_id == later] == [
        "Vladimir Putin"
    ]


def test_undo_everywhere_after_a_merge_in_one_article(library, articles):
    """Merged in one article where Biden is not (filed under his name alone), then
    everywhere and undone: Biden keeps none of Putin's names, though that article's
    merged actor lists them."""
    library.correct(Merge(PUTIN_REF, BIDEN_REF), articles["putin"])
    tables, seen = _snapshot(library), _seen(library)
    correction, changed = library.correct(Merge(PUTIN_REF, BIDEN_REF))
    assert changed == [articles["both"]]
    library.undo_correction(correction.id)
    assert _differences(tables, _snapshot(library)) == {}
    assert _seen(library) == seen


def test_a_name_only_a_corrected_article_gave_goes_with_the_correction(library):
    """One article says "Putin" alone, the next "Vladimir Putin" and "Putin": two library
    actors, a surname alone joining no full name. Renamed in the second article,
    that actor takes the new name; undone, "Vladimir Putin" as before."""
    Reading(library).add_article(
        article_from_text("Putin said on Friday that the talks had failed.", title="alone")
    )
    full, _, _ = Reading(library).add_article(article_from_text(PUTIN, title="full"))
    assert sorted((a.name, a.articles) for a in library.actors() if "Putin" in a.name) == [
        ("Putin", 1),
        ("Vladimir Putin", 1),
    ]
    tables, seen = _snapshot(library), _seen(library)
    correction, _ = library.correct(Rename(PUTIN_REF, "Vladimir V. Putin"), full)
    putins = sorted((a.name, a.aliases, a.articles) for a in library.actors() if "Putin" in a.name)
    assert putins == [("Putin", (), 1), ("Vladimir V. Putin", (), 1)]
    library.undo_correction(correction.id)
    assert _differences(tables, _snapshot(library)) == {}
    assert _seen(library) == seen
    assert find_problems(library.db) == []


def test_check_finds_the_aliases_an_undone_correction_left_and_repair_drops_them(library, articles):
    """What an undo once left: Putin's names on Biden's actor."""
    biden = library.actor_ids("Joe Biden")
    assert len(biden) == 1
    library.connection.execute(
        "INSERT INTO actor_aliases (actor_id, key, alias) VALUES (?, 'vladimir putin', "
        "'Vladimir Putin'), (?, 'putin', 'Putin')",
        (biden[0], biden[0]),
    )
    problems = find_problems(library.db)
    assert [p.text for p in problems] == [
        f"2 actor aliases come from no article (actor ids {biden[0]})"
    ]
    assert all(p.repairable for p in problems)
    repair(library.db, library.path)
    assert find_problems(library.db) == []
    assert set(next(a for a in library.actors() if a.name == "Joe Biden").aliases) == {"Biden"}
