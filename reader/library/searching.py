"""The library's searches and its tables: articles by words and filters, the Library tab's
page, outlets, and who gets to speak (the sources report).
"""

from __future__ import annotations

from typing import Literal

from reader.library import (
    listing,
    review,
)
from reader.library.copies import not_a_copy, with_copies
from reader.library.failures import DamagedRecordError
from reader.library.guard import Guard
from reader.library.identity import find_actor_ids
from reader.library.listing import Bounds, Column
from reader.library.records import (
    DamagedRecord,
    ListedArticle,
    SearchHit,
    StoredStatement,
)
from reader.library.search import (
    ArticleFilter,
    search_articles,
    search_statements,
)
from reader.library.sources import SourcesReport, article_report, empty_report, library_report
from reader.model import CHECK_THRESHOLD

#: Above this many rows, listings walk an index in order instead of sorting every row.
BIG_SET = 2000


class Searching(Guard):
    """Finding articles: search, the Library tab's table and the sources report."""

    def listing(
        self,
        column: Column = Column.ADDED,
        descending: bool = True,
        bounds: Bounds | None = None,
        *,
        limit: int = 100,
        offset: int = 0,
    ) -> list[ListedArticle]:
        """A page of the articles within ``bounds``, sorted by ``column``."""
        within = self._within(bounds)
        if within is False:
            return []
        with self._translated():
            threshold = bounds.check_below if bounds is not None else CHECK_THRESHOLD
            return listing.page(self.db, column, descending, within, limit, offset, threshold)

    def listing_count(self, bounds: Bounds | None = None) -> int:
        """How many articles ``listing`` lists within ``bounds``."""
        within = self._within(bounds)
        if within is False:
            return 0
        with self._translated():
            return listing.count(self.db, within)

    def outlets(self) -> list[tuple[str, int]]:
        """Every outlet with its number of articles, alphabetically."""
        with self._translated():
            return listing.outlets(self.db)

    def generation(self) -> int:
        """Moves with every article added or removed, by any program (cheap to ask)."""
        with self._translated():
            return listing.generation(self.db)

    # -- sources: who gets to speak --------------------------------------------------------

    def sources_report(self, bounds: Bounds | None = None, top: int = 10) -> SourcesReport:
        """Who gets to speak in the articles within ``bounds`` (``reader.library.sources``)."""
        within = self._within(bounds)
        if within is False:
            return empty_report()
        with self._translated():
            return library_report(self.db, within, top)

    def article_sources(self, article_id: int, top: int = 10) -> SourcesReport:
        """Who gets to speak in one article, each of its sources listed."""
        with self._translated():
            return article_report(self.db, article_id, top)

    def _within(self, bounds: Bounds | None) -> ArticleFilter | Literal[False] | None:
        filters, params = self._filters(None, False, None, None, None, None, bounds)
        if filters is False:
            return False
        if isinstance(filters, str):
            return ArticleFilter(filters, {f"p{i}": v for i, v in enumerate(params)})
        return None

    # -- search -------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        actor: str | None = None,
        quoted_only: bool = False,
        entity: str | None = None,
        label: str | None = None,
        opened_from: str | None = None,
        opened_to: str | None = None,
        bounds: Bounds | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Articles matching ``query`` (any text is safe), best first, within the filters.

        ``actor``: articles where that actor appears (or, with ``quoted_only``, is quoted);
        ``entity``/``label``: articles with such an entity; ``opened_from``/``opened_to``:
        ISO dates bounding when the article was opened; ``bounds``: the Library tab's
        outlet and date range. With an empty query the filtered articles are listed, most
        recently opened first.
        """
        filters, params = self._filters(
            actor, quoted_only, entity, label, opened_from, opened_to, bounds
        )
        if filters is False:
            return []
        with self._translated():
            within = None
            if isinstance(filters, str):
                within = ArticleFilter(filters, {f"p{i}": v for i, v in enumerate(params)})
            hits = search_articles(self.db, query, within=within, limit=limit, offset=offset)
            if hits or within is None or query.strip():
                return hits
            return self._browse(within, limit, offset)

    def _filters(
        self,
        actor: str | None,
        quoted_only: bool,
        entity: str | None,
        label: str | None,
        opened_from: str | None,
        opened_to: str | None,
        bounds: Bounds | None = None,
    ) -> tuple[str | bool | None, list[object]]:
        """An SQL SELECT of article ids for the filters (None: no filter, False: none match)."""
        parts: list[str] = []
        params: list[object] = []

        def mark(value: object) -> str:
            params.append(value)
            return f":p{len(params) - 1}"

        if actor is not None:
            with self._translated():
                ids = find_actor_ids(self.db, actor)
            if not ids:
                return False, []
            marks = ",".join(mark(i) for i in ids)
            # A quoted actor is always one of its article's actors (statements only link to
            # those), so "appears" needs article_actors alone.
            table = "statements" if quoted_only else "article_actors"
            parts.append(f"SELECT DISTINCT article_id FROM {table} WHERE actor_id IN ({marks})")
        if entity is not None or label is not None:
            conditions = []
            if entity is not None:
                conditions.append(f"text = {mark(entity)} COLLATE NOCASE")
            if label is not None:
                conditions.append(f"label = {mark(label)}")
            conditions.append("label != 'PRONOUN'")  # "he" names nobody by itself
            parts.append(f"SELECT article_id FROM entities WHERE {' AND '.join(conditions)}")
        if opened_from is not None or opened_to is not None:
            conditions = []
            if opened_from is not None:
                conditions.append(f"last_opened >= {mark(opened_from)}")
            if opened_to is not None:
                conditions.append(f"first_opened <= {mark(_whole_day(opened_to))}")
            parts.append(f"SELECT id FROM articles WHERE {' AND '.join(conditions)}")
        if bounds is not None and bounds.to_check_only:
            threshold = mark(bounds.check_below)
            parts.append(
                "SELECT DISTINCT s.article_id FROM statements AS s WHERE "
                + review.TO_CHECK.format(threshold=threshold)
            )
        if bounds is not None and bounds.outlet is not None:
            # NOCASE: the collation of the outlet index and of the list of outlets.
            outlet = mark(bounds.outlet)
            parts.append(f"SELECT id FROM articles WHERE outlet = {outlet} COLLATE NOCASE")
        if bounds is not None and (bounds.dated_from is not None or bounds.dated_to is not None):
            date = "COALESCE(published, first_opened)"  # the articles_date index
            conditions = []
            if bounds.dated_from is not None:
                conditions.append(f"{date} >= {mark(bounds.dated_from)}")
            if bounds.dated_to is not None:
                conditions.append(f"{date} <= {mark(_whole_day(bounds.dated_to))}")
            parts.append(f"SELECT id FROM articles WHERE {' AND '.join(conditions)}")
        if not parts:
            return None, []
        return " INTERSECT ".join(f"SELECT * FROM ({p})" for p in parts), params

    def _browse(self, within: ArticleFilter, limit: int, offset: int) -> list[SearchHit]:
        # Many articles: walk the last_opened index and stop at the page; few: sort them.
        # Either way the text is read only for the page shown.
        (count,) = self.db.execute(f"SELECT count(*) FROM ({within.sql})", within.params).fetchone()
        order = "INDEXED BY articles_last_opened" if count > BIG_SET else ""
        member = "+id" if order else "id"
        rows = self.db.query(
            f"""WITH page AS MATERIALIZED (
                    SELECT id FROM articles {order}
                    WHERE {member} IN ({within.sql}) AND {not_a_copy(member)}
                    ORDER BY last_opened DESC, id DESC LIMIT :limit OFFSET :offset)
                SELECT a.id AS id, a.title AS title, substr(a.text, 1, 160) AS opening,
                    a.source AS source, a.last_opened AS last_opened
                FROM page JOIN articles AS a ON a.id = page.id
                ORDER BY a.last_opened DESC, a.id DESC""",
            {**within.params, "limit": limit, "offset": offset},
        )
        # No words to rank by: the article's opening stands in for a snippet.
        hits = [
            SearchHit.from_row(
                {**row, "snippet": " ".join(str(row["opening"]).split()) + "…", "score": 0.0}
            )
            for row in rows
        ]
        return with_copies(self.db, hits)

    def search_statements(
        self, query: str, *, actor: str | None = None, limit: int = 20
    ) -> list[StoredStatement]:
        """Statements whose words match ``query``, optionally only by one actor."""
        try:
            with self._translated():
                ids = None if actor is None else find_actor_ids(self.db, actor)
                return search_statements(self.db, query, ids, limit)
        except DamagedRecord as damage:
            raise DamagedRecordError(self.path, damage) from damage


def _whole_day(bound: str) -> str:
    """An upper bound on ISO times: a bare date means the whole of that day."""
    return bound + "\uffff" if len(bound) <= 10 else bound
