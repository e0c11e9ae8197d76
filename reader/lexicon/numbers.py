"""Number words: what the tagger rightly calls a number although it has no digits.

A capitalised word the tagger labels a number and that is not one of these is a name it
mistook ("Aileen" of "Aileen MacLeod"; ``reader.nlp.name_repair``).
"""

from __future__ import annotations

from reader.lexicon.words import wordset

NUMBER_WORDS: frozenset[str] = wordset(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    trillion dozen dozens score scores half quarter third fourth fifth sixth seventh eighth
    ninth tenth first second both several many few none single double triple once twice
    """
)
