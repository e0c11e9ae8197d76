"""Statements in title-case headlines ("Clinton Says Russians Hacked DNC").

The parser tags capitalised verbs in a headline as proper nouns, so the dependency rules miss
them. Here a headline line is read word by word instead: an inflected speech verb among the
first words, a short capitalised speaker before it, the rest of the line as content; or the
inverted form "Guns Are a Crisis, Howard Dean Tells Convention".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.attribution.rules import Rule
from reader.attribution.syntax import Attribution
from reader.lexicon.speech import (
    HEADLINE_AUXILIARIES,
    HEADLINE_NOT_VERBS,
    IRREGULAR_FORMS,
    NP_CONTENT_VERBS,
    SPEECH_VERBS,
    TOPIC_PREPOSITIONS,
)
from reader.nlp.headlines import is_title_case_headline
from reader.nlp.parsing import Paragraph

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_SPEAKER_WORDS = 5
MAX_ADDRESSEE_WORDS = 4


def _only_topic(after: list[Token]) -> bool:
    """ "Warns West Over Arms Supplies": an addressee and a topic, no content said.

    A preposition among the first words after the verb, before any word that could be a
    verb of its own, means the line names what was talked about, not what was said.
    """
    for token in after[:4]:
        if token.lower_ in TOPIC_PREPOSITIONS:
            return True
        if token.lower_ in ("to", "that") or token.lower_.endswith(("ed", "s")):
            return False
    return False


def _lemma(word: str) -> str | None:
    """The speech-verb lemma of an inflected headline word, or None."""
    word = word.lower()
    if word in IRREGULAR_FORMS:
        return IRREGULAR_FORMS[word]
    candidates = []
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    if word.endswith("es"):
        candidates += [word[:-2], word[:-1]]
    if word.endswith("s") and not word.endswith("ss"):
        candidates.append(word[:-1])
    if word.endswith("ed"):
        candidates += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("ing"):
        candidates += [word[:-3], word[:-3] + "e", word[:-4]]
    known = SPEECH_VERBS | NP_CONTENT_VERBS
    return next((c for c in candidates if c in known), None)


def _span(tokens: list[Token], offset: int) -> tuple[int, int] | None:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    if not tokens:
        return None
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


def _capitalised(tokens: list[Token]) -> bool:
    words = [t for t in tokens if t.is_alpha]
    return bool(words) and all(t.text[0].isupper() for t in words)


def find_headline_speech(paragraph: Paragraph, index: int) -> Attribution | None:
    """The statement a title-case headline reports, if it reports one."""
    doc = paragraph.doc
    line = paragraph.text.rstrip().rstrip(".!?”’\"'")
    if ":" in line or not is_title_case_headline(line):
        return None
    tokens = list(doc)
    offset = paragraph.start
    for i, tok in enumerate(tokens):
        if i == 0 or i > 16 or tok.lower_ in HEADLINE_NOT_VERBS:
            continue
        lemma = _lemma(tok.text)
        if lemma is None:
            continue
        before = tokens[:i]
        comma = max((t.i for t in before if t.text == ","), default=-1)
        speaker_tokens = before[comma + 1 :]
        while speaker_tokens and speaker_tokens[-1].lower_ in HEADLINE_AUXILIARIES:
            speaker_tokens = speaker_tokens[:-1]
        if not speaker_tokens or len(speaker_tokens) > MAX_SPEAKER_WORDS:
            continue
        if not _capitalised(speaker_tokens):
            continue
        # "…, Howard Dean Tells Convention" has its content before the comma; "Railing
        # Against Trump, Sanders Vows To …" after the verb.
        after = [t for t in tokens[i + 1 :] if not t.is_punct]
        inverted = comma >= 0 and len(after) <= MAX_ADDRESSEE_WORDS
        if not inverted and _only_topic(after):
            continue
        content = _span(tokens[:comma] if inverted else tokens[i + 1 :], offset)
        speaker = _span(speaker_tokens, offset)
        if (
            content is None
            or speaker is None
            or len(paragraph.text[content[0] - offset :].split()) < 2
        ):
            continue
        cue = (offset + tok.idx, offset + tok.idx + len(tok.text))
        return Attribution((content,), cue, speaker, Rule.HEADLINE, index)
    return None
