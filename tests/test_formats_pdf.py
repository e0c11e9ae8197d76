"""PDF articles: paragraphs rebuilt from printed lines, page furniture dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from article_fixtures import PDF_HEADER, write_pdf, write_scanned_pdf

from reader import errors
from reader.errors import ArticleError
from reader.opening import open_article
from reader.opening.pdf import Line, drop_furniture, paragraphs

EXPECTED_PARAGRAPHS = [
    "Talks in Moscow end with a pledge",
    "The office of Syrian President Bashar al-Assad announced that he and Russian President "
    "Vladimir Putin addressed a wide range of international and economic topics during "
    "discussions in Moscow on Tuesday.",
    "Syrian President Bashar al-Assad stated that he would welcome any Russian offers to "
    "establish additional military sites, according to al-Assad's office in Damascus, which "
    "released a statement afterwards.",
    "When Russia entered the civil war in 2015, four years after the protests began, it helped "
    "tilt the scales in favour of the government and assured its survival for years.",
    "Analysts in Beirut said the visit had been planned for a long time.",
    "The Kremlin did not comment on the number of troops that could be sent, but officials "
    "said further talks would take place in the coming months.",
]


@pytest.fixture
def article_pdf(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "story.pdf")


def test_paragraphs_rebuilt_from_wrapped_lines(article_pdf: Path) -> None:
    article = open_article(article_pdf)
    assert article.text.split("\n") == EXPECTED_PARAGRAPHS


def test_hyphenation_mended_but_real_hyphens_kept(article_pdf: Path) -> None:
    text = open_article(article_pdf).text
    assert "international" in text
    assert "inter-" not in text
    assert "al-Assad's office" in text


def test_running_header_and_page_numbers_dropped(article_pdf: Path) -> None:
    text = open_article(article_pdf).text
    assert "DAILY PLANET" not in text
    assert "Page 1" not in text and "of 3" not in text


def test_title_and_author_from_document_information(article_pdf: Path) -> None:
    article = open_article(article_pdf)
    assert article.format == "pdf"
    assert article.title == "Talks in Moscow"
    assert article.byline == "Jane Reporter"


def test_without_metadata_the_headline_line_is_the_title(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "bare.pdf", title=None, author=None)
    article = open_article(path)
    # reportlab writes "untitled" and "anonymous" when nothing is set: not real values.
    assert article.title == "Talks in Moscow end with a pledge"
    assert article.byline is None


@pytest.mark.parametrize("label", ["{n}", "- {n} -", "{n} of {total}", "Page {n}"])
def test_page_number_styles(tmp_path: Path, label: str) -> None:
    path = write_pdf(tmp_path / "numbers.pdf", header=None, page_label=label)
    assert open_article(path).text.split("\n") == EXPECTED_PARAGRAPHS


def test_header_with_changing_page_number_is_still_a_header() -> None:
    bodies = ["Putin arrived on Monday.", "Assad spoke at length.", "The talks ended."]
    pages = [
        [Line(f"Daily Planet · page {n}", 800, n), Line(body, 700, n)]
        for n, body in enumerate(bodies, 1)
    ]
    kept = drop_furniture(pages)
    assert [[line.text for line in page] for page in kept] == [[body] for body in bodies]


def test_a_line_on_only_one_page_is_not_furniture() -> None:
    pages = [
        [Line(PDF_HEADER, 800, 0), Line("Only here", 700, 0)],
        [Line(PDF_HEADER, 800, 1), Line("Something else", 700, 1)],
    ]
    assert [line.text for page in drop_furniture(pages) for line in page] == [
        "Only here",
        "Something else",
    ]


def test_paragraphs_without_positions_use_line_lengths() -> None:
    long = "Words " * 12
    lines = [
        Line(f"{long}first para", None, 0),
        Line("ends here.", None, 0),
        Line(f"{long}second para COVID-", None, 0),
        Line("19 and co-op-", None, 0),
        Line("eration.", None, 0),
    ]
    assert paragraphs([lines]) == [
        f"{long}first para ends here.",
        f"{long}second para COVID-19 and co-operation.",
    ]


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    path = write_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == f"{path}: {errors.NO_TEXT_LAYER}"


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.02])
def test_truncated_pdf(article_pdf: Path, tmp_path: Path, keep: float) -> None:
    data = article_pdf.read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ArticleError) as excinfo:
        open_article(broken)
    assert str(excinfo.value).startswith(f"{broken}: the file is damaged or not a valid PDF file")


def test_not_a_pdf_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("This is a text file with the wrong name.", encoding="utf-8")
    with pytest.raises(ArticleError, match="not a valid PDF file"):
        open_article(path)


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    encrypt = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=40)
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    pdf.drawString(72, 700, "Secret text.")
    pdf.save()
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == f"{path}: {errors.ENCRYPTED}"


def _aes_pdf(source: Path, path: Path, user_password: str) -> Path:
    """``source`` encrypted with AES-256, as pypdf writes it."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=source)
    writer.encrypt(user_password=user_password, owner_password="x", algorithm="AES-256")
    with path.open("wb") as file:
        writer.write(file)
    return path


def test_aes_pdf_with_empty_user_password_opens(article_pdf: Path, tmp_path: Path) -> None:
    """Permissions-only AES protection was refused as 'damaged'."""
    path = _aes_pdf(article_pdf, tmp_path / "permissions.pdf", user_password="")
    article = open_article(path)
    assert article.text.split("\n") == EXPECTED_PARAGRAPHS
    assert article.title == "Talks in Moscow"


def test_aes_pdf_with_a_real_password_is_password_protected(
    article_pdf: Path, tmp_path: Path
) -> None:
    """A real user password is 'password-protected', never 'damaged'."""
    path = _aes_pdf(article_pdf, tmp_path / "locked-aes.pdf", user_password="secret")
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == f"{path}: {errors.ENCRYPTED}"


def test_aes_pdf_without_the_cryptography_package_is_not_called_damaged(
    article_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where AES cannot be decrypted the message says why, not 'damaged'."""
    import pypdf._encryption as encryption
    from pypdf._crypt_providers import _fallback

    path = _aes_pdf(article_pdf, tmp_path / "permissions.pdf", user_password="")
    # What pypdf uses when neither cryptography nor pycryptodome is installed.
    for name in ("CryptAES", "aes_cbc_decrypt", "aes_ecb_decrypt"):
        monkeypatch.setattr(encryption, name, getattr(_fallback, name))
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == f"{path}: {errors.ENCRYPTED_NEEDS_CRYPTO}"
