"""Where the words of a library search occur in an article, to mark them when a hit is opened.

The words are those the search looked for (operators, negated words and punctuation left
out); a word matches at the start of a word of the text, in any case, as the library's
prefix search does, so "minist" and "minister" both mark "Ministers"; and the other forms
of a word the search found by its stem ("redundancies" marks "redundancy") are marked too
(``reader.library.stems.word_forms``).
"""

from __future__ import annotations

import re

from reader.library.stems import word_forms

_OPERATORS = frozenset({"AND", "OR", "NOT"})
_CHUNK = re.compile(r'"[^"]*"?\*?|[^\s"]+')
_WORD = re.compile(r"[^\W_]+")


def search_words(query: str) -> list[str]:
    """The words a search looks for, in order, each once (lower case)."""
    words: list[str] = []
    negate_next = False
    for chunk in _CHUNK.findall(query):
        if chunk in _OPERATORS:
            negate_next = chunk == "NOT"
            continue
        negated = negate_next or (chunk.startswith("-") and len(chunk) > 1)
        negate_next = False
        if negated:
            continue
        for word in _WORD.findall(chunk):
            if word.lower() not in words:
                words.append(word.lower())
    return words


def find_matches(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Every stretch of ``text`` that is a word starting with one of ``words``, in order."""
    wanted = [w for w in words if w]
    if not wanted:
        return []
    wanted += word_forms(set(_WORD.findall(text)), wanted)
    # Longest first, so "minister" wins over "min" at the same place.
    alternatives = "|".join(re.escape(w) for w in sorted(wanted, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
