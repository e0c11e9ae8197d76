"""Parts of names that are not the name itself: particles, suffixes, leading determiners."""

from __future__ import annotations

from reader.lexicon.words import wordset

#: Name particles dropped when comparing names: "al-Assad" = "Assad", "van Gogh" = "Gogh".
PARTICLES: frozenset[str] = wordset(
    "al el bin ibn bint abu de del della der den di da du la le van von ter dos das"
)

#: Forms of the Arabic article written only joined by a hyphen ("ash-Shara", "ad-Din").
JOINED_ARTICLES: frozenset[str] = wordset("ad as ash an ar")

#: Generational and degree suffixes: "Martin Luther King Jr." = "King".
SUFFIXES: frozenset[str] = wordset("jr sr ii iii iv phd md")

#: Determiners and quantifiers dropped from descriptions: "the experts" = "experts".
DETERMINERS: frozenset[str] = wordset(
    "the a an some many most several other others these those two three four few all"
)

#: Legal forms after a company's name: "Harbourline Ltd." is "Harbourline".
COMPANY_SUFFIXES: frozenset[str] = wordset(
    "ltd limited inc incorporated corp corporation co llc llp plc gmbh ag sa nv bv lp ulc"
)

#: Second halves of compound adjectives, never of a hyphenated given name: "Hong Kong-based".
COMPOUND_ENDINGS: frozenset[str] = wordset(
    """
    based born led owned run style like wide era made funded backed linked bound
    controlled friendly speaking held area class level year old long day week month time
    free related focused oriented specific centred centered facing only wise up out in off
    over down ready sized size
    """
)

#: Abbreviations of US states and Canadian provinces written after a town, AP style:
#: "Austin, Tex.", "Hamilton, Ont." (part of the town's address, never an actor).
STATE_ABBREVIATIONS: frozenset[str] = frozenset({
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.",
    "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
    "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.",
    "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
    "Alta.", "B.C.", "Man.", "N.B.", "N.L.", "N.S.", "Ont.", "P.E.I.", "Que.", "Sask.",
    "Nfld.",
})  # fmt: skip

#: Second halves that make a hyphenated word a compound noun or adjective, never a name's
#: part: "a Booker Prize-winner", "an Oscar-nominated actor".
NOT_NAME_ENDINGS: frozenset[str] = COMPOUND_ENDINGS | frozenset(
    {"winner", "winning", "nominee", "nominated"}
)

#: Days and months: capitalised words that follow a name without being part of it ("Smith
#: Monday").
CALENDAR_WORDS: frozenset[str] = wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)


#: Interjections of speech written with a capital at a sentence start, which the tagger may
#: take for a name: "Nah, I'm kidding.", "Yeah, we did." (a closed class).
INTERJECTIONS: frozenset[str] = wordset(
    """
    nah yeah yep yup nope okay ok oh ah aha uh um hmm wow hey hi hello oops ouch alas
    """
)
