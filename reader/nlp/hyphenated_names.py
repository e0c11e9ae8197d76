"""Names written family name first with a hyphenated given name: "Lam Cheuk-ting",
"Wong Kwok-hing", "Park Ji-hoon".

The tagger often cuts them at the hyphen ("Wong Kwok" a person, "-hing" nothing) or takes
them into a party or a title before them ("Pan-democrat Lam Cheuk-ting" an organisation).
The form itself is the evidence: a capitalised word, then a capitalised syllable joined by
a hyphen to a lower-case one, that is not a compound adjective ("Hong Kong-based").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.lexicon.name_parts import NOT_NAME_ENDINGS
from reader.model import Entity
from reader.nlp.labels import ACTOR_LABELS, PRODUCT

_HYPHENATED_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]{1,7}[ ][A-Z][a-z]{1,7}-[a-z]{2,7}(?![\w-])")
_CAN_HOLD_A_NAME = ACTOR_LABELS | {PRODUCT}


def hyphenated_names(text: str, start: int, end: int, entities: Sequence[Entity]) -> list[Entity]:
    """``entities`` (of ``text[start:end]``) with each such name one PERSON."""
    result = list(entities)
    for match in _HYPHENATED_NAME.finditer(text, start, end):
        if match.group().rsplit("-", 1)[1] in NOT_NAME_ENDINGS:
            continue
        result = _as_person(result, match.start(), match.end(), match.group())
    return result


def _as_person(entities: list[Entity], start: int, end: int, name: str) -> list[Entity]:
    overlapping = [e for e in entities if e.start < end and start < e.end]
    if any(e.label not in _CAN_HOLD_A_NAME for e in overlapping):
        return entities
    if any(e.end > end for e in overlapping):
        return entities  # the name runs on into something longer
    if any(e.label == "PERSON" and e.start == start and e.end == end for e in overlapping):
        return entities
    kept = [e for e in entities if e not in overlapping]
    for e in overlapping:
        if e.start < start:  # "Pan-democrat Lam Cheuk-ting": keep a body's own words
            head = e.text[: start - e.start].rstrip()
            if len(head.split()) >= 2 and e.label == "ORG":
                kept.append(Entity(e.start, e.start + len(head), head, e.label))
    kept.append(Entity(start, end, name, "PERSON"))
    return sorted(kept, key=lambda e: (e.start, e.end))
