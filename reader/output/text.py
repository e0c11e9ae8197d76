"""A readable terminal summary of an Analysis: title, actors, statements, entity counts."""

from __future__ import annotations

from collections import Counter

from reader.file_names import printable
from reader.model import Analysis

MAX_STATEMENT_CHARS = 100


def summarise(analysis: Analysis) -> str:
    """Several lines of plain text describing what the analysis found."""
    article = analysis.article
    lines = [
        article.title or (printable(article.source.name) if article.source else "Untitled article")
    ]
    words = len(article.text.split())
    lines.append(
        f"{article.format}, {words:,} words, {len(analysis.entities)} entities, "
        f"{len(analysis.quotes)} statements, {len(analysis.actors)} actors"
    )
    if article.byline or article.published:
        lines.append(" · ".join(v for v in (article.byline, article.published) if v))
    if analysis.actors:
        lines.append("")
        lines.append("Actors (mentions, statements):")
        ranked = sorted(analysis.actors, key=lambda a: (-len(a.quotes), -a.mentions, a.name))
        for actor in ranked:
            lines.append(f"  {actor.name} [{actor.kind}] {actor.mentions}, {len(actor.quotes)}")
            for index in actor.quotes:
                lines.append(f"    - {_shorten(analysis.quotes[index].text)}")
    counts = Counter(e.label for e in analysis.entities)
    if counts:
        lines.append("")
        lines.append("Entities by label:")
        for label, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {label:<12} {count}")
    return "\n".join(lines)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_STATEMENT_CHARS else text[: MAX_STATEMENT_CHARS - 1] + "…"
