"""The library as a table: a page of articles in the order of any column, within filters.

The Library tab shows the whole library (100,000 articles and more) a page at a time,
sorted by title, outlet, published date, date added or number of statements. Every order
walks an index (``articles_title``, ``articles_outlet``, ``articles_date``,
``articles_first_opened``, ``article_counts_statements``), so a page is found without
sorting, or even reading, every row, and the text is read only for the page's untitled
articles (to name them by their first words). The id breaks ties, so paging is stable.

Filters come as an ``ArticleFilter`` (``Library._filters``): the same outlet and date
range bound the table and the searches.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.library.copies import copies_of, not_a_copy
from reader.library.records import ListedArticle
from reader.library.review import TO_CHECK
from reader.library.search import ArticleFilter
from reader.model import CHECK_THRESHOLD

if TYPE_CHECKING:
    from reader.library.database import Database

#: Above this many articles in the filter, walk the order's index and test each article
#: against the filter, instead of sorting the filtered articles.
WALK_INDEX_ABOVE = 2000
#: Characters of an untitled article's text read to name it.
OPENING_CHARS = 400


@dataclass(frozen=True, slots=True)
class Bounds:
    """The Library tab's filters: one outlet (any case), and a range of dates, ISO
    ("2024-03-01", a bare date meaning the whole day), on the published date, else the
    date the article was added (the ``articles_date`` index)."""

    outlet: str | None = None
    dated_from: str | None = None
    dated_to: str | None = None
    #: Only articles with a statement to check: less sure than ``check_below``, not
    #: reviewed (``Quote.to_check``); ``check_below`` also sets the table's "To check".
    to_check_only: bool = False
    check_below: float = CHECK_THRESHOLD

    def __bool__(self) -> bool:
        dates = (self.outlet, self.dated_from, self.dated_to)
        return self.to_check_only or any(v is not None for v in dates)


class Column(StrEnum):
    """What the table can be sorted by."""

    TITLE = "title"
    OUTLET = "outlet"
    PUBLISHED = "published"
    ADDED = "added"
    STATEMENTS = "statements"


#: Each order as SQL over ``articles AS a`` (or ``article_counts AS c``), ties by id; the
#: expressions are those of the indexes, so that SQLite walks them.
_ORDERS = {
    Column.TITLE: "a.title COLLATE NOCASE {d}, a.id {d}",
    Column.OUTLET: "a.outlet COLLATE NOCASE {d}, a.id {d}",
    Column.PUBLISHED: "COALESCE(a.published, a.first_opened) {d}, a.id {d}",
    Column.ADDED: "a.first_opened {d}, a.id {d}",
    Column.STATEMENTS: "c.statements {d}, c.article_id {d}",
}


def order_sql(column: Column, descending: bool) -> str:
    return _ORDERS[column].format(d="DESC" if descending else "ASC")


def count(db: Database, within: ArticleFilter | None) -> int:
    """How many articles the table lists: one for a story and its copies."""
    if within is None:
        sql = "SELECT count(*) FROM articles WHERE copy_of IS NULL"
        return int(db.execute(sql).fetchone()[0])
    sql = f"SELECT count(*) FROM articles WHERE id IN ({within.sql}) AND copy_of IS NULL"
    return int(db.execute(sql, within.params).fetchone()[0])


def page(
    db: Database,
    column: Column,
    descending: bool,
    within: ArticleFilter | None,
    limit: int,
    offset: int,
    check_below: float = CHECK_THRESHOLD,
) -> list[ListedArticle]:
    """The articles at rows ``offset`` to ``offset + limit`` of the table in that order,
    with how many statements of each are less sure than ``check_below`` and not reviewed."""
    order = order_sql(column, descending)
    params: dict[str, object] = {"limit": limit, "offset": offset, "check_below": check_below}
    ids = "c.article_id" if column is Column.STATEMENTS else "a.id"
    # A story is listed once: its copies come with it (``copies``).
    where = f"WHERE {not_a_copy('+' + ids)}"
    if within is not None:
        params.update(within.params)
        # "+": test membership while walking the order's index; plain, SQLite may look the
        # few filtered ids up and sort them.
        member = f"+{ids}" if count(db, within) > WALK_INDEX_ABOVE else ids
        where += f" AND {member} IN ({within.sql})"
    table = "article_counts AS c" if column is Column.STATEMENTS else "articles AS a"
    rows = db.query(
        f"""WITH page AS MATERIALIZED (
                SELECT {ids} AS id FROM {table} {where} ORDER BY {order}
                LIMIT :limit OFFSET :offset)
            SELECT a.id AS id, a.title AS title, a.source AS source, a.outlet AS outlet,
                a.published AS published, a.first_opened AS added,
                c.statements AS statements,
                (SELECT count(*) FROM statements AS s
                 WHERE s.article_id = a.id AND {TO_CHECK.format(threshold=":check_below")})
                AS to_check,
                CASE WHEN a.title IS NULL THEN substr(a.text, 1, {OPENING_CHARS})
                     ELSE '' END AS opening
            FROM page JOIN articles AS a ON a.id = page.id
            LEFT JOIN article_counts AS c ON c.article_id = a.id
            ORDER BY {order}""",
        params,
    )
    listed = [ListedArticle.from_row(row) for row in rows]
    found = copies_of(db, [a.id for a in listed])
    return [replace(a, copies=found[a.id]) if a.id in found else a for a in listed]


def outlets(db: Database) -> list[tuple[str, int]]:
    """Every outlet in the library with its number of articles, in alphabetical order
    (names differing only in case are one outlet)."""
    rows = db.execute(
        """SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL
           GROUP BY outlet COLLATE NOCASE ORDER BY outlet COLLATE NOCASE"""
    ).fetchall()
    return [(str(name), int(n)) for name, n in rows]


def generation(db: Database) -> int:
    """How far the library has come: moved by every article added or removed, by any
    program (``library_state``, ``reader.library.held``)."""
    row = db.execute("SELECT generation FROM library_state WHERE id = 1").fetchone()
    return int(row[0]) if row is not None else 0
