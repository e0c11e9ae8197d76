"""Web pages saved as HTML: trafilatura keeps the article and drops the page around it.

Navigation, scripts, adverts, comments and footers go; the main text comes back one
paragraph a line, with the page's title, author and publication date when it names them,
and the outlet that published it: trafilatura's site name, else the page's ``og:site_name``,
else the host of its canonical address ("www.example.org" → "example.org").
A page left with only menu-like scraps counts as having no text. Nothing is ever fetched:
the page is parsed from the bytes on disk.

The extraction takes time growing faster than the page's size, so a page with too many
tags or attributes, or with far more text than an article may hold, is refused first from
a cheap, linear count on the raw bytes (200,000 paragraphs took two minutes to
refuse; one tag of 150,000 attributes ran past 150 s, since the time a tag takes
grows with the square of its attributes).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader import errors
from reader.errors import ArticleError
from reader.opening.extracted import Extracted, describe, without_elements
from reader.opening.limits import (
    HTML_TEXT_MARGIN,
    MAX_HTML_ATTRIBUTES,
    MAX_HTML_TAG_ATTRIBUTES,
    MAX_HTML_TAGS,
    MAX_TEXT_TOKENS,
    estimate_byte_tokens,
)
from reader.opening.paragraphs import guess_title, join_paragraphs

#: Elements never part of an article, removed before trafilatura looks for the main text.
PRUNE = ["//nav", "//*[@role='navigation']"]
#: Without one line of at least this many words, what is left is a menu, not an article.
MIN_PROSE_WORDS = 6

# Elements whose content is never text, each with the pattern of its end.
_HIDDEN_START = re.compile(rb"<(script|style|!--)", re.I)
_HIDDEN_END = {
    b"script": re.compile(rb"</script\s*>", re.I),
    b"style": re.compile(rb"</style\s*>", re.I),
    b"!--": re.compile(rb"-->"),
}
_TAG_START = re.compile(rb"<[A-Za-z/!?]")
# A tag: what sits inside excludes "<" too, so a failed match stops at the next one.
_TAG = re.compile(rb"<[^<>]*>")
# In a tag: a quoted value (which may hold spaces), and the start of each attribute after
# the name (a word after spaces, not an "=" or the closing "/").
_QUOTED = re.compile(rb"\"[^\"]*\"|'[^']*'")
_ATTRIBUTE = re.compile(rb"\s+[^\s=/>]")


def extract(data: bytes, source: str | Path) -> Extracted:
    """The main text of a saved web page, or ``ArticleError`` when it has none."""
    _check_size(data, source)
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
        outlet=_outlet(document, data),
    )


def _outlet(document: Any, data: bytes) -> str | None:
    """Who published the page: trafilatura's site name (from ``og:site_name`` and the like),
    else the page's own ``og:site_name``, else the host of its canonical address."""
    found = _clean(getattr(document, "sitename", None))
    if found:
        return found
    from trafilatura.utils import load_html

    try:
        tree = load_html(data)
    except Exception:  # the text was read; an outlet that cannot be found is only unknown
        return None
    if tree is None:
        return None
    for name in tree.xpath("//meta[@property='og:site_name' or @name='og:site_name']/@content"):
        if _clean(name):
            return _clean(name)
    canonical = tree.xpath("//link[@rel='canonical']/@href") or [getattr(document, "url", None)]
    return _host(canonical[0])


def _host(url: object) -> str | None:
    """The host of an address, without "www.": "https://www.example.org/a" → "example.org"."""
    if not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def _check_size(data: bytes, source: str | Path) -> None:
    """Refuse, before extraction, a page with too many tags or far too much text."""
    markup = _without_hidden(data)
    tags = len(_TAG_START.findall(markup))
    if tags > MAX_HTML_TAGS:
        raise ArticleError(source, errors.HTML_TOO_MANY_TAGS.format(tags=tags, limit=MAX_HTML_TAGS))
    _check_attributes(markup, source)
    tokens = estimate_byte_tokens(_TAG.sub(b" ", markup))
    if tokens > MAX_TEXT_TOKENS * HTML_TEXT_MARGIN:
        message = errors.HTML_TOO_MUCH_TEXT.format(tokens=tokens, limit=MAX_TEXT_TOKENS)
        raise ArticleError(source, message)


def _check_attributes(markup: bytes, source: str | Path) -> None:
    """Refuse a tag with too many attributes, or a page with too many in all, counted on
    the bytes of each tag with its quoted values taken out (in linear time: a quote that
    never closes is scanned for once)."""
    total = 0
    for found in _TAG.finditer(markup):
        tag = found[0]
        if b'"' in tag or b"'" in tag:
            tag = _QUOTED.sub(b"", tag)
        attributes = len(_ATTRIBUTE.findall(tag))
        if attributes > MAX_HTML_TAG_ATTRIBUTES:
            message = errors.HTML_TAG_TOO_MANY_ATTRIBUTES.format(
                attributes=attributes, limit=MAX_HTML_TAG_ATTRIBUTES
            )
            raise ArticleError(source, message)
        total += attributes
    if total > MAX_HTML_ATTRIBUTES:
        message = errors.HTML_TOO_MANY_ATTRIBUTES.format(
            attributes=total, limit=MAX_HTML_ATTRIBUTES
        )
        raise ArticleError(source, message)


def _without_hidden(data: bytes) -> bytes:
    """The page without scripts, styles and comments, each scanned for its end once."""
    return without_elements(data, _HIDDEN_START, _HIDDEN_END)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
