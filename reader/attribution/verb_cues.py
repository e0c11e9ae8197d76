"""Reported speech from the dependency parse: cue, speaker mention and content of each claim.

Works on one parsed paragraph at a time and returns ``Attribution`` values with article
offsets. A cue verb's construction is read by the frame handlers of ``verb_frames`` (clausal,
infinitival or noun-phrase content, inverted, parenthetical and "as X noted" cues, passives
with a by-agent); this module finds its speaker — its own subject, one shared with a
conjoined or governing cue — and turns the frame into an ``Attribution`` carrying the
frame's rule. ``find_reported_speech`` also runs the source phrases
("according to X", ``source_phrases``), nominal cues (``nominal_cues``) and colon lines
(``colon_lines``) over the paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.attribution.colon_lines import BOILERPLATE, colon_line
from reader.attribution.cue_verbs import CUE_LEMMAS, is_cue_verb, reporting_subject
from reader.attribution.nominal_cues import nominal_attribution
from reader.attribution.rules import NEEDS_SPEAKER, NO_SPEAKER_STEP, PRONOUN_SPEAKER_STEP, Rule
from reader.attribution.source_phrases import according_to, in_the_words_of, per_source
from reader.attribution.syntax import (
    RELATIVE,
    Attribution,
    agent_of,
    content_spans,
    fallback_subject,
    inherited_subject,
    speaker_span,
    speaker_tokens,
)
from reader.attribution.verb_frames import VerbContext, frame_of, is_question
from reader.lexicon.speech import ANSWER_VERBS, NOMINAL_CUES, TOPIC_NOUNS, WITHHOLDING_VERBS
from reader.nlp.labels import CLAUSES, NEG, PREP, PRT, XCOMP

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Token

    from reader.nlp.parsing import Paragraph


def verb_attribution(verb: Token, offset: int, index: int) -> Attribution | None:
    """The statement a cue verb introduces, by the first frame that claims it."""
    subject = reporting_subject(verb) or inherited_subject(verb) or fallback_subject(verb)
    context = VerbContext.of(verb, subject)
    frame = frame_of(context)
    if frame is not None and frame.rule is None:
        return None
    if withheld(verb):
        return None
    if frame is not None and frame.speaker is not None:
        subject = frame.speaker
    if context.passive and subject is None:
        subject = agent_of(verb)
    content = list(frame.content) if frame is not None else []
    if not content:
        if subject is None:
            return None
        # A cue with a speaker and no content: the quotation beside it may be theirs.
        speaker = speaker_span(subject, offset)
        return Attribution((), _cue_span(verb, offset), speaker, Rule.QUOTE_MARKS, index, True)
    assert frame is not None and frame.rule is not None
    if subject is not None:
        skip = {t.i for t in speaker_tokens(subject)}
        content = [t for t in content if t.i not in skip and t.i != verb.i]
    if all(t.lower_ in RELATIVE or t.is_punct for t in content):
        return None
    spans = content_spans(content, offset)
    if not spans:
        return None
    steps_down = 0
    if subject is None:
        if frame.rule in NEEDS_SPEAKER:
            return None  # noun-phrase content with nobody saying it: an action, not speech
        steps_down = NO_SPEAKER_STEP
    elif subject.pos_ == "PRON":
        steps_down = PRONOUN_SPEAKER_STEP
    speaker = speaker_span(subject, offset)
    cue = _cue_span(verb, offset)
    return Attribution(spans, cue, speaker, frame.rule, index, steps_down=steps_down)


def withheld(verb: Token) -> bool:
    """ "declined to say how many …", "refused to comment on …": refused speech says nothing.

    A negated cue with content of its own ("has never said she would …") is kept: the
    attribution corpus counts it; one that reports only what went unanswered is not
    (``unsaid``).
    """
    if unsaid(verb):
        return True
    return verb.dep_ == XCOMP and verb.head.lemma_.lower() in WITHHOLDING_VERBS


def unsaid(verb: Token) -> bool:
    """ "have not said why …", "did not respond to requests for comment": a negated cue that
    reports only what was not answered. "has never said she would …" keeps its content."""
    if not any(c.dep_ == NEG for c in verb.children):
        return False
    clauses = [c for c in verb.children if c.dep_ in CLAUSES]
    if clauses:
        return all(is_question(c) for c in clauses)
    return verb.lemma_.lower() in ANSWER_VERBS


def _cue_span(verb: Token, offset: int) -> tuple[int, int]:
    end = verb
    for child in verb.rights:
        if child.dep_ == PRT and child.i <= verb.i + 2:
            end = child
    return offset + verb.idx, offset + end.idx + len(end.text)


def find_reported_speech(paragraph: Paragraph, index: int) -> list[Attribution]:
    """Attributions signalled by cue words in one paragraph, in text order."""
    doc: Doc = paragraph.doc
    offset = paragraph.start
    found: list[Attribution] = []
    if BOILERPLATE.match(paragraph.text):
        return found
    headline = colon_line(paragraph, index)
    if headline is not None:
        found.append(headline)
    for i in _cue_candidates(doc):
        tok = doc[i]
        lower = tok.lower_
        attribution: Attribution | None = None
        if lower == "according":
            attribution = according_to(tok, offset, index)
        elif lower == "per" and tok.dep_ == PREP:
            attribution = per_source(tok, offset, index)
        elif lower == "words":
            attribution = in_the_words_of(tok, offset, index)
        elif tok.pos_ in ("VERB", "AUX"):
            if is_cue_verb(tok):
                attribution = verb_attribution(tok, offset, index)
        elif tok.pos_ == "NOUN" and (
            tok.lemma_.lower() in NOMINAL_CUES or tok.lemma_.lower() in TOPIC_NOUNS
        ):
            attribution = nominal_attribution(tok, offset, index)
        if attribution is not None:
            found.append(attribution)
    return found


def _cue_candidates(doc: Doc) -> list[int]:
    """The tokens a cue finder may answer for, read from the parse's arrays: "according",
    "per", "words", verbs whose lemma may be a cue and nouns that may be one. The loop
    above makes a spaCy token only for these (making one costs more than looking at it)."""
    strings = doc.vocab.strings
    words = {strings[w] for w in ("according", "per", "words")}
    verbs, noun = {strings["VERB"], strings["AUX"]}, strings["NOUN"]
    rows = doc.to_array(["LOWER", "POS", "LEMMA"]).tolist()
    found = []
    for i, (lower, pos, lemma) in enumerate(rows):
        if lower in words:
            found.append(i)
        elif pos in verbs:
            if _lemma_in(lemma, strings, _VERB_LEMMAS, CUE_LEMMAS):
                found.append(i)
        elif pos == noun and _lemma_in(lemma, strings, _NOUN_LEMMAS, _CUE_NOUNS):
            found.append(i)
    return found


#: Whether a lemma (by its hash) may be a cue verb or a cue noun; filled as lemmas are met.
_VERB_LEMMAS: dict[int, bool] = {}
_NOUN_LEMMAS: dict[int, bool] = {}
_CUE_NOUNS = NOMINAL_CUES | TOPIC_NOUNS


def _lemma_in(
    lemma: int, strings: StringStore, known: dict[int, bool], words: frozenset[str]
) -> bool:
    """Whether the lemma with this hash, lower-cased, is one of ``words`` (remembered)."""
    answer = known.get(lemma)
    if answer is None:
        answer = known[lemma] = strings[lemma].lower() in words
    return answer
