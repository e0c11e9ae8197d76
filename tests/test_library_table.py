"""The library as a table (the Library tab with no search): sorted by any column in SQL,
a page at a time, within an outlet and a date range that bound searches too; the list of
outlets; the generation another process moves; and the migration that brought outlets.
"""

from __future__ import annotations

import sqlite3

import pytest
from fake_articles import VERSION, Said, fake_analysis

from reader.library import Bounds, Column, open_library
from reader.library.listing import order_sql
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION, migrate_to

#: (title, outlet, published, added, statements)
ROWS = [
    ("Harbour reopens", "The Coastal Times", "2024-03-05", "2025-01-03", 2),
    ("Bridge closes", "Daily Courier", None, "2024-02-10", 0),
    ("apple harvest", "the coastal times", "2023-11-20", "2025-01-01", 3),
    ("Council budget", None, "2024-06-30", "2025-01-02", 1),
    ("Zoo expands", "Daily Courier", "2022-01-15", "2025-01-04", 4),
]


def _said(n: int, title: str) -> list[Said]:
    return [Said(f"Speaker {title.split()[0]} {k}", f"point {k} about {title}") for k in range(n)]


@pytest.fixture
def library(tmp_path):
    library = open_library(tmp_path / "data", version=VERSION)
    for title, outlet, published, added, count in ROWS:
        analysis = fake_analysis(title, _said(count, title), outlet=outlet, published=published,
                                 extra=f"The {title.lower()} story.")  # fmt: skip
        library.add_analysis(analysis)
        # Added on the day the row says (the store writes the time of adding).
        library.connection.execute(
            "UPDATE articles SET first_opened = ? WHERE title = ?",
            (f"{added}T09:00:00.000+00:00", title),
        )
    yield library
    library.close()


def _titles(library, column, descending=False, bounds=None, **page):
    return [a.title for a in library.listing(column, descending, bounds, **page)]


def test_each_column_sorts_the_table_both_ways(library):
    expected = {
        Column.TITLE: ["apple harvest", "Bridge closes", "Council budget", "Harbour reopens",
                       "Zoo expands"],
        # Case does not part outlets; ties go by id, the order articles were added in.
        Column.OUTLET: ["Council budget", "Bridge closes", "Zoo expands", "Harbour reopens",
                        "apple harvest"],
        # Published, else added: the bridge has no date of its own and was added 2024-02-10.
        Column.PUBLISHED: ["Zoo expands", "apple harvest", "Bridge closes", "Harbour reopens",
                           "Council budget"],
        Column.ADDED: ["Bridge closes", "apple harvest", "Council budget", "Harbour reopens",
                       "Zoo expands"],
        Column.STATEMENTS: ["Bridge closes", "Council budget", "Harbour reopens",
                            "apple harvest", "Zoo expands"],
    }  # fmt: skip
    for column, titles in expected.items():
        assert _titles(library, column) == titles, column
        assert _titles(library, column, descending=True) == titles[::-1], column


def test_rows_carry_what_the_table_shows(library):
    (row,) = library.listing(Column.TITLE, False, limit=1, offset=3)
    assert (row.title, row.outlet, row.published, row.statements) == (
        "Harbour reopens", "The Coastal Times", "2024-03-05", 2,
    )  # fmt: skip
    assert row.added.startswith("2025-01-03")


def test_pages_are_slices_of_one_order(library):
    whole = _titles(library, Column.PUBLISHED, True)
    pages = [_titles(library, Column.PUBLISHED, True, limit=2, offset=n) for n in (0, 2, 4)]
    assert [title for page in pages for title in page] == whole
    assert library.listing_count() == 5


def test_the_statement_count_follows_every_write(library):
    (council,) = [a for a in library.listing() if a.title == "Council budget"]
    assert council.statements == 1
    from reader.corrections.operations import Dismiss, StatementRef

    quote = library.analysis(council.id).quotes[0]
    library.correct(Dismiss(StatementRef.of(quote)), council.id)
    (council,) = [a for a in library.listing() if a.title == "Council budget"]
    assert council.statements == 0


def test_outlets_are_listed_with_their_counts_case_folded(library):
    assert library.outlets() == [("Daily Courier", 2), ("The Coastal Times", 2)]


