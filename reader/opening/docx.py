"""Word documents (.docx): the body's paragraphs and table cells in order, plus core properties.

The title, author and creation date come from the document's core properties when they are
set; the values python-docx's own blank template carries (author "python-docx", created
2013-12-23) are treated as unset, since they say nothing about the article.

A .docx file is a zip archive, and python-docx unpacks all of it into memory, so the archive
is checked first (a 2 MB file expanding to 2 GiB took 4 GB and 40 s to refuse):
the sizes its members declare, how many times over each expands, and then, reading every
member as a stream, the bytes it really holds and the number of XML elements, since
python-docx's time grows with those. Elements are counted in every part python-docx might
parse, whatever its name: every member but those whose content type says they are not XML
(parts not named ``*.xml`` escaped the count, and a 185 KB file reached 2.2 GB).

Whatever goes wrong while the archive is read (a member encrypted or compressed in an
unknown way, a part missing, bad XML) is an ``ArticleError`` naming the file: one bad file
never stops a run over many.

Metadata is cut, not refused: core properties larger than ``MAX_DOCX_CORE_BYTES`` (lxml,
under python-docx, refuses a text node of more than 10 MB) are read here instead, each
value cut, and python-docx is given a copy of the archive holding those.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from reader import errors
from reader.deadline import WorkStopped, checkpoint
from reader.errors import ArticleError
from reader.opening import limits
from reader.opening.extracted import Extracted, describe
from reader.opening.limits import (
    DOCX_RATIO_FLOOR_BYTES,
    MAX_DOCX_CORE_BYTES,
    MAX_DOCX_ELEMENTS,
    MAX_DOCX_EXPANDED_BYTES,
    MAX_DOCX_RATIO,
    MAX_TITLE_CHARS,
    cut,
    estimate_tokens,
)
from reader.opening.paragraphs import guess_title, join_paragraphs, squash

_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime.datetime(2013, 12, 23, 23, 15, tzinfo=datetime.UTC)
_KIND = "Word (.docx)"
_MB = 1024 * 1024
#: Where a Word file keeps its core properties (title, author, dates).
_CORE_PART = "docProps/core.xml"
#: Where a Word file names the content type of each part, and the most of it that is read:
#: real ones hold 1-3 KB; past this every member's elements are counted.
_CONTENT_TYPES_PART = "[Content_Types].xml"
_MAX_CONTENT_TYPES_BYTES = 1 * _MB
_TYPES_NAMESPACE = "{http://schemas.openxmlformats.org/package/2006/content-types}"
#: Bit 0 of a zip member's general-purpose flags: the member is encrypted.
_ENCRYPTED = 0x01
#: How an OLE2 compound file starts: Word writes one for a document saved with a password
#: to open it, and for a legacy .doc file.
_OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")


def extract(data: bytes, source: str | Path) -> Extracted:
    """Paragraphs of a .docx file, or ``ArticleError`` if it is not a valid one."""
    if data.startswith(_OLE_SIGNATURE):
        raise ArticleError(source, errors.DOCX_OLE)
    data = _checked_archive(data, source)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = _within_limits(_texts(document), source)
        properties = document.core_properties
        title = _clean(properties.title)
        author = _clean(properties.author)
        created = properties.created
    except (ArticleError, WorkStopped):
        raise
    except Exception as error:  # BadZipFile, KeyError, lxml errors, PackageNotFoundError…
        raise ArticleError(
            source, errors.CORRUPT.format(kind=_KIND, detail=describe(error))
        ) from error
    text = join_paragraphs(paragraphs)
    return Extracted(
        text=text,
        title=title or guess_title(text),
        byline=None if author == _TEMPLATE_AUTHOR else author,
        published=_date(created),
    )


def _checked_archive(data: bytes, source: str | Path) -> bytes:
    """The archive for python-docx to read: ``data``, or a copy with its oversized core
    properties cut. Refuse an archive that is encrypted, would expand too far, holds too
    many XML elements or cannot be read at all."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if any(member.flag_bits & _ENCRYPTED for member in members):
                raise ArticleError(source, errors.DOCX_ENCRYPTED)
            _check_declared(members, source)
            _check_contents(archive, members, source)
            for member in members:
                if member.filename == _CORE_PART and member.file_size > MAX_DOCX_CORE_BYTES:
                    return _with_core_cut(archive, members, member)
    except (ArticleError, WorkStopped):
        raise
    # A member cut short, badly compressed or compressed in an unknown way, a CRC that does
    # not match, bad XML in the core properties…: zipfile, zlib and the XML parser raise
    # many types (BadZipFile, NotImplementedError, EOFError, OSError, zlib.error,
    # ValueError, ParseError…), all of which mean a damaged file.
    except Exception as error:
        raise ArticleError(
            source, errors.CORRUPT.format(kind=_KIND, detail=describe(error))
        ) from error
    return data


