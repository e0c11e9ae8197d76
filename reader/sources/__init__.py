"""Sources: who gets to speak in an article, told only by what its text says.

A *source* is an actor that made at least one statement. ``facts.source_facts`` gives, for
each source of an ``Analysis``, whether it is named, its kind, its role (``roles``: from the
role nouns and titles the article uses for it), its gender where the text tells it
(``gender``: honorifics, gendered nouns, pronouns resolved to it, a clearly gendered given
name) and how much of what it said is quoted directly. Pure functions over the analysis;
the library stores their answers with each article (``reader.library.sources``).
"""

from __future__ import annotations

from reader.sources.facts import SourceFacts, source_facts

__all__ = ["SourceFacts", "source_facts"]
