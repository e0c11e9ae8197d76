"""Library search: any text is safe, ranking, snippets, filters, statements by actor."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_library_builder import VERSION, ArticleBuilder, putin_article

from reader.library import MARK_END, MARK_START, open_library
from reader.library.search import fts_query
from reader.model import Analysis
from reader.opening import article_from_text

NASTY = [
    '"unbalanced',
    'he said "',
    "AND (",
    "NEAR(",
    "NEAR(gas prices, 2)",
    "-",
    "*",
    "- *",
    "gas -",
    "OR",
    "NOT",
    "NOT gas",
    "gas NOT",
    "') OR 1=1; DROP TABLE articles; --",
    "title:gas",
    "text : putin",
    "^gas",
    "{title text}: gas",
    "gas AND AND OR prices",
    "((gas)",
    "😀",
    "Putin 😀 gas",
    "\x00",
    "ünïcödé Müller",
    "",
    "   ",
    '""',
    '"*"',
    "_",
    "gas*prices",
    "+gas",
    "**gas**",
]


@pytest.fixture
def library(tmp_path):
    lib = open_library(tmp_path, version=VERSION)
    lib.add_analysis(putin_article())
    other = ArticleBuilder(title="Weather report", published="2023-01-05")
    other.actor("a1", "Ingrid Berg").text("Heavy rain in Oslo. ")
    other.quote("Gas heating demand rose sharply", "Ingrid Berg", "a1")
    other.text("Prices of electricity and gas went up again.")
    lib.add_analysis(other.build())
    yield lib
    lib.close()


@pytest.mark.parametrize("text", NASTY)
def test_any_text_gives_results_or_nothing(library, text):
    hits = library.search(text)
    assert isinstance(hits, list)
    library.search(text, actor=text)
    library.search_statements(text)
    library.said(text)


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_built_queries_are_always_valid_fts5(text):
    expression = fts_query(text)
    if expression is None:
        return
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, b, prefix='2 3')")
    conn.execute("INSERT INTO t VALUES ('gas prices', 'Putin said')")
    conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gas prices", '"gas" AND "prices"'),
        ('"gas supplies"', '"gas supplies"'),
        ("sanc*", '"sanc"*'),
        ("gas OR rain", '"gas" OR "rain"'),
        ("gas NOT rain", '("gas") NOT ("rain")'),
        ("gas -rain", '("gas") NOT ("rain")'),
        ("al-Assad", '"al Assad"'),
        ("AND (", None),
        ("NEAR(", '"NEAR"'),
    ],
)
def test_query_translation(text, expected):
    assert fts_query(text) == expected


def test_words_phrases_prefix_and_operators(library):
    titles = lambda q: sorted(h.title for h in library.search(q))  # noqa: E731
    both = sorted(["Putin and Scholz discuss gas prices", "Weather report"])
    assert titles("gas") == both
    assert titles('"gas supplies"') == ["Putin and Scholz discuss gas prices"]
    assert titles("sanc*") == ["Putin and Scholz discuss gas prices"]
    assert titles("Oslo OR Moscow") == both
    assert titles("gas NOT Oslo") == ["Putin and Scholz discuss gas prices"]
    assert titles("gas -Moscow") == ["Weather report"]
    assert titles("nothingmatchesthis") == []


def test_title_weighs_more_and_snippets_mark_matches(library):
    hits = library.search("prices")
    assert hits[0].title == "Putin and Scholz discuss gas prices"
    assert hits[0].score >= hits[1].score
    assert all(f"{MARK_START}prices{MARK_END}" in h.snippet.lower() for h in hits)


def test_brackets_in_the_text_are_not_taken_for_matches(tmp_path):
    """Snippet markers were "[" and "]", so "[sic]" turned bold in the panel."""
    text = "The mayor said the harbour [sic] would reopen, and the harbour did."
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(Analysis(article_from_text(text), version=VERSION))
        [hit] = library.search("harbour")
    assert "[sic]" in hit.snippet
    assert hit.snippet.count(MARK_START) == 2 == hit.snippet.count(MARK_END)
    assert f"{MARK_START}harbour{MARK_END} [sic]" in hit.snippet


def test_text_never_holds_a_snippet_marker():
    article = article_from_text(f"odd {MARK_START}text{MARK_END} here")
    assert MARK_START not in article.text and MARK_END not in article.text
    assert len(article.text) == len("odd xtextx here")


def test_limit_and_offset_page_through_results(library):
    first = library.search("gas", limit=1)
    second = library.search("gas", limit=1, offset=1)
    assert len(first) == len(second) == 1 and first[0].id != second[0].id
    assert library.search("gas", limit=0) == []


def test_actor_filter_appears_or_quoted(library):
    assert [h.title for h in library.search("gas", actor="Putin")] == [
        "Putin and Scholz discuss gas prices"
    ]
    assert [h.title for h in library.search("gas", actor="berg", quoted_only=True)] == [
        "Weather report"
    ]
    assert library.search("gas", actor="Nobody Known") == []
    # No words: every article where the actor appears.
    assert [h.title for h in library.search("", actor="vladimir putin")] == [
        "Putin and Scholz discuss gas prices"
    ]
    assert library.search("") == []


def test_entity_and_date_filters(library):
    assert [h.title for h in library.search("gas", entity="ingrid berg")] == ["Weather report"]
    assert len(library.search("gas", label="PERSON")) == 2
    assert library.search("gas", label="GPE") == []
    assert len(library.search("gas", opened_from="2000-01-01", opened_to="2999-12-31")) == 2
    assert library.search("gas", opened_to="2000-01-01") == []


def test_statements_by_actor_in_article_date_order(library):
    putin = library.said("Vladimir Putin")
    assert [s.text for s in putin] == [
        "Gas supplies will continue through the winter",
        "Sanctions have failed",
    ]
    assert all(s.title == "Putin and Scholz discuss gas prices" for s in putin)
    assert {s.kind for s in putin} == {"direct"}
    assert library.said("Scholz")[0].kind == "indirect"
    everyone = list(library.statements())
    # The weather article (2023) comes before the Putin one (2024).
    assert everyone[0].actor == "Ingrid Berg"


def test_statement_search(library):
    found = library.search_statements("gas")
    assert {s.actor for s in found} == {"Vladimir Putin", "Ingrid Berg"}
    assert [s.actor for s in library.search_statements("gas", actor="Berg")] == ["Ingrid Berg"]


def test_very_common_queries_rank_the_most_recent_matches(tmp_path):
    from reader.library.search import search_articles

    with open_library(tmp_path, version=VERSION) as library:
        best = ArticleBuilder(title="Budget budget").text("Budget, budget, budget.")
        ids = [library.add_analysis(best.build())[0]]
        for n in range(2):
            b = ArticleBuilder(title=f"Vote {n}").text(f"The long budget vote number {n}.")
            ids.append(library.add_analysis(b.build())[0])
        conn = library.connection
        ranked_all = search_articles(conn, "budget", limit=2, window=None)
        assert ranked_all[0].id == ids[0]
        recent = search_articles(conn, "budget", limit=2, window=2)
        assert {h.id for h in recent} == set(ids[1:])
        assert len(library.search("budget")) == 3


def test_a_pronoun_is_no_entity_to_search_for(tmp_path):
    lib = open_library(tmp_path, version=VERSION)
    article = ArticleBuilder(title="Harbour news")
    article.actor("a1", "Ingrid Berg").mention("Ingrid Berg", "a1")
    article.text(" opened the harbour, and ")
    article.mention("she", "a1", label="PRONOUN")
    article.text(" thanked the crews.")
    lib.add_analysis(article.build())
    try:
        assert lib.search("", entity="she") == []
        assert [h.title for h in lib.search("", entity="ingrid berg")] == ["Harbour news"]
    finally:
        lib.close()
