"""An actor's positions: its statements gathered by what they are about.

A position is one subject and the statements that share it, where the words say so:

* noun phrases with the same head lemma are one position ("additional military sites",
  "these sites" → *military site*; "Ankara's illegal occupation", "Ankara's occupation" →
  *illegal occupation*), named by the phrase its statements use most (the fuller one on a
  tie), with the name that owns or qualifies it when every statement agrees on one
  ("occupation — Ankara");
* a named actor is a position of its own (every statement naming Turkey).

No similarity beyond the words: "military sites" and "military facilities" stay two
positions, as the statements word them. Positions come most-stated first; each lists its
statements once, in the order given (the library gives them by date).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from reader.model import Subject

#: A statement, whatever holds it (an index into an analysis, a stored statement).
Item = TypeVar("Item")

NAMED = "named"


@dataclass(frozen=True, slots=True)
class Position(Generic[Item]):
    """One subject an actor spoke about, and the statements that share it."""

    #: What groups it: "phrase:<head lemma>" or "named:<actor key>".
    key: str
    #: How a reader is shown it: "military site", "illegal occupation", "Turkey".
    label: str
    #: For a phrase, the name every statement has own or qualify it ("Ankara"), or None.
    owner: str | None
    statements: tuple[Item, ...]


def position_key(subject: Subject) -> str:
    """What groups a subject: its head lemma, or the actor it names."""
    if subject.rule == NAMED:
        return f"named:{subject.key}"
    return f"phrase:{subject.key.split()[-1]}"


def positions(
    statements: Iterable[tuple[Item, Sequence[Subject]]],
    name_of: Callable[[str], str | None] = lambda _key: None,
    least: int = 1,
) -> list[Position[Item]]:
    """The positions of these statements, most-stated first (at least ``least`` each).

    ``name_of`` names an actor key ("turkey" → "Turkey"); a key it cannot name is shown
    as the name written in the text.
    """
    members: dict[str, list[Item]] = defaultdict(list)
    phrases: dict[str, Counter[str]] = defaultdict(Counter)
    written: dict[str, Counter[str]] = defaultdict(Counter)
    owners: dict[str, list[str | None]] = defaultdict(list)
    for item, subjects in statements:
        seen: set[str] = set()
        for subject in subjects:
            key = position_key(subject)
            if subject.rule == NAMED:
                written[key][subject.text] += 1
            else:
                phrases[key][subject.key] += 1
            if key in seen:
                continue
            seen.add(key)
            members[key].append(item)
            if subject.rule != NAMED:
                owners[key].append(subject.actor)
    found = []
    for key, items in members.items():
        if len(items) < least:
            continue
        if key in phrases:
            label = most_used(phrases[key])
            owned = set(owners[key])
            owner_key = owned.pop() if len(owned) == 1 else None
            owner = (name_of(owner_key) or owner_key) if owner_key else None
        else:
            actor_key = key.split(":", 1)[1]
            label = name_of(actor_key) or most_used(written[key])
            owner = None
        found.append(Position(key, label, owner, tuple(items)))
    found.sort(key=lambda p: (-len(p.statements), p.key.startswith(NAMED), p.label.lower()))
    return found


def most_used(counts: Counter[str]) -> str:
    """The form used most; on a tie the fuller one ("military site" over "site")."""
    return max(counts.items(), key=lambda kv: (kv[1], len(kv[0].split()), kv[0]))[0]
