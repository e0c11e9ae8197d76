"""Lay corrections over an Analysis: a pure function from values to a new value.

``apply_all`` applies corrections in order and reports which of them took effect, which
could not (the statement or actor they name is not in this analysis), and which statements
a correction changed. An actor reference answers to the article's actor with the same
library key (``reader.actors.names.identity_key``) by name first, then by alias; a statement
reference to the statement with the same content span and text. Dismissed statements leave
``Analysis.quotes`` and the actors' quote indices are renumbered. An actor whose kind a
correction sets (or that another is merged into) has its mentions relabelled to match, so
they are drawn and counted as that kind; a reassigned statement loses its speaker span.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reader.actors.building import UNRESOLVED_CONFIDENCE
from reader.actors.doubts import stamp_doubts
from reader.actors.names import identity_key, slugify
from reader.corrections.operations import (
    Accept,
    ActorRef,
    AddStatement,
    Change,
    ChangeKind,
    Correction,
    Dismiss,
    Merge,
    NotActor,
    Reassign,
    Rename,
    Split,
)
from reader.model import READER_RULE, Actor, ActorKind, Analysis, Entity, Quote, QuoteKind
from reader.nlp.labels import KIND_LABELS


@dataclass(frozen=True, slots=True)
class Applied:
    """The corrected analysis and what the corrections did to it."""

    analysis: Analysis
    #: Ids of corrections that took effect, and of those that could not be applied.
    applied: tuple[int, ...] = ()
    missed: tuple[int, ...] = ()
    #: Indices into ``analysis.quotes`` of statements a correction changed.
    changed: frozenset[int] = frozenset()
    #: Ids of actors whose name a correction gave (renamed, or new): the library files them
    #: under that name, not under the names they were found by.
    named: frozenset[str] = frozenset()


def apply_corrections(analysis: Analysis, corrections: Iterable[Correction]) -> Analysis:
    """``analysis`` with every correction applied in order."""
    return apply_all(analysis, corrections).analysis


def apply_all(analysis: Analysis, corrections: Iterable[Correction]) -> Applied:
    """Apply corrections in order; undone ones are skipped."""
    draft = _Draft.of(analysis)
    applied: list[int] = []
    missed: list[int] = []
    for correction in corrections:
        if correction.undone is not None:
            continue
        took = draft.apply(correction.change)
        (applied if took else missed).append(correction.id)
    if not applied:
        return Applied(analysis, (), tuple(missed))
    corrected, changed = draft.build()
    named = frozenset(c.id for c in draft.cast if c.id in draft.named)
    return Applied(corrected, tuple(applied), tuple(missed), changed, named)


@dataclass(slots=True)
class _Cast:
    """A mutable actor while corrections are applied; ``quotes`` are original indices."""

    id: str
    name: str
    kind: ActorKind
    aliases: list[str]
    mentions: int
    quotes: list[int]
    country: str | None = None

    def actor(self, renumber: dict[int, int]) -> Actor:
        quotes = tuple(sorted(renumber[i] for i in self.quotes if i in renumber))
        aliases = tuple(a for a in dict.fromkeys(self.aliases) if a != self.name)
        country = self.country if self.kind == "group" else None
        return Actor(self.id, self.name, self.kind, aliases, self.mentions, quotes, country)

    def add_alias(self, alias: str) -> None:
        if alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


@dataclass(slots=True)
class _Draft:
    analysis: Analysis
    cast: list[_Cast]
    quotes: list[Quote]
    entities: list[Entity]
    dismissed: set[int] = field(default_factory=set)
    changed: set[int] = field(default_factory=set)
    named: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, analysis: Analysis) -> _Draft:
        cast = [
            _Cast(a.id, a.name, a.kind, list(a.aliases), a.mentions, list(a.quotes), a.country)
            for a in analysis.actors
        ]
        return cls(analysis, cast, list(analysis.quotes), list(analysis.entities))

    # -- finding ---------------------------------------------------------------------

    def find(self, ref: ActorRef) -> _Cast | None:
        """The actor answering to ``ref``: same key by name (same kind first), then alias."""
        by_name = [
            c for c in self.cast if identity_key(ref.name, c.kind) == identity_key(c.name, c.kind)
        ]
        by_name = [c for c in by_name if identity_key(c.name, c.kind)]
        if by_name:
            return next((c for c in by_name if c.kind == ref.kind), by_name[0])
        for c in self.cast:
            key = identity_key(ref.name, c.kind)
            if key and any(identity_key(alias, c.kind) == key for alias in c.aliases):
                return c
        return None

    def statement(self, change: Reassign | Dismiss | Accept | AddStatement) -> int | None:
        return next(
            (
                i
                for i, q in enumerate(self.quotes)
                if i not in self.dismissed and change.statement.matches(q)
            ),
            None,
        )

    def owner(self, index: int) -> _Cast | None:
        return next((c for c in self.cast if index in c.quotes), None)

    def new_id(self, name: str) -> str:
        taken = {c.id for c in self.cast}
        slug = slugify(name)
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug}-{n}", n + 1
        return candidate

    # -- changing --------------------------------------------------------------------

    def apply(self, change: Change) -> bool:
        """Apply one change; False when what it names is not in this analysis."""
        if isinstance(change, Merge):
            return self.merge(change)
        if isinstance(change, Rename | ChangeKind):
            actor = self.find(change.actor)
            if actor is None:
                return False
            if isinstance(change, Rename):
                actor.add_alias(actor.name)
                actor.name = change.name
                self.named.add(actor.id)
            else:
                actor.kind = change.kind
                self._relabel(actor)
            self.changed.update(actor.quotes)
            return True
        if isinstance(change, Reassign):
            return self.reassign(change)
        if isinstance(change, Dismiss):
            index = self.statement(change)
            if index is None:
                return False
            self.dismissed.add(index)
            return True
        if isinstance(change, Accept):
            return self.accept(change)
        if isinstance(change, NotActor):
            return self.not_actor(change)
        if isinstance(change, AddStatement):
            return self.add_statement(change)
        return self.split(change)

    def accept(self, change: Accept) -> bool:
        index = self.statement(change)
        if index is None or self.quotes[index].reviewed:
            return False
        self.quotes[index] = dataclasses.replace(self.quotes[index], reviewed=True)
        self.changed.add(index)
        return True

    def not_actor(self, change: NotActor) -> bool:
        actor = self.find(change.actor)
        if actor is None:
            return False
        self.cast.remove(actor)
        # Its names are no longer drawn; pronouns that pointed at it point at no one.
        self.entities = [
            dataclasses.replace(e, actor=None) if e.actor == actor.id else e
            for e in self.entities
            if not (e.actor == actor.id and e.named)
        ]
        for index in actor.quotes:
            quote = self.quotes[index]
            confidence = quote.confidence if quote.confidence is not None else 1.0
            self.quotes[index] = dataclasses.replace(
                quote, actor=None, confidence=round(confidence * UNRESOLVED_CONFIDENCE, 3)
            )
        self.changed.update(actor.quotes)
        return True

    def add_statement(self, change: AddStatement) -> bool:
        ref = change.statement
        text = self.analysis.article.text
        if not (0 <= ref.start < ref.end <= len(text)) or text[ref.start : ref.end] != ref.text:
            return False
        existing = self.statement(change)
        if existing is not None:
            return self.reassign(Reassign(ref, change.actor))
        target = self._actor_for(change.actor)
        index = len(self.quotes)
        self.quotes.append(
            Quote(
                start=ref.start,
                end=ref.end,
                text=ref.text,
                spans=((ref.start, ref.end),),
                kind=_kind_of(ref.text),
                speaker=target.name,
                actor=target.id,
                confidence=1.0,
                rule=READER_RULE,
                reviewed=True,
            )
        )
        target.quotes = sorted({*target.quotes, index})
        self.changed.add(index)
        return True

    def _actor_for(self, ref: ActorRef) -> _Cast:
        """The article's actor answering to ``ref``, or a new one of that name."""
        target = self.find(ref)
        if target is None:
            target = _Cast(self.new_id(ref.name), ref.name, ref.kind, [], 0, [])
            self.cast.append(target)
            self.named.add(target.id)
        return target

    def merge(self, change: Merge) -> bool:
        source = self.find(change.source)
        if source is None:
            return False
        target = self.find(change.target)
        if target is source:
            return False
        self.changed.update(source.quotes)
        if target is None:
            # A library-wide merge in an article without the target: the source is the target.
            source.add_alias(source.name)
            source.name, source.kind = change.target.name, change.target.kind
            self.named.add(source.id)
            self._relabel(source)
            return True
        for alias in (source.name, *source.aliases):
            target.add_alias(alias)
        target.mentions += source.mentions
        target.quotes = sorted({*target.quotes, *source.quotes})
        self._repoint(source.id, target.id, lambda _entity: True)
        self._relabel(target)
        self.cast.remove(source)
        return True

    def reassign(self, change: Reassign) -> bool:
        index = self.statement(change)
        if index is None:
            return False
        target = self._actor_for(change.actor)
        previous = self.owner(index)
        if previous is not None:
            previous.quotes.remove(index)
        target.quotes = sorted({*target.quotes, index})
        # The mention that was read as the speaker is someone else's: no speaker span.
        self.quotes[index] = dataclasses.replace(
            self.quotes[index],
            actor=target.id,
            speaker=target.name,
            speaker_start=None,
            speaker_end=None,
            reviewed=True,  # a reader chose its speaker: nothing left to check
        )
        self.changed.add(index)
        return True

    def split(self, change: Split) -> bool:
        actor = self.find(change.actor)
        if actor is None or change.alias == actor.name:
            return False
        mentions = [
            e for e in self.entities if e.actor == actor.id and e.named and e.text == change.alias
        ]
        spoken = [i for i in actor.quotes if self.quotes[i].speaker == change.alias]
        if not mentions and not spoken and change.alias not in actor.aliases:
            return False
        new = _Cast(self.new_id(change.alias), change.alias, actor.kind, [], len(mentions), [])
        self.cast.append(new)
        self.named.add(new.id)
        actor.aliases = [a for a in actor.aliases if a != change.alias]
        actor.mentions = max(0, actor.mentions - len(mentions))
        written = change.alias
        self._repoint(actor.id, new.id, lambda e: e.named and e.text == written, spoken)
        actor.quotes = [i for i in actor.quotes if i not in spoken]
        new.quotes = spoken
        self.changed.update(spoken)
        return True

    def _relabel(self, actor: _Cast) -> None:
        """The actor's named mentions take the label of its kind, so they are drawn as that
        kind; its pronouns stay pronouns."""
        label = KIND_LABELS.get(actor.kind)
        if label is None:
            return
        self.entities = [
            dataclasses.replace(e, label=label) if e.actor == actor.id and e.named else e
            for e in self.entities
        ]

    def _repoint(
        self,
        old: str,
        new: str,
        entity_moves: Callable[[Entity], bool],
        quotes: list[int] | None = None,
    ) -> None:
        """Entities of ``old`` that move, and its statements (all, or ``quotes``), to ``new``."""
        self.entities = [
            dataclasses.replace(e, actor=new) if e.actor == old and entity_moves(e) else e
            for e in self.entities
        ]
        for i, quote in enumerate(self.quotes):
            if quote.actor == old and (quotes is None or i in quotes):
                self.quotes[i] = dataclasses.replace(quote, actor=new)

    # -- the result ------------------------------------------------------------------

    def build(self) -> tuple[Analysis, frozenset[int]]:
        kept = [i for i in range(len(self.quotes)) if i not in self.dismissed]
        # A statement a reader added takes its place in text order.
        kept.sort(key=lambda i: (self.quotes[i].start, self.quotes[i].end))
        renumber = {old: new for new, old in enumerate(kept)}
        quotes, actors = stamp_doubts(
            self.analysis.article.text,
            self.entities,
            [self.quotes[i] for i in kept],
            [c.actor(renumber) for c in self.cast],
        )
        analysis = dataclasses.replace(
            self.analysis,
            entities=tuple(self.entities),
            quotes=tuple(quotes),
            actors=tuple(actors),
        )
        changed = frozenset(renumber[i] for i in self.changed if i in renumber)
        return analysis, changed


def _kind_of(text: str) -> QuoteKind:
    """A passage a reader marked: direct when it is all in quotation marks."""
    stripped = text.strip()
    if len(stripped) > 1 and stripped[0] in _OPENING_MARKS and stripped[-1] in _CLOSING_MARKS:
        return "direct"
    return "mixed" if any(mark in stripped for mark in _OPENING_MARKS) else "indirect"


_OPENING_MARKS = '"“‘«'
_CLOSING_MARKS = '"”’»'
