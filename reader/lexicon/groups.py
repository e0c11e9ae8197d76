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

#: Last words of the names of sites and buildings, which are places: "Johnson Space Center",
#: "Castlefrank Road", "Adler Planetarium".
SITE_HEADS: frozenset[str] = wordset(
    """
    center centre museum planetarium station base airport airfield stadium arena park road
    street avenue boulevard square bridge tower towers cave factory facility hall harbour
    harbor port pier plaza mall campus gardens garden building palace castle cathedral
    """
)
