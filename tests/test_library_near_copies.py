"""The same story twice is one article: near copies are found when they are added, kept as
copies of the first, and counted once (``reader.library.copies``, ``near_copies``)."""

from __future__ import annotations

import json
import re
import sqlite3
import textwrap
from pathlib import Path

import pytest
from article_fixtures import write_pdf

from reader.cli import main
from reader.library import open_library
from reader.library.schema import MIGRATIONS, migrate_to
from reader.model import Actor, Analysis, Article, Quote
from reader.opening import article_from_text, open_article
from reader.reading import Reading

VERSION = "copies-test-1"

#: A wire story as one outlet ran it.
WIRE = (
    "KILMORE, March 4 - The ferry between Kilmore harbour and the island of Inchlea will "
    "make its last crossing in June, ending a service that has run for sixty years, the "
    "county council announced on Tuesday.",
    '"We cannot keep a boat running for forty passengers a day," Moira Fenwick said. The '
    "council leader added that a new bus link to the mainland bridge would start in the "
    "summer and that the harbour office would stay open for fishing boats.",
    'Islanders reacted with anger. "The ferry is the only way my mother gets to the '
    'hospital," Tom Okafor said. He has collected more than two thousand signatures for a '
    "petition asking the council to find a private operator before the end of the season.",
    "The ferry company employs eleven people, and the council said all of them would be "
    "offered other jobs in the county. A public meeting is planned for next Thursday in the "
    "Inchlea community hall, where residents will be able to question council members about "
    "the decision.",
)
#: The same wire story as a second outlet ran it: its own headline, two words changed and
#: a credit line added.
EDITED = (
    WIRE[0].replace("last crossing", "final crossing"),
    WIRE[1],
    WIRE[2].replace("with anger", "with fury"),
    WIRE[3] + " Reporting by Ana Reid; editing by Sam Holt.",
)
#: Another story on the same subject, with the same people: not a copy.
OTHER = (
    "A petition to save the Inchlea ferry reached the county council on Friday, carried up "
    "the steps of the council offices in Kilmore by a dozen islanders in yellow jackets.",
    '"Nobody on the island was asked before this was decided," Tom Okafor said, holding a '
    "box of signed forms. Council staff counted the names in front of the cameras while a "
    "small crowd waited outside in the rain.",
    'Moira Fenwick met the group in the lobby. "We will read every page, but the numbers '
    'have not changed," she said. The council leader has argued since January that the '
    "boat loses money on every sailing outside the tourist months.",
    "Campaigners now hope a private company will bid for the route. Two operators from the "
    "west coast have asked for the passenger figures, according to a council spokesman, and "
    "a decision on their offers is expected before the summer timetable is printed.",
)

_SAID = re.compile(r'"(?P<content>[^"]+?),"\s+(?P<name>Moira\s+Fenwick|Tom\s+Okafor)\s+said')


def analyse(article: Article) -> Analysis:
    """A stand-in for the pipeline: every '"…," Name said' is a statement of Name."""
    quotes: list[Quote] = []
    actors: dict[str, tuple[str, list[int]]] = {}
    for m in _SAID.finditer(article.text):
        name = " ".join(m["name"].split())
        local = name.lower().replace(" ", "-")
        actors.setdefault(local, (name, []))[1].append(len(quotes))
        quotes.append(
            Quote(
                start=m.start("content"),
                end=m.end("content"),
                text=m["content"],
                spans=((m.start("content"), m.end("content")),),
                kind="direct",
                speaker=m["name"],
                speaker_start=m.start("name"),
                speaker_end=m.end("name"),
                cue="said",
                cue_start=m.end() - 4,
                cue_end=m.end(),
                actor=local,
            )
        )
    cast = tuple(
        Actor(local, name, "person", (name,), len(said), tuple(said))
        for local, (name, said) in actors.items()
    )
    return Analysis(article, (), tuple(quotes), cast, VERSION)


