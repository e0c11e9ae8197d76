"""Hostile inputs: every input within the limits gets a verdict in bounded
time and memory.

Each case builds its input, runs the real command line on it in a child process and prints
one line: the case, the verdict (analysed, or the refusal's message), wall and CPU seconds,
the child's peak resident memory, and whether it is within the target of 60 s and 1 GB.
Every hostile file shape is built at 1, 5 and 10 MB (the file's size: PDF streams and
Word parts are stored uncompressed, so that the size is the work); then come the inputs of
a fixed size (a zip bomb, nested TOML, standard input from /dev/zero, searches) and those
just inside the limits (the slowest that must still be analysed). Wall time depends on the
machine's load, which is printed too; CPU time does not.

    python bench/hostile_inputs.py [--only NAME] [--articles 10000] [--data-dir DIR]

Searches run on a synthetic library (bench/synthetic_library.py), built in a temporary
folder unless ``--data-dir`` names one that already holds it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import hostile_shapes
from bench.common import ROOT, SAMPLE
from bench.synthetic_library import build
from reader.library.search import MAX_QUERY_WORDS
from reader.opening.limits import MAX_TEXT_TOKENS, estimate_tokens
from reader.paths import library_path

TARGET_SECONDS = 60.0
TARGET_MB = 1024.0
_MB = 1024 * 1024
CLI = [sys.executable, "-m", "reader.cli"]
#: The sizes, in MB, at which every file shape is built.
SIZES_MB = (1, 5, 10)
#: A thousand one-letter prefixes, a to z over and over: 3 KB.
LETTERS = [chr(ord("a") + index % 26) for index in range(1_000)]


@dataclass(frozen=True)
class Case:
    name: str
    #: Writes the input into the folder and returns the command-line arguments after
    #: ``dramatis`` (and optionally a file to feed to standard input).
    make: Callable[[Path, Path], tuple[list[str], Path | None]]


@dataclass(frozen=True)
class Outcome:
    code: int
    message: str
    wall: float
    cpu: float
    peak_mb: float


def sample_words(*, sentence_ends: bool = True) -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    if not sentence_ends:
        text = text.replace(".", "").replace("!", "").replace("?", "")
    return text.split()


def text_of_tokens(tokens: int, *, sentence_ends: bool) -> str:
    """One line of the sample's words, repeated to just under ``tokens`` tokens."""
    words = sample_words(sentence_ends=sentence_ends)
    out: list[str] = []
    count = 0
    while True:
        for word in words:
            size = estimate_tokens(word)
            if count + size >= tokens:
                return " ".join(out)
            out.append(word)
            count += size


