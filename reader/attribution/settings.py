"""Phrases that say when or where words were said, never what: "on Thursday", "Tuesday
morning", "on Twitter", "on French television".

A speech verb's or noun's topic phrase ("responded on Twitter", "her remarks on Monday") or
object ("tweeted Wednesday") that is only such a setting carries no content.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.lexicon.furniture import PLATFORMS
from reader.lexicon.speech import MEDIA_NOUNS
from reader.nlp.labels import DATE, PREP, TIME

if TYPE_CHECKING:
    from spacy.tokens import Token

_FUNCTION_CLASSES = frozenset({"DET", "ADP", "CCONJ", "PUNCT", "SPACE", "PART"})


def only_setting(tokens: Sequence[Token]) -> bool:
    """True if the words are a time ("Thursday night") or a medium ("French television",
    "social media and cable news"), with nothing said in them."""
    words = [t for t in tokens if t.pos_ not in _FUNCTION_CLASSES]
    if not words:
        return False
    if all(t.ent_type_ in (DATE, TIME) for t in words):
        return True
    inside = {t.i for t in words}
    heads = [t for t in words if t.head.i not in inside or t.head.i == t.i]
    return len(heads) == 1 and _is_medium(heads[0])


def _is_medium(head: Token) -> bool:
    if head.text in PLATFORMS or head.lower_ in MEDIA_NOUNS:
        return not any(c.dep_ == PREP for c in head.children)  # "the site of the attack"
    return False
