"""Words that say too little to name what a statement is about (``reader.positions``).

A noun phrase in a statement is one of its subjects unless its head is a vague noun ("the
end of the year", "a wide range of topics": "end", "range", "year" are about nothing in
particular), and the words narrowing it leave out vague adjectives ("additional military
sites" is about military sites).
"""

from __future__ import annotations

from reader.lexicon.words import wordset

#: Nouns too general to be what a statement is about.
VAGUE_NOUNS: frozenset[str] = wordset(
    """
    thing things way ways lot kind sort part one time times fact end range number day days
    week weeks month months year years today yesterday tomorrow moment point case place
    example side manner something anything everything nothing someone anyone everyone
    percent per cent bit matter people person
    """
)

#: Adjectives that narrow nothing: "additional military sites" is about military sites.
VAGUE_MODIFIERS: frozenset[str] = wordset(
    """
    additional extra other new such any own same more many much certain several various further
    recent current possible different main major whole entire full only last next first
    second third previous particular specific general real little big great good bad
    """
)

#: Words that carry a statement's stance, by what they do: a reader sees at a glance where
#: one statement differs from another on the same subject. Verbs are listed in their base
#: form and found in every inflection ("welcomes", "welcomed", "welcoming").
STANCE_WORDS: dict[str, frozenset[str]] = {
    "negation": wordset("not no never neither nor without cannot none nobody nothing"),
    "support": wordset(
        """
        support welcome back endorse favour favor agree approve praise applaud accept
        embrace defend
        """
    ),
    "opposition": wordset(
        """
        oppose reject condemn deny criticise criticize object resist denounce dismiss veto
        block against
        """
    ),
    "promise": wordset("promise pledge vow commit guarantee ensure"),
    "refusal": wordset("refuse decline"),
}

#: Phrases of several words that carry stance: "no longer" changed a position.
STANCE_PHRASES: dict[str, tuple[str, ...]] = {
    "negation": ("no longer", "not yet", "not any more", "any longer"),
    "refusal": ("rule out", "ruled out", "rules out", "ruling out"),
}
