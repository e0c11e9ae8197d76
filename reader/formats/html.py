"""Web pages saved as HTML: trafilatura keeps the article and drops the page around it.

Navigation, scripts, adverts, comments and footers go; the main text comes back one
paragraph a line, with the page's title, author and publication date when it names them.
A page left with only menu-like scraps counts as having no text. Nothing is ever fetched:
the page is parsed from the bytes on disk.
"""

from __future__ import annotations

from pathlib import Path

from reader import errors
from reader.errors import ArticleError
from reader.formats import Extracted, describe
from reader.formats.paragraphs import guess_title, join_paragraphs

#: Elements never part of an article, removed before trafilatura looks for the main text.
PRUNE = ["//nav", "//*[@role='navigation']"]
#: Without one line of at least this many words, what is left is a menu, not an article.
MIN_PROSE_WORDS = 6


def extract(data: bytes, source: str | Path) -> Extracted:
    """The main text of a saved web page, or ``ArticleError`` when it has none."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            prune_xpath=PRUNE,
        )
    except Exception as error:  # the parser's many failure types all mean "bad page"
        raise ArticleError(
            source, errors.CORRUPT.format(kind="HTML", detail=describe(error))
        ) from error
    text = join_paragraphs([getattr(document, "text", None) or ""])
    if not any(len(line.split()) >= MIN_PROSE_WORDS for line in text.split("\n")):
        raise ArticleError(source, errors.NO_MAIN_TEXT)
    title = _clean(getattr(document, "title", None))
    return Extracted(
        text=text,
        title=title or guess_title(text),
        byline=_clean(getattr(document, "author", None)),
        published=_clean(getattr(document, "date", None)),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
