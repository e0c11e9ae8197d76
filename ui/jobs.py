"""The analysis jobs the window has asked for, and the one place that moves the worker's floor.

Every file opened is a job with an id, counted up from 1. The window asks for a batch at a
time (the first job is shown, the others only added to the library); asking for anything
else drops every job before it, by raising the worker's ``floor`` (``ui/worker.py``): a job
below the floor is skipped, and the one running stops at its next check. A result that
arrives for a job no longer wanted is dropped and noted in ``dropped``.
"""

from __future__ import annotations

from typing import Protocol

#: A floor above every job there will ever be: nothing runs any more (quitting).
STOP_ALL = 1 << 62


class _Worker(Protocol):
    floor: int

    def cancel(self, job: int) -> None: ...


class JobTracker:
    """Which jobs were asked for, which one is shown, which are still running."""

    def __init__(self, worker: _Worker) -> None:
        self.worker = worker
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
        self.worker.floor = jobs[0]
        self.shown = jobs[0]
        self.shown_name = name
        self.batch = set(jobs)
        self.running = set(jobs)
        return jobs

    def drop_all(self) -> None:
        """Something else is on screen (a stored article): no job is wanted for display."""
        self.worker.floor = self.next_job
        self.shown = -1
        self.running.clear()

    def cancel(self) -> bool:
        """Stop every running job; True when the shown one was among them."""
        self.worker.floor = self.next_job  # every job asked for so far
        for job in self.running:
            self.worker.cancel(job)
        cancelled_shown = self.shown in self.running
        self.running.clear()
        self.batch = set()  # a result finishing meanwhile is dropped, not shown
        return cancelled_shown

    def stop_all(self) -> None:
        """Quitting: no job runs any more."""
        self.worker.floor = STOP_ALL

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
