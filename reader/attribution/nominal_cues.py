"""Nominal cues: speech nouns that carry a claim ("her statement that …", "Republican calls
for a special prosecutor", "made conflicting statements about …").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.attribution.rules import Rule
from reader.attribution.syntax import (
    Attribution,
    content_spans,
    inherited_subject,
    pobj_of,
    speaker_span,
)
from reader.lexicon.speech import LIGHT_VERBS, TOPIC_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


def nominal_attribution(noun: Token, offset: int, index: int) -> Attribution | None:
    """ "Her statement that …", "Republican calls for a special prosecutor": a speech noun
    with a that-clause or a topic phrase, and a speaker named in the noun phrase."""
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None
        )
        speaker = pobj_of(by) if by is not None else None
    if speaker is None:
        speaker = next(
            (
                c
                for c in noun.lefts
                if c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.ent_type_)
            ),
            None,
        )
    if speaker is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        # "made conflicting statements about …", "issued a warning that …"
        speaker = inherited_subject(noun.head)
    rule = Rule.NOMINAL
    if clause is not None:
        content = list(clause.subtree)
    else:
        topic = next(
            (
                c
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "against", "on", "about")
            ),
            None,
        )
        if topic is None or speaker is None or noun.lemma_.lower() not in TOPIC_NOUNS:
            return None
        content = [t for t in topic.subtree if t.i != topic.i]
        rule = Rule.NOMINAL_TOPIC
    spans = content_spans(content, offset)
    if not spans:
        return None
    cue = (offset + noun.idx, offset + noun.idx + len(noun.text))
    return Attribution(spans, cue, speaker_span(speaker, offset), rule, index)
