"""The names a reader gives in a correction: never blank, never longer than a name can be.

A correction's names are kept and compared with every actor each time an article is written
(one library-wide correction with a 100,000-character name made every later
correction take a minute or more). Names are refused, not cut: a name the reader typed is
theirs to shorten, and a cut one would name someone else. The limit is the one actor names
have when an analysis builds them (``reader.opening.limits.MAX_NAME_CHARS``), so every name
the program itself offers fits.
"""

from __future__ import annotations

from reader import errors
from reader.corrections.operations import (
    ActorRef,
    AddStatement,
    Change,
    ChangeKind,
    Merge,
    NotActor,
    Reassign,
    Rename,
    Split,
)
from reader.opening.limits import MAX_NAME_CHARS


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be used in a correction, or None when it can."""
    if not name.strip():
        return errors.CORRECTION_NAME_BLANK
    if len(name) > MAX_NAME_CHARS:
        return errors.CORRECTION_NAME_TOO_LONG.format(chars=len(name), limit=MAX_NAME_CHARS)
    if any("\ud800" <= ch <= "\udfff" for ch in name):
        return errors.CORRECTION_NAME_NOT_TEXT
    return None


def names_in(change: Change) -> list[str]:
    """Every name ``change`` holds, in the order a person wrote them."""
    refs: list[ActorRef | str] = []
    if isinstance(change, Merge):
        refs = [change.source, change.target]
    elif isinstance(change, Rename):
        refs = [change.actor, change.name]
    elif isinstance(change, ChangeKind | Reassign | NotActor | AddStatement):
        refs = [change.actor]
    elif isinstance(change, Split):
        refs = [change.actor, change.alias]
    return [ref.name if isinstance(ref, ActorRef) else ref for ref in refs]


def change_problem(change: Change) -> str | None:
    """Why ``change`` names someone no correction can name, or None when all is well."""
    for name in names_in(change):
        problem = name_problem(name)
        if problem is not None:
            return problem
    return None
