"""The in-process engine: the same contract as the Dask engine, one article at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reader.archive.tasks import Refused, analyse_article
from reader.model import Analysis, Article


class InProcess:
    """Analyses in this process, in order; nothing to start or stop."""

    def map(self, articles: Iterable[Article]) -> Iterator[Analysis | Refused]:
        for article in articles:
            yield analyse_article(article)

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
