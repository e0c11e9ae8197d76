"""Word documents: paragraphs in order, core properties as metadata."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest
from article_fixtures import DOCX_PARAGRAPHS, OLE_SIGNATURE, encrypted_zip, write_docx

from reader import errors
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


# Word files that cannot be read give one line naming the file


def test_encrypted_zip_is_refused_in_one_line(tmp_path: Path) -> None:
    """A .docx whose zip members are encrypted (``zip -e``) made zipfile raise RuntimeError,
    which stopped ``library add`` and ``batch`` with a traceback."""
    good = write_docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "locked.docx"
    path.write_bytes(encrypted_zip(good))
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == f"{path}: {errors.DOCX_ENCRYPTED}"


def test_password_protected_word_file_is_named_so(tmp_path: Path) -> None:
    """Word saves a document with a password as an OLE2 container, not a zip."""
    path = tmp_path / "protected.docx"
    path.write_bytes(OLE_SIGNATURE + bytes(2048))
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == f"{path}: {errors.DOCX_OLE}"


def test_word_file_without_its_document_part(tmp_path: Path) -> None:
    good = write_docx(tmp_path / "good.docx")
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as copy:
        for member in source.infolist():
            if member.filename != "word/document.xml":
                copy.writestr(member, source.read(member))
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    message = str(excinfo.value)
    assert message.startswith(f"{path}: the file is damaged or not a valid Word (.docx) file (")
    assert "word/document.xml" in message and "\n" not in message


def test_unknown_compression_method(tmp_path: Path) -> None:
    good = bytearray(write_docx(tmp_path / "good.docx").read_bytes())
    for signature, method_at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (found := good.find(signature, start)) != -1:
            good[found + method_at] = 99
            start = found + 4
    path = tmp_path / "odd.docx"
    path.write_bytes(bytes(good))
    with pytest.raises(ArticleError, match=r"not a valid Word \(\.docx\) file"):
        open_article(path)


def test_any_failure_to_read_the_archive_is_an_article_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever zipfile raises while the parts are read, the file is named."""
    path = write_docx(tmp_path / "story.docx")

    def broken(*_: object, **__: object) -> None:
        raise ValueError("seek of closed file")

    monkeypatch.setattr(zipfile.ZipFile, "open", broken)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == (
        f"{path}: the file is damaged or not a valid Word (.docx) file (seek of closed file)"
    )
