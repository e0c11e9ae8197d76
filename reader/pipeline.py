"""From an Article to its Analysis: parse, find entities, attribute statements, build actors.

This is the only place that chains the NLP stages; the command line, the library and the
interface all call ``analyse`` and read the immutable result. ``analyse_each`` analyses many
articles with one parse stream (``reader.nlp.parsing.parse_each``), each article then
through the same stages under its own deadline, with the same result as ``analyse``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from reader.actors.building import resolve_actors
from reader.actors.doubts import stamp_doubts
from reader.attribution.assembly import find_quotes
from reader.deadline import AnalysisTooSlow, Deadline, checkpoint, in_force, stop_when
from reader.errors import ArticleError
from reader.model import Analysis, Article
from reader.nlp.entities import extract_entities
from reader.nlp.parsing import (
    AnalysisCancelled,
    Cancelled,
    Paragraph,
    Progress,
    parse,
    parse_each,
)
from reader.positions.subjects import find_subjects
from reader.versions import analysis_version

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "AnalysisCancelled",
    "AnalysisTooSlow",
    "Deadline",
    "analyse",
    "analyse_each",
    "analysis_version",
    "load_model",
    "stop_when",
]


def load_model() -> None:
    """Load the language model now (once per process), so the first analysis starts at once."""
    from reader.nlp import parsing

    parsing.load_nlp()


def analyse(
    article: Article,
    nlp: Language | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    deadline: Deadline | None = None,
) -> Analysis:
    """Run every stage on the article and return the complete, immutable Analysis.

    ``progress(done, total)`` hears how many paragraphs are parsed; ``cancelled()`` is asked
    between parse batches and between stages, and a True answer raises
    ``AnalysisCancelled``. The analysis has a deadline, by default
    ``reader.deadline.ANALYSIS_SECONDS`` from now, checked at the same points; past it,
    ``AnalysisTooSlow`` (an ``ArticleError`` naming the article's file) is raised; the
    stages ask it too, inside their loops (``reader.deadline.checkpoint``).
    """
    if deadline is None:
        deadline = Deadline(article.source)
    with in_force(deadline):
        return _analyse(article, nlp, progress, cancelled)


def analyse_each(
    articles: Iterable[Article], nlp: Language | None = None
) -> Iterator[tuple[Article, Analysis | ArticleError]]:
    """Analyse many articles, their paragraphs parsed as one stream: for each article, in
    order, ``(article, analysis)``, the analysis the same as ``analyse`` gives, or
    ``(article, error)`` when the ``ArticleError`` ``error`` stopped it.

    ``articles`` is read as the stream needs them (an article or two ahead). Each article
    has a deadline of its own (``Deadline``), from when its parse begins, asked between
    parse batches and in the stages; an article past it, or that a stage refuses, is
    handed back with its error and the others go on. Its docs are let go of once it is
    analysed. A check in force (``stop_when``) that raises stops the whole stream.
    """
    deadlines = ((article, Deadline(article.source)) for article in articles)
    keyed = ((entry, entry[0].text) for entry in deadlines)
    for (article, deadline), parsed in parse_each(keyed, nlp, check=_deadline_check):
        if isinstance(parsed, ArticleError):
            yield article, parsed
            continue
        try:
            with in_force(deadline):
                analysis = _after_parse(article, parsed, None)
        except ArticleError as error:
            yield article, error
            continue
        finally:
            del parsed
        yield article, analysis


def _deadline_check(entry: tuple[Article, Deadline]) -> None:
    entry[1].check()


def _analyse(
    article: Article,
    nlp: Language | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Analysis:
    paragraphs = parse(article.text, nlp, progress=progress, cancelled=cancelled)
    return _after_parse(article, paragraphs, cancelled)


def _after_parse(
    article: Article, paragraphs: list[Paragraph], cancelled: Cancelled | None
) -> Analysis:
    """The stages after the parse, the same whether the article was parsed alone or in a
    stream."""
    _check(cancelled)
    entities = extract_entities(article.text, paragraphs)
    _check(cancelled)
    quotes = find_quotes(article.text, paragraphs, entities)
    _check(cancelled)
    entities, quotes, actors = resolve_actors(article.text, paragraphs, entities, quotes)
    quotes, actors = stamp_doubts(article.text, entities, quotes, actors)
    quotes = find_subjects(paragraphs, entities, quotes)
    _check(cancelled)
    return Analysis(
        article=article,
        entities=tuple(entities),
        quotes=tuple(quotes),
        actors=tuple(actors),
        version=analysis_version(),
    )


def _check(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise AnalysisCancelled
    checkpoint()
