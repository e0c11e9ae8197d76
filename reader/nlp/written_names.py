"""The pattern of a name as page furniture and transcripts write it, for regular
expressions that look for names in raw text (credits, citations, a transcript's labels).

At most six capitalised words, with the particles of names between them ("Ana de Souza",
"Omar bin Laden"); bounded, so a long run of capitals costs linear time.
"""

from __future__ import annotations

#: A name of at most six words, as a regular-expression fragment with no group of its own.
NAME_PATTERN = r"[A-Z][\w.'’-]{0,40}(?:[ \t]+(?:[A-Z][\w.'’-]{0,40}|de|van|von|da|al|bin)){0,5}"
