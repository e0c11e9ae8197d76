"""Named entities from the parsed paragraphs, corrected for what real news needs."""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Entity
from reader.nlp import Paragraph


def extract_entities(text: str, paragraphs: Sequence[Paragraph]) -> list[Entity]:
    """Entities in text order with article offsets."""
    return [
        Entity(p.start + e.start_char, p.start + e.end_char, e.text, e.label_)
        for p in paragraphs
        for e in p.doc.ents
    ]
