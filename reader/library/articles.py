"""The library's reads of articles: found by content, listed, counted, rebuilt as an Analysis."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable

from reader import errors
from reader.errors import LibraryError
from reader.library import (
    store,
)
from reader.library.copies import NOT_A_COPY, copies_of, original_of
from reader.library.failures import (
    DamagedRecordError,
    NoSuchArticleError,
)
from reader.library.guard import Guard
from reader.library.records import (
    ARTICLE_COLUMNS,
    DamagedRecord,
    StoredArticle,
)
from reader.model import Analysis


class Articles(Guard):
    """Reading stored articles and their analyses."""

    def stale_ids(self) -> list[int]:
        """Articles analysed by other rules or another model than the current ones."""
        with self._translated():
            rows = self.db.execute(
                "SELECT id FROM articles WHERE analysis_version != ? ORDER BY id",
                (self.version,),
            ).fetchall()
        return [int(r[0]) for r in rows]

    def _find(self, sha256: str) -> tuple[int, str] | None:
        with self._translated():
            row = self.db.execute(
                "SELECT id, analysis_version FROM articles WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return (int(row[0]), str(row[1])) if row is not None else None

    def current(self, sha256: str) -> int | None:
        """The id of the stored article with this content if the current rules and model
        analysed it; ``None`` if it needs analysing. Loads nothing."""
        stored = self._find(sha256)
        return stored[0] if stored is not None and stored[1] == self.version else None

    def find(self, sha256: str) -> int | None:
        """The id of the stored article with this content hash, if any."""
        found = self._find(sha256)
        return found[0] if found else None

    def count(self, copies: bool = True) -> int:
        """How many articles are stored; ``copies=False``: how many stories, each article
        with its copies (``reader.library.copies``) once."""
        where = "" if copies else f"AS a WHERE {NOT_A_COPY}"
        with self._translated():
            return int(self.db.execute(f"SELECT count(*) FROM articles {where}").fetchone()[0])

    def article(self, article_id: int) -> StoredArticle:
        with self._translated():
            rows = list(
                self.db.query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
            )
        if not rows:
            raise NoSuchArticleError(
                self.path, errors.LIBRARY_NO_ARTICLE.format(article_id=article_id)
            )
        return self._with_copies([StoredArticle.from_row(rows[0])])[0]

    def articles(self, limit: int = 100, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, most recently opened first; a copy of another is not listed on
        its own but in its original's ``copies``."""
        with self._translated():
            rows = list(
                self.db.query(
                    f"""SELECT {ARTICLE_COLUMNS} FROM articles AS a WHERE {NOT_A_COPY}
                        ORDER BY last_opened DESC, id DESC LIMIT ? OFFSET ?""",
                    (limit, offset),
                )
            )
        return self._with_copies([StoredArticle.from_row(row) for row in rows])

    def copies_among(self, article_ids: Iterable[int]) -> dict[int, int]:
        """Which of these articles are copies (``reader.library.copies``): ``{id: original}``."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        with self._translated():
            rows = self.db.execute(
                """SELECT id, copy_of FROM articles
                   WHERE id IN (SELECT value FROM json_each(?)) AND copy_of IS NOT NULL""",
                (json.dumps(ids),),
            ).fetchall()
        return {int(row[0]): int(row[1]) for row in rows}

    def _with_copies(self, articles: list[StoredArticle]) -> list[StoredArticle]:
        with self._translated():
            found = copies_of(self.db, [a.id for a in articles])
        return [dataclasses.replace(a, copies=found.get(a.id, ())) for a in articles]

    def opening(self, article_id: int, chars: int = 400) -> str:
        """The start of an article's text (to name an article that has no title)."""
        with self._translated():
            row = self.db.execute(
                "SELECT substr(text, 1, ?) FROM articles WHERE id = ?", (chars, article_id)
            ).fetchone()
        return str(row[0]) if row is not None and row[0] is not None else ""

    def analysis(self, article_id: int) -> Analysis:
        """The stored Analysis of an article, rebuilt without re-analysing."""
        try:
            with self._translated():
                analysis = store.load_analysis(self.db, article_id)
        except DamagedRecord as damage:
            raise DamagedRecordError(self.path, damage) from damage
        if analysis is None:
            raise NoSuchArticleError(
                self.path, errors.LIBRARY_NO_ARTICLE.format(article_id=article_id)
            )
        return analysis

    def original(self, article_id: int) -> StoredArticle | None:
        """The article this one is a copy of; None for an original, or when it cannot be read."""
        try:
            with self._translated():
                original = original_of(self.db, article_id)
            return None if original is None else self.article(original)
        except LibraryError:
            return None
