"""Word documents (.docx): the body's paragraphs and table cells in order, plus core properties.

The title, author and creation date come from the document's core properties when they are
set; the values python-docx's own blank template carries (author "python-docx", created
2013-12-23) are treated as unset, since they say nothing about the article.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader import errors
from reader.errors import ArticleError
from reader.formats import Extracted, describe
from reader.formats.paragraphs import guess_title, join_paragraphs, squash

_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime.datetime(2013, 12, 23, 23, 15, tzinfo=datetime.UTC)


def extract(data: bytes, source: str | Path) -> Extracted:
    """Paragraphs of a .docx file, or ``ArticleError`` if it is not a valid one."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_texts(document))
        properties = document.core_properties
        title = _clean(properties.title)
        author = _clean(properties.author)
        created = properties.created
    except Exception as error:  # BadZipFile, KeyError, lxml errors, PackageNotFoundError…
        raise ArticleError(
            source, errors.CORRUPT.format(kind="Word (.docx)", detail=describe(error))
        ) from error
    text = join_paragraphs(paragraphs)
    return Extracted(
        text=text,
        title=title or guess_title(text),
        byline=None if author == _TEMPLATE_AUTHOR else author,
        published=_date(created),
    )


def _texts(document: Any) -> Iterator[str]:
    """Body paragraphs and the paragraphs of table cells, in document order."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            # A merged cell appears once per grid slot; keeping the element keeps its id unique.
            seen: dict[int, object] = {}
            for row in block.rows:
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen[id(cell._tc)] = cell._tc
                        yield from (paragraph.text for paragraph in cell.paragraphs)
        else:
            yield block.text


def _clean(value: object) -> str | None:
    return (squash(value) or None) if isinstance(value, str) else None


def _date(value: object) -> str | None:
    if not isinstance(value, datetime.datetime) or value == _TEMPLATE_CREATED:
        return None
    return value.date().isoformat()
