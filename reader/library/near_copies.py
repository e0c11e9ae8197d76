"""Near copies: whether two article texts are the same story, told by their words.

The same story reaches a library more than once: as a PDF and as the text it was made from,
or as a wire story that two outlets ran with small edits. Their bytes differ, so their
sha256 does; their words mostly do not.

Method. A text becomes its words: Unicode-normalised (NFKC: ligatures, full-width forms),
case-folded, words broken over a line by a hyphen joined again (PDF extraction), soft
hyphens dropped, and every run of letters and digits a word, so punctuation, quotation
marks, spacing and line breaks never count; a title the text starts with (a TXT file's
first line) is left out, since a PDF keeps it apart and outlets write their own. Its
shingles are its runs of ``SHINGLE`` (5) words, each hashed to 64 bits (BLAKE2b). Two
texts are **copies** when the resemblance of their shingle sets (Jaccard: shared shingles
over all shingles) is at least ``THRESHOLD`` (0.8), computed exactly from both texts.

Finding the other copy among many articles takes no scan: each text has a MinHash sketch
(one permutation hashing: a shingle goes to one of ``BINS`` bins by its hash, and each bin
keeps its smallest hash) cut into ``BANDS`` bands of ``ROWS`` bins, and each band is hashed
to one integer. The library keeps those integers in an indexed table
(``reader.library.copies``); articles sharing a band with a new one are its candidates, and
only those are compared exactly. Two texts of resemblance s share a given band with
probability about s², so at s = 0.8 at least one of 10 bands with probability
1 − (1 − 0.64)¹⁰ > 0.9999, while different stories on one subject (s below 0.1) share
one in under 10 % of cases and are then told apart by the exact comparison.

Measured (tests/test_library_near_copies.py, a wire story of four paragraphs): the same
text as TXT and as PDF 1.0; as a second outlet ran it (its own headline, two words changed,
a credit line added) 0.85; another story on the same subject, with the same people, 0.0.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

#: Words in a shingle.
SHINGLE = 5
#: Copies have at least this resemblance (Jaccard of the shingle sets).
THRESHOLD = 0.8
#: The sketch: BANDS bands of ROWS bins each.
BANDS = 10
ROWS = 2
BINS = BANDS * ROWS

_BROKEN_WORD = re.compile(r"([^\W\d_])-[ \t]*\r?\n\s*([^\W\d_])")
_WORD = re.compile(r"[^\W_]+")
#: Band values are stored as SQLite integers: 63 bits, never negative.
_BAND_BITS = 63


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text's shingle hashes, and the band values the library looks them up by."""

    shingles: frozenset[int]
    bands: tuple[int, ...]

    def resemblance(self, other: Fingerprint) -> float:
        return resemblance(self.shingles, other.shingles)

    def is_copy_of(self, other: Fingerprint) -> bool:
        return bool(self.shingles) and self.resemblance(other) >= THRESHOLD


def words(text: str) -> list[str]:
    """The words of a text as compared: normalised, case-folded, without punctuation."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = _BROKEN_WORD.sub(r"\1\2", text)
    return _WORD.findall(text.casefold())


def shingles(text: str, title: str | None = None) -> frozenset[int]:
    """The hashes of a text's runs of ``SHINGLE`` words (of all of them, when fewer); a
    ``title`` the text starts with is left out (a headline is the outlet's, not the story's,
    and a PDF holds it apart from the text)."""
    found = words(text)
    heading = words(title) if title else []
    if heading and found[: len(heading)] == heading:
        found = found[len(heading) :]
    if not found:
        return frozenset()
    runs = range(max(1, len(found) - SHINGLE + 1))
    return frozenset(_hash(" ".join(found[i : i + SHINGLE])) for i in runs)


def fingerprint(text: str, title: str | None = None) -> Fingerprint:
    """The fingerprint of a text: made once, then kept a while (``_RECENT``), since the
    articles stored last are the likeliest candidates of the next (a bulk add of one
    outlet's wire stories compares each new one with the ones before it)."""
    key = (text, title)
    found = _RECENT.get(key)
    if found is None:
        hashes = shingles(text, title)
        found = Fingerprint(hashes, bands(hashes))
        _RECENT.keep(key, found)
    return found


class _RecentFingerprints:
    """The fingerprints made last, by their exact text and title, up to ``budget`` shingles
    in all (a 100,000-word article alone takes about 6 MB); the oldest go first."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.held = 0
        self._kept: OrderedDict[tuple[str, str | None], Fingerprint] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str | None]) -> Fingerprint | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def keep(self, key: tuple[str, str | None], found: Fingerprint) -> None:
        size = len(found.shingles)
        if size > self.budget:
            return
        with self._lock:
            if key in self._kept:
                return
            self._kept[key] = found
            self.held += size
            while self.held > self.budget:
                _, oldest = self._kept.popitem(last=False)
                self.held -= len(oldest.shingles)


#: About 12 MB of fingerprints at most.
_RECENT = _RecentFingerprints(budget=200_000)


def bands(hashes: Iterable[int]) -> tuple[int, ...]:
    """The band values of a sketch of these shingle hashes (a band with an empty bin, in
    a text of few words, has none)."""
    bins: list[int | None] = [None] * BINS
    for value in hashes:
        slot, rest = value % BINS, value // BINS
        kept = bins[slot]
        if kept is None or rest < kept:
            bins[slot] = rest
    found = []
    for band in range(BANDS):
        part = bins[band * ROWS : (band + 1) * ROWS]
        if all(value is not None for value in part):
            found.append(_hash(f"{band}:" + ":".join(map(str, part))) >> (64 - _BAND_BITS))
    return tuple(found)


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared shingles over all shingles (0 for two empty texts: nothing to compare)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")
