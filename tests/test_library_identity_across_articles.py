"""The library never joins different actors: a description is no one
across articles, and people join only when their full names agree. Articles of our own,
read by the real pipeline."""

from __future__ import annotations

import json
import sqlite3

import pytest
from schema_rollback import roll_back

from reader.cli import main
from reader.corrections.operations import ActorRef, ChangeKind, Rename
from reader.library import open_library
from reader.library.check import find_problems
from reader.library.schema import SCHEMA_VERSION
from reader.opening import article_from_text
from reader.reading import Reading
from ui.widgets.said_panel import SaidPanel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

COUNCIL = (
    "The council will close the Elm Street library in May to save money. "
    '"We have no choice," a spokesperson said.'
)
TRANSPORT = (
    "Trains on the coast line will run every hour from June. "
    '"Passengers will see fewer delays," a spokesperson said.'
)
ONLY_SURNAME = 'The vote was lost by two seats. "We tried everything," Smith said.'
JOHN = (
    "John Smith, the mayor, opened the new bridge on Monday. "
    '"It is a great day for the town," Smith said.'
)
MR_JOHN = 'The mayor, Mr John Smith, cut the ribbon. "We did it," said Mr John Smith.'
JANE = (
    "Jane Smith, the head teacher, welcomed the pupils back. "
    '"The school is ready," Jane Smith said.'
)


@pytest.fixture
def data(tmp_path):
    return tmp_path / "data"


def _add(data, *texts: tuple[str, str]) -> None:
    with open_library(data) as library:
        for title, text in texts:
            Reading(library).add_article(article_from_text(text, title=title))


def _cli(capsys, data, *args: str) -> tuple[int, str]:
    code = main(["library", "--data-dir", str(data), *args])
    return code, capsys.readouterr().out


def test_a_spokesperson_in_two_stories_is_no_library_actor(data, capsys):
    _add(data, ("Library to close", COUNCIL), ("Trains every hour", TRANSPORT))
    with open_library(data) as library:
        assert "spokesperson" not in [a.name for a in library.actors()]
        assert library.said("spokesperson") == []
        assert library.said_count("spokesperson") == (0, 0)
        # Each article still has its speaker, and the statement is filed under it.
        for article_id in [a.id for a in library.articles()]:
            analysis = library.analysis(article_id)
            [quote] = analysis.quotes
            actor = analysis.actor(quote.actor or "")
            assert actor is not None and actor.name == "spokesperson"
        assert find_problems(library.db) == []
    code, out = _cli(capsys, data, "actors", "--format", "json")
    assert code == 0 and "spokesperson" not in [a["name"] for a in json.loads(out)]
    code, out = _cli(capsys, data, "said", "spokesperson", "--format", "json")
    assert code == 0 and json.loads(out) == []


def test_a_surname_alone_joins_no_one_and_full_names_that_agree_join(data, capsys):
    _add(data, ("Vote lost", ONLY_SURNAME), ("Bridge", JOHN), ("Ribbon", MR_JOHN), ("School", JANE))
    with open_library(data) as library:
        actors = {(a.name, a.kind): (a.articles, a.statements) for a in library.actors()}
        people = {name: counts for (name, kind), counts in actors.items() if "Smith" in name}
        assert people == {"John Smith": (2, 2), "Jane Smith": (1, 1), "Smith": (1, 1)}
        assert [s.title for s in library.said("John Smith")] == ["Bridge", "Ribbon"]
        assert [s.title for s in library.said("Jane Smith")] == ["School"]
        assert [s.title for s in library.said("Smith")] == ["Vote lost"]
        assert find_problems(library.db) == []
    code, out = _cli(capsys, data, "said", "Mr John Smith", "--format", "json")
    assert code == 0 and [s["title"] for s in json.loads(out)] == ["Bridge", "Ribbon"]


def test_who_said_what_lists_no_description_and_finds_nothing_for_it(data, qtbot):
    _add(data, ("Library to close", COUNCIL), ("Trains every hour", TRANSPORT))
    library = open_library(data)
    panel = SaidPanel()
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.actorsListed, timeout=10_000):
        panel.set_library(library)
    assert "spokesperson" not in panel._actor_names
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        panel.show_actor("spokesperson")
    assert panel.statements == []
    assert "2 statements" not in panel.status.text()
    panel.shutdown()
    library.close()


