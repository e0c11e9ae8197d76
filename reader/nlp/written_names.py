"""The pattern of a name as page furniture and transcripts write it, for regular
expressions that look for names in raw text (credits, citations, a transcript's labels),
and whether a name opens its sentence, where every word is capitalised.

At most six capitalised words, with the particles of names between them ("Ana de Souza",
"Omar bin Laden"); bounded, so a long run of capitals costs linear time.
"""

from __future__ import annotations

#: A name of at most six words, as a regular-expression fragment with no group of its own.
NAME_PATTERN = r"[A-Z][\w.'’-]{0,40}(?:[ \t]+(?:[A-Z][\w.'’-]{0,40}|de|van|von|da|al|bin)){0,5}"


def opens_sentence(text: str, start: int) -> bool:
    """Nothing but spaces, quotation marks or a sentence's end before ``start``."""
    before = text[max(0, start - 40) : start].rstrip(" \t\"“‘'")
    return not before or before[-1] in ".!?:\n"
