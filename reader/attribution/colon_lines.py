"""Colon lines: "Sanders: Brexit could help Trump" headlines and "MATTHEWS: …" transcripts,
and the link or caption lines ("Related Article: …") that are never statements.
"""

from __future__ import annotations

import re

from reader.attribution.rules import Rule
from reader.attribution.syntax import Attribution, char_span, content_spans
from reader.lexicon.page import PAGE_LABELS
from reader.nlp.labels import SPEAKER_LABELS
from reader.nlp.parsing import Paragraph

#: Link lines and captions around an article body ("Related Article: …", "Read more: …").
BOILERPLATE = re.compile(
    r"(related( article| stories| story)?|read (more|also)|see also|also read|watch|photo|"
    r"image|video|categor(?:y|ies)|tags?|topics|filed under)\s*:",
    re.IGNORECASE,
)


def colon_line(paragraph: Paragraph, index: int) -> Attribution | None:
    """ "Sanders: Brexit's message could help Trump" — a headline or transcript line whose
    speaker is named before a colon at the start of the paragraph."""
    doc = paragraph.doc
    colon = next((t for t in doc[:8] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    name = [t for t in doc[: colon.i] if not t.is_punct]
    # "EXCLUSIVE – Roger Stone:" keeps only the words after the dash.
    dash = max((t.i for t in doc[: colon.i] if t.text in ("–", "—", "-")), default=-1)
    name = [t for t in name if t.i > dash]
    if not name or len(name) > 4 or any(t.lower_ in PAGE_LABELS for t in name):
        return None
    if len(name) == 1 and doc[colon.i - 1].text == ".":
        return None  # "Ed.: See the catalog": an abbreviated label (an editor's note)
    # Transcripts: "MATTHEWS: …", "Lopez: …" (a lone capitalised word the tagger may miss).
    lone = len(name) == 1 and name[0].is_alpha and (name[0].is_title or name[0].is_upper)
    if not lone and not all(t.pos_ == "PROPN" or t.text.isupper() or t.ent_type_ for t in name):
        return None
    named = any(t.ent_type_ in SPEAKER_LABELS for t in name)
    if not (named or all(t.text.isupper() for t in name) or len(name) == 1):
        return None
    rest = [t for t in doc[colon.i + 1 :]]
    if len([t for t in rest if not t.is_punct]) < 3:
        return None
    if rest and rest[0].text in "\"“‘'" and rest[-1].text in "\"”’'":
        return None  # a quotation: handled with the quotation marks
    offset = paragraph.start
    spans = content_spans(rest, offset)
    if not spans:
        return None
    speaker = char_span(name, offset)
    cue = (offset + colon.idx, offset + colon.idx + 1)
    return Attribution(spans, cue, speaker, Rule.COLON_LINE, index)
