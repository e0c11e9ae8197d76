"""Plain-text articles: find the encoding, normalise line endings, change nothing else.

A UTF-8 file with LF line endings comes out exactly as it is on disk, so offsets into the
text line up with the file. Other encodings are recognised by their byte-order mark or by
charset-normalizer; among guesses that fit the bytes about equally well, Windows-1252 wins,
because Western European news is far more common than, say, Central European code pages
that happen to decode the same bytes ("Señora" must not come out as "Seńora").
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader import errors
from reader.errors import ArticleError
from reader.opening.extracted import Extracted
from reader.opening.paragraphs import guess_title

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Encodings treated as "Western European"; any of them in a close guess means cp1252.
WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15"})
#: How much worse (charset-normalizer "chaos" and "coherence") a guess may be and still count
#: as close to the best one.
CLOSE_CHAOS = 0.05
CLOSE_COHERENCE = 0.1
#: Share of control characters (other than tab, newline, form feed…) that marks binary junk.
MAX_CONTROL_SHARE = 0.01

# C0 controls and DEL, except tab, newline, vertical tab, form feed and carriage return.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def extract(data: bytes, source: str | Path) -> Extracted:
    """Decode a .txt file; the title is the first line when it looks like a headline."""
    text = decode(data, source)
    return Extracted(text=text, title=guess_title(text))


def decode(data: bytes, source: str | Path) -> str:
    """Bytes of a text file as a str with LF line endings, or ``ArticleError`` if undecodable."""
    text = _decode_bytes(data, source)
    controls = len(_CONTROLS.findall(text))
    if controls and controls > MAX_CONTROL_SHARE * len(text):
        raise ArticleError(source, errors.UNDECODABLE)
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_bytes(data: bytes, source: str | Path) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise ArticleError(source, errors.UNDECODABLE) from error
            return text
    if b"\x00" in data:
        # Text without a byte-order mark has no NUL bytes; this is binary (or BOM-less UTF-16).
        raise ArticleError(source, errors.UNDECODABLE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _guess(data, source)


def _guess(data: bytes, source: str | Path) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ArticleError(source, errors.UNDECODABLE)
    for match in matches:
        close = (
            match.chaos <= best.chaos + CLOSE_CHAOS
            and match.coherence >= best.coherence - CLOSE_COHERENCE
        )
        if close and WESTERN.intersection(match.could_be_from_charset):
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break  # one of the five bytes cp1252 leaves undefined: trust the guess
    return str(best)
