"""Answers of a question-and-answer interview whose turns are labelled "Q:" and "A:".

Such a transcript names the person answering only in its introduction ("We spoke to chef
Lena Marsh about …"); each "A:" paragraph is that person's statement. The interviewee is
the person the introduction (the paragraphs before the first question) names most often
in the article, the first of them on a tie.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.attribution.rules import Rule
from reader.attribution.syntax import Attribution
from reader.model import Entity
from reader.nlp.parsing import Paragraph

_QUESTION = re.compile(r"^\s*(?:Q|Question)\s*[:.]\s")
_ANSWER = re.compile(r"^\s*(?:A|Answer)\s*[:.]\s*")


def answer_attributions(
    paragraphs: Sequence[Paragraph], entities: Sequence[Entity]
) -> list[Attribution]:
    """One statement per "A:" paragraph, spoken by the interviewee; none without questions."""
    questions = [i for i, p in enumerate(paragraphs) if _QUESTION.match(p.text)]
    answers = [i for i, p in enumerate(paragraphs) if _ANSWER.match(p.text)]
    if not questions or not answers:
        return []
    interviewee = _interviewee(paragraphs[questions[0]].start, entities)
    if interviewee is None:
        return []
    found = []
    for index in answers:
        paragraph = paragraphs[index]
        label = _ANSWER.match(paragraph.text)
        assert label is not None
        start = paragraph.start + label.end()
        end = paragraph.start + len(paragraph.text.rstrip())
        if end - start < 2:
            continue
        cue = (paragraph.start + label.start(), paragraph.start + label.end())
        speaker = (interviewee.start, interviewee.end)
        found.append(Attribution(((start, end),), cue, speaker, Rule.COLON_LINE, index))
    return found


def _interviewee(first_question: int, entities: Sequence[Entity]) -> Entity | None:
    named = [e for e in entities if e.label == "PERSON" and e.end <= first_question]
    if not named:
        return None
    surnames = Counter(e.text.split()[-1] for e in entities if e.label == "PERSON")
    return max(named, key=lambda e: (surnames[e.text.split()[-1]], -e.start))