def one_line_of_chars(chars: int) -> str:
    """The sample's words without sentence ends, as one line of ``chars`` characters."""
    words = sample_words(sentence_ends=False)
    line = " ".join(words)
    return (line + " ") * (chars // (len(line) + 1)) + line[: chars % (len(line) + 1)]


def analyse_file(name: str, content: str | bytes) -> Callable[[Path, Path], tuple]:
    def make(folder: Path, _library: Path) -> tuple[list[str], Path | None]:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return ["analyse", str(path)], None

    return make


def lazy_file(name: str, writer: Callable[[Path], None]) -> Callable[[Path, Path], tuple]:
    def make(folder: Path, _library: Path) -> tuple[list[str], Path | None]:
        path = folder / name
        writer(path)
        return ["analyse", str(path)], None

    return make


def write_docx_bomb(path: Path, expanded: int = 2 * 1024 * _MB) -> None:
    """A Word file of about 2 MB whose document part expands to 2 GiB of empty paragraphs."""
    head = b'<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body>'
    block = b"<w:p/>" * (_MB // 6)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            for _ in range(expanded // len(block)):
                part.write(block)
            part.write(b"</w:body></w:document>")


def write_docx_paragraphs(
    path: Path, paragraphs: int, compression: int = zipfile.ZIP_DEFLATED
) -> None:
    """A valid Word file (python-docx's template) whose body is ``paragraphs`` empty ones."""
    import docx

    template = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                head, tail = data.split(b"<w:body>", 1)
                data = head + b"<w:body>" + b"<w:p/>" * paragraphs + tail.split(b"<w:sectPr", 1)[0]
                data += b"<w:sectPr/></w:body></w:document>"
            archive.writestr(info, data, compression)


def html_paragraphs(count: int) -> bytes:
    """A page of ``count`` short paragraphs (200,000 make 12.7 MB)."""
    words = sample_words()
    parts = [b"<html><head><title>Talks</title></head><body><article>"]
    for index in range(count):
        start = (index * 9) % (len(words) - 9)
        parts.append(f"<p>{' '.join(words[start : start + 8])}.</p>\n".encode())
    parts.append(b"</article></body></html>")
    return b"".join(parts)


def html_spans(count: int) -> bytes:
    """One paragraph of ``count`` tiny spans: the most tags per byte of text."""
    return b"<html><body><p>" + b"<span>ab</span> " * count + b"</p></body></html>"


def stdin_zero(_folder: Path, _library: Path) -> tuple[list[str], Path | None]:
    return ["analyse", "-"], Path("/dev/zero")


def search(query: str) -> Callable[[Path, Path], tuple]:
    def make(_folder: Path, library: Path) -> tuple[list[str], Path | None]:
        return ["library", "--data-dir", str(library), "search", query], None

    return make


def at_limit_query() -> str:
    """As many prefix terms as allowed, each a common two-letter prefix."""
    prefixes = ["th", "pr", "co", "se", "re", "st", "in", "de", "ma", "pa", "po", "go"]
    return " ".join(f"{prefixes[i % len(prefixes)]}*" for i in range(MAX_QUERY_WORDS))


def docx_empty_paragraphs(size: int) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        write_docx_paragraphs(path, size // 6, zipfile.ZIP_STORED)

    return write


#: Every hostile file shape: (name, file name, the bytes or text of ``size``).
SHAPES: list[tuple[str, str, Callable[[int], str | bytes]]] = [
    ("txt, one line, no sentence ends", "line.txt", one_line_of_chars),
    (
        "md, front matter never closed",
        "unclosed.md",
        lambda size: "---\ntitle: Talks\n" + one_line_of_chars(size),
    ),
    ("md, '*a *a *a'", "stars.md", lambda size: "*a " * (size // 3)),
    ("md, '_a _a _a'", "underscores.md", lambda size: "_a " * (size // 3)),
    ("md, unclosed '<!--'", "comments.md", lambda size: "<!-- a " * (size // 7)),
    ("md, unclosed tags", "tags.md", lambda size: "<b a " * (size // 5)),
    ("md, 'a' on each line", "lines.md", hostile_shapes.markdown_lines_of_a),
    ("html, short paragraphs", "paragraphs.html", lambda size: html_paragraphs(size // 64)),
    ("html, tiny spans", "spans.html", lambda size: html_spans(size // 17)),
    ("html, attributes on one tag", "attributes.html", hostile_shapes.html_attributes),
    ("pdf, 40 pages sharing a stream of lines", "shared.pdf", hostile_shapes.pdf_shared_stream),
    ("pdf, empty pages", "pages.pdf", hostile_shapes.pdf_empty_pages),
    ("pdf, a form drawn 2,000 times", "form.pdf", hostile_shapes.pdf_form_drawn_often),
    ("docx, elements in a part not .xml", "part.docx", hostile_shapes.docx_part_not_named_xml),
]


def sized_cases() -> list[Case]:
    """Every shape at each of ``SIZES_MB``, the Word file of empty paragraphs too."""
    result = []
    for megabytes in SIZES_MB:
        size = megabytes * _MB
        for name, file_name, content in SHAPES:
            result.append(Case(f"{name}, {megabytes} MB", lazy_content(file_name, content, size)))
        result.append(
            Case(
                f"docx, empty paragraphs, {megabytes} MB",
                lazy_file("paragraphs.docx", docx_empty_paragraphs(size)),
            )
        )
    return result


def lazy_content(
    name: str, build: Callable[[int], str | bytes], size: int
) -> Callable[[Path, Path], tuple]:
    """``analyse_file`` for content built only when the case runs."""

    def make(folder: Path, library: Path) -> tuple[list[str], Path | None]:
        return analyse_file(name, build(size))(folder, library)

    return make


def cases() -> list[Case]:
    near = MAX_TEXT_TOKENS - 1_000
    return [
        *sized_cases(),
        # The hostile inputs of a fixed size.
        Case(
            "md, TOML of 100,000 nested arrays",
            analyse_file(
                "nested.md",
                "+++\na = "
                + "[" * 100_000
                + "]" * 100_000
                + "\n+++\n"
                + SAMPLE.read_text(encoding="utf-8"),
            ),
        ),
        Case("stdin from /dev/zero", stdin_zero),
        Case("docx, 2 MB expanding to 2 GiB", lazy_file("bomb.docx", write_docx_bomb)),
        Case("search, 1,000 prefix terms (3 KB)", search(" ".join(f"{c}*" for c in LETTERS))),
        Case("search, 'a ' x 2,000", search("a " * 2_000)),
        # Just inside the limits: these must be answered, not refused.
        Case(
            "prose just under the token limit",
            analyse_file("prose.txt", text_of_tokens(near, sentence_ends=True)),
        ),
        Case(
            "one line just under the token limit",
            analyse_file("run-on.txt", text_of_tokens(near, sentence_ends=False)),
        ),
        Case("'a,' just under the token limit", analyse_file("commas.txt", "a," * (near // 2))),
        Case(
            "'X said that Y said that' under the limit",
            analyse_file("said.txt", "Putin said that Assad said that " * (near // 6)),
        ),
        Case(
            "20,000 different Smiths under the limit",
            analyse_file("smiths.txt", "".join(f"Given{n} Smith spoke. " for n in range(20_000))),
        ),
        Case("html, 49,000 spans (98,000 tags)", analyse_file("spans.html", html_spans(49_000))),
        Case(
            "docx, 450,000 empty paragraphs",
            lazy_file("paragraphs.docx", lambda path: write_docx_paragraphs(path, 450_000)),
        ),
        Case(f"search, {MAX_QUERY_WORDS} two-letter prefixes", search(at_limit_query())),
    ]


def run(arguments: list[str], stdin: Path | None) -> Outcome:
    """Run ``dramatis ARGUMENTS``; its exit code, message, times and peak memory."""
    with tempfile.TemporaryFile() as errors, open(stdin or os.devnull, "rb") as feed:
        started = time.perf_counter()
        child = subprocess.Popen(
            [*CLI, *arguments], stdin=feed, stdout=subprocess.DEVNULL, stderr=errors, cwd=ROOT
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    message = lines[-1] if lines else ""
    return Outcome(
        child.returncode, message, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
    )


def verdict(outcome: Outcome, subject: str) -> str:
    if outcome.code == 0:
        return "answered"
    problem = outcome.message.removeprefix("dramatis: ").removeprefix(f"{subject}: ")
    return f"refused (exit {outcome.code}): {problem}"


def ensure_library(data_dir: Path, articles: int) -> None:
    if not library_path(data_dir).exists():
        print(f"building a {articles:,}-article library in {data_dir} …", file=sys.stderr)
        build(data_dir, articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--data-dir", type=Path, help="a synthetic library to search")
    args = parser.parse_args()
    chosen = [case for case in cases() if not args.only or args.only in case.name]
    with tempfile.TemporaryDirectory() as folder:
        library = args.data_dir or Path(folder) / "library"
        if any(case.name.startswith("search") for case in chosen):
            ensure_library(library, args.articles)
        print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores)")
        print(f"{'case':<52} {'wall s':>7} {'CPU s':>6} {'peak MB':>8}  target  verdict")
        for case in chosen:
            arguments, stdin = case.make(Path(folder), library)
            subject = (
                "<stdin>" if stdin else ("search" if arguments[0] == "library" else arguments[-1])
            )
            outcome = run(arguments, stdin)
            within = outcome.wall <= TARGET_SECONDS and outcome.peak_mb <= TARGET_MB
            within = within and outcome.code in (0, 2)
            print(
                f"{case.name:<52} {outcome.wall:7.1f} {outcome.cpu:6.1f} {outcome.peak_mb:8.0f}"
                f"  {'yes' if within else 'NO':<6}  {verdict(outcome, subject)}",
                flush=True,
            )
            for path in Path(folder).iterdir():
                if path.is_file():
                    path.unlink()
        print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
