"""Titles and honorifics: the words that stand before a name without being part of it."""

from __future__ import annotations

from typing import Literal

from reader.lexicon.words import wordset

Gender = Literal["male", "female"]

#: Words that head a title: "President Putin", "the foreign minister", "a spokesman".
TITLE_HEADS: frozenset[str] = wordset(
    """
    president minister premier chancellor secretary spokesman spokeswoman spokesperson
    governor senator mayor king queen prince princess emperor sultan emir sheikh pope
    ambassador envoy general admiral colonel commander chief chairman chairwoman chair
    director leader judge prosecutor ceo founder adviser advisor representative rep
    congressman congresswoman lawmaker speaker ayatollah cardinal bishop archbishop
    sen gov lt col gen justice reverend rev captain capt lieutenant sergeant sgt
    coun councillor councilor const constable det detective insp supt cpl mp mla mpp
    """
)

#: Roles that speak for a body: "a spokesman for the Western Health Board" is the board's
#: speaker.
SPEAKING_ROLES: frozenset[str] = wordset(
    """
    spokesman spokeswoman spokesperson spokespeople spokespersons spokesmen spokeswomen
    representative representatives
    """
)

#: The word a reader is shown for a speaking role, whoever held it: "a spokeswoman for the
#: board" is listed as "spokesperson, Western Health Board".
NEUTRAL_ROLES: dict[str, str] = {
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesmen": "spokespeople",
    "spokeswomen": "spokespeople",
    "spokespersons": "spokespeople",
}

#: Job and role words news glues before a name ("Organizer Jane Doe", "Coach Mike Brandt");
#: unlike title heads they are not titles a person is later called by on their own.
ROLE_WORDS: frozenset[str] = TITLE_HEADS | wordset(
    """
    organizer organiser coach manager owner officer inspector
    superintendent sheriff alderman trustee principal dean doctor nurse
    lawyer attorney actor actress singer author writer producer striker goalkeeper defender
    forward quarterback pitcher skipper commissioner treasurer clerk warden analyst
    economist researcher scientist chef veteran rookie midfielder winger coordinator
    spokesperson-elect candidate challenger incumbent resident student
    professor academic curator artist photographer illustrator editor journalist
    activist teacher instructor co-founder
    """
)

#: Family words a person is introduced by: "His father Mohamed El-Hassan Mohamed said".
KINSHIP_WORDS: frozenset[str] = wordset(
    """
    father mother son daughter wife husband brother sister uncle aunt cousin nephew niece
    grandfather grandmother grandson granddaughter widow widower fiance fiancee
    """
)

#: Nouns for a person of one gender ("a woman", "his brother"): someone the story describes
#: without naming, whom a later "she" or "he" may be.
GENDERED_PEOPLE: dict[str, Gender] = {
    **dict.fromkeys(
        wordset(
            """
            woman girl lady mother wife daughter sister aunt niece grandmother granddaughter
            widow fiancee actress waitress businesswoman
            """
        ),
        "female",
    ),
    **dict.fromkeys(
        wordset(
            """
            man boy gentleman father husband son brother uncle nephew grandfather grandson
            widower fiance businessman
            """
        ),
        "male",
    ),
}

#: Words that may stand before a title head inside the title: "prime minister", "vice president".
TITLE_MODIFIERS: frozenset[str] = wordset(
    """
    prime foreign defence defense interior finance economy health justice deputy vice
    acting former state general attorney executive chief supreme national security
    press crown first lord home trade energy education labour labor military army
    opposition party top senior foreign-affairs
    """
)

#: Honorifics carry no title but do say the name is a person's, sometimes a gender.
HONORIFICS: dict[str, Gender | None] = {
    "mr": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "mx": None,
    "dr": None,
    "prof": None,
    "professor": None,
    "sir": "male",
    "dame": "female",
    "lady": "female",
    "lord": "male",
    "fr": "male",
    "father": "male",
}

#: Gendered title heads; the rest of TITLE_HEADS are neutral.
GENDERED_TITLES: dict[str, Gender] = {
    "king": "male",
    "queen": "female",
    "prince": "male",
    "princess": "female",
    "emperor": "male",
    "sultan": "male",
    "spokesman": "male",
    "spokeswoman": "female",
    "chairman": "male",
    "chairwoman": "female",
    "congressman": "male",
    "congresswoman": "female",
}
