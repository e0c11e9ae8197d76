"""One file that cannot be read never stops a run over many.

"One encrypted-zip DOCX stops `library add` and `batch` on every run (45 of 49 good files
stored, then a traceback; the rest never)." Every mode that reads many files (``library
add``, ``batch``; the Dask runs in tests/test_archive.py) reports each bad file in one line
naming it, stores every good one, and exits 3 to say that some were skipped.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from article_fixtures import OLE_SIGNATURE, encrypted_zip, write_docx

from reader import errors
from reader.cli import main
from reader.library import open_library

GOOD_TEXTS = (
    "Harbour strike ends\nThe union said the strike at the harbour would end on Monday.\n",
    "Bridge reopens\nThe mayor said the bridge would reopen after two years of repairs.\n",
    "Rain delays harvest\nFarmers said the rain had delayed the harvest by three weeks.\n",
)


def write_locked_pdf(path: Path) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    encrypt = pdfencrypt.StandardEncryption("secret", ownerPassword="owner", strength=40)
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    pdf.drawString(72, 700, "The minister said the budget was secret.")
    pdf.save()
    return path


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Four good articles (three .txt, one .docx) and five files that cannot be read: an
    encrypted-zip .docx, a password-protected Word file, a .docx without its document
    part, one cut short, and a PDF that needs a password. The bad names are returned."""
    folder = tmp_path_factory.mktemp("mixed") / "in"
    folder.mkdir()
    for number, text in enumerate(GOOD_TEXTS):
        (folder / f"good_{number}.txt").write_text(text, encoding="utf-8")
    good_docx = write_docx(folder / "good_story.docx")
    data = good_docx.read_bytes()
    (folder / "bad_encrypted.docx").write_bytes(encrypted_zip(data))
    (folder / "bad_protected.docx").write_bytes(OLE_SIGNATURE + bytes(2048))
    with (
        zipfile.ZipFile(good_docx) as source,
        zipfile.ZipFile(folder / "bad_hollow.docx", "w") as copy,
    ):
        for member in source.infolist():
            if member.filename != "word/document.xml":
                copy.writestr(member, source.read(member))
    (folder / "bad_cut.docx").write_bytes(data[: len(data) // 2])
    write_locked_pdf(folder / "bad_locked.pdf")
    bad = sorted(path.name for path in folder.glob("bad_*"))
    return folder, bad


def failure_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("dramatis: ")]


def assert_each_bad_file_named_once(err: str, bad: list[str]) -> None:
    assert "Traceback" not in err
    lines = failure_lines(err)
    assert len(lines) == len(bad), err
    for name in bad:
        (line,) = [line for line in lines if f"/{name}: " in line]
        assert "\n" not in line
    assert any(errors.DOCX_ENCRYPTED in line for line in lines)
    assert any(errors.ENCRYPTED in line for line in lines)


def test_library_add_stores_every_good_file_and_names_each_bad_one(
    mixed_folder: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, bad = mixed_folder
    data = tmp_path / "data"
    code = main(["library", "--data-dir", str(data), "add", str(folder)])
    out, err = capsys.readouterr()
    assert f"4 added, 0 already in the library, {len(bad)} skipped" in out
    assert_each_bad_file_named_once(err, bad)
    assert code == 3
    with open_library(data) as library:
        assert library.count() == 4


def test_library_add_of_files_given_one_by_one(
    mixed_folder: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bad file first, the good ones after it: the good ones are still stored."""
    folder, _ = mixed_folder
    paths = [folder / "bad_encrypted.docx", *sorted(folder.glob("good_*"))]
    code = main(["library", "--data-dir", str(tmp_path), "add", *map(str, paths)])
    out, err = capsys.readouterr()
    assert "4 added, 0 already in the library, 1 skipped" in out
    assert failure_lines(err) == [
        f"dramatis: {folder / 'bad_encrypted.docx'}: {errors.DOCX_ENCRYPTED}"
    ]
    assert code == 3


def test_batch_writes_every_good_file_and_names_each_bad_one(
    mixed_folder: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, bad = mixed_folder
    out_file = tmp_path / "out.jsonl"
    code = main(["batch", "--jsonl", str(out_file), str(folder)])
    _, err = capsys.readouterr()
    analyses = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert len(analyses) == 4
    assert {analysis["format"] for analysis in analyses} == {"txt", "docx"}
    assert f"4 analysed, 0 repeated content, {len(bad)} skipped" in err
    assert_each_bad_file_named_once(err, bad)
    assert code == 3


def test_nothing_usable_is_still_exit_2(
    mixed_folder: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, bad = mixed_folder
    paths = [str(folder / name) for name in bad]
    code = main(["library", "--data-dir", str(tmp_path), "add", *paths])
    _, err = capsys.readouterr()
    assert code == 2
    assert len(failure_lines(err)) == len(bad)


def test_all_good_is_exit_0(
    mixed_folder: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = mixed_folder
    paths = [str(path) for path in sorted(folder.glob("good_*"))]
    assert main(["library", "--data-dir", str(tmp_path), "add", *paths]) == 0
    assert main(["batch", "--jsonl", str(tmp_path / "out.jsonl"), *paths]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("command", ["library", "batch"])
def test_an_unexpected_failure_reading_one_file_is_one_line(
    command: str,
    mixed_folder: tuple[Path, list[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The last defence: a bug in a reader (here the Markdown one) is reported for that
    file, in one line naming it, and the run goes on."""
    import reader.opening.markdown as markdown

    def broken(data: bytes, source: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(markdown, "extract", broken)
    folder, _ = mixed_folder
    odd = tmp_path / "odd.md"
    odd.write_text("# Odd\n\nThe minister said it was odd.\n", encoding="utf-8")
    good = [str(path) for path in sorted(folder.glob("good_*.txt"))]
    if command == "library":
        arguments = ["library", "--data-dir", str(tmp_path / "data"), "add", str(odd), *good]
    else:
        arguments = ["batch", "--jsonl", str(tmp_path / "out.jsonl"), str(odd), *good]
    code = main(arguments)
    out, err = capsys.readouterr()
    assert code == 3
    assert "3 added" in out or "3 analysed" in err
    assert "Traceback" not in err
    detail = "ZeroDivisionError: division by zero"
    assert failure_lines(err) == [f"dramatis: {odd}: {errors.READ_FAILED.format(detail=detail)}"]
