"""Statements: direct quotations and reported speech, with their cue and speaker mention."""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Entity, Quote
from reader.nlp import Paragraph


def find_quotes(
    text: str, paragraphs: Sequence[Paragraph], entities: Sequence[Entity]
) -> list[Quote]:
    """Every statement in the article, in text order, not yet linked to actors."""
    return []
