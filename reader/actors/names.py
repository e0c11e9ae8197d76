"""Name normalisation: how two surface forms of one name are recognised as the same.

Everything here is pure string work on single mentions (no spaCy, no article state):
possessives ("al-Assad's"), titles and honorifics ("President", "Mr"), name particles
("al-", "bin", "van") and case are stripped to give comparable keys; titles written just
before a name are read off so that "the president" can later find who was given that title.
The words themselves are the lexicon's (``reader.lexicon``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from reader.lexicon.groups import GROUP_NOUNS, IRREGULAR_PLURALS
from reader.lexicon.name_parts import COMPANY_SUFFIXES, DETERMINERS, PARTICLES, SUFFIXES
from reader.lexicon.open_class import given_name, place_kind
from reader.lexicon.titles import (
    GENDERED_TITLES,
    HONORIFICS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    Gender,
)

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_WORD = re.compile(r"[^\s]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def strip_possessive(surface: str) -> str:
    """``"al-Assad's"`` → ``"al-Assad"``; ``"the Smiths'"`` → ``"the Smiths"``."""
    return _POSSESSIVE.sub("", surface.strip())


def _clean_word(word: str) -> str:
    return word.strip(".,;:!?\"'“”‘’()[]").lower().replace(".", "")


def _drop_particles(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        # "al-assad" → "assad": a particle joined by a hyphen is dropped with its hyphen.
        head, sep, rest = word.partition("-")
        if sep and rest and head in PARTICLES:
            word = rest
        if word in PARTICLES or not word:
            continue
        out.append(word)
    return out or words


@lru_cache(maxsize=8192)
def split_title(surface: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a surface form into (title words, name words), both cleaned and lower case.

    Leading words up to and including the last title head or honorific are the title
    ("Syrian President Bashar al-Assad" → ``("syrian", "president")``, ``("bashar",
    "al-assad")``), as long as at most one word before it is not a title word ("Martin
    Luther King Jr." has no title); at least one name word is always kept.
    """
    words = [_clean_word(w) for w in _WORD.findall(strip_possessive(surface))]
    words = [w for w in words if w]
    cut = 0
    other = 0
    for i, word in enumerate(words[:-1]):
        if word in TITLE_HEADS or word in HONORIFICS:
            cut = i + 1
        elif word not in TITLE_MODIFIERS:
            other += 1
            if other > 1:
                break
    return tuple(words[:cut]), tuple(words[cut:])


@lru_cache(maxsize=8192)
def given_name_gender(surface: str) -> Gender | None:
    """The gender a common given name suggests ("Tom Okafor" → male), only for full names."""
    _, words = split_title(surface)
    if len(words) < 2:
        return None
    found = given_name(words[0])
    return found.gender if found is not None else None


def forms_gender(forms: Iterable[str]) -> Gender | None:
    """The gender the given names of a person's forms lean to, for "he" or "she".

    The first full name decides ("Kristen Wilkins" → female); a person only ever named by
    one word is taken at it when that word is a common given name ("Rebecca:" heading an
    interview answer). The lean is weaker evidence than ``given_name_gender``'s: it only
    chooses between people, it names no one.
    """
    single: Gender | None = None
    for form in forms:
        _, words = split_title(form)
        if len(words) > 1:
            found = given_name(words[0])
            return found.leaning if found is not None else None
        found = given_name(words[0]) if words and single is None else None
        if found is not None and found.common:
            single = found.leaning
    return single


def name_tokens(surface: str) -> tuple[str, ...]:
    """Comparable tokens of a person's name: no title, suffix, possessive, particles or case."""
    _, words = split_title(surface)
    names = list(words)
    while len(names) > 1 and names[-1] in SUFFIXES:
        names.pop()
    return tuple(_drop_particles(names))