def _joined_as_before(data) -> None:
    """Make the library what version 7 wrote: one "spokesperson" for both stories, and
    "Smith" joined to "John Smith" (the surname match of the earlier rules)."""
    conn = sqlite3.connect(data / "library.db", isolation_level=None)
    conn.execute("BEGIN")
    ids = dict(conn.execute("SELECT name, min(id) FROM actors GROUP BY name").fetchall())
    spokes = [r[0] for r in conn.execute("SELECT id FROM actors WHERE name = 'spokesperson'")]
    for gone, keep in ((max(spokes), min(spokes)), (ids["Smith"], ids["John Smith"])):
        for table in ("statements", "article_actors"):
            conn.execute(f"UPDATE {table} SET actor_id = ? WHERE actor_id = ?", (keep, gone))
        conn.execute(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, key, alias) "
            "SELECT ?, key, alias FROM actor_aliases WHERE actor_id = ?",
            (keep, gone),
        )
        conn.execute("DELETE FROM actors WHERE id = ?", (gone,))
    conn.execute("UPDATE actors SET key = 'spokesperson' WHERE id = ?", (min(spokes),))
    roll_back(conn, 7)
    conn.execute("COMMIT")
    conn.close()


def test_migration_8_parts_what_the_earlier_rules_joined(data):
    _add(data, ("Library to close", COUNCIL), ("Trains every hour", TRANSPORT))
    _add(data, ("Vote lost", ONLY_SURNAME), ("Bridge", JOHN))
    with open_library(data) as library:
        john = library.actor_ids("John Smith")
    _joined_as_before(data)
    conn = sqlite3.connect(data / "library.db")
    assert conn.execute("SELECT count(*) FROM actors WHERE name = 'spokesperson'").fetchone() == (
        1,
    )
    conn.close()
    with open_library(data) as library:
        assert library.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = [a.name for a in library.actors()]
        assert "spokesperson" not in names and {"Smith", "John Smith"} <= set(names)
        assert library.said("spokesperson") == []
        assert [s.title for s in library.said("Smith")] == ["Vote lost"]
        assert [s.title for s in library.said("John Smith")] == ["Bridge"]
        assert library.actor_ids("John Smith") == john  # made again, with its id
        assert find_problems(library.db) == []


def test_a_reader_who_names_smith_john_smith_joins_them(data):
    _add(data, ("Vote lost", ONLY_SURNAME), ("Bridge", JOHN))
    with open_library(data) as library:
        [smith] = [a for a in library.actors() if a.name == "Smith"]
        [vote] = [a.id for a in library.articles() if a.title == "Vote lost"]
        library.correct(Rename(ActorRef("Smith", smith.kind), "John Smith"), vote)
        if smith.kind != "person":
            library.correct(ChangeKind(ActorRef("John Smith", smith.kind), "person"), vote)
        assert [s.title for s in library.said("John Smith")] == ["Vote lost", "Bridge"]
        assert "Smith" not in [a.name for a in library.actors()]
        assert find_problems(library.db) == []


BOARD_WAITS = (
    "Waiting lists will grow this winter. "
    '"Patients will wait longer," a spokesman for the Western Health Board said.'
)
BOARD_CLINICS = (
    "Two clinics will open in Galway in May. "
    "A spokeswoman for the Western Health Board said staff had been hired."
)


def test_a_spokesman_for_a_named_body_is_its_speaker_in_the_library(data, capsys, qtbot):
    _add(data, ("Waits", BOARD_WAITS), ("Clinics", BOARD_CLINICS))
    with open_library(data) as library:
        said = library.said("Western Health Board")
        assert [(s.title, s.spoken_for) for s in said] == [
            ("Waits", "spokesperson, Western Health Board"),
            ("Clinics", "spokesperson, Western Health Board"),
        ]
        assert library.said("spokesman") == []
        assert find_problems(library.db) == []
    code, out = _cli(capsys, data, "said", "Western Health Board")
    assert code == 0 and "(direct quote; spokesperson, Western Health Board; statement 1)" in out
    library = open_library(data)
    panel = SaidPanel()
    qtbot.addWidget(panel)
    panel.library = library
    with qtbot.waitSignal(panel.listed, timeout=10_000):
        panel.show_actor("Western Health Board")
    shown = panel.results.toPlainText()
    assert 'spokesperson, Western Health Board said: "Patients will wait longer,"' in shown
    assert "spokesperson, Western Health Board said: staff had been hired" in shown
    panel.shutdown()
    library.close()
