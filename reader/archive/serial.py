"""The in-process engine: the same contract as the Dask engine, one job at a time."""

from __future__ import annotations

from reader.archive.tasks import FileBytes, Work, analyse_article, open_file


class InProcess:
    """Opens and analyses in this process, in order; nothing to start or stop."""

    def run(self, work: Work) -> None:
        """Do ``work``'s jobs one after the other, handing back each result."""
        job = work.next_job()
        while job is not None:
            work.take(open_file(job) if isinstance(job, FileBytes) else analyse_article(job))
            job = work.next_job()

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
