"""``open_article``: dispatch by suffix, the checks before parsing, and every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from article_fixtures import HTML_PAGE, write_docx, write_pdf

from reader import errors, opening
from reader.errors import ArticleError
from reader.opening import (
    article_from_stdin_bytes,
    article_from_text,
    open_article,
    text_sha256,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_dd5b4a6056b2a50f.txt"


def problem(excinfo: pytest.ExceptionInfo[ArticleError]) -> str:
    return excinfo.value.problem


# The sample article


def test_seed_text_is_the_file_content_exactly() -> None:
    article = open_article(SEED)
    content = SEED.read_bytes().decode("utf-8")
    assert article.text == content
    assert article.sha256 == text_sha256(content)
    assert article.format == "txt"
    assert article.source == SEED


def test_seed_title_is_none_because_its_first_line_is_a_sentence() -> None:
    # The first line is a 30-word sentence ending in a full stop: not a headline.
    assert open_article(SEED).title is None


def test_open_article_accepts_a_string_path() -> None:
    assert open_article(str(SEED)).text == open_article(SEED).text


# Plain text


def test_txt_title_is_a_headline_first_line_kept_in_the_text(tmp_path: Path) -> None:
    content = "Assad welcomes Russian bases\nThe office of the president said so.\n"
    path = tmp_path / "story.txt"
    path.write_text(content, encoding="utf-8")
    article = open_article(path)
    assert article.title == "Assad welcomes Russian bases"
    assert article.text == content


@pytest.mark.parametrize(
    "first_line",
    [
        "The talks ended.",
        "Officials said the following:",
        "This first line runs on for far too many words to be the headline of any news story",
    ],
)
def test_txt_first_line_that_is_not_a_headline_gives_no_title(
    tmp_path: Path, first_line: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{first_line}\nMore text follows here.\n", encoding="utf-8")
    assert open_article(path).title is None


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "STORY.TXT"
    path.write_text("Headline here\nBody text.\n", encoding="utf-8")
    assert open_article(path).format == "txt"


# Each suffix reaches its format


def test_each_suffix_sets_the_format(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Title\n\nSome *text* here.\n", encoding="utf-8")
    (tmp_path / "a.markdown").write_text("Some text here.\n", encoding="utf-8")
    (tmp_path / "a.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "a.htm").write_text(HTML_PAGE, encoding="utf-8")
    write_pdf(tmp_path / "a.pdf")
    write_docx(tmp_path / "a.docx")
    formats = {
        name: open_article(tmp_path / name).format
        for name in ("a.md", "a.markdown", "a.html", "a.htm", "a.pdf", "a.docx")
    }
    assert formats == {
        "a.md": "md",
        "a.markdown": "md",
        "a.html": "html",
        "a.htm": "html",
        "a.pdf": "pdf",
        "a.docx": "docx",
    }


# Bad input: always an ArticleError naming the file


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert problem(excinfo) == errors.MISSING
    assert str(path) in str(excinfo.value)


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ArticleError) as excinfo:
        open_article(folder)
    assert problem(excinfo) == errors.IS_DIRECTORY
    assert "folder.txt" in str(excinfo.value)


def test_unsupported_suffix_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "notes.xyz"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    message = str(excinfo.value)
    assert message.startswith(f"{path}: unsupported file type '.xyz'")
    for suffix in (".txt", ".md", ".html", ".pdf", ".docx"):
        assert suffix in message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\r\n   \n"),
        ("blank.md", b"---\ntitle: Nothing\n---\n\n"),
        ("blank.html", b""),
    ],
)
def test_empty_or_whitespace_only(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert problem(excinfo) in (errors.EMPTY, errors.NO_MAIN_TEXT)
    assert name in str(excinfo.value)


def test_empty_txt_says_no_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ArticleError, match=r"empty\.txt: the file contains no text"):
        open_article(path)


def test_undecodable_binary_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert problem(excinfo) == errors.UNDECODABLE
    assert "image.txt" in str(excinfo.value)


def test_undecodable_control_character_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes([0x01, 0x02, 0x03, 0x1B, 0x7F, 0x41]) * 200)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert problem(excinfo) == errors.UNDECODABLE


def test_too_large_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    monkeypatch.setattr(opening, "MAX_FILE_BYTES", 100)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert "big.txt" in str(excinfo.value)
    assert problem(excinfo).startswith("the file is too large")


def test_too_much_text_after_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "long.md"
    path.write_text("# Title\n\n" + "word " * 50, encoding="utf-8")
    monkeypatch.setattr(opening, "MAX_TEXT_CHARS", 100)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert problem(excinfo) == errors.TOO_LARGE_TEXT.format(chars=255, limit=100)
    assert "long.md" in str(excinfo.value)


def test_limits_are_fifty_megabytes_and_two_million_characters() -> None:
    assert opening.MAX_FILE_BYTES == 50 * 1024 * 1024
    assert opening.MAX_TEXT_CHARS == 2_000_000


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated, because the tests may run as root, who can read anything.
    path = tmp_path / "locked.txt"
    path.write_text("Some text.", encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "open", denied)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == f"{path}: the file cannot be read (permission denied)"


def test_not_a_regular_file(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError) as excinfo:
        open_article(fifo)
    assert problem(excinfo) == errors.UNREADABLE.format(detail=errors.NOT_REGULAR_FILE)


def test_broken_symlink_is_missing(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(ArticleError) as excinfo:
        open_article(link)
    assert problem(excinfo) == errors.MISSING


# Standard input


def test_stdin_bytes_decode_like_a_text_file() -> None:
    data = "Señora Peña speaks\r\nShe said the plan was ready.\r\n".encode("latin-1")
    article = article_from_stdin_bytes(data)
    assert article.text == "Señora Peña speaks\nShe said the plan was ready.\n"
    assert article.title == "Señora Peña speaks"
    assert article.source is None
    assert article.format == "txt"


def test_stdin_errors_name_the_stream() -> None:
    with pytest.raises(ArticleError) as excinfo:
        article_from_stdin_bytes(b"   \n")
    assert str(excinfo.value) == f"<stdin>: {errors.EMPTY}"
    with pytest.raises(ArticleError) as excinfo:
        article_from_stdin_bytes(b"\x00\x01\x02binary", name="-")
    assert str(excinfo.value) == f"-: {errors.UNDECODABLE}"


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opening, "MAX_FILE_BYTES", 10)
    with pytest.raises(ArticleError, match="too large"):
        article_from_stdin_bytes(b"a" * 11)


# Helpers other code relies on


def test_article_from_text_and_hash() -> None:
    article = article_from_text("Hello.", format="md", title="T", byline="B", published="2024")
    assert article.sha256 == "2d8bd7d9bb5f85ba643f0110d50cb506a1fe439e769a22503193ea6046bb87f7"
    assert (article.title, article.byline, article.published, article.source) == (
        "T",
        "B",
        "2024",
        None,
    )


def test_opening_a_txt_imports_no_heavy_parser() -> None:
    code = (
        "import json, sys\n"
        "from reader.opening import open_article\n"
        f"open_article({str(SEED)!r})\n"
        "print(json.dumps([m for m in ('trafilatura', 'pypdf', 'docx', 'charset_normalizer',"
        " 'PySide6') if m in sys.modules]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=SEED.parent.parent,
    )
    assert json.loads(result.stdout) == []


# The documentation


def test_formats_document_lists_suffixes_limits_and_messages() -> None:
    document = (SEED.parent.parent / "docs" / "FORMATS.md").read_text(encoding="utf-8")
    for suffix in opening.SUPPORTED_SUFFIXES:
        assert f"`{suffix}`" in document, suffix
    assert "50 MB" in document and "2,000,000 characters" in document
    assert f"{opening.MAX_TEXT_CHARS:,}" in document
    messages = [
        errors.MISSING,
        errors.IS_DIRECTORY,
        errors.UNSUPPORTED,
        errors.EMPTY,
        errors.CORRUPT,
        errors.TOO_LARGE_FILE,
        errors.TOO_LARGE_TEXT,
        errors.UNDECODABLE,
        errors.UNREADABLE,
        errors.NO_MAIN_TEXT,
        errors.NO_TEXT_LAYER,
        errors.ENCRYPTED,
    ]
    for message in messages:
        assert message.split("{")[0] in document, message
