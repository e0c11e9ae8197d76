"""One way in: ``open_article(path)`` turns any supported file into an ``Article``.

This module checks what can be checked before parsing (the file exists, is a file, has a
supported suffix, is not too large), reads the bytes once and hands them to the format's
module (``text``, ``markdown``, ``html``, ``pdf``, ``docx`` in this package, each returning
an ``extracted.Extracted``); then it checks the text (not empty, not too long, not too many
words to analyse) and builds the Article, its title, byline, date and outlet cut to their limits.
Every problem with the input is an ``ArticleError`` naming the file. The limits themselves
live in ``reader.opening.limits``.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import stat
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

from reader import errors
from reader.deadline import WorkStopped
from reader.errors import ArticleError
from reader.model import Article
from reader.opening import text
from reader.opening.extracted import Extracted, describe
from reader.opening.limits import (
    MAX_BYLINE_CHARS,
    MAX_DATE_CHARS,
    MAX_DETAIL_CHARS,
    MAX_FILE_BYTES,
    MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
    MAX_TEXT_TOKENS,
    MAX_TITLE_CHARS,
    cut,
    estimate_tokens,
)
from reader.opening.long_words import cut_long_words

log = logging.getLogger(__name__)

_MB = 1024 * 1024
# The checks below read the limits as this module's globals, so tests may patch them here.

#: Suffix (lower case) -> (``Article.format``, the module of this package that extracts it),
#: imported when a file of that kind is first opened: commands that open nothing start faster.
FORMATS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "text"),
    ".md": ("md", "markdown"),
    ".markdown": ("md", "markdown"),
    ".html": ("html", "html"),
    ".htm": ("html", "html"),
    ".pdf": ("pdf", "pdf"),
    ".docx": ("docx", "docx"),
}
SUPPORTED_SUFFIXES = tuple(FORMATS)


def text_sha256(text: str) -> str:
    """Content hash of the article text, used to recognise the same article again."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_NONCHARACTERS = {code: "\ufffd" for code in range(0xFDD0, 0xFDF0)}


def article_from_text(
    text: str,
    source: Path | None = None,
    format: str = "txt",
    title: str | None = None,
    byline: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
) -> Article:
    """Build an Article from text already decoded and cleaned.

    Unicode noncharacters (U+FDD0–U+FDEF) become U+FFFD, one for one, so offsets hold: the
    library marks search matches with them, and text must never look like a mark. The
    title, byline, date and outlet are cut to their limits (a PDF's 20 MB title), and so
    are words too long to show (``reader.opening.long_words``).
    """
    text = cut_long_words(text.translate(_NONCHARACTERS))
    return Article(
        title=cut(title, MAX_TITLE_CHARS),
        text=text,
        source=source,
        format=format,
        sha256=text_sha256(text),
        byline=cut(byline, MAX_BYLINE_CHARS),
        published=cut(published, MAX_DATE_CHARS),
        outlet=cut(outlet, MAX_NAME_CHARS),
    )


def open_article(path: str | Path, data: bytes | None = None) -> Article:
    """Open a supported article file; raise ``ArticleError`` naming the file and problem.

    ``data``: the file's bytes, read elsewhere with ``read_file`` (a cluster's worker opens
    what the client read, so that the client never parses a file).
    """
    path = Path(path)
    if data is None:
        data = read_file(path)
    format, name = _format_of(path)
    _check_size(path, len(data))
    module: ModuleType = importlib.import_module(f"reader.opening.{name}")
    return _article(module.extract(data, path), path, format, subject=path)


