"""PDF articles: the text layer put back into paragraphs, without the page furniture.

pypdf gives the text a printed line at a time. Lines are joined back into paragraphs: a
paragraph ends at a wider vertical gap than the usual line spacing, at a line much shorter
than the others, or at a page end after a full stop. A word hyphenated across a line break
is mended ("inter-" + "national") unless the next part is capitalised or a number
("al-" + "Assad", "COVID-" + "19"), where the hyphen is real. Running headers and footers
(the same line at the top or bottom of most pages, page numbers aside) and page numbers
("3", "Page 3", "3 of 10", "- 3 -") are dropped. The title and author come from the
document information when it has real values (not a tool's "untitled" or a file name).
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import errors
from reader.deadline import WorkStopped, checkpoint
from reader.errors import ArticleError
from reader.opening.extracted import Extracted, describe
from reader.opening.paragraphs import guess_title, join_paragraphs, squash
from reader.opening.pdf_bounds import PastLimit, Reading, check_pages

#: Lines this near the top or bottom of a page are checked for running headers and footers.
EDGE_LINES = 3
#: A vertical gap this many times the page's usual line spacing starts a new paragraph.
PARAGRAPH_GAP = 1.3
#: A line shorter than this share of the usual line length ends its paragraph.
SHORT_LINE = 0.75

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE
)
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_PLACEHOLDER_VALUES = frozenset({"untitled", "untitled document", "anonymous", "unknown", "none"})
_FILE_NAME = re.compile(r"\.(?:docx?|pdf|odt|rtf|txt|indd|qxd|html?)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line and its height on the page (None when pypdf did not say)."""

    text: str
    y: float | None
    page: int


def extract(data: bytes, source: str | Path) -> Extracted:
    """Paragraphs of a PDF's text layer, or ``ArticleError`` if damaged, locked or scanned."""
    import pypdf

    with _quiet("pypdf"):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not _unlock(reader):
                raise ArticleError(source, errors.ENCRYPTED)
            check_pages(reader, source)
            reading = Reading(source)
            pages = [_page_lines(page, number, reading) for number, page in enumerate(reader.pages)]
            info = reader.metadata
            title = _meta(info.title if info else None)
            author = _meta(info.author if info else None)
        except (ArticleError, WorkStopped):
            raise
        except PastLimit as stop:
            raise stop.error from None
        except pypdf.errors.LimitReachedError as error:
            # One of pypdf's own limits (tokens in a stream, objects in a stream, loops):
            # the bytes say more than a reader may take on, whether by design or damage.
            message = errors.PDF_PAST_READER_LIMIT.format(detail=describe(error))
            raise ArticleError(source, message) from error
        except pypdf.errors.DependencyError as error:
            # Only decryption needs an optional package: the file is encrypted, not broken.
            raise ArticleError(source, errors.ENCRYPTED_NEEDS_CRYPTO) from error
        except Exception as error:  # pypdf raises many types for broken files
            raise ArticleError(
                source, errors.CORRUPT.format(kind="PDF", detail=describe(error))
            ) from error
    if not pages:
        raise ArticleError(source, errors.EMPTY)
    if not any(pages):
        raise ArticleError(source, errors.NO_TEXT_LAYER)
    text = join_paragraphs(paragraphs(pages))
    return Extracted(text=text, title=title or guess_title(text), byline=author)


