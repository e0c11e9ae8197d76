"""Words of page furniture: labels before a colon that name no speaker, and the short words
a headline in title case leaves lower-case."""

from __future__ import annotations

from reader.lexicon.words import wordset

#: "Update:", "Photo:", "Q:" — a line starting with one of these is not a speaker's line.
PAGE_LABELS: frozenset[str] = frozenset({
    "update", "updated", "watch", "read", "note", "editor", "related", "source", "sources",
    "photo", "video", "image", "correction", "transcript", "q", "a", "exclusive", "breaking",
    "live", "analysis", "opinion", "review", "warning", "question", "answer", "background",
    "context", "timeline", "reporting", "editing", "clarification", "disclosure", "summary",
    "abstract", "caption", "credit", "credits", "tags", "topics", "share", "follow", "contact",
    "email", "twitter", "facebook", "instagram", "subscribe", "advertisement", "location",
    "date", "time", "when", "where", "why", "how", "what", "who", "price", "cost", "result",
    "results", "score", "status", "target", "bottom", "line", "tl", "dr", "ps", "p.s.", "nb",
    # award tables and listings: "WINNER: …", "Best Actor: …", "Venue: …"
    "winner", "winners", "nominee", "nominees", "finalist", "finalists", "runner-up",
    "runners-up", "best", "award", "awards", "prize", "category", "gold", "silver", "bronze",
    "champion", "champions", "mvp", "lineup", "roster", "cast", "starring", "ingredients",
    "agenda", "schedule", "venue", "tickets", "admission", "fixtures", "standings", "honours",
    "honors", "recipient", "recipients", "shortlist", "longlist", "also", "nominated",
    "featuring", "directed", "written", "produced", "runtime", "rating", "genre", "released",
})  # fmt: skip

#: Short words that stay lower-case in title case: "Putin Warns West over Arms Supplies".
TITLE_CASE_MINOR_WORDS: frozenset[str] = wordset(
    "a an and as at but by for from in into nor of off on onto or over per so the to up upon"
    " via vs with yet"
)
