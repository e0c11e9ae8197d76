"""Descriptions: article actors known only by a common noun ("a spokesperson", "the company").

Such an actor is someone in its own article, but a description names no one across
articles: the spokesperson of a council story and the spokesperson of a transport story are
two people. The library files a description under its article alone.
"""

from __future__ import annotations

from reader.actors.names import description_key, is_plural_noun, strip_possessive
from reader.lexicon.groups import BODY_NOUNS, GROUP_NOUNS, ORGANISATION_HEADS
from reader.lexicon.name_parts import DETERMINERS
from reader.lexicon.titles import NEUTRAL_ROLES, ROLE_WORDS, TITLE_HEADS

#: One capitalised word that is still a common noun when it opens a sentence: "Police
#: said", "Minister said", "Officials said".
_COMMON_HEADS = ROLE_WORDS | TITLE_HEADS | ORGANISATION_HEADS | BODY_NOUNS | GROUP_NOUNS


def is_description(name: str, aliases: tuple[str, ...] | list[str] = ()) -> bool:
    """True when every name of the actor is a common-noun description, none a proper name."""
    names = [n for n in (name, *aliases) if n.strip()]
    return bool(names) and all(_described(n) for n in names)


def _described(name: str) -> bool:
    words = strip_possessive(name).split()
    if len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]  # "The company": the article's capital, not a name's
    if not words:
        return False
    if all(not any(c.isupper() for c in w) for w in words):
        return True  # "spokesperson", "a spokesman", "officials"
    if len(words) == 1 and words[0][1:].islower():
        word = words[0].lower()
        return word in _COMMON_HEADS or is_plural_noun(word)
    return False


def speaking_for(speaker: str | None, actor: str | None) -> str | None:
    """How a statement a description made for a named actor is shown: "spokesperson,
    Western Health Board" for "a spokeswoman" filed under the board, the role in a word
    that says nothing of who held it (``NEUTRAL_ROLES``); None for any other statement."""
    if not speaker or not actor or not is_description(speaker) or is_description(actor):
        return None
    role = " ".join(NEUTRAL_ROLES.get(w, w) for w in description_key(speaker).split())
    return f"{role}, {actor}" if role else None
