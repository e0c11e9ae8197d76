"""The limits on what Dramatis opens, chosen so that every input gets an answer in bounded
time and memory (a verdict within 60 s and 1 GB), and cheap estimates that let a
reader refuse an input before the expensive step rather than after it.

``reader.opening`` applies the file and text limits to every article; the format modules
apply their own (HTML tags, attributes and text, PDF pages, Word archive sizes and elements,
Markdown text and front matter) before they hand the bytes to a parser, and stop reading as
soon as the text they give back passes the text limits. docs/FORMATS.md lists
them all.

Metadata is cut, not refused (a PDF whose title was 20 MB long stopped the
window): the title, byline and date a file gives are cut to their limits when the article
is built (``reader.opening.article_from_text``), actor names and ids when the actors are
(``reader.actors.building``), and all of them again when the library stores them
(``reader.library.bounded``), whatever made the analysis.
"""

from __future__ import annotations

import re
from typing import overload

_MB = 1024 * 1024

#: Files (and standard input) larger than this are refused before they are read.
MAX_FILE_BYTES = 50 * _MB
#: Extracted text longer than this is refused.
MAX_TEXT_CHARS = 2_000_000
#: Extracted text with more words and punctuation marks than this is refused before it is
#: parsed: spaCy handles 3,300-4,700 of them a second here, so this is 30-45 s of work
#: (bench/hostile_inputs.py). A 100,000-word news text has about 122,000.
MAX_TEXT_TOKENS = 130_000

#: An HTML page whose text, counted roughly on the raw bytes, holds more than this many
#: times ``MAX_TEXT_TOKENS`` is refused before its main text is extracted: the page around
#: an article (menus, footers) never outweighs the article that much.
HTML_TEXT_MARGIN = 2
#: An HTML page with more tags than this is refused before it is parsed. A long news page
#: has a few thousand; the extraction holds the interpreter in single calls that grow with
#: the tags (one of 1.2 s for 198,000), which stalls the window for that long
#: (bench/hostile_gui.py), and takes about 25 s for 400,000.
MAX_HTML_TAGS = 100_000

#: A PDF with more pages than this is refused before any page is read. A long report has a
#: few hundred pages and a book about 1,000 (whose text passes ``MAX_TEXT_TOKENS`` long
#: before its end); pypdf spends about 0.5 ms on each page even when it is empty, and
#: 100,000 empty pages took 31 s.
MAX_PDF_PAGES = 2_000
#: A PDF whose pages' content streams hold more than this, counted once for each page that
#: draws them and once for each time a form (a drawing reused by name) is drawn, is refused
#: as soon as it passes it: pypdf parses about 1 MB a second of them, and a 1 MB form drawn
#: 2,000 times ran past 120 s.
MAX_PDF_CONTENT_BYTES = 20 * _MB
#: A PDF whose pages run more operators than this (text, drawing, colour…) is refused as
#: soon as it passes it. A page of news text runs 500-3,000; pypdf takes 2-25 µs each.
MAX_PDF_OPERATORS = 2_000_000

#: An HTML tag with more attributes than this is refused before the page is parsed: the
#: time a tag takes grows with the square of its attributes (20,000 took 5 s, 150,000 ran
#: past 150 s). Real tags have a handful, an SVG drawing's a few dozen.
MAX_HTML_TAG_ATTRIBUTES = 1_000
#: An HTML page with more attributes in all than this is refused before it is parsed (a
#: long news page has some 10,000; the tag limit allows as many as it has tags).
MAX_HTML_ATTRIBUTES = 200_000

#: A Word file whose parts expand to more than this in total is refused.
MAX_DOCX_EXPANDED_BYTES = 100 * _MB
#: A Word file with more XML elements than this is refused: python-docx takes 30-40 µs
#: for each paragraph, even an empty one. Word spends about 8 elements on each run of
#: formatted text, so this still allows some 50,000 paragraphs of heavily edited text.
MAX_DOCX_ELEMENTS = 500_000
#: A part of a Word file that expands more than this many times over is refused (a zip
#: bomb) when it also expands past ``DOCX_RATIO_FLOOR_BYTES``; text XML compresses
#: 5-20 times, deflate at most about 1,000 times.
MAX_DOCX_RATIO = 200
DOCX_RATIO_FLOOR_BYTES = 10 * _MB
#: Core properties (title, author, dates) larger than this are read with every value cut
#: before python-docx sees them: lxml refuses a text node of more than 10 MB, which made
#: a Word file with a huge title "damaged". Real ones hold 1-2 KB.
MAX_DOCX_CORE_BYTES = 1 * _MB

#: A Markdown file whose words and punctuation marks, counted roughly on its bytes, pass this
#: many times ``MAX_TEXT_TOKENS`` is refused before it is decoded and stripped: link
#: targets and syntax add marks of their own, but never that many.
MARKDOWN_TEXT_MARGIN = 2

#: Markdown front matter longer than this is dropped without reading its fields (the TOML
#: parser needs time and memory growing with the square of a dotted key's length: 3 s and
#: 330 MB for one of 18,000 characters, "a.a.a…"; real front matter is well under 2,000).
MAX_FRONT_MATTER_CHARS = 10_000

#: Longer titles are cut (headlines rarely pass 150 characters).
MAX_TITLE_CHARS = 300
#: Longer bylines are cut (room for several authors and "with reporting by …").
MAX_BYLINE_CHARS = 200
#: Longer date texts are cut (a date as a file writes it, with its weekday, time and zone).
MAX_DATE_CHARS = 100
#: Longer actor names and aliases, and names of the outlet a statement was reported
#: through, are cut (the longest real names of organisations have about 100 characters).
MAX_NAME_CHARS = 200
#: Actor ids (slugs of their names) are cut to this before "-2", "-3" … tell them apart.
MAX_ID_CHARS = 100
#: The detail of an unexpected error reported for one of many files is cut to this.
MAX_DETAIL_CHARS = 200
#: What ends a value that was cut.
CUT_MARK = "…"
#: A value is cut at its last space when that loses less than a third of the limit;
#: otherwise (one long word) inside the word.
_CUT_AT_SPACE = 2 / 3

# A word (letters and digits) or any other character that is not a space: about one
# spaCy token each (2-3 % more on news prose; far more on "-----" or URLs, which spaCy
# keeps whole, so the estimate errs on the side of refusing).
_TOKEN = re.compile(r"[^\W_]+|\S")
_BYTE_TOKEN = re.compile(rb"[A-Za-z0-9\x80-\xff]+|[^\sA-Za-z0-9\x80-\xff]")


def estimate_tokens(text: str) -> int:
    """About how many tokens spaCy will make of ``text``, counted in linear time."""
    return _TOKEN.subn("", text)[1]


def estimate_byte_tokens(data: bytes) -> int:
    """``estimate_tokens`` for undecoded bytes: any run of non-ASCII bytes counts as a word."""
    return _BYTE_TOKEN.subn(b"", data)[1]


@overload
def cut(value: str, limit: int) -> str: ...
@overload
def cut(value: None, limit: int) -> None: ...
@overload
def cut(value: str | None, limit: int) -> str | None: ...
def cut(value: str | None, limit: int) -> str | None:
    """``value`` as it is when it fits in ``limit`` characters; else its start, at the last
    space if one is near the end, and ``CUT_MARK``: ``limit`` characters at most."""
    if value is None or len(value) <= limit:
        return value
    start = value[: limit - len(CUT_MARK)]
    if not value[len(start)].isspace():
        space = start.rfind(" ")
        if space >= limit * _CUT_AT_SPACE:
            start = start[:space]
    return start.rstrip() + CUT_MARK