@lru_cache(maxsize=8192)
def entity_key(surface: str, label: str = "") -> str:
    """Comparable key of a non-person name: "the U.S." = "US", "Russians" = "Russian"."""
    words = [_clean_word(w) for w in _WORD.findall(strip_possessive(surface))]
    words = [w for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    # "Harbourline Ltd." = "Harbourline": a company is the same without its legal form.
    while len(words) > 1 and label == "ORG" and words[-1] in COMPANY_SUFFIXES:
        words = words[:-1]
    key = " ".join(words)
    # Plural demonyms are the same group as the adjective: "Russians" = "Russian".
    if label == "NORP" and key.endswith(("ans", "ians")):
        key = key[:-1]
    return key


_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_FOLDED_POSSESSIVE = re.compile(r"['’]s\b")


def _folded(text: str) -> str:
    """Case, diacritics and punctuation ignored; hyphens and apostrophes join name parts."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _FOLDED_POSSESSIVE.sub("", text.casefold())
    text = text.replace("-", " ").replace("'", "").replace("’", "")
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


def identity_key(name: str, kind: str) -> str:
    """The key of a name across articles: ``name_tokens`` or ``entity_key``, folded.

    People compare as ``name_tokens`` does within an article (no title, honorific, suffix
    or particle: "Ambassador John Smith" = "John Smith"); everything else as ``entity_key``
    (titles kept: "Prime Minister's Office" is not "Office"). The library files its actors
    under this key, and a correction finds the actor it names by it.
    """
    if kind == "person":
        words = " ".join(name_tokens(name))
    else:
        words = entity_key(name, "NORP" if kind == "group" else "")
    return _folded(words)


def description_key(surface: str) -> str:
    """Key of a common-noun description: ``"the experts"`` = ``"experts"``."""
    words = [_clean_word(w) for w in _WORD.findall(strip_possessive(surface))]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def acronym(surface: str) -> str | None:
    """Initials of a multi-word proper name (``"United Nations"`` → ``"un"``), else None."""
    words = [w for w in _WORD.findall(strip_possessive(surface)) if w[:1].isupper()]
    if words and words[0] == "The":  # "The World Health Organisation" → "who"
        words = words[1:]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words).lower()


def is_acronym(surface: str) -> bool:
    """``"UN"``, ``"U.S."``: two to six capitals, dots allowed."""
    bare = strip_possessive(surface).replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


def slugify(name: str) -> str:
    """A readable id: ``"Bashar al-Assad"`` → ``"bashar-al-assad"``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NON_SLUG.sub("-", ascii_name.lower()).strip("-") or "actor"


@dataclass(frozen=True, slots=True)
class PersonTitle:
    """A person's title written before their name, lower case: ("syrian", "president").

    Not an article's title (``Article.title``, ``reader.output.article_titles``).
    """

    words: tuple[str, ...]
    gender: Gender | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """Lookup keys from most to least specific: "syrian president", "president"."""
        keys = [" ".join(self.words[i:]) for i in range(len(self.words))]
        return tuple(dict.fromkeys(k for k in keys if k))


_BEFORE_WINDOW = 60


def title_before(text: str, start: int) -> PersonTitle | None:
    """The title written just before a name at ``start``, e.g. "Russian President " → president.

    Walks back over title words ("Prime Minister"), then takes at most one capitalised
    qualifier ("Syrian", "Russian") so "the Syrian president" can prefer the right one.
    """
    window = text[max(0, start - _BEFORE_WINDOW) : start]
    if not window or not window[-1].isspace():
        return None
    words = window.split()
    if not words:
        return None
    if words[-1].endswith(","):
        words[-1] = words[-1][:-1]
    taken: list[str] = []
    gender: Gender | None = None
    i = len(words) - 1
    head = _clean_word(words[i])
    if head in HONORIFICS:
        return PersonTitle((), HONORIFICS[head])
    if head not in TITLE_HEADS:
        return None
    gender = GENDERED_TITLES.get(head)
    taken.append(head)
    i -= 1
    while i >= 0 and _clean_word(words[i]) in TITLE_MODIFIERS | TITLE_HEADS:
        taken.append(_clean_word(words[i]))
        i -= 1
    if i >= 0 and words[i][:1].isupper() and not words[i].endswith((",", ".", ":", ";")):
        qualifier = _clean_word(strip_possessive(words[i]))
        if qualifier and qualifier not in DETERMINERS:
            taken.append(qualifier)
    return PersonTitle(tuple(reversed(taken)), gender)


_AFTER_WINDOW = 60
_APPOSITION = re.compile(r"\s*,\s+(?:the\s+|an?\s+)?")


def title_after(text: str, end: int) -> PersonTitle | None:
    """A title in apposition after a name: "Vladimir Putin, the Russian president," → president.

    Up to three words may lead to the title head: title modifiers ("foreign"), one capitalised
    qualifier ("Russian", "Kremlin") or a possessive ("Russia's").
    """
    window = text[end : end + _AFTER_WINDOW]
    lead = _APPOSITION.match(window)
    if lead is None:
        return None
    taken: list[str] = []
    words = window[lead.end() :].split()[:5]
    for i, raw in enumerate(words[:4]):
        word = _clean_word(strip_possessive(raw))
        if word in TITLE_HEADS:
            following = words[i + 1] if i + 1 < len(words) else ""
            if following[:1].isupper() and not raw.endswith(","):
                return None  # "Smith, President Biden said": the title is Biden's
            taken.append(word)
            return PersonTitle(tuple(taken), GENDERED_TITLES.get(word))
        possessive = strip_possessive(raw) != raw
        if word in TITLE_MODIFIERS or raw[:1].isupper() or possessive:
            if raw.endswith((",", ".", ";", ":")):
                return None
            taken.append(word)
            continue
        return None
    return None


def honorific_gender(surface: str) -> Gender | None:
    """Gender implied by a title inside the surface form itself ("Mrs May", "King Charles")."""
    titles, _ = split_title(surface)
    for word in titles:
        gender = HONORIFICS.get(word)
        if gender:
            return gender
        if word in GENDERED_TITLES:
            return GENDERED_TITLES[word]
    return None


_NAME_WORD = re.compile(
    r"^[A-Z][\w'’.-]*$|^(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")(?:-\w+)?$"
)


def looks_like_name(surface: str) -> bool:
    """Capitalised words, particles allowed: "John Smith", "Bashar al-Assad", "President Putin"."""
    words = strip_possessive(surface).split()
    if not words or words[0].lower() in DETERMINERS:
        return False
    return all(_NAME_WORD.match(w) for w in words) and any(c.isupper() for w in words for c in w)


def capitalised_plural(word: str) -> bool:
    """A plural common noun capitalised only because it opens a sentence ("Estimates
    suggest", "Hackers attack"): plural in form, and neither a given name nor a place."""
    clean = _clean_word(word)
    if not word[:1].isupper() or not word[1:].islower() or not clean.isalpha():
        return False
    if given_name(clean) is not None or place_kind(word) is not None:
        return False
    return _plural_in_form(clean)


def is_plural_noun(word: str) -> bool:
    """A plural common noun: "experts", "powers", "people"; capitalised only if a known group."""
    clean = _clean_word(word)
    if clean in GROUP_NOUNS or clean in IRREGULAR_PLURALS:
        return True
    if not clean.isalpha() or not word.strip(".,;:!?\"'“”‘’()").islower():
        return False
    return _plural_in_form(clean)


def _plural_in_form(clean: str) -> bool:
    """Ends as an English plural: "experts", "estimates"; not "press", "bus", "analysis"."""
    return len(clean) > 3 and clean.endswith("s") and not clean.endswith(("ss", "us", "is"))
