"""The article text cut into stretches, each with every highlight covering it.

Entities, statement contents, speakers and cues may overlap in any way (an entity inside a
quote, a speaker that is also an entity, a quote ending inside a name). A renderer that
wraps each stretch in its own nested elements always produces well-nested markup, whatever
the overlaps, so the HTML export draws from these segments rather than from the spans; the
window's article view cuts the same segments, a slice at a time
(``ui.widgets.highlight_marks``), and formats them. Pronouns (entities labelled
``PRONOUN``) are mentions of an actor, not names: they are not marked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal, NamedTuple

from reader.model import Analysis, Entity, Quote
from reader.output.palette import OTHER

Role = Literal["entity", "quote", "speaker", "cue"]
ENTITY: Role = "entity"
QUOTE: Role = "quote"
SPEAKER: Role = "speaker"
CUE: Role = "cue"


class Mark(NamedTuple):
    """One highlight: ``item`` is into ``Analysis.entities`` (entity) or ``.quotes`` (the
    others); ``key`` is what a legend shows or hides it by: the statement's kind, or for an
    entity its label, or the key ``marks`` was given for it.

    A named tuple rather than a dataclass: a long article has hundreds of thousands, made
    while the window draws it.
    """

    start: int
    end: int
    role: Role
    item: int
    key: str


class Segment(NamedTuple):
    """``text[start:end]`` and the marks covering all of it (none: plain text)."""

    start: int
    end: int
    marks: tuple[Mark, ...]

    def mark(self, role: Role) -> Mark | None:
        """The first mark of a role covering this stretch, if any."""
        return next((m for m in self.marks if m.role == role), None)


def entity_mark(item: int, entity: Entity, keys: Mapping[str, str] | None = None) -> Mark:
    """The mark of ``analysis.entities[item]``; ``keys`` as for ``marks``."""
    key = entity.label if keys is None else keys.get(entity.label, OTHER)
    return Mark(entity.start, entity.end, ENTITY, item, key)


def quote_marks(item: int, quote: Quote) -> list[Mark]:
    """The marks of ``analysis.quotes[item]``: its content spans, speaker and cue."""
    found = [Mark(start, end, QUOTE, item, quote.kind) for start, end in quote.spans]
    if quote.speaker_start is not None and quote.speaker_end is not None:
        found.append(Mark(quote.speaker_start, quote.speaker_end, SPEAKER, item, quote.kind))
    if quote.cue_start is not None and quote.cue_end is not None:
        found.append(Mark(quote.cue_start, quote.cue_end, CUE, item, quote.kind))
    return found


def within(found: list[Mark], length: int) -> list[Mark]:
    """The marks that are not empty and lie within a text of ``length`` characters."""
    return [m for m in found if 0 <= m.start < m.end <= length]


def marks(analysis: Analysis, keys: Mapping[str, str] | None = None) -> list[Mark]:
    """Every non-empty highlight of the analysis, within the text.

    ``keys`` maps entity labels to the keys a legend has (a label it lacks is the palette's
    ``OTHER``); without it an entity's key is its label.
    """
    found = [entity_mark(i, e, keys) for i, e in enumerate(analysis.entities) if e.named]
    for i, quote in enumerate(analysis.quotes):
        found += quote_marks(i, quote)
    return within(found, len(analysis.article.text))


def events(found: list[Mark]) -> list[int]:
    """Start and end events in text order; at one place, ends before starts.

    Each event is one integer, ``(place * 2 + starting) * len(found) + mark``: integers
    sort fast and, unlike tuples, give the garbage collector nothing to walk.
    """
    n = len(found)
    cut = [(m.start * 2 + 1) * n + i for i, m in enumerate(found)]
    cut += [m.end * 2 * n + i for i, m in enumerate(found)]
    cut.sort()
    return cut


def sweep(found: list[Mark], cut: list[int], length: int | None = None) -> Iterator[Segment]:
    """The segments ``found`` cuts the text into, in order, from its ``events``.

    Only the stretches some mark covers; given the text's ``length``, every stretch, the
    plain ones too, from the start of the text to its end.
    """
    n = len(found)
    active: dict[int, Mark] = {}
    here = 0
    for event in cut:
        kind, i = divmod(event, n)
        place, starting = divmod(kind, 2)
        if place > here and (active or length is not None):
            yield Segment(here, place, tuple(active.values()))
        here = place
        if starting:
            active[i] = found[i]
        else:
            del active[i]
    if length is not None and length > here:
        yield Segment(here, length, ())


def segments(analysis: Analysis) -> list[Segment]:
    """The whole text, cut at every mark boundary, in order; plain stretches included."""
    found = marks(analysis)
    return list(sweep(found, events(found), len(analysis.article.text)))
