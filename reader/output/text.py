"""A readable terminal summary of an Analysis: title, actors, statements, names by kind.

Written for people (``dramatis analyse --format text``): the article is called by its
display title, labels and kinds are named in words (``reader.output.words``), counts agree
with their nouns, and statements no actor claims are listed under "Without a known
speaker" rather than left out.
"""

from __future__ import annotations

from collections import Counter

from reader.model import Analysis
from reader.output.article_titles import display_title
from reader.output.words import (
    actor_kind_name,
    format_name,
    label_name,
    plural,
    statement_kind_name,
)

MAX_STATEMENT_CHARS = 100
WITHOUT_SPEAKER = "Without a known speaker"


def summarise(analysis: Analysis) -> str:
    """Several lines of plain text describing what the analysis found."""
    article = analysis.article
    lines = [display_title(article), _counts_line(analysis)]
    if article.byline or article.published:
        lines.append(" · ".join(v for v in (article.byline, article.published) if v))
    lines += _actor_lines(analysis)
    lines += _unattributed_lines(analysis)
    lines += _name_lines(analysis)
    return "\n".join(lines)


def _counts_line(analysis: Analysis) -> str:
    words = len(analysis.article.text.split())
    return ", ".join(
        [
            format_name(analysis.article.format),
            plural(words, "word"),
            plural(len(analysis.names), "name"),
            plural(len(analysis.quotes), "statement"),
            plural(len(analysis.actors), "actor"),
        ]
    )


def _actor_lines(analysis: Analysis) -> list[str]:
    if not analysis.actors:
        return []
    lines = ["", "Actors:"]
    ranked = sorted(analysis.actors, key=lambda a: (-len(a.quotes), -a.mentions, a.name))
    for actor in ranked:
        counts = f"{plural(actor.mentions, 'mention')}, {plural(len(actor.quotes), 'statement')}"
        lines.append(f"  {actor.name} ({actor_kind_name(actor.kind)}): {counts}")
        for index in actor.quotes:
            if 0 <= index < len(analysis.quotes):
                lines.append(f"    - {_statement(analysis, index)}")
    return lines


def _unattributed_lines(analysis: Analysis) -> list[str]:
    """Statements no actor claims, in text order, with the speaker as written if any."""
    claimed = {i for actor in analysis.actors for i in actor.quotes}
    left = [i for i in range(len(analysis.quotes)) if i not in claimed]
    if not left:
        return []
    lines = ["", f"{WITHOUT_SPEAKER}:"]
    for index in left:
        quote = analysis.quotes[index]
        said_by = f" (speaker as written: {quote.speaker})" if quote.speaker else ""
        lines.append(f"  - {_statement(analysis, index)}{said_by}")
    return lines


def _name_lines(analysis: Analysis) -> list[str]:
    counts = Counter(label_name(e.label) for e in analysis.names)
    if not counts:
        return []
    width = max(len(name) for name in counts)
    lines = ["", "Names by kind:"]
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {name:<{width}}  {count:,}")
    return lines


def _statement(analysis: Analysis, index: int) -> str:
    quote = analysis.quotes[index]
    return f"{_shorten(quote.text)} [{statement_kind_name(quote.kind).lower()}]"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_STATEMENT_CHARS else text[: MAX_STATEMENT_CHARS - 1] + "…"
