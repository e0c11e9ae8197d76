"""Building word lists: whitespace-separated words, each written once."""

from __future__ import annotations


def wordset(words: str) -> frozenset[str]:
    """The words of ``words`` as a set; a word written twice is a mistake in the list."""
    listed = words.split()
    repeated = sorted({w for w in listed if listed.count(w) > 1})
    if repeated:
        raise ValueError(f"words listed twice: {', '.join(repeated)}")
    return frozenset(listed)