def read_file(path: str | Path) -> bytes:
    """The bytes of a supported article file, checked before it is read (it exists, is a
    regular file with a supported suffix, is not too large); ``ArticleError`` if not."""
    path = Path(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise ArticleError(path, errors.MISSING) from None
    except OSError as error:
        raise ArticleError(path, errors.UNREADABLE.format(detail=_os_detail(error))) from error
    if stat.S_ISDIR(status.st_mode):
        raise ArticleError(path, errors.IS_DIRECTORY)
    _format_of(path)
    if not stat.S_ISREG(status.st_mode):
        raise ArticleError(path, errors.UNREADABLE.format(detail=errors.NOT_REGULAR_FILE))
    _check_size(path, status.st_size)
    return _read(path)


def _format_of(path: Path) -> tuple[str, str]:
    """``(Article.format, module name)`` for the file's suffix; ``ArticleError`` if none."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise ArticleError(path, errors.UNSUPPORTED.format(suffix=suffix, supported=supported))
    return FORMATS[suffix]


def open_each(path: str | Path, data: bytes | None = None) -> Article:
    """``open_article`` for a run over many files, where one file must never stop the rest.

    A failure nobody foresaw while reading the file (a bug here or in a parser) is an
    ``ArticleError`` naming the file too, so the run reports it in one line and goes on with
    the others; its traceback is logged at INFO level, which the command line does
    not print. Stopping (Ctrl+C) still stops.
    """
    try:
        return open_article(path, data)
    except (ArticleError, WorkStopped):
        raise
    except Exception as error:
        log.info("Reading %s failed", path, exc_info=True)
        detail = cut(f"{type(error).__name__}: {describe(error)}", MAX_DETAIL_CHARS)
        raise ArticleError(path, errors.READ_FAILED.format(detail=detail)) from error


def article_from_stdin_bytes(data: bytes, name: str = "<stdin>") -> Article:
    """An Article from bytes read from standard input, decoded like a .txt file."""
    _check_size(name, len(data))
    return _article(text.extract(data, name), None, "txt", subject=name)


def article_from_stream(stream: BinaryIO, name: str = "<stdin>") -> Article:
    """An Article from a stream such as standard input, read up to one byte past the limit.

    Reading stops there, so an endless stream (``< /dev/zero``) is refused without
    filling memory.
    """
    try:
        data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ArticleError(name, errors.UNREADABLE.format(detail=_os_detail(error))) from error
    if len(data) > MAX_FILE_BYTES:
        limit_mb = f"{MAX_FILE_BYTES / _MB:g}"
        raise ArticleError(name, errors.TOO_LARGE_STREAM.format(limit_mb=limit_mb))
    return article_from_stdin_bytes(data, name)


def _check_size(subject: str | Path, size: int) -> None:
    if size > MAX_FILE_BYTES:
        message = errors.TOO_LARGE_FILE.format(
            size_mb=size / _MB, limit_mb=f"{MAX_FILE_BYTES / _MB:g}"
        )
        raise ArticleError(subject, message)


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            # One byte past the limit tells a file that grew since stat() from one that fits.
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ArticleError(path, errors.UNREADABLE.format(detail=_os_detail(error))) from error
    _check_size(path, len(data))
    return data


def _article(
    extracted: Extracted, source: Path | None, format: str, subject: str | Path
) -> Article:
    if not extracted.text.strip():
        raise ArticleError(subject, errors.EMPTY)
    if len(extracted.text) > MAX_TEXT_CHARS:
        message = errors.TOO_LARGE_TEXT.format(chars=len(extracted.text), limit=MAX_TEXT_CHARS)
        raise ArticleError(subject, message)
    _check_tokens(subject, extracted.text)
    return article_from_text(
        extracted.text,
        source=source,
        format=format,
        title=extracted.title,
        byline=extracted.byline,
        published=extracted.published,
        outlet=extracted.outlet,
    )


def _check_tokens(subject: str | Path, text: str) -> None:
    """Refuse, before any parsing, text that would take spaCy too long."""
    tokens = estimate_tokens(text)
    if tokens > MAX_TEXT_TOKENS:
        message = errors.TOO_MANY_TOKENS.format(tokens=tokens, limit=MAX_TEXT_TOKENS)
        raise ArticleError(subject, message)


def _os_detail(error: OSError) -> str:
    return (error.strerror or describe(error)).lower()
