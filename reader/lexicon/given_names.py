"""The short forms news writes a given name in ("Wally" for "Walter").

Given names themselves, with the gender their bearers mostly have, are an open class read
from data (``reader.lexicon.open_class``).
"""

from __future__ import annotations

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
