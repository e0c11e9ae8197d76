"""The analysis jobs the window has asked for, and the one place that cancels them.

Every file opened is a job with an id, counted up from 1. The window asks for a batch at a
time (the first job is shown, the others only added to the library); asking for anything
else cancels every job of the batch before it not yet finished: a job not yet started is
skipped, and the one running stops at its next check. A result that arrives for a job no
longer wanted is dropped and noted in ``dropped``.
"""

from __future__ import annotations

from collections.abc import Callable


class JobTracker:
    """Which jobs were asked for, which one is shown, which are still running."""

    def __init__(self, cancel: Callable[[int], None]) -> None:
        self._cancel = cancel
        self.next_job = 1
        #: The job whose article is (or will be) on screen; -1 after a stored one is shown.
        self.shown = 0
        #: What the shown job is called, for the status bar.
        self.shown_name = ""
        #: The jobs of the latest request: their results are still wanted.
        self.batch: set[int] = set()
        #: The jobs of the latest request not yet finished, failed or cancelled.
        self.running: set[int] = set()
        #: Jobs whose results arrived after the user had asked for something else.
        self.dropped: list[int] = []

    def start(self, count: int, name: str) -> list[int]:
        """Ids for ``count`` new jobs, the first shown (called ``name``); earlier jobs drop."""
        jobs = list(range(self.next_job, self.next_job + count))
        self.next_job += count
        # Earlier jobs are skipped, and the one running stops at its next check.
        self._cancel_running()
        self.shown = jobs[0]
        self.shown_name = name
        self.batch = set(jobs)
        self.running = set(jobs)
        return jobs

    def drop_all(self) -> None:
        """Something else is on screen (a stored article): no job is wanted for display."""
        self._cancel_running()
        self.shown = -1

    def cancel(self) -> bool:
        """Stop every running job; True when the shown one was among them."""
        cancelled_shown = self.shown in self.running
        self._cancel_running()
        self.batch = set()  # a result finishing meanwhile is dropped, not shown
        return cancelled_shown

    def stop_all(self) -> None:
        """Quitting: no job runs any more."""
        self._cancel_running()

    def _cancel_running(self) -> None:
        for job in sorted(self.running):
            self._cancel(job)
        self.running.clear()

    def finished(self, job: int) -> bool:
        """``job`` is done; whether its result is still wanted (else it is noted as dropped)."""
        self.running.discard(job)
        if job not in self.batch:
            self.dropped.append(job)
            return False
        return True

    def wanted(self, job: int) -> bool:
        return job in self.batch

    def is_running(self, job: int) -> bool:
        return job in self.running
