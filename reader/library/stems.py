"""Word forms in library search: what the index's stemmer makes of a word, and of a prefix.

The full-text indexes (``articles_fts``, ``statements_fts``) are tokenized with
``porter unicode61``: words are case-folded, stripped of diacritics and cut to their Porter
stem, so "redundancies" finds "redundancy" and "says" finds "say" ("said" does not: Porter
stems suffixes, it knows no irregular verbs). The stems here come from SQLite's own
tokenizer (an FTS5 table in memory read through ``fts5vocab``), so they are those the index
holds, never a second stemmer's.

FTS5 stems the text before a ``*`` as well, which breaks prefixes that stop inside a suffix:
"universit*" becomes the stem "universit", while "university" is indexed as "univers".
``index_prefix`` gives the prefix to ask for instead: the part every form the prefix can
start (the prefix with Porter's suffixes added) shares once stemmed, cut back until the
stemmer leaves it a prefix of itself. It finds every word the prefix starts, and a few more
that share their stem ("universit*" also finds "universe").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from functools import lru_cache

#: The tokenizer of both full-text indexes (``schema._STEMMED_SEARCH`` on).
TOKENIZER = "porter unicode61"

#: Endings Porter's rules take off or change: a prefix followed by any of them is a word
#: whose stem the prefix's index form must start.
_ENDINGS = (
    "", "s", "es", "ies", "ied", "ed", "ing", "e", "y", "ly", "er", "ers", "est", "ation",
    "ations", "ational", "ator", "ize", "ise", "izer", "ization", "isation", "ized", "ised",
    "izing", "ness", "ful", "fulness", "iveness", "ousness", "ity", "ities", "ality", "ivity",
    "bility", "ical", "icate", "ative", "alize", "alise", "al", "ally", "ance", "ence", "ancy",
    "ency", "ment", "ments", "ement", "ent", "ant", "able", "ible", "ic", "ism", "ist", "ate",
    "ated", "ating", "ous", "ive", "ion", "ions", "ened", "ening",
)  # fmt: skip


def stems(words: list[str]) -> list[str | None]:
    """The index form of each word (None for one that is no single token)."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE words USING fts5 (word, tokenize='{TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab (words, 'instance')")
        # One document is read seven times faster than a row for each word; its tokens are
        # the words when each is one token, else each word is tokenized on its own.
        conn.execute("INSERT INTO words (rowid, word) VALUES (0, ?)", (" ".join(words),))
        found = conn.execute("SELECT offset, term FROM v WHERE doc = 0").fetchall()
        if len(found) == len(words) and all(" " not in w and w for w in words):
            return [str(term) for _, term in sorted(found)]
        conn.executemany("INSERT INTO words (rowid, word) VALUES (?, ?)", enumerate(words, 1))
        each: dict[int, list[str]] = {}
        for doc, term in conn.execute("SELECT doc, term FROM v WHERE doc > 0"):
            each.setdefault(int(doc), []).append(str(term))
    finally:
        conn.close()
    return [
        terms[0] if len(terms := each.get(n, [])) == 1 else None for n in range(1, len(words) + 1)
    ]


@lru_cache(maxsize=1024)
def index_prefix(prefix: str) -> str:
    """What to put before ``*`` so that every word starting with ``prefix`` is found."""
    forms = stems([prefix + ending for ending in _ENDINGS])
    if any(form is None for form in forms):
        return prefix  # not one word to the tokenizer: leave it to FTS5
    shared = _shared_start([form for form in forms if form is not None])
    # FTS5 stems what it is given: stop where the stemmer leaves it a prefix of itself.
    while shared:
        (stem,) = stems([shared])
        if stem is None or shared.startswith(stem):
            break
        shared = _shared_start([shared, stem])
    return shared or prefix


def _shared_start(texts: list[str]) -> str:
    """The longest start all of ``texts`` have in common."""
    first, last = min(texts), max(texts)
    length = 0
    while length < min(len(first), len(last)) and first[length] == last[length]:
        length += 1
    return first[:length]


def word_forms(present: Iterable[str], searched: Iterable[str]) -> list[str]:
    """The words of ``present`` a search for ``searched`` finds by their stem ("redundancy"
    for "redundancies"), lower case, in sorted order: what to mark in an opened article."""
    wanted = {stem for stem in stems(sorted(set(searched))) if stem}
    words = sorted({word.lower() for word in present})
    if not wanted or not words:
        return []
    return [word for word, stem in zip(words, stems(words), strict=True) if stem in wanted]
