"""What a cue word yields: the ``Attribution`` value and the parse helpers every finder shares.

An ``Attribution`` is a claim in article offsets (content spans, cue, speaker mention); the
helpers turn tokens into trimmed character spans and find the speaker of a verb: its subject,
the subject it shares with a governing verb, the by-agent of a passive, the antecedent of a
relative pronoun.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.attribution.rules import Rule
from reader.lexicon.pronouns import RELATIVE_PRONOUNS
from reader.lexicon.speech import SPEECH_VERBS
from reader.nlp.labels import (
    ACL,
    ACOMP,
    ADVCL,
    AGENT,
    AMOD,
    BEFORE_VERB,
    CASE,
    CCOMP,
    COMPOUND,
    CONJ,
    CSUBJ,
    DET,
    DOBJ,
    EXPL,
    FLAT,
    NMOD,
    NSUBJ,
    NSUBJPASS,
    NUMMOD,
    PCOMP,
    POBJ,
    POSS,
    PREP,
    PUNCT,
    RELCL,
    XCOMP,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_NAME_PARTS = frozenset({COMPOUND, AMOD, DET, NUMMOD, POSS, NMOD, CASE})
RELATIVE = RELATIVE_PRONOUNS
_EDGE_PUNCT = set(",.;:—–-()[]")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reported claim in article offsets; ``spans`` are content fragments."""

    spans: tuple[tuple[int, int], ...]
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    rule: Rule
    paragraph: int
    bare: bool = False  # a cue and speaker without content: a quotation beside it may be theirs
    #: Places the statement moves down in deduplication (see ``reader.attribution.rules``).
    steps_down: int = 0


def char_span(tokens: list[Token], offset: int) -> tuple[int, int] | None:
    """Article span of a contiguous token list, edge punctuation trimmed."""
    while tokens and (tokens[0].text in _EDGE_PUNCT or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _EDGE_PUNCT or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


def token_runs(tokens: list[Token]) -> list[list[Token]]:
    """Split tokens sorted by index into runs of consecutive indices."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if runs and tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return runs


def content_spans(tokens: list[Token], offset: int) -> tuple[tuple[int, int], ...]:
    spans = []
    for run in token_runs(sorted(tokens, key=lambda t: t.i)):
        span = char_span(run, offset)
        if span and span[1] - span[0] > 1:
            spans.append(span)
    return tuple(spans)


def own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a dateline "MACAU (Reuters) – Adelson said" parsed as a
    second subject), the one nearest the verb."""
    subjects = [
        child for child in verb.children if child.dep_ in (NSUBJ, CSUBJ) and child.lower_ != "there"
    ]
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == AGENT:
            for grand in child.children:
                if grand.dep_ == POBJ:
                    return grand
    return None


def inherited_subject(verb: Token, depth: int = 0) -> Token | None:
    """Subject shared with a governing verb: conjoined, participial or 'went on to say'."""
    if depth > 4:
        return None
    own = own_subject(verb)
    if own is not None:
        return own
    if any(c.dep_ == NSUBJPASS for c in verb.children):
        return agent_of(verb)
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == CONJ and continues_outer_cue(verb):
        return inherited_subject(head.head, depth + 1)
    if verb.dep_ == CONJ or verb.dep_ == XCOMP:
        return inherited_subject(head, depth + 1)
    if verb.dep_ in (ADVCL, ACL) and verb.tag_ == "VBG":
        if head.pos_ in ("VERB", "AUX"):
            return inherited_subject(head, depth + 1)
        return head if head.pos_ in ("NOUN", "PROPN", "PRON") else None
    if verb.dep_ == RELCL or (verb.dep_ == ACL and verb.tag_ == "VBD"):
        return head  # "Smith, who said …"; a finite verb misread as a modifier
    return None


def continues_outer_cue(verb: Token) -> bool:
    """A speech verb with no subject, parsed as a conjunct inside another cue's content:
    in "They claimed Rivera was a volunteer and claim she …" the second "claim" is theirs,
    not Rivera's, and not part of what the first claim said."""
    head = verb.head
    return (
        verb.dep_ == CONJ
        and own_subject(verb) is None
        and verb.lemma_.lower() in SPEECH_VERBS
        and head.dep_ == CCOMP
        and head.lemma_.lower() not in SPEECH_VERBS
        and head.head.lemma_.lower() in SPEECH_VERBS
    )


def _noun_before(verb: Token) -> Token | None:
    """The name or noun just before the cue, past auxiliaries, adverbs, a parenthesis
    ("Sen. Warren (D-MA) said") or an appositive ("Jay Dee, the club's president, said")."""
    doc = verb.doc
    start = verb.sent.start
    i = verb.i - 1
    while i >= start and doc[i].dep_ in BEFORE_VERB and doc[i].head.i == verb.i:
        i -= 1
    if i >= start and doc[i].text == ")":
        while i >= start and doc[i].text != "(":
            i -= 1
        i -= 1
    elif i >= start and doc[i].text == ",":
        # an appositive between commas: the name before the first comma
        j = i - 1
        while j >= start and j > i - 15 and doc[j].text != ",":
            j -= 1
        if j < start or doc[j].text != ",":
            return None
        i = j - 1
    if i < start:
        return None
    tok = doc[i]
    if tok.head.i == verb.i or tok.dep_ in (POBJ, DOBJ, POSS, COMPOUND, CASE):
        return None
    if tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and i == verb.i - 1):
        return tok
    return None


def fallback_subject(verb: Token) -> Token | None:
    """When the parse gives no subject: the noun just before the cue ("Sen. Warren (D-MA)
    said"), or for a participial cue the subject of the sentence."""
    if any(c.dep_ in (NSUBJPASS, EXPL) for c in verb.children):
        return None
    mention = _noun_before(verb)
    if mention is not None:
        return mention
    # "In defending himself, Trump offered …", "will find it difficult to repeat …":
    # the nearest governing verb with a subject.
    tok = verb
    for _ in range(5):
        if tok.dep_ not in (ADVCL, ACL, XCOMP, CONJ, PCOMP, POBJ, PREP, ACOMP):
            break
        tok = tok.head
        subject = next(
            (c for c in tok.children if c.dep_ == NSUBJ and c.lower_ not in ("it", "there")),
            None,
        )
        if subject is not None and tok.pos_ in ("VERB", "AUX"):
            return subject
    return None


def speaker_tokens(tok: Token) -> list[Token]:
    """The mention: the head noun with its name parts, not appositives or clauses."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == RELCL:
        tok = tok.head.head
    if tok.pos_ == "PRON":
        return [tok]
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NAME_PARTS or (child.dep_ == PUNCT and child.text in "-–"):
            left = min(left, child.left_edge, key=lambda t: t.i)
            break
    right = tok
    for child in tok.rights:
        # "Secretary of State John Kerry", "the head of the agency": keep the of-phrase.
        if child.dep_ == PREP and child.lower_ == "of" and child.i == right.i + 1:
            right = child.right_edge
        elif child.dep_ in (COMPOUND, FLAT) and child.i == right.i + 1:
            right = child
        else:
            break
    return list(tok.doc[left.i : right.i + 1])


def speaker_span(tok: Token | None, offset: int) -> tuple[int, int] | None:
    if tok is None:
        return None
    return char_span(speaker_tokens(tok), offset)


def pobj_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == POBJ), None)
