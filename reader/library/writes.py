"""The library's writes: analyses stored, articles touched, removed and put back.

Every write goes through ``Guard._writing``: writable, verified, a corruption diagnosed.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader import errors
from reader.errors import LibraryError
from reader.library import (
    removal,
    store,
)
from reader.library.articles import Articles
from reader.library.connection import (
    write_transaction,
)
from reader.library.failures import (
    NoSuchArticleError,
    NotSavedError,
)
from reader.library.store import Written
from reader.model import Analysis


class Writes(Articles):
    """Storing: every write to the library but the corrections'."""

    def save(self, analysis: Analysis) -> Written:
        """Store an analysis made elsewhere (all or nothing): its id, whether it is new, and
        the analysis as stored, the reader's corrections laid over it (None when the
        article was stored before by the same version and only touched)."""
        with self._writing():
            return store.store_analysis(self.db, analysis, self.path)

    def add_analysis(
        self, analysis: Analysis, on_error: Analysis | None = None
    ) -> tuple[int, bool]:
        """Store an analysis made elsewhere (all or nothing): ``(id, was_new)``;
        ``NotSavedError`` carrying ``on_error``, if given, when it cannot be saved."""
        try:
            written = self.save(analysis)
        except LibraryError as error:
            if on_error is None:
                raise
            raise NotSavedError(error, on_error) from error
        return written.article_id, written.was_new

    def add_analyses(self, analyses: Iterable[Analysis]) -> list[tuple[int, bool]]:
        """Store many analyses in one transaction (for imports and the benchmark generator)."""
        with self._writing():
            return store.store_analyses(self.db, analyses, self.path)

    def touch(self, article_id: int, outlet: str | None = None) -> None:
        """Mark a stored article as opened now (and note its outlet, if it had none)."""
        with self._writing():
            store.touch(self.db, article_id, self.path, outlet)

    def reuse_current(self, sha256: str) -> int | None:
        """The id of the stored article with this content if the current rules and model
        analysed it, marked as opened now; ``None`` if it needs analysing. Loads nothing."""
        article_id = self.current(sha256)
        if article_id is not None and not self.read_only:
            self.touch(article_id)
        return article_id

    def remove(self, article_id: int) -> None:
        with self._writing():
            removed = store.remove_article(self.db, article_id, self.path)
        if not removed:
            raise NoSuchArticleError(
                self.path, errors.LIBRARY_NO_ARTICLE.format(article_id=article_id)
            )

    def remove_articles(self, article_ids: Iterable[int]) -> removal.Removed:
        """Remove articles as ``remove`` does, in one transaction, and hand back what
        ``put_back`` needs to store them again as they were (the window's Undo)."""
        with self._writing(), write_transaction(self.connection, self.path):
            return removal.take_out(self.db, article_ids)

    def put_back(self, removed: removal.Removed) -> dict[int, int]:
        """Store articles ``remove_articles`` removed again, with their analyses,
        corrections' effects and actors as they were: ``{old id: id now}``."""
        with self._writing(), write_transaction(self.connection, self.path):
            return removal.put_back(self.db, removed)
