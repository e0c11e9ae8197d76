"""Every file reader's work grows in line with its input.

Each test feeds a reader one hostile shape at sizes n and 4n and counts the work done (the
characters a pattern is asked to search, the lines a stripper handles, the pages pypdf
extracts), never the time taken: linear work grows about 4 times, quadratic 16 times.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from hostile_files import docx_with_renamed_part, write_pdf_shared_stream

from reader.opening import docx as docx_format
from reader.opening import limits, pdf


class CountingPattern:
    """A compiled pattern that counts the characters it is asked to search."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched = 0

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        self.searched += len(text)
        return self.pattern.search(text, *args)


def grows_linearly(small: int, large: int) -> bool:
    """Work at 4n is about 4 times the work at n (16 times would be quadratic)."""
    return 3 * small <= large <= 5 * small


@pytest.mark.slow
def test_pdf_lines_join_into_a_paragraph_in_linear_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines of one paragraph were appended to it and all of it searched for a
    hyphen at each line: 20,000 lines of a 993-byte PDF took 101 s."""
    searched = []
    for lines in (2_000, 8_000):
        counter = CountingPattern(pdf._HYPHENATED)
        monkeypatch.setattr(pdf, "_HYPHENATED", counter)
        path = write_pdf_shared_stream(tmp_path / f"lines-{lines}.pdf", pages=1, lines=lines)
        text = pdf.extract(path.read_bytes(), path).text
        assert text == " ".join(["a"] * lines)
        searched.append(counter.searched)
    assert grows_linearly(*searched), searched


def test_pdf_hyphens_are_mended_across_lines_as_before() -> None:
    """The linear join mends words as the old one did, soft hyphens and real ones."""
    lines = ["inter-", "national al-", "Assad COVID-", "19 soft\u00ad", "\u00ad", "ly end"]
    page = [pdf.Line(text, None, 0) for text in lines]
    assert pdf.paragraphs([page]) == ["international al-Assad COVID-19 softly end"]


def test_pdf_extraction_stops_once_the_text_passes_the_token_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """40 pages sharing one stream of 500 lines: reading stops at the page where the text
    passes the limit (here lowered to 5,000), not after all 40."""
    import pypdf

    monkeypatch.setattr(limits, "MAX_TEXT_TOKENS", 5_000)
    extracted = []
    original = pypdf.PageObject.extract_text

    def counted(page: pypdf.PageObject, *args: Any, **kwargs: Any) -> str:
        extracted.append(page)
        return original(page, *args, **kwargs)

    monkeypatch.setattr(pypdf.PageObject, "extract_text", counted)
    path = write_pdf_shared_stream(tmp_path / "shared.pdf", pages=40, lines=500)
    with pytest.raises(pdf.ArticleError) as excinfo:
        pdf.extract(path.read_bytes(), path)
    assert excinfo.value.problem == (
        "the text is too long to analyse (more than 5,000 words and punctuation marks)"
    )
    assert len(extracted) == 11  # 500 tokens a page: the 11th passes 5,000


def test_pdf_pages_past_the_limit_are_not_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """100,000 empty pages took 31 s. The walk of the page tree stops one page
    past the limit (lowered to 100 here), however many pages there are, and no page is read."""
    import pypdf
    from hostile_files import pdf_bytes

    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 100)
    resolved = []
    original = pypdf.generic.IndirectObject.get_object

    def counted(self: pypdf.generic.IndirectObject) -> Any:
        resolved.append(self.idnum)
        return original(self)

    monkeypatch.setattr(pypdf.generic.IndirectObject, "get_object", counted)
    monkeypatch.setattr(pypdf.PageObject, "extract_text", lambda *_, **__: pytest.fail("read"))
    work = []
    for pages in (1_000, 4_000):
        resolved.clear()
        path = tmp_path / f"pages-{pages}.pdf"
        path.write_bytes(pdf_bytes(pages, b""))
        with pytest.raises(pdf.ArticleError) as excinfo:
            pdf.extract(path.read_bytes(), path)
        assert excinfo.value.problem == "the PDF has too many pages (more than 100)"
        work.append(len(resolved))
    assert work[0] == work[1] <= 110, work


@pytest.mark.slow
def test_markdown_stripping_stops_once_the_text_passes_the_character_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Markdown was stripped whole before its length was checked. 30,000 lines of
    one 99-letter word pass the 2,000,000-character limit at the 20,000th line, and
    stripping stops there."""
    from reader.opening import markdown

    stripped = []
    original = markdown._inline

    def counted(text: str) -> str:
        stripped.append(text)
        return original(text)

    monkeypatch.setattr(markdown, "_inline", counted)
    data = ("a" * 99 + "\n") * 30_000
    with pytest.raises(markdown.ArticleError) as excinfo:
        markdown.extract(data.encode(), "long.md")
    assert excinfo.value.problem == "the text is too long (more than 2,000,000 characters)"
    assert len(stripped) == limits.MAX_TEXT_CHARS // 100 + 1


