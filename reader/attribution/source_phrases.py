"""Source phrases: "according to X", "per X" and "as per X" (not "$5 per share").

The content is the clause the phrase modifies, or the whole sentence when the phrase opens
or closes it; the speaker is the phrase's object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.attribution.rules import Rule
from reader.attribution.syntax import Attribution, content_spans, pobj_of, speaker_span
from reader.lexicon.groups import BACK_REFERENCE_HEADS, ORGANISATION_HEADS
from reader.lexicon.source_roles import ROLE_CLASS_WORDS
from reader.lexicon.speech import DATA_NOUNS, GROUP_SPEAKERS, RATE_NOUNS
from reader.nlp.labels import APPOS, POBJ, PREP, SPEAKER_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Nouns for who may stand behind a statement or a report: bodies and roles.
PUBLISHING_NOUNS: frozenset[str] = (
    frozenset().union(
        ORGANISATION_HEADS, BACK_REFERENCE_HEADS, GROUP_SPEAKERS, *ROLE_CLASS_WORDS.values()
    )
    - DATA_NOUNS
)


def _source_attribution(
    marker: Token, source: Token, offset: int, index: int, cue_end: Token, first: Token
) -> Attribution | None:
    """'According to X' / 'per X': the content is the clause the phrase modifies, the whole
    sentence when the phrase opens or closes it."""
    head = marker.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    sent = marker.sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if words and (first.i <= words[0].i or marker.right_edge.i >= words[-1].i):
        head = sent.root
    source = _publisher_of(source)
    own = {t.i for t in marker.subtree} | {first.i}
    content = [t for t in head.subtree if t.i not in own]
    spans = content_spans(content, offset)
    if not spans:
        return None
    cue = (offset + first.idx, offset + cue_end.idx + len(cue_end.text))
    return Attribution(spans, cue, speaker_span(source, offset), Rule.ACCORDING_TO, index)


def _publisher_of(source: Token) -> Token:
    """ "data from Statistics Norway", "a statement from the company", "a letter from her
    lawyer": the body or person behind them."""
    if source.lower_ not in DATA_NOUNS and source.lemma_.lower() not in DATA_NOUNS:
        return source
    for prep in source.children:
        if prep.dep_ == PREP and prep.lower_ in ("from", "by", "of", "released"):
            body = pobj_of(prep)
            if body is not None and _can_publish(body):
                return body
    return source


def _can_publish(body: Token) -> bool:
    """A name, or a noun for a body or a role ("the ministry", "his office", "her lawyer")."""
    if body.pos_ == "PROPN" or body.ent_type_ in SPEAKER_LABELS:
        return True
    return body.pos_ == "NOUN" and body.lemma_.lower() in PUBLISHING_NOUNS


def according_to(tok: Token, offset: int, index: int) -> Attribution | None:
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    source = pobj_of(to) or next((c for c in tok.children if c.dep_ == POBJ), None)
    if source is None:
        return None
    return _source_attribution(tok, source, offset, index, to, tok)


def in_the_words_of(tok: Token, offset: int, index: int) -> Attribution | None:
    """ "In the words of the prosecutor, Mark Tedeschi, "…"": the words are the source's."""
    prep = tok.head
    if tok.dep_ != POBJ or prep.lower_ != "in" or tok.i - prep.i > 2:
        return None
    of = next((c for c in tok.children if c.dep_ == PREP and c.lower_ == "of"), None)
    source = pobj_of(of) if of is not None else None
    if of is None or source is None:
        return None
    apposed = next((c for c in source.children if c.dep_ == APPOS), None)
    return _source_attribution(prep, apposed or source, offset, index, of, prep)


def per_source(tok: Token, offset: int, index: int) -> Attribution | None:
    doc = tok.doc
    source = pobj_of(tok)
    if source is None:
        return None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    as_per = prev is not None and prev.lower_ == "as"
    if source.lemma_.lower() in RATE_NOUNS or source.like_num:
        return None
    if prev is not None and (prev.like_num or prev.tag_ == "CD" or prev.text in "$€£%"):
        return None
    at_clause_edge = prev is None or prev.text in (",", "—", "(") or as_per or prev.is_sent_start
    named = source.pos_ == "PROPN" or source.ent_type_ in SPEAKER_LABELS
    if not (at_clause_edge and (named or source.lemma_.lower() in GROUP_SPEAKERS)):
        return None
    marker = prev if as_per and prev is not None else tok
    attribution = _source_attribution(tok, source, offset, index, tok, marker)
    if attribution is None:
        return None
    return Attribution(
        attribution.spans, attribution.cue, attribution.speaker, Rule.PER_SOURCE, index
    )
