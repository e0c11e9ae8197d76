"""``dramatis library …`` run in the test's process on a data folder: its exit status, what
it printed and what it wrote to stderr."""

from __future__ import annotations

from pathlib import Path

from reader.cli import main


def run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["library", "--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def library_with(capsys, folder: Path, text: str) -> Path:
    """A data folder in ``folder`` whose library holds ``text`` added as harbour.txt."""
    article = folder / "harbour.txt"
    article.write_text(text, encoding="utf-8")
    data = folder / "data"
    assert run(capsys, data, "add", str(article))[0] == 0
    return data