@pytest.mark.slow
def test_markdown_far_past_the_token_limit_is_refused_before_it_is_decoded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """20 MB of "a\\n" took 120 s. The bytes are counted a chunk at a time and
    counting stops past the limit: the work is the same at 10 and 40 MB."""
    from reader.opening import markdown

    counted_bytes = []
    original = markdown.estimate_byte_tokens

    def counted(data: bytes) -> int:
        counted_bytes.append(len(data))
        return original(data)

    monkeypatch.setattr(markdown, "estimate_byte_tokens", counted)
    monkeypatch.setattr(markdown, "decode", lambda *_: pytest.fail("decoded"))
    work = []
    for megabytes in (10, 40):
        counted_bytes.clear()
        with pytest.raises(markdown.ArticleError):
            markdown.extract(b"a\n" * (megabytes * 512 * 1024), "lines.md")
        work.append(sum(counted_bytes))
    assert work[0] == work[1] == 1024 * 1024, work


@pytest.mark.slow
def test_markdown_stripping_grows_linearly_with_the_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under the limits, the characters the emphasis patterns search grow with the text."""
    from reader.opening import markdown

    counters = [CountingSubPattern(pattern) for pattern in markdown._EMPHASIS]
    monkeypatch.setattr(markdown, "_EMPHASIS", tuple(counters))
    work = []
    for lines in (1_000, 4_000):
        before = sum(counter.searched for counter in counters)
        markdown.extract(b"Putin *said* so, _twice_ **today** ~~or~~ a*b\n" * lines, "x.md")
        work.append(sum(counter.searched for counter in counters) - before)
    assert grows_linearly(*work), work


class CountingSubPattern:
    """A compiled pattern that counts the characters ``sub`` is asked to search."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searched = 0

    def sub(self, replacement: str, text: str) -> str:
        self.searched += len(text)
        return self.pattern.sub(replacement, text)


def test_html_attributes_are_counted_in_linear_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """One tag of 150,000 attributes ran past 150 s in the parser. They are
    counted first, on the bytes, each tag's characters looked at a fixed number of times."""
    from reader.opening import html

    quoted = CountingSubPattern(html._QUOTED)  # type: ignore[arg-type]
    monkeypatch.setattr(html, "_QUOTED", quoted)
    attribute = CountingFindall(html._ATTRIBUTE)
    monkeypatch.setattr(html, "_ATTRIBUTE", attribute)
    work = []
    for tags in (1_000, 4_000):
        before = quoted.searched + attribute.searched
        tag = b'<p class="a b" id=x data-x=\'it"s\' lang = "en" hidden>Word.</p>'
        html._check_attributes(b"<html><body>" + tag * tags, "page.html")
        work.append(quoted.searched + attribute.searched - before)
    assert grows_linearly(*work), work


class CountingFindall:
    """A compiled bytes pattern that counts the bytes ``findall`` is asked to search."""

    def __init__(self, pattern: re.Pattern[bytes]) -> None:
        self.pattern = pattern
        self.searched = 0

    def findall(self, data: bytes) -> list[bytes]:
        self.searched += len(data)
        return self.pattern.findall(data)


@pytest.mark.slow
def test_docx_parts_are_read_only_until_the_element_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part not named *.xml escaped the element count. Now every part is
    counted as it streams, and reading stops at the limit: the same work at 8 and 32 MB."""
    read = []
    original = zipfile.ZipExtFile.read

    def counted(self: zipfile.ZipExtFile, size: int = -1) -> bytes:
        data = original(self, size)
        read.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counted)
    # The parts expand more than 200 times over: the zip-bomb check must not refuse first.
    monkeypatch.setattr(docx_format, "DOCX_RATIO_FLOOR_BYTES", 64 * 1024 * 1024)
    work = []
    for megabytes in (8, 32):
        path = docx_with_renamed_part(
            tmp_path / f"part-{megabytes}.docx",
            "word/styles.xml",
            "word/styles.bin",
            b"<w:x/>" * (megabytes * 1024 * 1024 // 6),
        )
        read.clear()
        with pytest.raises(docx_format.ArticleError) as excinfo:
            docx_format.extract(path.read_bytes(), path)
        assert excinfo.value.problem == (
            "the Word file is too complex to read (more than 500,000 XML elements)"
        )
        work.append(sum(read))
    assert work[0] == work[1] < 4 * 1024 * 1024, work


def test_docx_paragraphs_are_read_only_until_the_text_passes_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a Word file's paragraphs stops once their text passes the token limit
    (lowered to 1,000 here): 2,000 paragraphs of one word each, 1,001 read."""
    monkeypatch.setattr(limits, "MAX_TEXT_TOKENS", 1_000)
    read = []
    original = docx_format._texts

    def counted(document: Any) -> Any:
        for text in original(document):
            read.append(text)
            yield text

    monkeypatch.setattr(docx_format, "_texts", counted)
    body = b"<w:p><w:r><w:t>word</w:t></w:r></w:p>" * 2_000
    template = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(template) as source:
        document = source.read("word/document.xml")
    head = document.split(b"<w:body>", 1)[0]
    path = docx_with_renamed_part(
        tmp_path / "words.docx",
        "word/document.xml",
        "word/document.xml",
        head + b"<w:body>" + body + b"</w:body></w:document>",
    )
    with pytest.raises(docx_format.ArticleError) as excinfo:
        docx_format.extract(path.read_bytes(), path)
    assert excinfo.value.problem == (
        "the text is too long to analyse (more than 1,000 words and punctuation marks)"
    )
    assert len(read) == 1_001
