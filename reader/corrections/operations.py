"""The corrections a reader can make, as immutable values with a JSON form.

Every correction names what it changes by identities that survive a re-analysis: an actor
by its name and kind (``ActorRef``; it answers to any actor with the same library key, by
name or alias), a statement by its content span and text (``StatementRef``), never by row
ids or the analysis' own actor ids. ``Correction`` is one stored correction: the change,
its scope (one article, by sha256, or the whole library) and whether it was undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any, Literal, cast

from reader.model import ActorKind, Quote

ACTOR_KINDS: tuple[ActorKind, ...] = ("person", "organisation", "place", "group", "other")

Operation = Literal[
    "merge", "rename", "kind", "reassign", "dismiss", "split", "accept", "not-actor", "add"
]


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as a person names it: compared by library key, so "Putin" is "putin"."""

    name: str
    kind: ActorKind = "person"

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "kind": self.kind}

    @classmethod
    def from_json(cls, data: Any) -> ActorRef:
        return cls(str(data["name"]), actor_kind(data.get("kind", "person")))


@dataclass(frozen=True, slots=True)
class StatementRef:
    """A statement by its content span: found again after a re-analysis if it is unchanged."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, quote: Quote) -> StatementRef:
        return cls(quote.start, quote.end, quote.text)

    def matches(self, quote: Quote) -> bool:
        return (quote.start, quote.end, quote.text) == (self.start, self.end, self.text)

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: Any) -> StatementRef:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True, slots=True)
class Merge:
    """``source`` and ``target`` are one actor; the target's name stays."""

    source: ActorRef
    target: ActorRef
    operation: Operation = "merge"


@dataclass(frozen=True, slots=True)
class Rename:
    """The actor is called ``name``; the old name stays as an alias (it is written so)."""

    actor: ActorRef
    name: str
    operation: Operation = "rename"


@dataclass(frozen=True, slots=True)
class ChangeKind:
    """The actor is a person, an organisation, a place, a group or something else."""

    actor: ActorRef
    kind: ActorKind
    operation: Operation = "kind"


@dataclass(frozen=True, slots=True)
class Reassign:
    """The statement was made by ``actor`` (an actor of the article, or a new one)."""

    statement: StatementRef
    actor: ActorRef
    operation: Operation = "reassign"


@dataclass(frozen=True, slots=True)
class Dismiss:
    """The passage is not a statement at all."""

    statement: StatementRef
    operation: Operation = "dismiss"


@dataclass(frozen=True, slots=True)
class Split:
    """The mentions written ``alias`` are someone else: they become an actor of their own."""

    actor: ActorRef
    alias: str
    operation: Operation = "split"


@dataclass(frozen=True, slots=True)
class Accept:
    """A reader checked the statement and it is right as it stands: no longer marked."""

    statement: StatementRef
    operation: Operation = "accept"


@dataclass(frozen=True, slots=True)
class NotActor:
    """The name is not an actor at all (a credit, a product, a description): it leaves the
    cast, its mentions are no longer drawn, and its statements have no speaker."""

    actor: ActorRef
    operation: Operation = "not-actor"


@dataclass(frozen=True, slots=True)
class AddStatement:
    """The passage is a statement by ``actor``, which the analysis missed."""

    statement: StatementRef
    actor: ActorRef
    operation: Operation = "add"


Change = Merge | Rename | ChangeKind | Reassign | Dismiss | Split | Accept | NotActor | AddStatement


def arguments(change: Change) -> dict[str, Any]:
    """The change's fields as JSON values (what ``change_from_json`` reads back)."""
    found: dict[str, Any] = {}
    for item in fields(change):
        if item.name == "operation":
            continue
        value = getattr(change, item.name)
        found[item.name] = value.as_json() if hasattr(value, "as_json") else value
    return found


@dataclass(frozen=True, slots=True)
class Correction:
    """A stored correction: ``scope`` is an article's sha256, or None for the whole library."""

    id: int
    change: Change
    scope: str | None = None
    created: str = ""
    undone: str | None = None


def change_from_json(operation: str, arguments: str | dict[str, Any]) -> Change:
    """The change stored as ``operation`` and its JSON ``arguments``; ValueError if unknown."""
    data = json.loads(arguments) if isinstance(arguments, str) else arguments
    try:
        if operation == "merge":
            return Merge(ActorRef.from_json(data["source"]), ActorRef.from_json(data["target"]))
        if operation == "rename":
            return Rename(ActorRef.from_json(data["actor"]), str(data["name"]))
        if operation == "kind":
            return ChangeKind(ActorRef.from_json(data["actor"]), actor_kind(data["kind"]))
        if operation == "reassign":
            statement = StatementRef.from_json(data["statement"])
            return Reassign(statement, ActorRef.from_json(data["actor"]))
        if operation == "dismiss":
            return Dismiss(StatementRef.from_json(data["statement"]))
        if operation == "split":
            return Split(ActorRef.from_json(data["actor"]), str(data["alias"]))
        if operation == "accept":
            return Accept(StatementRef.from_json(data["statement"]))
        if operation == "not-actor":
            return NotActor(ActorRef.from_json(data["actor"]))
        if operation == "add":
            statement = StatementRef.from_json(data["statement"])
            return AddStatement(statement, ActorRef.from_json(data["actor"]))
    except (KeyError, TypeError) as error:
        raise ValueError(f"{operation}: {error}") from error
    raise ValueError(f"unknown correction {operation!r}")


def actor_kind(value: object) -> ActorKind:
    """``value`` as an actor kind; ValueError if it is none."""
    if value not in ACTOR_KINDS:
        raise ValueError(f"unknown actor kind {value!r}")
    return cast(ActorKind, value)