def _text_file(path: Path, title: str, paragraphs: tuple[str, ...]) -> Path:
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def _pdf_file(path: Path, title: str, paragraphs: tuple[str, ...]) -> Path:
    """The paragraphs drawn line by line, one word broken over two lines by a hyphen."""
    lines = [textwrap.wrap(p, 78) for p in paragraphs]
    broken = lines[2]
    at = next(i for i, line in enumerate(broken) if "signatures" in line)
    before, after = broken[at].split("signatures", 1)
    broken[at : at + 1] = [before + "sig-", "natures" + after]
    return write_pdf(path, (tuple(map(tuple, lines)),), header=None, title=title, author=None)


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    return {
        "wire.txt": _text_file(tmp_path / "wire.txt", "Kilmore ferry to stop", WIRE),
        "wire.pdf": _pdf_file(tmp_path / "wire.pdf", "Kilmore ferry to stop", WIRE),
        "herald.txt": _text_file(tmp_path / "herald.txt", "Inchlea loses its ferry", EDITED),
        "petition.txt": _text_file(tmp_path / "petition.txt", "Petition reaches council", OTHER),
    }


@pytest.fixture
def library(tmp_path):
    with open_library(tmp_path / "data", version=VERSION) as lib:
        yield lib


def _resemblance(a: Path, b: Path) -> float:
    from reader.library.near_copies import fingerprint

    first, second = open_article(a), open_article(b)
    return fingerprint(first.text, first.title).resemblance(fingerprint(second.text, second.title))


def test_the_pairs_measure_as_copies_or_not(files):
    """What the threshold (0.8) was chosen on: the same text from a PDF, the same wire story
    edited by another outlet, and another story on the same subject with the same people."""
    from reader.library.near_copies import THRESHOLD

    assert "sig-" not in open_article(files["wire.pdf"]).text.replace("sig-\n", "")
    assert _resemblance(files["wire.txt"], files["wire.pdf"]) == 1.0
    assert THRESHOLD <= _resemblance(files["wire.txt"], files["herald.txt"]) < 0.9
    assert _resemblance(files["wire.txt"], files["petition.txt"]) < 0.1


def test_a_pdf_of_a_stored_text_is_kept_as_its_copy(library, files):
    wire_id, _, _ = Reading(library, analyse).add_file(files["wire.txt"])
    added = Reading(library, analyse).add_file(files["wire.pdf"])
    copy_id, analysis, was_new = added
    assert was_new and copy_id != wire_id
    assert added.original is not None and added.original.id == wire_id
    assert Reading(library, analyse).add_file(files["wire.txt"]).original is None
    # The copy keeps its own file, text and analysis for opening.
    assert library.article(copy_id).copy_of == wire_id
    assert library.analysis(copy_id).article.format == "pdf"
    assert len(analysis.quotes) == 2
    # Listed and found once, with its copy.
    [listed] = library.articles()
    assert listed.id == wire_id and [c.name for c in listed.copies] == ["wire.pdf"]
    [hit] = library.search("ferry")
    assert hit.id == wire_id and [c.id for c in hit.copies] == [copy_id]
    assert library.count() == 2 and library.count(copies=False) == 1


def test_the_library_table_lists_a_story_once_with_its_copies(library, files):
    wire_id = Reading(library, analyse).add_file(files["wire.txt"])[0]
    for name in ("wire.pdf", "herald.txt", "petition.txt"):
        Reading(library, analyse).add_file(files[name])
    listed = {a.id: a for a in library.listing()}
    assert len(listed) == 2 and library.listing_count() == 2
    assert [c.name for c in listed[wire_id].copies] == ["wire.pdf", "herald.txt"]


def test_an_edited_wire_story_is_a_copy_and_another_story_is_not(library, files):
    wire_id = Reading(library, analyse).add_file(files["wire.txt"])[0]
    assert Reading(library, analyse).add_file(files["herald.txt"]).original.id == wire_id  # type: ignore[union-attr]
    assert Reading(library, analyse).add_file(files["petition.txt"]).original is None
    assert sorted(h.title for h in library.search("ferry")) == [
        "Kilmore ferry to stop",
        "Petition reaches council",
    ]


