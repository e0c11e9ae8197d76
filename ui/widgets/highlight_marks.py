"""What the article view highlights, where: marks, the segments they cut the text into, keys.

The marks and the sweep that cuts segments are the core's (``reader.output.segments``, which
the HTML export draws from too); here they are cut a slice at a time and indexed. Pure
Python over an ``Analysis``, computed once per article: the view draws segments, the
legend counts keys, and clicks and tooltips look a position up here rather than in the
document's formats, so they work while a large article is still being drawn.

A highlight *key* is what the legend toggles: the colour registry's entity label (labels
without their own colour, such as CARDINAL, share ``OTHER``) or a statement kind. A
statement's speaker and speech verb go with its kind. Pronouns (entities labelled
``PRONOUN``) are mentions of an actor, not names: they are not highlighted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from reader.model import PRONOUN, Analysis
from reader.output.segments import (
    CUE,
    ENTITY,
    OTHER,
    QUOTE,
    SPEAKER,
    Mark,
    Segment,
    entity_mark,
    events,
    marks,
    quote_marks,
    sweep,
    within,
)

#: What the article view takes from here (the marks and segments are the core's).
__all__ = [
    "CUE",
    "ENTITY",
    "QUOTE",
    "SPEAKER",
    "Mark",
    "Segment",
    "SegmentIndex",
    "counts",
    "cutting",
    "marks",
    "segments",
]


def segments(found: list[Mark]) -> list[Segment]:
    """Cut the text at every mark boundary; only stretches covered by a mark are kept."""
    return list(sweep(found, events(found)))


def cutting(
    analysis: Analysis, entity_key: dict[str, str], into: SegmentIndex, step: int = 2000
) -> Iterator[None]:
    """``segments(marks(...))`` added to ``into`` in text order, pausing after each step.

    A drawing job runs it a slice at a time: the work before the first pause is a few
    milliseconds however long the article.
    """
    found: list[Mark] = []
    for n, e in enumerate(analysis.entities, 1):
        if e.named:
            found.append(entity_mark(n - 1, e, entity_key))
        if n % step == 0:
            yield
    for n, quote in enumerate(analysis.quotes, 1):
        found += quote_marks(n - 1, quote)
        if n % (step // 4) == 0:
            yield
    found = within(found, len(analysis.article.text))
    yield
    cut = events(found)
    yield
    for n, segment in enumerate(sweep(found, cut), 1):
        into.add(segment)
        if n % (step // 4) == 0:
            yield


def counts(analysis: Analysis, entity_key: dict[str, str]) -> dict[str, int]:
    """How many entities of each key and statements of each kind the article has."""
    found: Counter[str] = Counter()
    for label, count in analysis.label_counts().items():
        if label != PRONOUN:
            found[entity_key.get(label, OTHER)] += count
    found.update(q.kind for q in analysis.quotes)
    return dict(found)


class SegmentIndex:
    """Finds the segment under a string offset."""

    def __init__(self, cut: list[Segment]) -> None:
        self.segments = list(cut)
        self._starts = [s.start for s in cut]

    def add(self, segment: Segment) -> None:
        """Append a segment starting after every segment held."""
        self.segments.append(segment)
        self._starts.append(segment.start)

    def at(self, offset: int) -> Segment | None:
        n = bisect_right(self._starts, offset) - 1
        if n >= 0 and self.segments[n].end > offset:
            return self.segments[n]
        return None

    def from_offset(self, offset: int) -> int:
        """Index of the first segment ending after ``offset`` (where drawing there starts)."""
        n = bisect_right(self._starts, offset) - 1
        if n >= 0 and self.segments[n].end > offset:
            return n
        return n + 1
