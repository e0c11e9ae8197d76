"""What the library stores of an analysis: every name and metadata string within its limit.

``reader.opening`` cuts an article's title, byline, date and outlet, and ``reader.actors`` an
actor's name and aliases, when they are made; the store cuts them again (``within_limits``),
with the outlet a statement was reported through, so that an analysis from anywhere (an
older version, a reader's correction, a hand-built one) stores nothing without bound.
The limits are those of ``reader.opening.limits``. The text and what is a span of it
(entities, statements, speakers, cues) are not cut: their offsets must hold.
"""

from __future__ import annotations

import dataclasses

from reader.model import Actor, Analysis, Article, Quote
from reader.opening.limits import (
    MAX_BYLINE_CHARS,
    MAX_DATE_CHARS,
    MAX_NAME_CHARS,
    MAX_TITLE_CHARS,
    cut,
)


def within_limits(analysis: Analysis) -> Analysis:
    """``analysis`` with every metadata string and name cut to its limit (itself if all fit)."""
    article = _article(analysis.article)
    actors = tuple(_actor(actor) for actor in analysis.actors)
    quotes = tuple(_quote(quote) for quote in analysis.quotes)
    unchanged = (
        article is analysis.article
        and all(a is b for a, b in zip(actors, analysis.actors, strict=True))
        and all(a is b for a, b in zip(quotes, analysis.quotes, strict=True))
    )
    if unchanged:
        return analysis
    return dataclasses.replace(analysis, article=article, actors=actors, quotes=quotes)


def _article(article: Article) -> Article:
    title = cut(article.title, MAX_TITLE_CHARS)
    byline = cut(article.byline, MAX_BYLINE_CHARS)
    published = cut(article.published, MAX_DATE_CHARS)
    outlet = cut(article.outlet, MAX_NAME_CHARS)
    fields = (title, byline, published, outlet)
    if fields == (article.title, article.byline, article.published, article.outlet):
        return article
    return dataclasses.replace(
        article, title=title, byline=byline, published=published, outlet=outlet
    )


def _actor(actor: Actor) -> Actor:
    name = cut(actor.name, MAX_NAME_CHARS)
    aliases = tuple(dict.fromkeys(cut(alias, MAX_NAME_CHARS) for alias in actor.aliases))
    if name == actor.name and aliases == actor.aliases:
        return actor
    return dataclasses.replace(actor, name=name, aliases=aliases)


def _quote(quote: Quote) -> Quote:
    via = cut(quote.via, MAX_NAME_CHARS)
    return quote if via == quote.via else dataclasses.replace(quote, via=via)