def test_the_outlet_filter_bounds_the_table_and_searches(library):
    courier = Bounds(outlet="daily courier")
    assert _titles(library, Column.TITLE, bounds=courier) == ["Bridge closes", "Zoo expands"]
    assert library.listing_count(courier) == 2
    # "story" is in every article; only the outlet's are found.
    found = {hit.title for hit in library.search("story", bounds=courier)}
    assert found == {"Bridge closes", "Zoo expands"}
    assert library.search("story", bounds=Bounds(outlet="Nobody")) == []


def test_the_date_range_is_on_the_published_date_else_the_date_added(library):
    span = Bounds(dated_from="2024-01-01", dated_to="2024-06-30")
    # The bridge counts by the day it was added; the council's last day is in the range.
    assert _titles(library, Column.PUBLISHED, bounds=span) == [
        "Bridge closes", "Harbour reopens", "Council budget",
    ]  # fmt: skip
    assert _titles(library, Column.TITLE, bounds=Bounds(dated_to="2023-12-31")) == [
        "apple harvest", "Zoo expands",
    ]  # fmt: skip
    both = Bounds(outlet="The Coastal Times", dated_from="2024-01-01")
    assert _titles(library, Column.TITLE, bounds=both) == ["Harbour reopens"]
    found = {hit.title for hit in library.search("story", bounds=span)}
    assert found == {"Bridge closes", "Harbour reopens", "Council budget"}


def test_another_connection_sees_the_generation_move(library, tmp_path):
    other = open_library(tmp_path / "data", version=VERSION, read_only=True)
    try:
        before = other.generation()
        library.add_analysis(fake_analysis("Late news", _said(1, "Late news")))
        assert other.generation() == before + 1
        assert other.listing_count() == 6
    finally:
        other.close()


@pytest.mark.parametrize("column", list(Column))
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_walks_an_index(library, column, descending):
    """No order sorts the articles: each is read from an index in order, so a page of a
    100,000-article library costs what the page holds."""
    table = "article_counts AS c" if column is Column.STATEMENTS else "articles AS a"
    ids = "c.article_id" if column is Column.STATEMENTS else "a.id"
    plan = library.connection.execute(
        f"EXPLAIN QUERY PLAN SELECT {ids} FROM {table} "
        f"ORDER BY {order_sql(column, descending)} LIMIT 100 OFFSET 500"
    ).fetchall()
    details = " ".join(str(row[-1]) for row in plan)
    assert "TEMP B-TREE" not in details, details
    assert "INDEX" in details, details


def test_a_library_of_the_previous_schema_gets_outlets_and_counts(tmp_path):
    """A library made before outlets: its articles keep no outlet (their files are not
    opened again), its statements are counted, and new articles keep theirs."""
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / "library.db", isolation_level=None)
    migrate_to(conn, next(n for n, m in enumerate(MIGRATIONS) if "COLUMN outlet" in str(m)))
    conn.close()
    # An article with two statements, stored by the previous schema's program.
    old = fake_analysis("Old story", _said(2, "Old story"), outlet="Ignored Gazette")
    with sqlite3.connect(data / "library.db", isolation_level=None) as conn:
        conn.execute("BEGIN")
        conn.execute(
            """INSERT INTO articles (id, sha256, title, format, first_opened, last_opened,
               text, analysis_version) VALUES (1, ?, 'Old story', 'txt',
               '2024-01-01T00:00:00.000+00:00', '2024-01-01T00:00:00.000+00:00', ?, 'test')""",
            (old.article.sha256, old.article.text),
        )
        for seq, quote in enumerate(old.quotes):
            conn.execute(
                """INSERT INTO statements (article_id, seq, start, "end", text, spans, kind)
                   VALUES (1, ?, ?, ?, ?, '[]', 'indirect')""",
                (seq, quote.start, quote.end, quote.text),
            )
        conn.execute("COMMIT")
    conn.close()
    library = open_library(data, version=VERSION)
    try:
        assert library.connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (row,) = library.listing()
        assert (row.title, row.outlet, row.statements) == ("Old story", None, 2)
        assert library.article(1).outlet is None
        library.add_analysis(
            fake_analysis("New story", [], outlet="The Coastal Times", extra="Nothing was said.")
        )
        assert library.outlets() == [("The Coastal Times", 1)]
        assert [a.title for a in library.listing(Column.STATEMENTS, False)] == [
            "New story",
            "Old story",
        ]
    finally:
        library.close()