def paragraphs(pages: list[list[Line]]) -> list[str]:
    """The lines of all pages, headers and page numbers dropped, joined into paragraphs."""
    lines = [line for page in drop_furniture(pages) for line in page]
    if not lines:
        return []
    lengths = sorted(len(line.text) for line in lines)
    usual_length = lengths[int(0.8 * (len(lengths) - 1))]
    spacing = _line_spacing(lines)
    result: list[str] = []
    current: list[str] = []
    for line, following in zip(lines, [*lines[1:], None], strict=True):
        current.append(line.text)
        if following is None or _ends_paragraph(line, following, usual_length, spacing):
            result.append(_joined(current))
            current = []
    return result


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without page numbers and without lines repeated at the edges of most pages."""
    repeated: set[str] = set()
    if len(pages) >= 2:
        counts = Counter(
            key for page in pages for key in {_key(line.text) for line in _edges(page)}
        )
        repeated = {key for key, count in counts.items() if count >= 2 and 2 * count > len(pages)}
    result = []
    for page in pages:
        edges = {id(line) for line in _edges(page)}
        result.append(
            [
                line
                for line in page
                if not _PAGE_NUMBER.match(line.text)
                and not (id(line) in edges and _key(line.text) in repeated)
            ]
        )
    return result


def _edges(page: list[Line]) -> list[Line]:
    if len(page) <= 2 * EDGE_LINES:
        return page
    return page[:EDGE_LINES] + page[-EDGE_LINES:]


def _key(text: str) -> str:
    """Running headers often carry the page number or date: compare them without digits."""
    return re.sub(r"\d+", "#", text.casefold())


def _line_spacing(lines: list[Line]) -> float | None:
    """The usual distance between lines of a paragraph, or None without positions.

    The lower quartile of the gaps between successive lines on a page: paragraph gaps are
    the larger ones, and a few tiny gaps (sub- and superscripts) do not reach the quartile.
    """
    gaps = sorted(
        above.y - below.y
        for above, below in itertools.pairwise(lines)
        if above.page == below.page
        and above.y is not None
        and below.y is not None
        and above.y - below.y > 1
    )
    return gaps[(len(gaps) - 1) // 4] if gaps else None


def _ends_paragraph(line: Line, following: Line, usual_length: int, spacing: float | None) -> bool:
    if line.text.endswith("\u00ad") or _HYPHENATED.search(line.text):
        return False
    if following.text[:1].islower():
        return False
    if following.page != line.page:
        return bool(_SENTENCE_END.search(line.text)) or len(line.text) < SHORT_LINE * usual_length
    if (
        spacing
        and line.y is not None
        and following.y is not None
        and line.y - following.y > PARAGRAPH_GAP * spacing
    ):
        return True
    return len(line.text) < SHORT_LINE * usual_length


def _joined(lines: list[str]) -> str:
    """The lines of one paragraph as one, mending words hyphenated across a break.

    Only the end of what is joined so far is looked at, and the pieces are joined once, so
    this is linear in the paragraph's length (appending to the paragraph and
    searching all of it for each line took 101 s for 20,000 lines).
    """
    pieces = [lines[0]]
    # The last three characters joined so far: enough to see a soft hyphen, or a letter and
    # a hyphen, even after a soft hyphen is dropped.
    end = lines[0][-3:]
    for line in lines[1:]:
        if end.endswith("\u00ad"):
            drop, space = True, False
        elif _HYPHENATED.search(end):
            drop, space = line[:1].islower(), False
        else:
            drop, space = False, True
        if drop:
            # The last piece is the line before, never empty: lines are not blank.
            pieces[-1] = pieces[-1][:-1]
            end = end[:-1]
        if space:
            pieces.append(" ")
            end += " "
        pieces.append(line)
        end = (end + line)[-3:]
    return "".join(pieces)


def _page_lines(page: Any, number: int, reading: Reading) -> list[Line]:
    """The page's non-blank lines, each with its height when the fragments allow it.

    ``reading`` counts the page's content before it is parsed, and its operators and text
    while it is, stopping past the limits.
    """
    fragments: list[tuple[str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        checkpoint()  # a cancel in the window stops the page being read
        if text:
            fragments.append((text, tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
            reading.text(text)

    checkpoint()
    reading.content(page)
    text = page.extract_text(visitor_text=visit, visitor_operand_before=reading.operator) or ""
    reading.flush()
    raw_lines = text.split("\n")
    heights: list[float | None] = [None] * len(raw_lines)
    if "".join(fragment for fragment, _ in fragments) == text:
        heights = _heights(fragments)
    lines = []
    for raw, y in zip(raw_lines, heights, strict=True):
        cleaned = squash(raw.translate(_LIGATURES))
        if cleaned:
            lines.append(Line(cleaned, y, number))
    return lines


def _heights(fragments: list[tuple[str, float]]) -> list[float | None]:
    """The height of the first visible fragment of each line (lines split at newlines)."""
    heights: list[float | None] = []
    current: float | None = None
    for fragment, y in fragments:
        for index, part in enumerate(fragment.split("\n")):
            if index:
                heights.append(current)
                current = None
            if current is None and part.strip():
                current = y
    heights.append(current)
    return heights


def _unlock(reader: Any) -> bool:
    """Many PDFs are encrypted with an empty password only to restrict printing."""
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


def _meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = squash(value.removeprefix("Microsoft Word - "))
    placeholder = value.strip("()[]<> ").casefold() in _PLACEHOLDER_VALUES
    if not value or placeholder or _FILE_NAME.search(value):
        return None
    return value


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """pypdf logs a warning for every quirk it works around; the user cannot act on them."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
