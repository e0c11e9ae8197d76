"""The words the sources report reads roles and phrases by (``reader.sources``).

Role classes as media researchers count sources (officials and politicians, police and
military, experts, spokespeople, business, citizens and residents), the two-word roles read
before their words, and the small words that end or open a phrase describing a source.
"""

from __future__ import annotations

from reader.lexicon.titles import SPEAKING_ROLES
from reader.lexicon.words import wordset

OFFICIAL = "official"
POLICE = "police"
EXPERT = "expert"
SPOKESPERSON = "spokesperson"
BUSINESS = "business"
CITIZEN = "citizen"
OTHER = "other"

#: A phrase's head comes before these: "a spokesperson *for* the board", "an engineer *who*".
PHRASE_ENDS = frozenset(
    """for of at in on with from to by and or who whom whose which that said says told
    after before since during near""".split()
)
#: Possessive determiners that may open an apposition ("Ana Lima, her deputy, …").
POSSESSIVE_DETERMINERS = frozenset("his her its their our your my".split())
#: Title abbreviations whose full stop ends no sentence ("Dr. Peter Mallon").
TITLE_ABBREVIATIONS = frozenset(
    "dr mr mrs ms mx prof sen gov rep lt col gen rev capt sgt det insp supt cpl const st fr".split()
)

#: The words of each role class.
ROLE_CLASS_WORDS: dict[str, frozenset[str]] = {
    OFFICIAL: wordset(
        """
        president presidents minister ministers premier chancellor secretary governor
        governors senator senators sen gov rep mayor mayors king queen prince princess emperor
        sultan emir sheikh ambassador ambassadors envoy envoys diplomat diplomats lawmaker
        lawmakers legislator legislators congressman congresswoman congressmen congresswomen
        mp mps mla mpp councillor councillors councilor councilors coun official officials
        authorities aide aides regulator regulators judge judges prosecutor prosecutors
        justice commissioner commissioners ministry government department council parliament
        cabinet administration embassy presidency kremlin regime agency court
        authority
        """
    ),
    POLICE: wordset(
        """
        police policeman policewoman officer officers detective detectives det constable
        const sheriff sergeant sgt inspector insp superintendent supt cpl investigators
        general gen admiral colonel col lieutenant lt commander troops soldier soldiers
        military army navy
        """
    ),
    EXPERT: wordset(
        """
        expert experts analyst analysts economist economists researcher researchers scientist
        scientists professor professors prof academic academics doctor doctors dr physician
        physicians engineer engineers historian historians lawyer lawyers attorney attorneys
        epidemiologist
        epidemiologists university institute
        """
    ),
    SPOKESPERSON: SPEAKING_ROLES,
    BUSINESS: wordset(
        """
        ceo executive executives founder founders co-founder owner owners entrepreneur
        entrepreneurs businessman businesswoman businessmen businesswomen investor investors
        banker bankers landlord landlords retailer retailers company firm
        """
    ),
    CITIZEN: wordset(
        """
        resident residents citizen citizens villager villagers locals witness witnesses voter
        voters student students parent parents families relatives survivor survivors
        patient patients passenger passengers commuter commuters shopper shoppers neighbour
        neighbours neighbor neighbors worker workers farmer farmers protesters demonstrators
        tenant tenants people
        """
    ),
}

#: Two-word roles, read before their words: (first, second) → class.
ROLE_PAIRS: dict[tuple[str, str], str] = {
    ("chief", "executive"): BUSINESS,
    ("executive", "officer"): BUSINESS,
    ("press", "secretary"): SPOKESPERSON,
    ("press", "officer"): SPOKESPERSON,
    ("police", "department"): POLICE,
    ("police", "chief"): POLICE,
    ("fire", "chief"): OTHER,
    ("executive", "director"): OTHER,
    ("news", "agency"): OTHER,
    ("attorney", "general"): OFFICIAL,
    ("district", "attorney"): OFFICIAL,
    ("secretary", "general"): OFFICIAL,
    ("surgeon", "general"): OFFICIAL,
}
