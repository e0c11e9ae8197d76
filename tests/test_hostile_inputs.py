"""Hostile inputs get a verdict, an analysis or a one-line refusal, never a hang.

Each case builds its input in ``tmp_path`` and runs the real command line in-process,
asserting the exit code and the message. Refusals are built at the full size that once
caused the problem where that is cheap (the point is that they are refused before the
expensive step); the others are just large enough to show the problem.
bench/hostile_inputs.py runs every case at full size and prints its time and peak memory.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import types
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile_files import (
    docx_with_renamed_part,
    html_attributes,
    pdf_bytes,
    pdf_with_form,
    write_pdf_shared_stream,
)

from reader import errors
from reader.cli import main
from reader.library.search import MAX_QUERY_CHARS, MAX_QUERY_WORDS
from reader.opening import limits
from reader.opening.limits import HTML_TEXT_MARGIN as HTML_MARGIN
from reader.opening.limits import MAX_TEXT_TOKENS, estimate_tokens

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"
_MB = 1024 * 1024


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def line_without_sentence_ends(chars: int) -> str:
    words = SAMPLE.read_text(encoding="utf-8").replace(".", "").replace("?", "").split()
    line = " ".join(words)
    return ((line + " ") * (chars // len(line) + 1))[:chars]


def too_many_tokens(text: str) -> str:
    return errors.TOO_MANY_TOKENS.format(tokens=estimate_tokens(text), limit=MAX_TEXT_TOKENS)


@dataclass(frozen=True)
class Hostile:
    """A file to build and what the command line must answer: exit code and stderr."""

    build: Callable[[Path], Path]
    code: int
    #: The whole of standard error for the built file ("" for an analysis).
    expected: Callable[[Path], str]


def refused(problem: str | Callable[[Path], str]) -> Callable[[Path], str]:
    def expected(path: Path) -> str:
        text = problem(path) if callable(problem) else problem
        return f"dramatis: {path}: {text}\n"

    return expected


def writes(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return build


_LONG_LINE = line_without_sentence_ends(1_900_000)
_FRONT_LINE = line_without_sentence_ends(1_000_000)
_BODY = SAMPLE.read_text(encoding="utf-8")
_PARAGRAPHS = [line for line in _BODY.split("\n") if line.strip()]


MARKDOWN_TOO_MUCH = errors.MARKDOWN_TOO_MUCH_TEXT.format(
    limit=MAX_TEXT_TOKENS * limits.MARKDOWN_TEXT_MARGIN
)


def nested_toml(depth: int) -> str:
    body = "\n\n".join(_PARAGRAPHS)
    return f"+++\na = {'[' * depth}{']' * depth}\n+++\n{body}\n"


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def docx_of(name: str, body: bytes) -> Callable[[Path], Path]:
    """python-docx's own template with ``body`` as the document's body."""

    def build(folder: Path) -> Path:
        import docx

        template = Path(docx.__file__).parent / "templates" / "default.docx"
        with zipfile.ZipFile(template) as source:
            members = {info.filename: source.read(info) for info in source.infolist()}
        head = members["word/document.xml"].split(b"<w:body>", 1)[0]
        members["word/document.xml"] = head + b"<w:body>" + body + b"</w:body></w:document>"
        return write_zip(folder / name, members)

    return build


def lying_zip(folder: Path) -> Path:
    """An archive whose directory says its member expands to 1,000 bytes: it holds 3 MB."""
    path = write_zip(folder / "liar.docx", {"word/document.xml": b"<w:p/>" * 500_000})
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, data.index(b"PK\x01\x02") + 24, 1_000)
    path.write_bytes(bytes(data))
    return path


def expansion_ratio(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo("word/document.xml")
    ratio = member.file_size / member.compress_size
    return errors.DOCX_EXPANSION_RATIO.format(ratio=ratio, limit=limits.MAX_DOCX_RATIO)


def paragraphs_page(count: int) -> bytes:
    words = _BODY.split()
    parts = [b"<html><body><article>"]
    for index in range(count):
        start = (index * 9) % (len(words) - 9)
        parts.append(f"<p>{' '.join(words[start : start + 8])}.</p>\n".encode())
    return b"".join([*parts, b"</article></body></html>"])


def long_page() -> bytes:
    """One paragraph of twice the token limit, after a script full of "<"."""
    text = _BODY.replace("\n", " ")
    prose = text * (HTML_MARGIN * MAX_TEXT_TOKENS // estimate_tokens(text) + 1)
    return f"<html><body><script>{'x<y;' * 1000}</script><p>{prose}</p>".encode()


def html_text_estimate(page: bytes) -> str:
    """The refusal for ``long_page``: its words counted on the bytes, tags and script aside."""
    prose = page.split(b"<p>", 1)[1].removesuffix(b"</p>")
    tokens = limits.estimate_byte_tokens(prose)
    return errors.HTML_TOO_MUCH_TEXT.format(tokens=tokens, limit=MAX_TEXT_TOKENS)


CASES: dict[str, Hostile] = {
    # One line of 1.9M characters without sentence ends took 74 s and 4 GB.
    "long-line": Hostile(writes("line.txt", _LONG_LINE), 2, refused(too_many_tokens(_LONG_LINE))),
    # Front matter never closed (a 1 MB line, > 6 GB): it is body text.
    # The stripping stops as soon as its output passes the token limit.
    "unclosed-front-matter": Hostile(
        writes("unclosed.md", "---\ntitle: Talks\n" + _FRONT_LINE),
        2,
        refused(errors.TOKENS_PAST_LIMIT.format(limit=MAX_TEXT_TOKENS)),
    ),
    # Markdown inline patterns were quadratic; 450 KB got no answer in 300 s.
    # These hold more than twice the token limit and are refused unstripped.
    "stars": Hostile(writes("stars.md", "*a " * 150_000), 2, refused(MARKDOWN_TOO_MUCH)),
    "underscores": Hostile(
        writes("underscores.md", "_a " * 150_000), 2, refused(MARKDOWN_TOO_MUCH)
    ),
    "unclosed-comments": Hostile(
        writes("comments.md", "<!-- a " * 64_000), 2, refused(MARKDOWN_TOO_MUCH)
    ),
    "unclosed-tags": Hostile(writes("tags.md", "<b a " * 90_000), 2, refused(MARKDOWN_TOO_MUCH)),
    # 20 MB of "a\n" was stripped whole first (120 s; 49 MB up to 5.7 GB).
    "markdown-20mb-of-a": Hostile(
        writes("lines.md", "a\n" * (10 * _MB)), 2, refused(MARKDOWN_TOO_MUCH)
    ),
    # 100,000 nested arrays in TOML front matter raised RecursionError (exit 1).
    # 2,000 fit within the front-matter limit and reach the parser; 100,000 are dropped
    # unread; either way the article under them is analysed.
    "toml-nested-2000": Hostile(writes("nested.md", nested_toml(2_000)), 0, lambda _: ""),
    "toml-nested-100000": Hostile(writes("nested.md", nested_toml(100_000)), 0, lambda _: ""),
    # A 2 MB .docx expanding to 2 GiB took 4.2 GB and 40 s before it was refused;
    # this one expands 20 MB of empty paragraphs from some 20 KB.
    "zip-bomb": Hostile(
        docx_of("bomb.docx", b"<w:p/>" * (20 * _MB // 6)), 2, refused(expansion_ratio)
    ),
    # Reading stops at the declared size, whatever the member really holds.
    "zip-lying-about-size": Hostile(
        lying_zip,
        2,
        refused(
            errors.CORRUPT.format(
                kind="Word (.docx)", detail="Bad CRC-32 for file 'word/document.xml'"
            )
        ),
    ),
    # python-docx spends 30-40 µs on each paragraph: 8.7 million empty ones took 4 minutes.
    "docx-too-many-elements": Hostile(
        docx_of("many.docx", b"<w:p/>" * (limits.MAX_DOCX_ELEMENTS + 1)),
        2,
        refused(errors.DOCX_TOO_COMPLEX.format(limit=limits.MAX_DOCX_ELEMENTS)),
    ),
    # Parts not named *.xml escaped the element count (185 KB reached 2.2 GB).
    "docx-elements-in-a-part-not-named-xml": Hostile(
        lambda folder: docx_with_renamed_part(
            folder / "styles.docx",
            "word/styles.xml",
            "word/styles.bin",
            b"<w:styles>" + b"<w:x/>" * limits.MAX_DOCX_ELEMENTS + b"</w:styles>",
        ),
        2,
        refused(errors.DOCX_TOO_COMPLEX.format(limit=limits.MAX_DOCX_ELEMENTS)),
    ),
    # A 12.7 MB page of 200,000 paragraphs took 120 s to be refused.
    "html-200000-paragraphs": Hostile(
        writes("paragraphs.html", paragraphs_page(200_000)),
        2,
        refused(errors.HTML_TOO_MANY_TAGS.format(tags=400_006, limit=limits.MAX_HTML_TAGS)),
    ),
    "html-far-too-much-text": Hostile(
        writes("long.html", long_page()), 2, refused(html_text_estimate(long_page()))
    ),
    # One tag of 150,000 attributes ran past 150 s (the tag limit counted tags only).
    "html-150000-attributes": Hostile(
        writes("attributes.html", html_attributes(150_000)),
        2,
        refused(
            errors.HTML_TAG_TOO_MANY_ATTRIBUTES.format(
                attributes=150_000, limit=limits.MAX_HTML_TAG_ATTRIBUTES
            )
        ),
    ),
    # 40 pages sharing one stream ran past 150 s; with 4,000 lines a page the text
    # passes the token limit at the 33rd page, and reading stops there.
    "pdf-shared-stream": Hostile(
        lambda folder: write_pdf_shared_stream(folder / "shared.pdf", pages=40, lines=4_000),
        2,
        refused(errors.TOKENS_PAST_LIMIT.format(limit=MAX_TEXT_TOKENS)),
    ),
    # 100,000 empty pages took 31 s; one page past the limit is refused unread.
    "pdf-too-many-pages": Hostile(
        writes("pages.pdf", pdf_bytes(limits.MAX_PDF_PAGES + 1, b"")),
        2,
        refused(errors.PDF_TOO_MANY_PAGES.format(limit=limits.MAX_PDF_PAGES)),
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_hostile_file(case: Hostile, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case.build(tmp_path)
    code, out, err = run(["analyse", str(path)], capsys)
    assert (code, err) == (case.code, case.expected(path))
    if code == 0:
        analysis = json.loads(out)
        assert analysis["text"] == "\n".join(_PARAGRAPHS)
        assert analysis["quotes"], "the article is analysed"
    else:
        assert out == ""


# Standard input


class EndlessZeros(io.RawIOBase):
    """``/dev/zero`` that counts what was read from it."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = bytes(len(buffer))
        self.served += len(buffer)
        return len(buffer)


