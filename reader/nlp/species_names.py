"""Names of species ("Formica fusca", "Edwardsiella andrillae", "Aedes aegypti"): the genus
is capitalised like a name and the tagger takes it for a person or a body, but a species is
no actor.

A one-word name followed by a lower-case word that ends as Latin epithets do and that is
no English word is a species' name. English words are the model's own: the nouns, verbs,
adjectives and adverbs its lemmatizer knows (WordNet's), and its stop words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from reader.model import Entity
from reader.nlp.labels import ACTOR_LABELS

#: Endings of Latin species epithets ("fusca", "andrillae", "aegypti", "coli", "pipiens"
#: aside) that English verbs after a name never have ("teaches", "argues": no "-es").
_EPITHET = re.compile(r"[ \t]([a-z]{3,30}(?:a|ae|i|ii|us|um|is|ensis|oides))\b")


@cache
def english_words() -> frozenset[str]:
    """Every word form the model's lemmatizer and stop list know, lower case."""
    from reader.nlp.parsing import load_nlp

    nlp = load_nlp()
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")  # spaCy types it as a bare callable
        lookups = lemmatizer.lookups
        for name in ("lemma_index", "lemma_exc"):
            if lookups.has_table(name):
                table = lookups.get_table(name)
                for key in table:
                    value = table[key]
                    if isinstance(value, dict):
                        words.update(value)
                        words.update(w for forms in value.values() for w in forms)
                    else:
                        words.update(value)
    return frozenset(words)


def is_species_name(text: str, entity: Entity) -> bool:
    """The one-word name starts a species' name: a Latin epithet follows it."""
    if " " in entity.text or entity.label not in ACTOR_LABELS:
        return False
    epithet = _EPITHET.match(text, entity.end)
    return epithet is not None and epithet.group(1) not in english_words()


def without_species(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """The entities but the genus names of species."""
    return [e for e in entities if not is_species_name(text, e)]
