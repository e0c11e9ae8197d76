"""Every file reader's work grows in line with its input (issue 17, section 2).

Each test feeds a reader one hostile shape at sizes n and 4n and counts the work done (the
characters a pattern is asked to search, the lines a stripper handles, the pages pypdf
extracts), never the time taken: linear work grows about 4 times, quadratic 16 times.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hostile_files import write_pdf_shared_stream

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


def test_pdf_lines_join_into_a_paragraph_in_linear_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """issue 17: lines of one paragraph were appended to it and all of it searched for a
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
