"""Recognising title-case headlines anywhere in an article.

``is_title_case_headline`` finds them, so that their fragments ("Russian Jet Collide") are
not taken for names. (Which first line is an article's title is the opening's to say:
``reader.opening.paragraphs.looks_like_title``.)
"""

from __future__ import annotations

import re

from reader.lexicon.page import TITLE_CASE_MINOR_WORDS

MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 160

_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_title_case_headline(line: str) -> bool:
    """True for a short line that does not end a sentence and is mostly capitalised."""
    line = line.strip()
    if not line or len(line) > MAX_HEADLINE_CHARS or line[-1] in '.!?:;,"”’)':
        return False
    words = _WORD.findall(line)
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return False
    major = [w for w in words if w.lower() not in TITLE_CASE_MINOR_WORDS]
    if not major:
        return False
    capitalised = sum(1 for w in major if w[0].isupper())
    return capitalised / len(major) >= 0.75
