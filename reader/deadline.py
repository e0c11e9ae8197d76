"""The time one article's analysis may take, and the check that stops it past that time.

The limits of ``reader.opening.limits`` keep every accepted text within about 45 s of
parsing here (``bench/hostile_inputs.py``); the deadline is the net under them for a text
that is slow in a way no limit foresaw, so that one such file never stalls the window, a
``batch`` or a ``library add`` of thousands. It is asked between parse batches
and between the stages after the parse; past it the analysis stops, nothing of it is
kept, and the caller reports the file like any other that cannot be read. Inside the
stages, ``checkpoint()`` asks the deadline of the analysis under way (``in_force``) once a
paragraph, a quote or a step, so that a stage slow in a way nobody foresaw still stops
about on time; the file readers ask it too, once a page, paragraph or line, which is how
the window's cancel (``stop_when``) stops a file being read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from pathlib import Path

from reader import errors
from reader.errors import ArticleError

#: An article's analysis stops after this many seconds: about three times what the longest
#: text the limits accept takes on a two-core machine, so that a slower computer still
#: reads every accepted article.
ANALYSIS_SECONDS = 120.0
#: What the subject of the message is when the article came from no file.
UNNAMED_SUBJECT = "<stdin>"


class WorkStopped(Exception):
    """Raised by a check in force to stop the work under way (a cancel); the readers let it
    through, never calling the file damaged for it."""


class AnalysisTooSlow(ArticleError):
    """The analysis of one article passed its deadline and was stopped."""


class Deadline:
    """A point in time for one article; ``check()`` raises ``AnalysisTooSlow`` past it."""

    def __init__(
        self,
        subject: str | Path | None,
        seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.subject = subject if subject is not None else UNNAMED_SUBJECT
        self.seconds = ANALYSIS_SECONDS if seconds is None else seconds
        self._clock = clock
        self._end = clock() + self.seconds

    def passed(self) -> bool:
        return self._clock() > self._end

    def check(self) -> None:
        """Raise ``AnalysisTooSlow`` naming the article when its time is up."""
        if self.passed():
            problem = errors.ANALYSIS_TOO_SLOW.format(seconds=self.seconds)
            raise AnalysisTooSlow(self.subject, problem)


#: What ``checkpoint()`` asks, innermost last: each raises to stop the work under way.
_checks: ContextVar[tuple[Callable[[], None], ...]] = ContextVar("stop_checks", default=())


@contextmanager
def stop_when(check: Callable[[], None]) -> Iterator[None]:
    """Have ``checkpoint()`` call ``check`` in this block; ``check`` raises a
    ``WorkStopped`` (or an ``ArticleError``) to stop the work (the window's cancel while a
    file is read or analysed)."""
    token = _checks.set((*_checks.get(), check))
    try:
        yield
    finally:
        _checks.reset(token)


def in_force(deadline: Deadline) -> AbstractContextManager[None]:
    """Make ``deadline`` one that ``checkpoint()`` asks, for the analysis in this block."""
    return stop_when(deadline.check)


def checkpoint() -> None:
    """Stop the work under way if it is past its deadline or was cancelled (each check in
    force raises); a clock read, cheap enough for every paragraph, page or line of a file.
    With nothing in force it does nothing."""
    for check in _checks.get():
        check()