def test_copies_are_counted_once_in_who_said_what(library, files):
    for name in ("wire.txt", "wire.pdf", "herald.txt", "petition.txt"):
        Reading(library, analyse).add_file(files[name])
    assert [s.title for s in library.said("Moira Fenwick")] == ["Kilmore ferry to stop"]
    assert library.said_count("Moira Fenwick") == (1, 1)
    assert library.said_count("Tom Okafor") == (2, 2)
    assert len(library.said("Tom Okafor", limit=10)) == 2
    by_name = {a.name: a for a in library.actors()}
    assert (by_name["Moira Fenwick"].articles, by_name["Moira Fenwick"].statements) == (1, 1)
    assert (by_name["Tom Okafor"].articles, by_name["Tom Okafor"].statements) == (2, 2)
    assert len(library.search_statements("boat")) == 1
    assert len([s for s in library.statements() if s.actor == "Moira Fenwick"]) == 1


def test_removing_the_original_keeps_its_copies_and_their_counts(library, files):
    wire_id = Reading(library, analyse).add_file(files["wire.txt"])[0]
    pdf_id = Reading(library, analyse).add_file(files["wire.pdf"])[0]
    herald_id = Reading(library, analyse).add_file(files["herald.txt"])[0]
    library.remove(wire_id)
    assert library.article(pdf_id).copy_of is None
    assert library.article(herald_id).copy_of == pdf_id
    [listed] = library.articles()
    assert listed.id == pdf_id and [c.id for c in listed.copies] == [herald_id]
    assert library.said_count("Moira Fenwick") == (1, 1)
    assert [s.article_id for s in library.said("Moira Fenwick")] == [pdf_id]
    # A later copy still finds the story.
    assert Reading(library, analyse).add_file(files["wire.txt"]).original.id == pdf_id  # type: ignore[union-attr]


def test_the_copies_of_a_page_are_read_through_their_index_whatever_sqlite_counted(library, files):
    """``PRAGMA optimize`` on a big library where nearly no article is a copy tells SQLite
    that ``copy_of`` hardly ever differs; reading the copies of a page of hits must still go
    through the index, not through every article."""
    from reader.library.copies import copies_sql

    Reading(library, analyse).add_file(files["wire.txt"])
    conn = library.connection
    conn.execute("ANALYZE")
    conn.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'articles'")
    conn.execute(
        "INSERT INTO sqlite_stat1 VALUES ('articles', 'articles_copy_of', '100000 100000')"
    )
    conn.execute("ANALYZE sqlite_schema")  # the statistics are read again
    plan = conn.execute("EXPLAIN QUERY PLAN " + copies_sql(20), list(range(1, 21))).fetchall()
    details = " ".join(str(row[-1]) for row in plan)
    assert "USING INDEX articles_copy_of" in details or "COVERING INDEX articles_copy_of" in details
    assert "SCAN articles" not in details


def test_a_candidate_is_found_by_an_index_lookup(library, files):
    Reading(library, analyse).add_file(files["wire.txt"])
    plan = library.connection.execute(
        """EXPLAIN QUERY PLAN SELECT article_id, count(*) FROM near_copy_bands
           WHERE band IN (1, 2, 3) AND article_id IS NOT 0 GROUP BY article_id"""
    ).fetchall()
    details = " ".join(str(row[-1]) for row in plan)
    assert "USING COVERING INDEX near_copy_bands_band" in details
    assert "SCAN near_copy_bands" not in details


def test_a_stored_article_is_not_fingerprinted_again_as_a_candidate(library, files, monkeypatch):
    """Each new article is compared with the ones sharing a band; the fingerprints of those
    stored a moment ago are kept, not made again from their text."""
    from reader.library import near_copies

    made: list[str] = []
    real = near_copies.shingles

    def counted(text: str, title: str | None = None) -> frozenset[int]:
        made.append(title or "")
        return real(text, title)

    monkeypatch.setattr(near_copies, "shingles", counted)
    monkeypatch.setattr(near_copies, "_RECENT", near_copies._RecentFingerprints(200_000))
    reading = Reading(library, analyse)
    for name in ("wire.txt", "herald.txt", "wire.pdf"):
        reading.add_file(files[name])
    # One fingerprint per article stored, though each later one had the earlier ones as
    # candidates (the two ferry stories, then the PDF of the first).
    ferry, inchlea = "Kilmore ferry to stop", "Inchlea loses its ferry"
    assert sorted(made) == [inchlea, ferry, ferry]
    copies = library.connection.execute("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL")
    assert copies.fetchone()[0] == 2  # and the copies are still found


