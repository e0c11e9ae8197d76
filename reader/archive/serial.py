"""The in-process engine: the same contract as the Dask engine, the articles as one stream.

Files are opened here as the run hands them out, and their articles analysed one after the
other through one parse stream (``reader.pipeline.analyse_each``): spaCy's batches run on
from one article into the next instead of ending with each. Results come back in order,
each as soon as its article is analysed; an article that is refused or past its deadline
is reported and the others go on.
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.archive.tasks import FileBytes, Work, open_file, outcome
from reader.model import Article


class InProcess:
    """Opens and analyses in this process, in order; nothing to start or stop."""

    def run(self, work: Work) -> None:
        """Do ``work``'s jobs, handing back each result as it is ready."""
        from reader.pipeline import analyse_each

        for article, result in analyse_each(_articles(work)):
            work.take(outcome(article, result))

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _articles(work: Work) -> Iterator[Article]:
    """The articles to analyse, as the stream asks for them; files are opened on the way
    (an opened file hands the run an article, a duplicate or a verdict)."""
    job = work.next_job()
    while job is not None:
        if isinstance(job, FileBytes):
            work.take(open_file(job))
        elif isinstance(job, Article):
            yield job
        else:
            yield from job.articles
        job = work.next_job()