def _check_declared(members: list[zipfile.ZipInfo], source: str | Path) -> None:
    """What the archive says about itself: the total size and each member's ratio."""
    if sum(member.file_size for member in members) > MAX_DOCX_EXPANDED_BYTES:
        _refuse_expansion(source)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > DOCX_RATIO_FLOOR_BYTES and ratio > MAX_DOCX_RATIO:
            message = errors.DOCX_EXPANSION_RATIO.format(ratio=ratio, limit=MAX_DOCX_RATIO)
            raise ArticleError(source, message)


def _check_contents(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], source: str | Path
) -> None:
    """What the members really hold, read as streams and never more than the limits."""
    not_xml = _not_xml(archive, members)
    expanded = elements = 0
    for member in members:
        is_xml = member.filename.lower() not in not_xml
        with archive.open(member) as stream:
            while chunk := stream.read(_MB):
                checkpoint()
                expanded += len(chunk)
                if expanded > MAX_DOCX_EXPANDED_BYTES:
                    _refuse_expansion(source)
                if is_xml:
                    # Every element has one "<" that does not open an end tag.
                    elements += chunk.count(b"<") - chunk.count(b"</")
                    if elements > MAX_DOCX_ELEMENTS:
                        message = errors.DOCX_TOO_COMPLEX.format(limit=MAX_DOCX_ELEMENTS)
                        raise ArticleError(source, message)


def _not_xml(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> set[str]:
    """The names (lower-cased) of the members whose content type, as the package states it
    (by part name, else by extension, as python-docx looks it up), is not XML; none when
    the content types cannot be read, so that every member is counted."""
    info = next((m for m in members if m.filename == _CONTENT_TYPES_PART), None)
    if info is None or info.file_size > _MAX_CONTENT_TYPES_BYTES:
        return set()
    with archive.open(info) as stream:
        data = stream.read(_MAX_CONTENT_TYPES_BYTES + 1)
    if len(data) > _MAX_CONTENT_TYPES_BYTES:
        return set()
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return set()
    overrides = {
        element.get("PartName", "").lower(): element.get("ContentType", "")
        for element in root.iter(f"{_TYPES_NAMESPACE}Override")
    }
    defaults = {
        element.get("Extension", "").lower(): element.get("ContentType", "")
        for element in root.iter(f"{_TYPES_NAMESPACE}Default")
    }
    not_xml = set()
    for member in members:
        name = member.filename.lower()
        extension = name.rpartition(".")[2] if "." in name.rpartition("/")[2] else ""
        content_type = overrides.get(f"/{name}", defaults.get(extension))
        if content_type is not None and not content_type.lower().endswith("xml"):
            not_xml.add(name)
    return not_xml


def _with_core_cut(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], core: zipfile.ZipInfo
) -> bytes:
    """A copy of the archive whose core properties hold every value cut to the longest
    metadata limit (reader.opening cuts each to its own later). The standard library's
    parser has no limit on a text node's length; the archive is already known to expand
    to at most ``MAX_DOCX_EXPANDED_BYTES``. Members are copied uncompressed: python-docx
    holds them all in memory anyway."""
    root = ElementTree.fromstring(archive.read(core))
    for element in root.iter():
        element.text = cut(element.text, MAX_TITLE_CHARS)
        element.tail = cut(element.tail, MAX_TITLE_CHARS)
        for name, value in list(element.attrib.items()):
            element.set(name, cut(value, MAX_TITLE_CHARS))
    copy = io.BytesIO()
    with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as shrunk:
        for member in members:
            if member is core:
                shrunk.writestr(member.filename, ElementTree.tostring(root, encoding="utf-8"))
            else:
                shrunk.writestr(member.filename, archive.read(member))
    return copy.getvalue()


def _refuse_expansion(source: str | Path) -> None:
    limit_mb = f"{MAX_DOCX_EXPANDED_BYTES / _MB:g}"
    raise ArticleError(source, errors.DOCX_EXPANDS_TOO_MUCH.format(limit_mb=limit_mb))


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


def _within_limits(texts: Iterator[str], source: str | Path) -> list[str]:
    """The paragraphs, taken until their text passes the article's character or token
    limit, where reading stops (each reader stops once its output passes it)."""
    paragraphs = []
    chars = tokens = 0
    for text in texts:
        checkpoint()  # a cancel in the window stops the paragraphs being read
        paragraphs.append(text)
        chars += len(text) + 1
        tokens += estimate_tokens(text)
        if chars > limits.MAX_TEXT_CHARS:
            raise ArticleError(source, errors.TEXT_PAST_LIMIT.format(limit=limits.MAX_TEXT_CHARS))
        if tokens > limits.MAX_TEXT_TOKENS:
            message = errors.TOKENS_PAST_LIMIT.format(limit=limits.MAX_TEXT_TOKENS)
            raise ArticleError(source, message)
    return paragraphs


def _clean(value: object) -> str | None:
    return (squash(value) or None) if isinstance(value, str) else None


def _date(value: object) -> str | None:
    if not isinstance(value, datetime.datetime) or value == _TEMPLATE_CREATED:
        return None
    return value.date().isoformat()