def test_the_kept_fingerprints_stay_within_their_budget():
    from reader.library.near_copies import _RecentFingerprints, fingerprint

    kept = _RecentFingerprints(budget=30)
    texts = [" ".join(f"word{n}{k}" for k in range(14)) for n in range(5)]  # 10 shingles each
    for text in texts:
        kept.keep((text, None), fingerprint(text))
    assert kept.held <= 30
    assert kept.get((texts[0], None)) is None  # the oldest went first
    assert kept.get((texts[-1], None)) == fingerprint(texts[-1])


@pytest.mark.slow
def test_the_command_line_says_copies(tmp_path, files, capsys):
    data = tmp_path / "cli"
    args = ["library", "--data-dir", str(data)]
    paths = [str(files[n]) for n in ("wire.txt", "wire.pdf", "herald.txt", "petition.txt")]
    assert main([*args, "add", *paths]) == 0
    out = capsys.readouterr().out
    assert "4 added (2 copies of articles already in the library), 0 already" in out
    assert main([*args, "search", "ferry"]) == 0
    out = capsys.readouterr().out
    assert "Kilmore ferry to stop (3 copies; also 2 wire.pdf, 3 herald.txt)" in out
    assert out.count("Kilmore ferry") == 1
    assert main([*args, "search", "ferry", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [[c["id"] for c in hit["copies"]] for hit in hits if hit["id"] == 1] == [[2, 3]]


def _library_before_copies(data: Path) -> None:
    """A library at the schema before copies, holding the same story twice (as TXT and as
    PDF text) and another story."""
    from reader.library.schema import _near_copies

    data.mkdir(parents=True)
    conn = sqlite3.connect(data / "library.db", isolation_level=None)
    migrate_to(conn, MIGRATIONS.index(_near_copies))
    texts = {
        "Kilmore ferry to stop": "\n\n".join(WIRE),
        "Kilmore ferry to stop ": "\n".join(p.replace("signatures", "sig-\nnatures") for p in WIRE),
        "Petition reaches council": "\n\n".join(OTHER),
    }
    for n, (title, text) in enumerate(texts.items(), start=1):
        conn.execute(
            """INSERT INTO articles (sha256, title, format, first_opened, last_opened, text,
               analysis_version) VALUES (?, ?, 'txt', ?, ?, ?, ?)""",
            (f"sha{n}", title.strip(), f"2025-01-0{n}", f"2025-01-0{n}", text, VERSION),
        )
    conn.close()


def test_the_migration_finds_the_copies_already_stored(tmp_path):
    data = tmp_path / "data"
    _library_before_copies(data)
    with open_library(data, version=VERSION) as library:
        assert library.article(2).copy_of == 1
        assert library.article(3).copy_of is None
        assert [a.id for a in library.articles()] == [3, 1]
        assert library.count(copies=False) == 2
        # Filed: a copy added after the migration finds the story too.
        text = "\n\n".join(EDITED)
        added = Reading(library, analyse).add_article(article_from_text(text, title="Herald"))
        assert added.original is not None and added.original.id == 1


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
def test_the_window_says_an_opened_file_is_a_copy(window, qtbot, files):
    """Identical bytes are "Shown from the library"; the same story from another file is
    named as the copy it is kept as."""
    from ui.worker import Opened

    analysis = analyse(open_article(files["wire.pdf"]))
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)  # the model loaded
    window._batch = {7}
    window._shown_job = 7
    window._on_analysed(7, Opened(str(files["wire.pdf"]), analysis, 2, False, True, None, "Ferry"))
    assert window.status_text.text() == (
        "This is a copy of “Ferry” (already in the library); kept as its copy"
    )
