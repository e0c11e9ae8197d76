"""Which verbs are speech cues where they stand, and whose words a participial cue reports.

A lemma in the speech-verb lists is not enough: "the so-called deal", "a plan announced on
Monday", "hard to tell" and "called a meeting" hold cue words that introduce no speech.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.attribution.syntax import inherited_subject, own_subject
from reader.lexicon.speech import (
    JUDGING_VERBS,
    NON_SPEECH_HEADS,
    PARTICLE_CUES,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
)
from reader.nlp.labels import (
    ACL,
    ADVCL,
    AGENT,
    AMOD,
    APPOS,
    CCOMP,
    CLAUSES,
    COMPOUND,
    CONJ,
    DOBJ,
    NMOD,
    OPRD,
    PREP,
    PRT,
    XCOMP,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def names_something(obj: Token) -> bool:
    """ "called his actions “a crucial step”", "called Clinton, his rival, a co-founder": the
    object carries a quotation or a second noun phrase, so *call* means naming."""
    return any(t.is_quote or t.dep_ == APPOS for t in obj.subtree)


def quote_follows_object(verb: Token) -> bool:
    """ "called his orders “a crucial step”": a quotation right after the object."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == DOBJ:
            after = child.right_edge.i + 1
            return after < len(doc) and doc[after].is_quote
    return False


#: Every lemma ``is_cue_verb`` may answer yes for: a verb with another lemma is no cue.
CUE_LEMMAS: frozenset[str] = (
    frozenset(PARTICLE_CUES) | QUOTE_ONLY_VERBS | JUDGING_VERBS | SPEECH_VERBS
)


def is_cue_verb(verb: Token) -> bool:
    """Whether this verb introduces speech here."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ == "MD":
        return False
    if lemma in PARTICLE_CUES:
        needed = PARTICLE_CUES[lemma]
        if lemma == "call" and (
            any(c.dep_ in (OPRD, CCOMP, XCOMP) for c in verb.children)
            or any(c.dep_ == DOBJ and names_something(c) for c in verb.children)
            or quote_follows_object(verb)
        ):
            return verb.dep_ != AMOD and not (verb.dep_ == ACL and verb.tag_ == "VBN")
        # "called on Congress to act", not "called a meeting on Monday"
        adjacent = lemma == "call"
        return any(
            c.dep_ in (PRT, PREP) and c.lower_ in needed and (not adjacent or c.i == verb.i + 1)
            for c in verb.children
        )
    if lemma in QUOTE_ONLY_VERBS:
        return True
    if lemma in JUDGING_VERBS:
        return any(c.dep_ == AGENT for c in verb.children)
    if lemma not in SPEECH_VERBS:
        return False
    if verb.dep_ in (AMOD, COMPOUND, NMOD) or (verb.dep_ == ACL and verb.tag_ == "VBN"):
        return False  # "the so-called deal", "a plan announced on Monday"
    # "hard to tell", "needless to say"
    return not (verb.dep_ == XCOMP and verb.head.lower_ in NON_SPEECH_HEADS)


def reporting_subject(verb: Token) -> Token | None:
    """A participial cue inside reported words ("said the plan would work, adding that …")
    belongs to the reporting cue's speaker, not to the subject of the reported clause."""
    if verb.tag_ != "VBG" or verb.dep_ not in (ADVCL, CONJ) or own_subject(verb):
        return None
    tok = verb.head
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ in CLAUSES and is_cue_verb(tok.head):
            return inherited_subject(tok.head)
        tok = tok.head
    return None
