"""The turns of a transcript and who asks in them.

An interview written as a transcript labels each turn with its speaker's name and a colon
("Wikinews: Why did you …?", "Shimon Peres: I think …"). The one whose turns are mostly
questions is the interviewer: their labels are page furniture, not the story's cast, and
their questions are not statements. Only a speaker with two turns or more is judged, so a
lone question of an interviewee stays theirs. One who answers in two turns or more under a
label of two or three words is a person of the story, whether or not the tagger knows the
name ("Aner Shalev: I called it …").
"""

from __future__ import annotations

import re

from reader.nlp.written_names import NAME_PATTERN

#: A labelled turn: "Shimon Peres: I think …" on a line of its own.
_TURN = re.compile(rf"^[ \t]*({NAME_PATTERN})[ \t]*:[ \t]+([^\n]*)$", re.MULTILINE)


def _turns(text: str) -> dict[str, list[tuple[tuple[int, int], bool]]]:
    """Each speaker's turns: the label's span and whether the turn asks a question."""
    turns: dict[str, list[tuple[tuple[int, int], bool]]] = {}
    for turn in _TURN.finditer(text):
        turns.setdefault(turn.group(1), []).append((turn.span(1), "?" in turn.group(2)))
    return turns


def _asks(spoken: list[tuple[tuple[int, int], bool]]) -> bool:
    asked = sum(1 for _, question in spoken if question)
    return len(spoken) >= 2 and asked * 2 > len(spoken)


def interviewers(text: str) -> frozenset[str]:
    """The labels of the speakers whose turns are mostly questions."""
    return frozenset(name for name, spoken in _turns(text).items() if _asks(spoken))


def interviewer_labels(text: str) -> list[tuple[int, int]]:
    """The span of every label of an interviewer's turn."""
    return [span for spoken in _turns(text).values() if _asks(spoken) for span, _ in spoken]


def answerers(text: str) -> frozenset[str]:
    """The labels of two or three words of the speakers who answer in two turns or more."""
    return frozenset(
        name
        for name, spoken in _turns(text).items()
        if len(spoken) >= 2 and not _asks(spoken) and 2 <= len(name.split()) <= 3
    )
