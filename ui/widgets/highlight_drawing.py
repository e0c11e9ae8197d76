"""Drawing highlights onto a document in slices, so a long article never freezes the window.

A drawing is a job: a generator that does a little work (formats one batch of stretches,
or cuts a few hundred segments) between ``yield``s. ``Slices`` runs it from a zero timer,
a few milliseconds per event-loop turn, so the window stays responsive however long the
article (a 60k-word article used to block the event loop for 350 ms). Starting a
new job, or cancelling, drops what is left of the old one, so an article arriving
mid-drawing never gets the previous one's formats.

Each batch is one edit block over a short, contiguous stretch of text: Qt lays out again
everything between the first and the last position an edit block touched, so a batch that
jumped from the end of the text back to its start would lay out the whole article at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument

#: (document start, document end, format): one stretch to format.
Run = tuple[int, int, QTextCharFormat]

#: Each turn of the event loop gives a job this long (seconds), checked at every ``yield``.
SLICE_BUDGET_S = 0.01
#: A batch formats at most this many stretches, within this many characters of text.
BATCH_RUNS = 200
BATCH_SPAN = 8_000


class Slices(QObject):
    """Runs one job at a time, a slice per event-loop turn."""

    #: The current job has run to its end.
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: Iterator[None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)

    def start(self, job: Iterator[None], at_once: bool = False) -> None:
        """Drop any job in progress and run ``job``: all now if ``at_once``, else in slices."""
        self.cancel()
        self._job = job
        if at_once:
            self.finish()
        else:
            self._timer.start()

    def running(self) -> bool:
        return self._job is not None

    def cancel(self) -> None:
        """Stop, leaving undone whatever is left."""
        self._timer.stop()
        self._job = None

    def finish(self) -> None:
        """Run everything that is left now."""
        self._run(budget=None)

    def _slice(self) -> None:
        self._run(budget=SLICE_BUDGET_S)

    def _run(self, budget: float | None) -> None:
        job = self._job
        if job is None:
            return
        began = time.perf_counter()
        for _ in job:
            if budget is not None and time.perf_counter() - began > budget:
                return
        if self._job is job:
            self.cancel()
            self.finished.emit()


def batches(runs: Iterable[Run]) -> Iterator[list[Run]]:
    """Cut runs (in drawing order) into short batches, each over a contiguous stretch."""
    batch: list[Run] = []
    first = 0
    for run in runs:
        if batch and (
            len(batch) >= BATCH_RUNS or run[0] < batch[-1][0] or run[1] - first > BATCH_SPAN
        ):
            yield batch
            batch = []
        if not batch:
            first = run[0]
        batch.append(run)
    if batch:
        yield batch


def apply(document: QTextDocument, batch: list[Run]) -> None:
    """Format one batch of stretches in one edit block (one layout pass)."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for start, end, fmt in batch:
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)
    cursor.endEditBlock()
