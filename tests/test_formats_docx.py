"""Word documents: paragraphs in order, core properties as metadata."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest
from article_fixtures import DOCX_PARAGRAPHS, write_docx

from reader.errors import ArticleError
from reader.opening import open_article


def test_paragraphs_and_table_cells_in_order(tmp_path: Path) -> None:
    article = open_article(write_docx(tmp_path / "story.docx"))
    assert article.text.split("\n") == [
        "Talks in Moscow",
        DOCX_PARAGRAPHS[0],
        DOCX_PARAGRAPHS[1],
        "Visit",
        "Moscow",
        DOCX_PARAGRAPHS[2],
    ]


def test_core_properties(tmp_path: Path) -> None:
    article = open_article(write_docx(tmp_path / "story.docx"))
    assert article.format == "docx"
    assert article.title == "Assad welcomes Russian bases"
    assert article.byline == "Jane Reporter"
    assert article.published == "2024-03-05"


def test_template_defaults_are_not_metadata(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "plain.docx", title=None, author=None, created=None)
    article = open_article(path)
    assert article.byline is None  # not "python-docx"
    assert article.published is None  # not the template's 2013-12-23
    assert article.title == "Talks in Moscow"  # the first line, a headline


def test_created_date_is_used(tmp_path: Path) -> None:
    created = datetime.datetime(2023, 11, 2, 8, 0)
    article = open_article(write_docx(tmp_path / "d.docx", created=created))
    assert article.published == "2023-11-02"


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 not really a zip", b"plain text renamed to .docx", b""],
)
def test_broken_zip_or_not_a_docx(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value).startswith(
        f"{path}: the file is damaged or not a valid Word (.docx) file"
    )


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(ArticleError, match=r"not a valid Word \(\.docx\) file"):
        open_article(path)


def test_truncated_docx(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(ArticleError, match="not a valid Word"):
        open_article(path)
