"""The labels the English model gives, named once: dependency relations and entity types.

A token's ``dep_`` and an entity's ``label`` are compared with these names and sets, never
with a string written where it is used, so a misspelt label fails as the module loads
instead of quietly matching nothing; spaCy's own syntax iterators and textacy's
``constants`` name their label sets the same way. The relations are ClearNLP's, as the
``en_core_web`` models give them (``OBJ``, ``IOBJ`` and ``FLAT`` are Universal
Dependencies' and never come from them; the code that asks for them is kept as it is); the
entity types are OntoNotes'. Plain data: nothing here loads the model.
"""

from __future__ import annotations

from reader.model import ActorKind

# -- dependency relations --------------------------------------------------------------------

ACL = "acl"
ACOMP = "acomp"
ADVCL = "advcl"
ADVMOD = "advmod"
AGENT = "agent"
AMOD = "amod"
APPOS = "appos"
AUX = "aux"
AUXPASS = "auxpass"
CASE = "case"
CC = "cc"
CCOMP = "ccomp"
COMPOUND = "compound"
CONJ = "conj"
CSUBJ = "csubj"
DATIVE = "dative"
DEP = "dep"
DET = "det"
DOBJ = "dobj"
EXPL = "expl"
FLAT = "flat"
IOBJ = "iobj"
MARK = "mark"
NEG = "neg"
NMOD = "nmod"
NPADVMOD = "npadvmod"
NSUBJ = "nsubj"
NSUBJPASS = "nsubjpass"
NUMMOD = "nummod"
OBJ = "obj"
OPRD = "oprd"
PARATAXIS = "parataxis"
PCOMP = "pcomp"
POBJ = "pobj"
POSS = "poss"
PREP = "prep"
PRT = "prt"
PUNCT = "punct"
RELCL = "relcl"
ROOT = "ROOT"
XCOMP = "xcomp"

#: A verb's subject, active or passive.
SUBJECTS = frozenset({NSUBJ, NSUBJPASS})
#: What a verb or preposition takes as its object.
OBJECTS = frozenset({DOBJ, DATIVE, POBJ, OBJ, IOBJ})
#: A clause a verb takes as its complement: "said (that) …", "promised to …".
CLAUSES = frozenset({CCOMP, XCOMP})
#: Words that modify a noun before it: "military site", "Russian troops".
MODIFIERS = frozenset({AMOD, COMPOUND})
#: Words before a verb that belong to it: "did not say", "has also said".
BEFORE_VERB = frozenset({AUX, NEG, ADVMOD})

# -- entity types ----------------------------------------------------------------------------

PERSON = "PERSON"
ORG = "ORG"
GPE = "GPE"
LOC = "LOC"
FAC = "FAC"
NORP = "NORP"
EVENT = "EVENT"
PRODUCT = "PRODUCT"
LAW = "LAW"
WORK_OF_ART = "WORK_OF_ART"
LANGUAGE = "LANGUAGE"
DATE = "DATE"
TIME = "TIME"
PERCENT = "PERCENT"
MONEY = "MONEY"
QUANTITY = "QUANTITY"
ORDINAL = "ORDINAL"
CARDINAL = "CARDINAL"

#: The actor kind a name of each label is ("Syrian", NORP, is a group).
LABEL_KINDS: dict[str, ActorKind] = {
    PERSON: "person",
    ORG: "organisation",
    GPE: "place",
    LOC: "place",
    FAC: "place",
    NORP: "group",
}
#: The label a mention of each kind of actor is drawn with: the first of its kind above (a
#: place is drawn as a country; read in reverse, so the first is the one kept); "other" has
#: none.
KIND_LABELS: dict[str, str] = {kind: label for label, kind in reversed(LABEL_KINDS.items())}

#: Names of people, bodies, places and groups: what an actor can be.
ACTOR_LABELS = frozenset(LABEL_KINDS)
#: Names of places: countries, cities and states; regions and natural places.
PLACE_LABELS = frozenset({GPE, LOC})
#: Names that can speak: people, bodies, countries and groups.
SPEAKER_LABELS = frozenset({PERSON, ORG, GPE, NORP})
#: Times, numbers and amounts.
NUMERIC_LABELS = frozenset({DATE, TIME, PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL})
#: Things rather than people or bodies: products, events, laws, works, languages
#: ("Bitcoin", "Brexit", "Bill C-21").
THING_LABELS = frozenset({PRODUCT, EVENT, LAW, WORK_OF_ART, LANGUAGE})
#: Labels that never name an actor.
NOT_ACTOR_LABELS = NUMERIC_LABELS | THING_LABELS
