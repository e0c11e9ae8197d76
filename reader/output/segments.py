"""The article text cut into stretches, each with every highlight covering it.

Entities, statement contents, speakers and cues may overlap in any way (an entity inside a
quote, a speaker that is also an entity, a quote ending inside a name). A renderer that
wraps each stretch in its own nested elements always produces well-nested markup, whatever
the overlaps, so the HTML export draws from these segments rather than from the spans.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from reader.model import Analysis

Role = Literal["entity", "quote", "speaker", "cue"]


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlight: ``index`` is into ``Analysis.entities`` (entity) or ``.quotes``."""

    start: int
    end: int
    role: Role
    index: int


@dataclass(frozen=True, slots=True)
class Segment:
    """``text[start:end]`` and the marks covering all of it (none: plain text)."""

    start: int
    end: int
    marks: tuple[Mark, ...]

    def mark(self, role: Role) -> Mark | None:
        """The first mark of a role covering this stretch, if any."""
        return next((m for m in self.marks if m.role == role), None)


def marks(analysis: Analysis) -> list[Mark]:
    """Every non-empty highlight of the analysis, within the text."""
    found = [Mark(e.start, e.end, "entity", i) for i, e in enumerate(analysis.entities) if e.named]
    for i, quote in enumerate(analysis.quotes):
        found.extend(Mark(start, end, "quote", i) for start, end in quote.spans)
        if quote.speaker_start is not None and quote.speaker_end is not None:
            found.append(Mark(quote.speaker_start, quote.speaker_end, "speaker", i))
        if quote.cue_start is not None and quote.cue_end is not None:
            found.append(Mark(quote.cue_start, quote.cue_end, "cue", i))
    length = len(analysis.article.text)
    return [m for m in found if 0 <= m.start < m.end <= length]


def segments(analysis: Analysis) -> list[Segment]:
    """The whole text, cut at every mark boundary, in order; plain stretches included."""
    length = len(analysis.article.text)
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks(analysis):
        starts[mark.start].append(mark)
        ends[mark.end].append(mark)
    points = sorted(starts.keys() | ends.keys() | {0, length})
    active: dict[int, Mark] = {}
    cut: list[Segment] = []
    for here, after in itertools.pairwise(points):
        for mark in ends.get(here, ()):
            active.pop(id(mark), None)
        for mark in starts.get(here, ()):
            active[id(mark)] = mark
        cut.append(Segment(here, after, tuple(active.values())))
    return cut
