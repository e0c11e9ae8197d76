"""Search finds word forms: the full-text indexes hold Porter stems, and a library made before
they did is given them (``schema._STEMMED_SEARCH``)."""

from __future__ import annotations

import sqlite3

import pytest
from test_library_builder import VERSION, ArticleBuilder

from reader.library import MARK_END, MARK_START, open_library
from reader.library.schema import _STEMMED_SEARCH, MIGRATIONS, migrate_to
from reader.library.stems import index_prefix, stems

JOBS = (
    "Harbourside Council confirmed one redundancy at the ferry office on Monday. "
    "The university nearby says its own budget is safe for the coming year. "
)


def _jobs_article():
    b = ArticleBuilder(title="Ferry office cuts", published="2025-02-03")
    b.actor("c1", "Moira Fenwick").text(JOBS)
    b.quote("further cuts are not planned", "Moira Fenwick", "c1", kind="indirect", cue="warned")
    return b.build()


@pytest.fixture
def jobs(tmp_path):
    with open_library(tmp_path / "data", version=VERSION) as library:
        library.add_analysis(_jobs_article())
        yield library


def test_a_plural_finds_the_singular_and_the_snippet_marks_it(jobs):
    [hit] = jobs.search("redundancies")
    assert f"{MARK_START}redundancy{MARK_END}" in hit.snippet


def test_quoted_words_and_phrases_find_their_forms(jobs):
    assert len(jobs.search('"redundancies"')) == 1
    assert len(jobs.search('"confirms one redundancies"')) == 1
    assert len(jobs.search("universities")) == 1
    # Porter knows suffixes, not irregular verbs: "said" is not "say".
    assert jobs.search("said") == []
    assert len(jobs.search("saying")) == 1


@pytest.mark.parametrize("prefix", ["redund*", "redundanc*", "universit*", "confirm*", "ferr*"])
def test_a_prefix_finds_every_word_it_starts(jobs, prefix):
    """FTS5 stems a prefix too: "universit" is not how "university" is indexed ("univers")."""
    [hit] = jobs.search(prefix)
    assert MARK_START in hit.snippet


def test_statement_search_finds_word_forms(jobs):
    [statement] = jobs.search_statements("plans")
    assert statement.text == "further cuts are not planned"


def test_index_prefix_is_the_stem_the_forms_share():
    assert stems(["redundancies", "redundancy", "said", "say"]) == [
        "redund",
        "redund",
        "said",
        "sai",
    ]
    assert index_prefix("universit") == "univers"
    assert index_prefix("redund") == "redund"
    assert index_prefix("minist") == "minist"


def _library_before_stemming(data_dir) -> None:
    """A library at the schema before the indexes were stemmed, with one article."""
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "library.db", isolation_level=None)
    migrate_to(conn, MIGRATIONS.index(_STEMMED_SEARCH))
    conn.execute(
        """INSERT INTO articles (sha256, title, format, first_opened, last_opened, text,
           analysis_version) VALUES ('abc', 'Ferry office cuts', 'txt',
           '2025-02-03T00:00:00.000+00:00', '2025-02-03T00:00:00.000+00:00', ?, ?)""",
        (JOBS, VERSION),
    )
    assert conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'redundancies'"
    ).fetchone() == (0,)
    conn.close()


def test_a_library_made_before_stemming_is_given_stemmed_indexes(tmp_path):
    data = tmp_path / "data"
    _library_before_stemming(data)
    with open_library(data, version=VERSION) as library:
        [hit] = library.search("redundancies")
        assert f"{MARK_START}redundancy{MARK_END}" in hit.snippet
        tables = dict(
            library.connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE name IN ('articles_fts', "
                "'statements_fts')"
            ).fetchall()
        )
        assert all("porter unicode61" in sql for sql in tables.values()), tables
        # The triggers work on the new tables: an article added after is found by its forms.
        library.add_analysis(ArticleBuilder(title="Later").text("Two ferries sailed.").build())
        assert [h.title for h in library.search("sailing")] == ["Later"]


def test_an_opened_hit_marks_the_forms_the_search_found():
    """Opening a hit for "redundancies" marks "redundancy", which the index found for it."""
    from reader.library.stems import word_forms
    from ui.widgets.text_matches import find_matches

    assert word_forms(["One", "redundancy", "Redundancies", "said"], ["redundancies"]) == [
        "redundancies",
        "redundancy",
    ]
    text = "One redundancy was confirmed at the ferry office."
    assert [text[a:b] for a, b in find_matches(text, ["redundancies"])] == ["redundancy"]
