"""The statements a reader may want to check, across the library or in one article.

A statement needs checking when its calibrated confidence is below the reader's threshold
and no reader has accepted it, chosen its speaker or added it (``statements.reviewed``):
the same test as ``Quote.to_check``, in SQL. Counts per article go with
the library's listings; ``to_check`` lists the statements themselves, in article order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.library.copies import not_a_copy
from reader.library.records import StoredStatement
from reader.library.search import STATEMENT_FROM, STORED_STATEMENT_COLUMNS
from reader.model import READER_RULE

if TYPE_CHECKING:
    from reader.library.database import Database

#: The SQL test of a statement row ``s`` that needs checking, the threshold's placeholder
#: to fill in (``threshold``).
TO_CHECK = (
    "(s.reviewed = 0 AND s.confidence IS NOT NULL AND s.confidence < {threshold}"
    f" AND s.rule IS NOT '{READER_RULE}')"
)
#: The same with one positional parameter: the threshold.
NEEDS_CHECK = TO_CHECK.format(threshold="?")


#: SQL true for an article row ``a`` with a statement to check (the library's "needs
#: checking" filter); one parameter: the threshold.
ARTICLE_NEEDS_CHECK = (
    f"EXISTS (SELECT 1 FROM statements AS s WHERE s.article_id = a.id AND {NEEDS_CHECK})"
)


def counts(db: Database, article_ids: Iterable[int], threshold: float) -> dict[int, int]:
    """How many statements of each article need checking (articles with none left out)."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"""SELECT s.article_id, count(*) FROM statements AS s
            WHERE s.article_id IN ({marks}) AND {NEEDS_CHECK}
            GROUP BY s.article_id""",  # a copy is counted when asked for by its id
        (*ids, threshold),
    ).fetchall()
    return {int(article_id): int(count) for article_id, count in rows}


def to_check(
    db: Database, threshold: float, article_id: int | None = None, limit: int = 100
) -> list[StoredStatement]:
    """The statements that need checking, in article and text order: all, or one article's."""
    # A story's copies repeat its statements: they are checked in the original.
    where, params = f"{NEEDS_CHECK} AND {not_a_copy('s.article_id')}", [threshold]
    if article_id is not None:
        where += " AND s.article_id = ?"
        params.append(article_id)
    rows = db.query(
        f"""SELECT {STORED_STATEMENT_COLUMNS} FROM {STATEMENT_FROM}
            WHERE {where} ORDER BY s.article_id, s.seq LIMIT ?""",
        (*params, limit),
    )
    return [StoredStatement.from_row(row) for row in rows]
