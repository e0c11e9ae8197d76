"""The library's reads of actors and statements: who said what, positions, what to check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reader import errors
from reader.errors import LibraryError
from reader.library import (
    positions,
    review,
)
from reader.library.copies import NOT_A_COPY, not_a_copy
from reader.library.guard import Guard
from reader.library.identity import IN_ONE_ARTICLE, find_actor_ids
from reader.library.positions import Quoting, StoredPosition
from reader.library.records import (
    ActorSummary,
    DamagedRecord,
    StoredStatement,
)
from reader.library.search import (
    STATEMENT_FROM,
    STORED_STATEMENT_COLUMNS,
)
from reader.library.searching import BIG_SET


class Speakers(Guard):
    """Actors across the library and their statements."""

    def actors(self, limit: int | None = None) -> list[ActorSummary]:
        """Library actors, those quoted most first, then by how many articles they are in.

        Not the descriptions filed under one article ("a spokesperson"): those are no one
        across the library. Copies of an article (``reader.library.copies``)
        are not counted: a story is counted once, however many files hold it."""
        with self._translated():
            rows = list(
                self.db.query(
                    f"""SELECT a.id AS id, a.name AS name, a.kind AS kind,
                           (SELECT json_group_array(alias) FROM actor_aliases
                            WHERE actor_id = a.id) AS aliases,
                           (SELECT count(DISTINCT article_id) FROM article_actors
                            WHERE actor_id = a.id AND {not_a_copy("article_id")}) AS articles,
                           (SELECT count(*) FROM statements WHERE actor_id = a.id
                            AND {not_a_copy("article_id")}) AS statements
                       FROM actors AS a WHERE NOT {IN_ONE_ARTICLE}
                       -- An actor named only in copies has nothing of its own to count.
                       AND articles > 0
                       ORDER BY statements DESC, articles DESC, a.name LIMIT ?""",
                    (-1 if limit is None else limit,),
                )
            )
        return [ActorSummary.from_row(row) for row in rows]

    def actor_ids(self, name: str) -> list[int]:
        """Library actors answering to a name as a person would type it."""
        with self._translated():
            return find_actor_ids(self.db, name)

    def actor_kinds(self, name: str) -> list[str]:
        """The kinds of the library actors answering to a name, the most quoted first."""
        ids = self.actor_ids(name)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        with self._translated():
            rows = self.db.execute(
                f"""SELECT kind FROM actors AS a WHERE id IN ({marks}) ORDER BY
                    (SELECT count(*) FROM statements WHERE actor_id = a.id
                     AND {not_a_copy("article_id")}) DESC, id""",
                ids,
            ).fetchall()
        return [str(r[0]) for r in rows]

    def said(self, name: str, limit: int | None = None, offset: int = 0) -> list[StoredStatement]:
        """Everything an actor said across the library, in article date order; what they
        said in a copy of an article (``reader.library.copies``) only once, in the original.

        ``limit`` and ``offset`` choose a page of it (the desktop app lists it page by page).
        """
        ids = self.actor_ids(name)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        with self._translated():
            if limit is None and not offset:
                # Every row is shown: one query, without first choosing a page (which costs
                # a second lookup of every row: 0.6 s against 0.35 s for 47,000 statements).
                values = self.connection.execute(
                    f"""SELECT {STORED_STATEMENT_COLUMNS} FROM {STATEMENT_FROM}
                        WHERE s.actor_id IN ({marks}) AND {not_a_copy("s.article_id")}
                        ORDER BY date, s.article_id, s.seq""",
                    ids,
                ).fetchall()
            else:
                page = (-1 if limit is None else limit, offset)
                values = self.connection.execute(self._said_page(ids), (*ids, *page)).fetchall()
        return list(self._statements_from(values, StoredStatement.from_values))

    def to_check_counts(self, article_ids: Iterable[int], threshold: float) -> dict[int, int]:
        """How many statements of each article need checking (``reader.library.review``)."""
        with self._translated():
            return review.counts(self.db, article_ids, threshold)

    def to_check(
        self, threshold: float, article_id: int | None = None, limit: int = 100
    ) -> list[StoredStatement]:
        """The statements that need checking, in article order: all, or one article's."""
        with self._translated():
            return review.to_check(self.db, threshold, article_id, limit)

    def positions(self, name: str, limit: int = 50, offset: int = 0) -> list[StoredPosition]:
        """What an actor's statements across the library are about, most-stated first."""
        ids = self.actor_ids(name)
        with self._translated():
            return positions.actor_positions(self.db, ids, limit, offset)

    def position_statements(
        self, name: str, position: str, limit: int = 100, offset: int = 0
    ) -> list[StoredStatement]:
        """An actor's statements on one position (``StoredPosition.key``), by date."""
        ids = self.actor_ids(name)
        with self._translated():
            return positions.position_statements(self.db, ids, position, limit, offset)

    def quoting(self, name: str, limit: int = 10) -> Quoting:
        """Who quotes whom: the actors ``name``'s statements name, and those naming it."""
        ids = self.actor_ids(name)
        with self._translated():
            return positions.quoting(self.db, ids, limit)

    def said_count(self, name: str) -> tuple[int, int]:
        """How many statements an actor made across the library, and in how many articles."""
        ids = self.actor_ids(name)
        if not ids:
            return 0, 0
        marks = ",".join("?" * len(ids))
        with self._translated():
            row = self.db.execute(
                f"""SELECT count(*), count(DISTINCT article_id) FROM statements
                    WHERE actor_id IN ({marks}) AND {not_a_copy("article_id")}""",
                ids,
            ).fetchone()
        return int(row[0]), int(row[1])

    def _said_page(self, ids: list[int]) -> str:
        """SQL for the first statements of some actors by date, the text read for those only."""
        marks = ",".join("?" * len(ids))
        many = self.db.execute(
            f"SELECT count(*) > ? FROM statements WHERE actor_id IN ({marks})", (BIG_SET, *ids)
        ).fetchone()[0]
        if many:
            # A prolific actor: walk the articles in date order and stop at the page.
            page_sql = f"""SELECT s.id, COALESCE(a.published, a.first_opened) AS date,
                    a.id AS article_id, s.seq
                FROM articles AS a INDEXED BY articles_date
                CROSS JOIN statements AS s INDEXED BY statements_article
                ON s.article_id = a.id AND s.actor_id IN ({marks})
                WHERE {NOT_A_COPY}
                ORDER BY date, a.id, s.seq LIMIT ? OFFSET ?"""
        else:
            page_sql = f"""SELECT s.id, COALESCE(a.published, a.first_opened) AS date,
                    s.article_id, s.seq
                FROM statements AS s JOIN articles AS a ON a.id = s.article_id
                WHERE s.actor_id IN ({marks}) AND {not_a_copy("s.article_id")}
                ORDER BY date, s.article_id, s.seq LIMIT ? OFFSET ?"""
        return f"""WITH page AS MATERIALIZED ({page_sql})
            SELECT {STORED_STATEMENT_COLUMNS} FROM page
            JOIN statements AS s ON s.id = page.id
            JOIN articles AS a ON a.id = s.article_id
            LEFT JOIN actors AS act ON act.id = s.actor_id
            ORDER BY page.date, page.article_id, page.seq"""

    def statements(self) -> Iterator[StoredStatement]:
        """Every statement with its actor and article, in article date order (for export);
        not those of copies of an article (``reader.library.copies``)."""
        with self._translated():
            rows = self.db.query(
                f"""SELECT {STORED_STATEMENT_COLUMNS} FROM {STATEMENT_FROM}
                    WHERE {not_a_copy("s.article_id")}
                    ORDER BY COALESCE(a.published, a.first_opened), s.article_id, s.seq"""
            )
            yield from self._statements_from(rows)

    def _statements_from(
        self,
        rows: Iterable[Any],
        record: Callable[[Any], StoredStatement] = StoredStatement.from_row,
    ) -> Iterator[StoredStatement]:
        """Records for rows (``record`` makes one); a damaged row is left out and noted in
        ``skipped``."""
        for row in rows:
            try:
                yield record(row)
            except DamagedRecord as damage:
                note = LibraryError(
                    self.path,
                    errors.LIBRARY_RECORD_SKIPPED.format(
                        article_id=damage.article_id, part=damage.part
                    ),
                )
                self.skipped.append(note)
