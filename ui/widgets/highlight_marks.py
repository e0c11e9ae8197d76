"""What the article view highlights, where: marks, the segments they cut the text into, keys.

Pure Python over an ``Analysis``, computed once per article: the view draws segments, the
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
from typing import NamedTuple

from reader.model import Analysis, Quote

ENTITY = "entity"
QUOTE = "quote"
SPEAKER = "speaker"
CUE = "cue"


class Mark(NamedTuple):
    """One highlighted stretch: ``role`` is entity, quote, speaker or cue."""

    start: int
    end: int
    role: str
    item: int  # index into Analysis.entities (entity) or Analysis.quotes (the others)
    key: str  # the legend key that hides it


class Segment(NamedTuple):
    """A stretch of text covered by the same marks."""

    start: int
    end: int
    marks: tuple[Mark, ...]


def marks(analysis: Analysis, entity_key: dict[str, str]) -> list[Mark]:
    """Every entity and statement part of ``analysis``; ``entity_key`` maps labels to keys."""
    found = [
        _entity_mark(i, e.start, e.end, e.label, entity_key)
        for i, e in enumerate(analysis.entities)
        if e.named
    ]
    for i, quote in enumerate(analysis.quotes):
        found += _quote_marks(i, quote)
    return [m for m in found if m.end > m.start]


def segments(found: list[Mark]) -> list[Segment]:
    """Cut the text at every mark boundary; only stretches covered by a mark are kept."""
    return list(_sweep(found, _events(found)))


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
            found.append(_entity_mark(n - 1, e.start, e.end, e.label, entity_key))
        if n % step == 0:
            yield
    for n, quote in enumerate(analysis.quotes, 1):
        found += _quote_marks(n - 1, quote)
        if n % (step // 4) == 0:
            yield
    found = [m for m in found if m.end > m.start]
    yield
    events = _events(found)
    yield
    for n, segment in enumerate(_sweep(found, events), 1):
        into.add(segment)
        if n % (step // 4) == 0:
            yield


def _entity_mark(i: int, start: int, end: int, label: str, entity_key: dict[str, str]) -> Mark:
    return Mark(start, end, ENTITY, i, entity_key.get(label, "OTHER"))


def _quote_marks(i: int, quote: Quote) -> list[Mark]:
    found = [Mark(start, end, QUOTE, i, quote.kind) for start, end in quote.spans]
    if quote.speaker_start is not None and quote.speaker_end is not None:
        found.append(Mark(quote.speaker_start, quote.speaker_end, SPEAKER, i, quote.kind))
    if quote.cue_start is not None and quote.cue_end is not None:
        found.append(Mark(quote.cue_start, quote.cue_end, CUE, i, quote.kind))
    return found


def _events(found: list[Mark]) -> list[int]:
    """Start and end events in text order; at one place, ends before starts.

    Each event is one integer, ``(place * 2 + starting) * len(found) + mark``: integers
    sort fast and, unlike tuples, give the garbage collector nothing to walk.
    """
    n = len(found)
    events = [(m.start * 2 + 1) * n + i for i, m in enumerate(found)]
    events += [m.end * 2 * n + i for i, m in enumerate(found)]
    events.sort()
    return events


def _sweep(found: list[Mark], events: list[int]) -> Iterator[Segment]:
    n = len(found)
    active: dict[int, Mark] = {}
    here = 0
    for event in events:
        kind, i = divmod(event, n)
        place, starting = divmod(kind, 2)
        if place > here and active:
            yield Segment(here, place, tuple(active.values()))
        here = place
        if starting:
            active[i] = found[i]
        else:
            del active[i]


def counts(analysis: Analysis, entity_key: dict[str, str]) -> dict[str, int]:
    """How many entities of each key and statements of each kind the article has."""
    found: Counter[str] = Counter(entity_key.get(e.label, "OTHER") for e in analysis.names)
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
