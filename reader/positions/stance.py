"""The words that carry a statement's stance, found so that a reader can see them.

Negation ("not", "never", "no longer"), support ("welcome", "back"), opposition
("reject", "condemn"), promises ("pledge", "vow") and refusals ("refuse", "rule out"),
from ``reader.lexicon.positions``. A position's statements are shown side by side with
these words marked; nothing here decides that two statements contradict each other: the
reader sees the words and judges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.lexicon.positions import STANCE_PHRASES, STANCE_WORDS

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
#: Endings a verb takes: "welcomes", "welcomed", "welcoming", "denied".
_ENDINGS = ("ing", "ied", "ies", "ed", "es", "s", "d")


@dataclass(frozen=True, slots=True)
class StanceWord:
    """A word or phrase of a statement that carries stance: ``text[start:end]``."""

    start: int
    end: int
    kind: str  # "negation", "support", "opposition", "promise" or "refusal"


def stance_words(text: str) -> list[StanceWord]:
    """Every stance word and phrase of ``text``, in text order, not overlapping."""
    found: list[StanceWord] = []
    lower = text.lower()
    for phrase_kind, phrases in STANCE_PHRASES.items():
        for phrase in phrases:
            for match in re.finditer(rf"\b{re.escape(phrase)}\b", lower):
                found.append(StanceWord(match.start(), match.end(), phrase_kind))
    taken = [(w.start, w.end) for w in found]
    for match in _WORD.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        kind = _kind_of(match.group().lower())
        if kind is not None:
            found.append(StanceWord(match.start(), match.end(), kind))
        elif match.group().lower().endswith(("n't", "n’t")):
            found.append(StanceWord(match.end() - 3, match.end(), "negation"))
    found.sort(key=lambda w: w.start)
    return found


@cache
def _kind_of(word: str) -> str | None:
    for form in (word, *_stems(word)):
        for kind, words in STANCE_WORDS.items():
            if form in words:
                return kind
    return None


def _stems(word: str) -> list[str]:
    """Base forms ``word`` may be an inflection of: "denied" → "deny", "backing" → "back"."""
    stems = []
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            stems += [stem, stem + "e"]
            if ending in ("ied", "ies"):
                stems.append(stem + "y")
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "committed" → "commit"
    return stems
