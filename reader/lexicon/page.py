"""Words of page furniture: labels before a colon that name no speaker."""

from __future__ import annotations

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
})  # fmt: skip
