"""A story of our own for the review tests: a named speaker given by apposition, a pronoun
speaker, a minister nobody in the article is, residents who "joked about" something and a
contractor who "asked for" money (constructions that are often wrong), and a sentence of
reported belief the analysis does not take for a statement (``MISSED``)."""

from __future__ import annotations

ARTICLE = (
    "Harbour works delayed again\n\n"
    "The harbour authority's chief engineer, Marit Solberg, said the new breakwater would "
    "not be finished before spring. She said storms in November had washed away two months "
    "of work.\n\n"
    "The minister said the government would not pay for further overruns.\n\n"
    "Residents joked about the harbour becoming a tourist attraction in its own right.\n\n"
    "Hollis Marine, the contractor, has asked for another four million crowns. Its owners "
    "think the delay was unavoidable."
)
MISSED = "Its owners think the delay was unavoidable."
