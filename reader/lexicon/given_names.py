"""Common given names whose bearers news mostly writes about as "he" or "she".

Only a hint for resolving "he said" / "she said" when nothing in the article says more
(no honorific, no gendered title): a name in neither list, or in both, gives no gender.
"""

from __future__ import annotations

from reader.lexicon.words import wordset

MALE_NAMES: frozenset[str] = wordset(
    """
    aaron abdul abdullah adam adrian ahmed ahmad alan albert alejandro alexander alexei
    ali amir andrew andre andrei angus anthony antonio arjun arthur barack ben benjamin
    bernard bill bob boris brandon brian bruce carl carlos charles chris christopher colin
    craig dan daniel darren david dennis derek diego dmitry donald douglas duncan dylan
    eddie edward emmanuel eric ethan felipe fernando francis frank fraser fred gary george
    gerald giovanni gordon graham greg gregory hamish harold harry hassan henry hugh ian
    ibrahim igor isaac ivan jack jacob jake james jamie jason javier jean-pierre jeff
    jeffrey jeremy jim joe joel john jonathan jorge jose joseph josh juan justin kai karl
    keith ken kenneth kevin khalid kyle lars lee leo liam louis luca lucas luis malcolm
    marc marco mark martin matt matthew mehmet michael miguel mike mohamed mohammed
    muhammad nathan neil nicholas nick nigel noah oliver omar oscar owen pablo patrick paul
    pedro peter philip pierre rafael rahul raj ralph ramon raymond richard rick robert
    roberto rodrigo roger ronald ross ryan sam samuel scott sean sergei seamus simon stefan
    stephen steve steven stuart ted terry thomas tim timothy todd tom tony trevor tyler
    victor vikram vladimir walter wayne william xavier yusuf
    """
)

FEMALE_NAMES: frozenset[str] = wordset(
    """
    aileen aisha alice alison amanda amelia amy ana andrea angela angelica ann anna anne
    annette anya barbara beatriz beth brenda bridget caroline carmen catherine charlotte
    chloe christine claire clara claudia deborah denise diana donna dorothy elena eleanor
    elizabeth ella emily emma erin eva fatima fiona francesca gabriela grace hannah hanneke
    heather helen ingrid irene isabel isabella jacqueline jane janet janice jennifer jessica
    joan joanna julia julie karen kate katherine kathleen kathryn kelly kim laura lauren
    leila linda lisa liz louise lucy maria marie marina marta martha mary maya megan
    melanie melissa mia michelle monica nadia nancy natalia natasha nicola nicole nina
    olivia pamela patricia paula priya rachel rebecca rosa rose ruth sabrina sally samantha
    sandra sara sarah sharon sheila simone siobhan sofia sophie stephanie susan suzanne
    tanya teresa theresa tracy ursula valerie vanessa victoria wendy yasmin yuki zoe
    """
)

#: "Nickname: formal name[, other formal name]": the short forms news writes a given name in
#: ("Wally Kowalczyk" is "Walter Kowalczyk").
_NICKNAME_TABLE = """
al: albert, alan, alexander
alex: alexander, alexandra
andy: andrew
barb: barbara
becky: rebecca
ben: benjamin
beth: elizabeth
betty: elizabeth
bill: william
billy: william
bob: robert
bobby: robert
cathy: catherine, katherine
charlie: charles
chris: christopher, christine
chuck: charles
dan: daniel
danny: daniel
dave: david
debbie: deborah
dick: richard
doug: douglas
drew: andrew
ed: edward
eddie: edward
fred: frederick
gerry: gerald
greg: gregory
harry: henry, harold
jack: john
jeff: jeffrey
jenny: jennifer
jim: james
jimmy: james
joe: joseph
kate: katherine, catherine
katie: katherine, catherine
ken: kenneth
larry: lawrence
liz: elizabeth
maggie: margaret
matt: matthew
meg: margaret
mike: michael
nick: nicholas
pam: pamela
pat: patrick, patricia
peggy: margaret
rick: richard
rob: robert
sam: samuel, samantha
sandy: sandra
steve: steven, stephen
sue: susan
ted: edward
tim: timothy
tom: thomas
tommy: thomas
tony: anthony
walt: walter
wally: walter
will: william
"""

FORMAL_NAMES: dict[str, frozenset[str]] = {
    nickname.strip(): frozenset(name.strip() for name in formal.split(","))
    for nickname, formal in (line.split(":") for line in _NICKNAME_TABLE.strip().splitlines())
}