def test_endless_stdin_is_read_only_to_the_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``dramatis analyse - < /dev/zero`` read until memory ran out."""
    zeros = EndlessZeros()
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BufferedReader(zeros)))
    code, out, err = run(["analyse", "-"], capsys)
    assert (code, out) == (2, "")
    assert err == "dramatis: <stdin>: the input is too large (more than the 50 MB limit)\n"
    assert zeros.served <= limits.MAX_FILE_BYTES + 1 + io.DEFAULT_BUFFER_SIZE


def test_zip_expanding_past_the_total_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The declared sizes add up past the limit (here lowered to 1 MB)."""
    from reader.opening import docx as docx_format

    monkeypatch.setattr(docx_format, "MAX_DOCX_EXPANDED_BYTES", _MB)
    path = docx_of("large.docx", b"<w:p/>" * (_MB // 5))(tmp_path)
    code, out, err = run(["analyse", str(path)], capsys)
    assert (code, out) == (2, "")
    assert err == f"dramatis: {path}: {errors.DOCX_EXPANDS_TOO_MUCH.format(limit_mb='1')}\n"


def test_pdf_refused_past_its_operators_and_content_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages that run many operators, or draw a large stream many times, are refused as soon
    as the count passes the limit (both lowered here)."""
    from reader.opening import open_article

    monkeypatch.setattr(limits, "MAX_PDF_OPERATORS", 1_000)
    drawing = tmp_path / "drawing.pdf"
    drawing.write_bytes(pdf_bytes(1, b"q Q " * 600))
    with pytest.raises(errors.ArticleError) as excinfo:
        open_article(drawing)
    assert excinfo.value.problem == errors.PDF_TOO_MANY_OPERATORS.format(limit=1_000)

    monkeypatch.setattr(limits, "MAX_PDF_CONTENT_BYTES", _MB)
    shared = tmp_path / "shared.pdf"
    shared.write_bytes(pdf_bytes(40, b"% a comment, no operator\n" * (_MB // 25 // 39)))
    with pytest.raises(errors.ArticleError) as excinfo:
        open_article(shared)
    assert excinfo.value.problem == errors.PDF_TOO_MUCH_CONTENT.format(limit_mb="1")


def test_pdf_forms_count_their_bytes_each_time_they_are_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pypdf parses a form again each time a page draws it: a 1 MB form of comments drawn
    2,000 times ran past 120 s. Each drawing counts the form's bytes (limit lowered to
    1 MB here: a 100 KB form drawn 20 times passes it at the 11th)."""
    import pypdf

    from reader.opening import open_article

    monkeypatch.setattr(limits, "MAX_PDF_CONTENT_BYTES", _MB)
    parsed = []
    original = pypdf.generic.ContentStream._parse_content_stream

    def counted(self: pypdf.generic.ContentStream, stream: object) -> None:
        parsed.append(self)
        original(self, stream)

    monkeypatch.setattr(pypdf.generic.ContentStream, "_parse_content_stream", counted)
    form = b"% a comment that pypdf has to read through\n" * (100 * 1024 // 44)
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf_with_form(b"/X Do\n" * 20, form))
    with pytest.raises(errors.ArticleError) as excinfo:
        open_article(path)
    assert excinfo.value.problem == errors.PDF_TOO_MUCH_CONTENT.format(limit_mb="1")
    assert len(parsed) == 11  # the page, and the form 10 times before the 11th drawing


def test_pdf_past_a_limit_of_pypdf_is_too_complex_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stream of 10 MB of lines passes pypdf's own limit on the tokens of a stream: the
    refusal says so, rather than calling the file damaged."""
    import pypdf

    from reader.opening import open_article

    def too_many(*_: object, **__: object) -> str:
        raise pypdf.errors.LimitReachedError("Reached maximum number of tokens per stream.")

    monkeypatch.setattr(pypdf.PageObject, "extract_text", too_many)
    path = write_pdf_shared_stream(tmp_path / "shared.pdf", pages=2, lines=10)
    with pytest.raises(errors.ArticleError) as excinfo:
        open_article(path)
    assert excinfo.value.problem == (
        "the PDF is too complex to read, or damaged (Reached maximum number of tokens per stream.)"
    )


def test_html_attributes_counted_before_the_page_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Attributes are counted per tag and in all, quoted values (an SVG path's spaces)
    aside, and a page past a limit never reaches the parser."""
    import trafilatura

    from reader.opening import html, open_article

    calls = []
    original = trafilatura.bare_extraction
    monkeypatch.setattr(
        trafilatura, "bare_extraction", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    path = tmp_path / "attributes.html"
    path.write_bytes(html_attributes(limits.MAX_HTML_TAG_ATTRIBUTES + 1))
    with pytest.raises(errors.ArticleError) as excinfo:
        open_article(path)
    assert excinfo.value.problem == errors.HTML_TAG_TOO_MANY_ATTRIBUTES.format(
        attributes=limits.MAX_HTML_TAG_ATTRIBUTES + 1, limit=limits.MAX_HTML_TAG_ATTRIBUTES
    )
    assert calls == []

    monkeypatch.setattr(html, "MAX_HTML_ATTRIBUTES", 50)
    spread = b"".join(b'<p class="x y" id=a%d lang = "en">Word.</p>' % n for n in range(20))
    path.write_bytes(b"<html><body><svg><path d='M 1 2 L 3 4 L 5 6 Z'/></svg>" + spread)
    with pytest.raises(errors.ArticleError) as excinfo:
        open_article(path)
    assert excinfo.value.problem == errors.HTML_TOO_MANY_ATTRIBUTES.format(attributes=61, limit=50)
    assert calls == []


@pytest.mark.slow
def test_a_page_whose_extraction_would_stall_the_window_is_refused(tmp_path: Path) -> None:
    """The extraction holds the interpreter in single calls growing with the tags (1.2 s
    for 198,000, a frozen window: bench/hostile_gui.py): 120,000 tags are refused before
    the page is parsed, 20,000 still read."""
    from reader.opening import open_article

    path = tmp_path / "spans.html"
    path.write_bytes(b"<html><body><p>" + b"<span>ab</span> " * 60_000 + b"</p></body></html>")
    with pytest.raises(errors.ArticleError) as excinfo:
        open_article(path)
    assert excinfo.value.problem.startswith("the page is too complex to read (120,00")
    path.write_bytes(b"<html><body><p>" + b"<span>ab</span> " * 10_000 + b"</p></body></html>")
    assert open_article(path).text.startswith("ab ab")


def test_docx_parts_that_are_not_xml_are_not_counted(tmp_path: Path) -> None:
    """A picture is no XML, whatever bytes it holds: only parts whose content type says so
    are left out of the element count, and the article opens."""
    import docx

    from reader.opening import open_article

    template = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(template) as source:
        styles = source.read("word/styles.xml")
    body = b"<w:p><w:r><w:t>Talks will resume next week, the minister said.</w:t></w:r></w:p>"
    picture = b"\xff\xd8" + b"<" * (limits.MAX_DOCX_ELEMENTS + 1)
    path = docx_with_renamed_part(
        tmp_path / "picture.docx",
        "word/styles.xml",
        "word/styles.bin",
        styles,
        extra={"word/media/image1.jpeg": picture},
    )
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    head = members["word/document.xml"].split(b"<w:body>", 1)[0]
    members["word/document.xml"] = head + b"<w:body>" + body + b"</w:body></w:document>"
    write_zip(path, members)
    assert open_article(path).text == "Talks will resume next week, the minister said."


def test_token_estimates() -> None:
    """About one spaCy token each: words, and every other character that is not a space."""
    assert limits.estimate_tokens("Putin's 3.5% rise, he said.") == 12
    assert limits.estimate_tokens("((((  🙂🙂 snake_case") == 9
    assert limits.estimate_byte_tokens("Größe <b> x".encode()) == 5


# Library searches

PREFIXES = " ".join(f"{chr(ord('a') + index % 26)}*" for index in range(1_000))


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        # 1,000 prefix terms (3 KB) took about 155 s, "a " x 2,000 about 23 s.
        (PREFIXES, errors.SEARCH_TOO_LONG.format(chars=len(PREFIXES), limit=MAX_QUERY_CHARS)),
        ("a " * 2_000, errors.SEARCH_TOO_LONG.format(chars=4_000, limit=MAX_QUERY_CHARS)),
        (
            " ".join(f'"w{i} x{i}"' for i in range(20)),
            errors.SEARCH_TOO_MANY_WORDS.format(count=40, limit=MAX_QUERY_WORDS),
        ),
    ],
    ids=["1000-prefixes", "a-x2000", "phrase-words-count"],
)
def test_search_too_long_or_too_many_words(
    query: str, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["library", "--data-dir", str(tmp_path), "search", query]
    assert run(argv, capsys) == (2, "", f"dramatis: search: {problem}\n")


def test_search_at_the_word_limit_is_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = " ".join(f"w{index}*" for index in range(MAX_QUERY_WORDS))
    code, out, err = run(["library", "--data-dir", str(tmp_path), "search", query], capsys)
    assert (code, out) == (0, "")
    assert err.startswith("dramatis: no article matches 'w0* w1* w2*")  # answered: nothing


def test_formats_document_states_every_limit_and_refusal() -> None:
    document = (ROOT / "docs" / "FORMATS.md").read_text(encoding="utf-8")
    messages = [
        errors.TOO_LARGE_STREAM,
        errors.TOO_MANY_TOKENS,
        errors.HTML_TOO_MANY_TAGS,
        errors.HTML_TOO_MUCH_TEXT,
        errors.HTML_TAG_TOO_MANY_ATTRIBUTES,
        errors.MARKDOWN_TOO_MUCH_TEXT,
        errors.HTML_TOO_MANY_ATTRIBUTES,
        errors.DOCX_EXPANDS_TOO_MUCH,
        errors.DOCX_EXPANSION_RATIO,
        errors.DOCX_TOO_COMPLEX,
        errors.TEXT_PAST_LIMIT,
        errors.TOKENS_PAST_LIMIT,
        errors.PDF_TOO_MANY_PAGES,
        errors.PDF_TOO_MUCH_CONTENT,
        errors.PDF_TOO_MANY_OPERATORS,
        errors.PDF_PAST_READER_LIMIT,
        errors.SEARCH_TOO_LONG,
        errors.SEARCH_TOO_MANY_WORDS,
    ]
    for message in messages:
        assert message.split("{")[0] in document, message
    figures = [
        f"**{limits.MAX_TEXT_TOKENS:,} words and punctuation marks**",
        f"**{limits.MAX_TEXT_TOKENS * HTML_MARGIN:,} words and punctuation marks**",
        f"**{limits.MAX_HTML_TAGS:,} tags**",
        f"**{limits.MAX_HTML_TAG_ATTRIBUTES:,} attributes** in one tag",
        f"**{limits.MAX_HTML_ATTRIBUTES:,} attributes** in all",
        f"**{limits.MAX_DOCX_EXPANDED_BYTES // _MB} MB** unpacked",
        f"**{limits.MAX_DOCX_RATIO} times**",
        f"larger than {limits.DOCX_RATIO_FLOOR_BYTES // _MB} MB",
        f"**{limits.MAX_DOCX_ELEMENTS:,} XML elements**",
        f"**{limits.MAX_FRONT_MATTER_CHARS:,} characters** of Markdown front matter",
        f"**{MAX_TEXT_TOKENS * limits.MARKDOWN_TEXT_MARGIN:,} words and punctuation marks** "
        "in a Markdown file",
        f"**{limits.MAX_PDF_PAGES:,} pages**",
        f"**{limits.MAX_PDF_CONTENT_BYTES // _MB} MB** of page content",
        f"**{limits.MAX_PDF_OPERATORS:,} operators**",
        f"**{MAX_QUERY_CHARS:,} characters** and **{MAX_QUERY_WORDS} words**",
    ]
    for figure in figures:
        assert figure in document, figure
