"""Character spans: ``(start, end)`` offsets into an article's text, and sets of them.

One module for what every stage does with spans: merge fragments, measure and intersect
them, and find which of a sorted list of spans holds an offset.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

Span = tuple[int, int]


def merged(spans: Iterable[Span], join_touching: bool = False) -> list[Span]:
    """Sorted, non-empty spans with overlapping ones joined (and touching ones, if asked)."""
    out: list[Span] = []
    for start, end in sorted(set(spans)):
        if end <= start:
            continue
        if out and (start < out[-1][1] or (join_touching and start == out[-1][1])):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def total_length(spans: Iterable[Span]) -> int:
    """Characters covered, counting overlaps twice (merge first to count them once)."""
    return sum(end - start for start, end in spans)


def overlap(a: Iterable[Span], b: Sequence[Span]) -> int:
    """Characters two span sets share (each set merged)."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def last_starting_at_or_before(starts: Sequence[int], offset: int) -> int:
    """Index of the last of the sorted ``starts`` at or before ``offset``; -1 if none."""
    return bisect_right(starts, offset) - 1


class SortedSpans:
    """Non-overlapping spans sorted by start, asked which one holds an offset."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def index_holding(self, offset: int, inclusive_start: bool = True) -> int:
        """Index of the span with ``start <= offset < end`` (``start < offset`` when
        ``inclusive_start`` is false); -1 when no span holds it."""
        index = last_starting_at_or_before(self.starts, offset)
        if index < 0:
            return -1
        start, end = self.spans[index]
        inside = start <= offset if inclusive_start else start < offset
        return index if inside and offset < end else -1

    def __contains__(self, offset: int) -> bool:
        return self.index_holding(offset) >= 0
