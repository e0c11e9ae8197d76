"""What the exported documents list besides the text: the title, the details, the cast.

The HTML and Markdown exports show the same things in the same order; this module chooses
them once: the actors ranked as in the terminal summary (most statements, then most
mentions), each with its statements in text order, and the statements no actor claims.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.file_names import printable
from reader.model import Actor, Analysis, Article, Quote

UNTITLED = "Untitled article"


@dataclass(frozen=True, slots=True)
class CastRow:
    """One actor and the statements attributed to it, each with its index in the analysis."""

    actor: Actor
    statements: tuple[tuple[int, Quote], ...]

    @property
    def other_names(self) -> tuple[str, ...]:
        """The other ways the actor is written (its name left out)."""
        return tuple(a for a in self.actor.aliases if a != self.actor.name)


def title_of(article: Article) -> str:
    """The article's title, else its file name, else "Untitled article"."""
    if article.title:
        return article.title
    if article.source is not None:
        return printable(article.source.name)
    return UNTITLED


def details_of(article: Article) -> list[str]:
    """Byline, published date and source file, those that are known (the file only when
    the title is not already its name)."""
    source = None
    if article.source is not None and article.title:
        source = printable(article.source.name)
    return [v for v in (article.byline, article.published, source) if v]


def reported_through(quote: Quote) -> str:
    """ "via Mirror" for a statement reported through an outlet, else nothing."""
    return f"via {quote.via}" if quote.via else ""


def cast_rows(analysis: Analysis) -> list[CastRow]:
    """Every actor, most quoted first, with its statements in text order."""
    count = len(analysis.quotes)
    ranked = sorted(analysis.actors, key=lambda a: (-len(a.quotes), -a.mentions, a.name))
    return [
        CastRow(
            actor, tuple((i, analysis.quotes[i]) for i in sorted(actor.quotes) if 0 <= i < count)
        )
        for actor in ranked
    ]


def unattributed(analysis: Analysis) -> list[tuple[int, Quote]]:
    """Statements no actor claims (speaker unknown or not resolved), with their indices."""
    claimed = {i for actor in analysis.actors for i in actor.quotes}
    return [(i, q) for i, q in enumerate(analysis.quotes) if i not in claimed]
