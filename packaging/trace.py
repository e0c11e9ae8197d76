"""Which parts of the bundle the frozen app really uses: an import and file trace.

Runs the frozen app the ways a user does, each run traced (``packaging/instrument.py``,
``DRAMATIS_TRACE``): ``analyse`` on one file of every supported format (text, Markdown,
HTML, a page short enough for trafilatura's fallbacks, PDF, an AES-encrypted PDF, Word),
``library add/search/actors`` on them, the self-test, and the desktop window opening all
of them (under Xvfb when it is installed, else offscreen). Then it walks the bundle and
sums, folder by folder, the bytes that some run mapped or opened against the bytes none
did, and lists which Python packages in the archive were imported. The summary (Markdown)
is what docs/PACKAGING.md quotes to justify each rule of packaging/trim.py.

Usage: ``python packaging/trace.py [--dist DIR] [--json FILE] [--depth N]``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN_TIMEOUT = 300


@dataclass
class Usage:
    """What the traced runs touched: module names and files (absolute paths)."""

    modules: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)

    def add(self, trace: dict) -> None:
        self.modules.update(trace["modules"])
        self.files.update(trace["mapped"])
        self.files.update(trace["opened"])
        self.files.update(f for f in trace["modules"].values() if f)


def write_articles(folder: Path) -> list[Path]:
    """One article of every format the app opens (the test fixtures' realistic files)."""
    sys.path.insert(0, str(ROOT))
    from tests.article_fixtures import HTML_PAGE, MARKDOWN, write_docx, write_pdf

    folder.mkdir(parents=True, exist_ok=True)
    text = folder / "sample.txt"
    shutil.copyfile(ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt", text)
    markdown = folder / "article.md"
    markdown.write_text(MARKDOWN, encoding="utf-8")
    page = folder / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    short = folder / "short.html"
    short.write_text(SHORT_PAGE, encoding="utf-8")
    pdf = write_pdf(folder / "article.pdf")
    docx = write_docx(folder / "article.docx")
    return [text, markdown, page, short, pdf, _aes_pdf(pdf, folder / "aes.pdf"), docx]


#: A page too short for trafilatura's main extractor, so that its fallbacks (jusText and
#: its stop lists) run, with the date only in words, which htmldate reads with dateparser.
SHORT_PAGE = """<!DOCTYPE html><html><head><title>Talks end</title></head><body>
<div><p>Published on the fifth of March, Tuesday 5 March 2024.</p>
<p>"We welcome any offers," al-Assad said in Moscow.</p></div></body></html>
"""


def _aes_pdf(source: Path, target: Path) -> Path:
    """``source`` encrypted with AES-256 and an empty user password (needs cryptography)."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    with target.open("wb") as handle:
        writer.write(handle)
    return target


@contextmanager
def display() -> Iterator[str | None]:
    """An Xvfb display for the window runs, or None (offscreen) when Xvfb is missing."""
    if not shutil.which("Xvfb"):
        yield None
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}" if number else None
    finally:
        server.terminate()
        server.wait(timeout=30)


def runs(articles: list[Path], folder: Path) -> Iterator[tuple[list[str], dict[str, str]]]:
    """(arguments, extra environment) of every traced run."""
    for path in articles:
        yield ["analyse", str(path), "--format", "json"], {}
    yield ["library", "add", str(articles[0].parent)], {}
    yield ["library", "search", "Putin"], {}
    yield ["library", "actors"], {}
    yield ["--self-test"], {}
    window = {"DRAMATIS_QUIT_WHEN_IDLE": "1"}
    yield [str(p) for p in articles], {**window, "DRAMATIS_DATA_DIR": str(folder / "gui")}
    yield [], {**window, "DRAMATIS_DATA_DIR": str(folder / "first-run")}


def trace_runs(executable: Path, folder: Path, screen: str | None) -> Usage:
    usage = Usage()
    articles = write_articles(folder / "articles")
    for number, (args, extra) in enumerate(runs(articles, folder)):
        output = folder / f"trace-{number}.json"
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(folder / "home"),
            "DRAMATIS_DATA_DIR": str(folder / "data"),
            "DRAMATIS_TRACE": str(output),
            **extra,
        }
        if screen:
            env["DISPLAY"] = screen
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        completed = subprocess.run(
            [str(executable), *args], env=env, capture_output=True, timeout=RUN_TIMEOUT
        )
        if completed.returncode != 0 or not output.exists():
            raise SystemExit(
                f"traced run {args[:2]} failed ({completed.returncode}): "
                f"{completed.stderr.decode(errors='replace')[-2000:]}"
            )
        usage.add(json.loads(output.read_text(encoding="utf-8")))
    return usage


def group_of(relative: Path, depth: int) -> str:
    """The folder a file is counted under: its first ``depth`` parts (fewer for files)."""
    parts = relative.parts[:-1][:depth]
    return "/".join(parts) if parts else "(top level)"


def disk_usage(bundle: Path, usage: Usage, depth: int) -> dict[str, list[int]]:
    """Per folder: [bytes used, bytes not used, files used, files not used]."""
    used = {os.path.realpath(f) for f in usage.files}
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()):
        row = table[group_of(path.relative_to(bundle), depth)]
        hit = os.path.realpath(path) in used
        row[0 if hit else 1] += path.stat().st_size
        row[2 if hit else 3] += 1
    return dict(table)


def archive_packages(executable: Path, usage: Usage) -> dict[str, list[int]]:
    """Per top-level package in the PYZ: [modules imported, modules bundled, bytes bundled]."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    names = [name for name in archive.toc if name.startswith("PYZ")]
    pyz = archive.open_embedded_archive(names[0])
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name, entry in pyz.toc.items():
        row = table[name.split(".")[0]]
        row[0] += name in usage.modules
        row[1] += 1
        row[2] += entry[2]
    return dict(table)


def markdown(disk: dict[str, list[int]], packages: dict[str, list[int]], limit: int) -> str:
    lines = ["| folder | used MB | never used MB | files used / all |", "|---|---:|---:|---:|"]
    ranked = sorted(disk.items(), key=lambda item: -(item[1][0] + item[1][1]))
    for name, (hit, miss, hits, misses) in ranked[:limit]:
        lines.append(f"| {name} | {hit / 1e6:.1f} | {miss / 1e6:.1f} | {hits} / {hits + misses} |")
    total_hit = sum(row[0] for row in disk.values())
    total_miss = sum(row[1] for row in disk.values())
    lines.append(f"| **all** | {total_hit / 1e6:.1f} | {total_miss / 1e6:.1f} | |")
    lines += ["", "| Python package (archive) | modules imported / bundled | kB |"]
    lines.append("|---|---:|---:|")
    ranked_packages = sorted(packages.items(), key=lambda item: -item[1][2])
    for name, (imported, bundled, size) in ranked_packages[:limit]:
        lines.append(f"| {name} | {imported} / {bundled} | {size // 1024} |")
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--json", type=Path, help="also write the merged trace here")
    parser.add_argument("--depth", type=int, default=3, help="folder depth of the summary")
    parser.add_argument("--rows", type=int, default=40, help="rows per table")
    args = parser.parse_args(None if argv is None else list(argv))
    bundle = args.dist / "dramatis"
    executable = bundle / "dramatis"
    with tempfile.TemporaryDirectory(prefix="dramatis-trace-") as folder, display() as screen:
        usage = trace_runs(executable, Path(folder), screen)
    if args.json:
        document = {"modules": sorted(usage.modules), "files": sorted(usage.files)}
        args.json.write_text(json.dumps(document, indent=1), encoding="utf-8")
    disk = disk_usage(bundle, usage, args.depth)
    print(markdown(disk, archive_packages(executable, usage), args.rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
