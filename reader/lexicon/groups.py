"""Nouns for bodies of people and for institutions, as news writes them."""

from __future__ import annotations

from reader.lexicon.words import wordset

#: Plurals without a final s: "people", "police".
IRREGULAR_PLURALS: frozenset[str] = wordset("people police men women children staff folk crowds")

#: Bodies of people news quotes collectively; known even when capitalised ("Analysts said").
GROUP_NOUNS: frozenset[str] = wordset(
    """
    experts officials analysts protesters critics residents witnesses activists observers
    sources diplomats lawmakers legislators authorities investigators researchers scientists
    doctors rebels troops soldiers workers campaigners villagers locals leaders ministers
    economists insiders organisers organizers supporters opponents voters families relatives
    survivors students teachers farmers militants fighters negotiators prosecutors officers
    """
)

#: Heads of descriptions that stand for an institution rather than people.
ORGANISATION_HEADS: frozenset[str] = wordset(
    """
    ministry government agency department office council court committee commission company
    administration embassy union board authority parliament cabinet kremlin military army
    police presidency regime firm bank newspaper network
    """
)

#: Heads of a definite description that refers back to the organisation named last ("the
#: company", "the club", "the firm"); the other heads ("the ministry", "the council") name
#: a body of their own.
BACK_REFERENCE_HEADS: frozenset[str] = wordset(
    """
    company firm club bank airline carrier retailer group business charity
    """
)

#: Words in the names of bodies that are neither companies nor clubs: "the company" does
#: not refer back to the University of Copenhagen.
OTHER_BODIES: frozenset[str] = wordset(
    """
    university college school hospital institute party museum police
    """
)

#: Last words of the names of sites and buildings, which are places: "Johnson Space Center",
#: "Castlefrank Road", "Adler Planetarium".
SITE_HEADS: frozenset[str] = wordset(
    """
    center centre museum planetarium station base airport airfield stadium arena park road
    street avenue boulevard square bridge tower towers cave factory facility hall harbour
    harbor port pier plaza mall campus gardens garden building palace castle cathedral
    """
)

#: Last words of the names of news outlets: "the Saudi Gazette", "Deseret News".
OUTLET_HEADS: frozenset[str] = wordset(
    """
    news gazette herald times post journal tribune chronicle telegraph guardian observer
    independent express mirror courier examiner inquirer bulletin dispatch standard sun
    star daily weekly magazine review record register sentinel monitor reporter press
    """
)

#: Nouns for people spoken to: "questioned the student", "spoke to attendees".
PEOPLE_NOUNS: frozenset[str] = wordset(
    """
    student attendee people man woman boy girl child children reporter journalist crowd
    audience supporter fan volunteer member visitor resident voter official parent family
    friend colleague teenager suspect witness driver passenger patient worker
    """
)

#: Words that end the name of a body, not a person or a town: "Harbour Association",
#: "Tidal FC", "Bakers Guild".
BODY_WORDS: frozenset[str] = wordset(
    """
    association club party group institute university college school hospital church
    society federation foundation trust fc united league team service services news times
    post press media records studios games entertainment magazine airlines motors partners
    capital guild alliance coalition network institution relations rights
    """
)

#: Institutions named "<noun> of <place>": "the Municipality of Livorno".
INSTITUTION_NOUNS: frozenset[str] = wordset(
    """
    municipality ministry department office council university government province
    prefecture commune diocese archdiocese bank court
    """
)

#: Nouns for a body that a name may follow with no comma: "the secularist magazine
#: MicroMega", "the security firm Secunia".
BODY_NOUNS: frozenset[str] = wordset(
    """
    magazine firm company agency newspaper website site publication broadcaster network
    group organisation organization charity union party startup outlet daily weekly
    """
)

#: What research and records produce, which news makes speak ("the findings show", "data
#: from the bureau suggest"): no one in itself; its producer, if named, is the speaker.
FINDINGS_NOUNS: frozenset[str] = wordset(
    """
    results findings data figures statistics numbers study studies survey surveys research
    analysis analyses estimates evidence paper records
    """
)

#: Nouns for places that name one with "of": "the town of Yeoncheon", "the province of
#: Herat" (lower case: "the City of Toronto" may be its council).
PLACE_NOUNS: frozenset[str] = wordset(
    """
    town city village hamlet province county district region island port state
    prefecture municipality suburb neighbourhood neighborhood township borough
    """
)

#: First words of the names of bodies in other languages of news: "Instituto Gonzaga",
#: "Istituto Tecnico Fermi", "Universidad de Chile", "Partido Popular".
BODY_FIRST_WORDS: frozenset[str] = wordset(
    """
    instituto istituto institut institutet universidad università universidade université
    universität colegio collegio liceo lycée escuela escola école schule banco banca banque
    fundación fundação fondazione fondation stiftung museo musée museu partido partito parti
    partei comité comitato comissão ministerio ministero ministère ministério asociación
    associazione associação sociedad società sociedade consejo consiglio conseil
    """
)

#: Plural last words of the names of parties: "Neo Democrats", "Sweden Democrats", "Free
#: Democrats" (with a word before; "the Democrats" alone are the party's people).
PARTY_PLURALS: frozenset[str] = wordset(
    "democrats republicans socialists liberals conservatives greens nationalists"
)

#: Endings of the one-word names of faiths and movements, which are bodies of believers,
#: never places or people: "Scientology", "Buddhism", "Christianity".
DOCTRINE_ENDINGS: tuple[str, ...] = ("ology", "ism", "ianity")

#: Heads of an apposition that describes a people: "Rohingya, a stateless minority", "the
#: Hazara, an ethnic group" (the name is a group, not a body or a place).
PEOPLE_APPOSITION_HEADS: frozenset[str] = wordset(
    "minority minorities tribe tribes community communities sect clan clans people peoples"
)
