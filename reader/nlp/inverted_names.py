"""Names written surname first in lists: "Austen, Jane. Pride and Prejudice", "Marx, Karl
and Engels, Friedrich. The Communist Manifesto".

Reading lists, bibliographies and credits invert names so they sort. The tagger takes the
surname for a town or a thing ("London, Jack") and the given name for a person of its own
("Karl"). An item that opens a line with "Surname, Given." (or "Surname, Given and
Surname, Given."), whose given name the given-name data knows and that is no country or
state ("Kingston, Jamaica."), is one person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.lexicon.open_class import is_common_given_name, place_kind
from reader.model import Entity
from reader.nlp.labels import PERSON

_WORD = r"[A-Z][\w'’-]{1,30}"
#: "Macaulay, Thomas Babington" up to the full stop or "and" that ends the name.
_INVERTED = re.compile(
    rf"(?P<surname>{_WORD}(?:[ \t]{_WORD})?),[ \t]+(?P<given>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"
    rf"(?=\.[ \t]|\.$|[ \t]+and[ \t]+{_WORD},)",
    re.MULTILINE,
)
#: Where an inverted name may begin: a line's start, or "and " after another one.
_ITEM_START = re.compile(r"(?:^|\n)[ \t]*$|[ \t]and[ \t]+$")


def inverted_names(text: str) -> list[tuple[int, int]]:
    """The spans of names written "Surname, Given" at the start of a list item."""
    found: list[tuple[int, int]] = []
    for match in _INVERTED.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if match.start() > 0 and not _ITEM_START.search(before):
            continue
        given = match.group("given").split()[0]
        # "Kingston, Jamaica", "Paris, Texas": a country or state after a town is no name.
        if is_common_given_name(given) and place_kind(given) not in ("country", "state"):
            found.append(match.span())
    return found


def people_in_inverted_names(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The entities with each inverted name as one person in place of what it overlapped."""
    spans = inverted_names(text)
    if not spans:
        return list(entities)
    kept = [e for e in entities if not any(s < e.end and e.start < t for s, t in spans)]
    people = [Entity(s, t, text[s:t], PERSON) for s, t in spans]
    return sorted([*kept, *people], key=lambda e: (e.start, e.end))
