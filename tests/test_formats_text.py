"""Plain-text articles: encodings, byte-order marks and line endings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.opening import open_article

SPANISH = "Señora Peña habló con el alcalde\nLa reunión terminó a las tres.\n"
GERMAN = "Herr Größmann sagte, die Straße bleibe gesperrt.\nDie Anwohner sind verärgert.\n"
CP1252 = "“We will not back down,” Peña said.\nThe fund costs €5m – a record.\n"


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("text", [SPANISH, GERMAN, "Señora Peña\nGrößmann\n"])
def test_latin1_western_european_text_decodes_exactly(tmp_path: Path, text: str) -> None:
    # charset-normalizer's own best guess for these bytes is cp1250 ("Seńora").
    article = open_article(write(tmp_path, text.encode("latin-1")))
    assert article.text == text
    assert "ń" not in article.text


def test_cp1252_smart_quotes_and_euro(tmp_path: Path) -> None:
    article = open_article(write(tmp_path, CP1252.encode("cp1252")))
    assert article.text == CP1252
    assert "“We will not back down,”" in article.text
    assert "€5m" in article.text


def test_cp1252_preference_does_not_break_clearly_other_encodings(tmp_path: Path) -> None:
    russian = "Президент России заявил, что переговоры прошли успешно и продолжатся.\n"
    assert open_article(write(tmp_path, russian.encode("cp1251"))).text == russian


def test_utf8_with_bom(tmp_path: Path) -> None:
    text = "Señora Peña\nGrößmann said “yes”.\n"
    article = open_article(write(tmp_path, codecs.BOM_UTF8 + text.encode("utf-8")))
    assert article.text == text
    assert not article.text.startswith("\ufeff")
    assert article.title == "Señora Peña"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    text = "Señora Peña\r\nGrößmann said “yes” in €.\r\n"
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    article = open_article(write(tmp_path, bom + text.encode(codec)))
    assert article.text == "Señora Peña\nGrößmann said “yes” in €.\n"


def test_crlf_and_lone_cr_become_lf(tmp_path: Path) -> None:
    data = b"Headline here\r\nFirst paragraph.\r\n\r\nSecond.\rThird.\r"
    article = open_article(write(tmp_path, data))
    assert article.text == "Headline here\nFirst paragraph.\n\nSecond.\nThird.\n"
    assert "\r" not in article.text


def test_utf8_lf_text_is_not_changed_at_all(tmp_path: Path) -> None:
    text = "  Indented first line\n\n\nTabs\tand  double  spaces  \ntrailing blank lines\n\n\n"
    article = open_article(write(tmp_path, text.encode("utf-8")))
    assert article.text == text


def test_offsets_into_the_text_match_the_file(tmp_path: Path) -> None:
    text = "Putin met Assad.\n“We agree,” Assad said.\n"
    article = open_article(write(tmp_path, text.encode("utf-8")))
    start = article.text.index("Assad said")
    assert text[start : start + len("Assad said")] == "Assad said"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Is Putin winning?\nAnalysts disagree.", "Is Putin winning?"),
        ("\n\n  Assad  welcomes bases  \nBody.", "Assad welcomes bases"),
        ("A headline alone", None),  # nothing follows it
        ("Officials said:\nBody.", None),
        ("Wait for it…\nBody.", None),
        ("2024\nBody.", None),  # no letter
        (("Word " * 16).strip() + "\nBody.", None),  # 16 words
        ("x" * 121 + "\nBody.", None),  # 121 characters
    ],
)
def test_headline_guess(text: str, title: str | None) -> None:
    from reader.opening.paragraphs import guess_title

    assert guess_title(text) == title
