"""One way in: ``open_article(path)`` turns any supported file into an ``Article``."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader import errors
from reader.errors import ArticleError
from reader.model import Article


def text_sha256(text: str) -> str:
    """Content hash of the article text, used to recognise the same article again."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_from_text(
    text: str,
    source: Path | None = None,
    format: str = "txt",
    title: str | None = None,
    byline: str | None = None,
    published: str | None = None,
) -> Article:
    """Build an Article from text already decoded and cleaned."""
    return Article(
        title=title,
        text=text,
        source=source,
        format=format,
        sha256=text_sha256(text),
        byline=byline,
        published=published,
    )


def open_article(path: str | Path) -> Article:
    """Open a supported article file; raise ``ArticleError`` naming the file and problem."""
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, errors.MISSING)
    text = path.read_text(encoding="utf-8")
    return article_from_text(text, source=path, format="txt")
