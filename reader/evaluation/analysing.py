"""The gold articles analysed in turn for ``dramatis eval``: one parse stream, and the time
each article took.

The articles go through ``reader.pipeline.analyse_each``, as a ``library add`` in this
process does, so that the figures and the timing are those of a real run. An article
refused by the analysis (past its deadline) stops the evaluation: every gold article must
be scored, or the figures would be of another set.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from reader.errors import ArticleError
from reader.model import Analysis, Article


def analysed_in_turn(
    articles: Iterable[Article], analyse: Callable[[Article], Analysis] | None = None
) -> Iterator[tuple[Analysis, float]]:
    """Each article's analysis, in order, with the seconds it took: in a stream, from the
    previous article's analysis to its own (the batches run across articles, so an
    article's own share cannot be told apart; the seconds add up to the whole). With
    ``analyse`` given, each article goes through it alone."""
    if analyse is not None:
        for article in articles:
            began = time.perf_counter()
            analysis = analyse(article)
            yield analysis, time.perf_counter() - began
        return
    from reader.pipeline import analyse_each

    began = time.perf_counter()
    for _, result in analyse_each(articles):
        if isinstance(result, ArticleError):
            raise result
        yield result, time.perf_counter() - began
        began = time.perf_counter()
