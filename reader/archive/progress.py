"""The progress line of a bulk run: a bar, articles per second and the time left.

On a terminal the line is redrawn in place; elsewhere (a log, a pipe) a plain line is
written at each tenth of the run. The rate is measured from the first file done, over the
last ``WINDOW`` files, so that it follows the steady pace of the workers rather than the
start-up (model load, cluster start).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import TextIO

#: Files over which the rate is measured.
WINDOW = 50
BAR_WIDTH = 30


def format_duration(seconds: float) -> str:
    """``0:07``, ``12:30``, ``4:02:10``."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RateProgress:
    """``progress(done, total, path)`` after each file, as the reading step (``reader.reading``)
    calls it."""

    def __init__(
        self,
        stream: TextIO,
        verb: str = "added",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.verb = verb
        self.clock = clock
        self.tty = stream.isatty()
        self._marks: deque[tuple[float, int]] = deque(maxlen=WINDOW + 1)
        self._last_tenth = -1

    def __call__(self, done: int, total: int, path: str) -> None:
        self._marks.append((self.clock(), done))
        if not (self.tty or total > 1):
            return
        if self.tty:
            # Clear to the end of the line: the ETA drops off at the end.
            self.stream.write(f"\r{self.line(done, total)}\033[K")
            if done == total:
                self.stream.write("\n")
        else:
            tenth = 10 * done // max(total, 1)
            if tenth == self._last_tenth and done != total:
                return
            self._last_tenth = tenth
            self.stream.write(f"{self.verb} {done}/{total}{self.pace(done, total)}\n")
        self.stream.flush()

    def rate(self) -> float | None:
        """Files per second over the window, None until there is anything to measure."""
        if len(self._marks) < 2:
            return None
        (start, first), (end, last) = self._marks[0], self._marks[-1]
        if last <= first or end <= start:
            return None
        return (last - first) / (end - start)

    def line(self, done: int, total: int) -> str:
        """The terminal line: ``[####------] 12/80  6.8 articles/s  ETA 0:10``."""
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"[{bar}] {done}/{total}{self.pace(done, total)}"

    def pace(self, done: int, total: int) -> str:
        """``  6.8 articles/s  ETA 0:10`` (no ETA at the end; nothing before a rate)."""
        rate = self.rate()
        if rate is None:
            return ""
        text = f"  {rate:.1f} articles/s"
        if done < total:
            text += f"  ETA {format_duration((total - done) / rate)}"
        return text
