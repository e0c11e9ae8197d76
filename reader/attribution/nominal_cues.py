"""Nominal cues: speech nouns that carry a claim ("her statement that …", "Republican calls
for a special prosecutor", "made conflicting statements about …").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.attribution.rules import Rule
from reader.attribution.settings import only_setting
from reader.attribution.syntax import (
    Attribution,
    content_spans,
    inherited_subject,
    pobj_of,
    speaker_span,
)
from reader.attribution.verb_frames import names_only_people
from reader.lexicon.speech import LIGHT_VERBS, SPEECH_VERBS, TOPIC_NOUNS
from reader.nlp.labels import ACL, AMOD, CCOMP, DOBJ, MARK, MODIFIERS, POBJ, POSS, PREP, RELCL

if TYPE_CHECKING:
    from spacy.tokens import Token


def nominal_attribution(noun: Token, offset: int, index: int) -> Attribution | None:
    """ "Her statement that …", "Republican calls for a special prosecutor": a speech noun
    with a that-clause or a topic phrase, and a speaker named in the noun phrase."""
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in (ACL, CCOMP, RELCL)
            and any(g.dep_ == MARK and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    speaker = next((c for c in noun.children if c.dep_ == POSS), None)
    if speaker is None:
        by = next((c for c in noun.children if c.dep_ == PREP and c.lower_ in ("by", "from")), None)
        speaker = pobj_of(by) if by is not None else None
    if speaker is None:
        # "Republican calls for …", "the Trump campaign's statement": a proper-noun modifier.
        # An adjective is no speaker: "Western demands that he be ousted" reports no one.
        speaker = next(
            (
                c
                for c in noun.lefts
                if c.dep_ in MODIFIERS
                and (c.pos_ == "PROPN" or c.ent_type_)
                and not (c.dep_ == AMOD and c.pos_ == "ADJ")
            ),
            None,
        )
    if speaker is None and any(c.dep_ == AMOD and c.ent_type_ for c in noun.lefts):
        return None
    if speaker is None and noun.dep_ == DOBJ and noun.head.lemma_.lower() in LIGHT_VERBS:
        # "made conflicting statements about …", "issued a warning that …"
        speaker = inherited_subject(noun.head)
    if speaker is None and _medium_of_speech(noun):
        # "The association said in a statement that …": the speaker of the verb.
        speaker = inherited_subject(noun.head.head)
    rule = Rule.NOMINAL
    if clause is not None:
        content = list(clause.subtree)
    else:
        topic = next(
            (
                c
                for c in noun.children
                if c.dep_ == PREP and c.lower_ in ("for", "of", "against", "on", "about")
            ),
            None,
        )
        if topic is None or speaker is None or noun.lemma_.lower() not in TOPIC_NOUNS:
            return None
        content = [t for t in topic.subtree if t.i != topic.i]
        if only_setting(content):
            return None  # "her remarks on Monday": when, not what
        if topic.lower_ == "for" and names_only_people(content):
            return None  # "her remarks for guests": to whom, not what
        rule = Rule.NOMINAL_TOPIC
    spans = content_spans(content, offset)
    if not spans:
        return None
    cue = (offset + noun.idx, offset + noun.idx + len(noun.text))
    return Attribution(spans, cue, speaker_span(speaker, offset), rule, index)


def _medium_of_speech(noun: Token) -> bool:
    """ "said in a statement", "wrote in a letter": the noun is how a speech verb spoke."""
    prep = noun.head
    return (
        noun.dep_ == POBJ
        and prep.dep_ == PREP
        and prep.lower_ in ("in", "through", "via")
        and prep.head.pos_ == "VERB"
        and prep.head.lemma_.lower() in SPEECH_VERBS
    )
