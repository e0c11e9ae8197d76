"""Exports: the web page, Markdown, the analysis JSON and the library's CSV.

Each export must parse and hold every statement and every actor; text from an article
must come out inert (no script, no image, no link, no HTML that was not ours); the CSV's
``date`` is the article's published date, with the time it was added in its own column.
The sample article is analysed once per session (``sample_analysis``); the rest is built by
hand.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from test_library_builder import ArticleBuilder, putin_article

from reader.cli import main
from reader.errors import OutputError
from reader.library import export_csv, open_library
from reader.library.export import CSV_FIELDS
from reader.model import Actor, Analysis, Entity, Quote
from reader.opening import article_from_text, open_article
from reader.output.html_document import analysis_to_html
from reader.output.markdown_document import analysis_to_markdown, escape_line
from reader.output.palette import palette
from reader.output.words import statement_kind_name

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</style><script>alert(1)</script>",
    "[a](javascript:alert(1))",
    "![x](http://example.com/x.png)",
    '<a href="http://example.com">click</a> &amp; &lt;b&gt;',
    "# heading\n- item\n1. list\n    code\n> quote",
    "see http://example.com and www.example.com | a | b |",
    "*emphasis* _under_ `code` ~~gone~~ <!-- comment -->",
    "control \x00\x07\x1b characters and \ufffe",
]


def flat(text: str) -> str:
    return " ".join(text.split())


class Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def hostile_analysis(hostile: str) -> Analysis:
    """``hostile`` as the title, byline, text, names, speaker and statements of an article."""
    name = f"Ana {hostile} Silva"
    text = f"{hostile}\n\n“{hostile} is fine,” said {name}.\n"
    article = article_from_text(
        text, title=f"Title {hostile}", byline=f"By {hostile}", published=hostile
    )
    q_start, q_end = text.index("“") + 1, text.index("”")
    s_start = text.index(name, q_end)
    cue = text.index("said", q_end)
    quote = Quote(
        q_start,
        q_end,
        text[q_start:q_end],
        ((q_start, q_end),),
        "direct",
        speaker=name,
        speaker_start=s_start,
        speaker_end=s_start + len(name),
        cue="said",
        cue_start=cue,
        cue_end=cue + 4,
        actor="ana",
        via=f"Outlet {hostile}",
    )
    entity = Entity(s_start, s_start + len(name), name, "PERSON", "ana")
    actor = Actor("ana", name, "person", (name, f"Silva {hostile}"), 2, (0,))
    loose = Quote(0, len(hostile), hostile, ((0, len(hostile)),), "indirect", speaker=hostile)
    return Analysis(article, (entity,), (quote, loose), (actor,), version="test")


def text_of(page: str) -> str:
    """The article text as the page shows it (the text element's characters)."""
    root = ET.fromstring(page)
    [element] = [e for e in root.iter("div") if e.get("class") == "text"]
    return "".join(element.itertext())


# -- the web page -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_page(sample_analysis) -> str:
    return analysis_to_html(sample_analysis)


def test_page_is_well_formed_and_shows_the_text_verbatim(sample_page, sample_analysis):
    assert sample_page.startswith("<!DOCTYPE html>")
    assert text_of(sample_page) == sample_analysis.article.text


def test_page_lists_every_statement_and_actor(sample_page, sample_analysis):
    assert sample_analysis.quotes and sample_analysis.actors
    root = ET.fromstring(sample_page)
    listed = flat(" ".join(root.find("body").itertext()).replace(sample_analysis.article.text, ""))
    for quote in sample_analysis.quotes:
        assert flat(quote.text) in listed
    cells = [flat("".join(td.itertext())) for td in root.iter("td")]
    for actor in sample_analysis.actors:
        assert any(cell.startswith(actor.name) for cell in cells), actor.name


def test_page_links_each_statement_to_its_place(sample_page, sample_analysis):
    tags = tags_of(sample_page)
    ids = {attrs["id"] for _, attrs in tags if attrs.get("id")}
    hrefs = [attrs["href"] for tag, attrs in tags if tag == "a"]
    assert len(hrefs) == len(sample_analysis.quotes)
    assert {h.removeprefix("#") for h in hrefs} <= ids


def test_page_has_the_app_colours_light_and_dark(sample_page):
    colours = palette()
    light, dark = sample_page.split("@media (prefers-color-scheme: dark)")
    assert f"mark.e-PERSON {{ background: {colours.entities['PERSON'].light}; }}" in light
    assert f"mark.e-PERSON {{ background: {colours.entities['PERSON'].dark}; }}" in dark
    assert colours.quotes["direct"].dark_background in dark
    assert "text-decoration-style: dotted" in light  # reported speech, as in the app


def test_page_legend_counts_and_words(sample_page, sample_analysis):
    root = ET.fromstring(sample_page)
    [legend] = [u for u in root.iter("ul") if u.get("class") == "legend"]
    items = {flat("".join(li.itertext())) for li in legend}
    people = sum(1 for e in sample_analysis.entities if e.label == "PERSON")
    direct = sum(1 for q in sample_analysis.quotes if q.kind == "direct")
    assert f"Person {people}" in items
    assert f"Direct quote {direct}" in items
    assert not any(re.search(r"\b(GPE|NORP|PERSON|indirect|mixed)\b", i) for i in items)


def test_overlapping_highlights_nest():
    """An entity running across the end of a statement, and a speaker inside an entity."""
    text = "Ms Anna Berg of Shell Oil said gas prices will fall in Oslo soon."
    content_start, content_end = text.index("gas"), text.index(" in Oslo") + 6
    quote = Quote(
        content_start,
        content_end,
        text[content_start:content_end],
        ((content_start, content_end),),
        "indirect",
        speaker="Anna Berg of Shell",
        speaker_start=3,
        speaker_end=text.index(" Oil"),
        cue="said",
        cue_start=text.index("said"),
        cue_end=text.index("said") + 4,
    )
    oslo = text.index("Oslo")
    entities = (
        Entity(0, text.index(" of"), "Ms Anna Berg", "PERSON"),
        Entity(text.index("Shell"), text.index(" said"), "Shell Oil", "ORG"),
        Entity(oslo, oslo + len("Oslo soon"), "Oslo soon", "GPE"),
    )
    analysis = Analysis(article_from_text(text), entities, (quote,))
    page = analysis_to_html(analysis)
    assert text_of(page) == text
    assert '<span class="q q-indirect"' in page and '<b class="speaker">' in page


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_inert_in_the_page(hostile):
    analysis = hostile_analysis(hostile)
    page = analysis_to_html(analysis)
    shown = text_of(page)  # also: the page is well-formed
    expected = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", "\ufffd", analysis.article.text)
    assert shown == expected
    tags = tags_of(page)
    assert {tag for tag, _ in tags} <= {
        "html", "head", "meta", "title", "style", "body", "article", "header", "h1", "h2",
        "p", "section", "ul", "ol", "li", "mark", "span", "b", "i", "div", "table", "thead",
        "tbody", "tr", "th", "td", "a", "footer",
    }  # fmt: skip
    assert [tag for tag, _ in tags].count("style") == 1 and page.count("</style>") == 1
    for _, attrs in tags:
        assert not any(name.startswith("on") for name in attrs)
        assert "src" not in attrs
        assert (attrs.get("href") or "#").startswith("#")
    root = ET.fromstring(page)
    assert root.find("head/title").text == f"Title {hostile}".replace("\x00", "\ufffd").replace(
        "\x07", "\ufffd"
    ).replace("\x1b", "\ufffd").replace("\ufffe", "\ufffd")


# -- Markdown ---------------------------------------------------------------------------------


def unescaped(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def test_markdown_lists_every_statement_and_actor(sample_analysis):
    markdown = analysis_to_markdown(sample_analysis)
    plain = unescaped(markdown)
    for quote in sample_analysis.quotes:
        assert f"**{statement_kind_name(quote.kind)}:** {flat(quote.text)}" in plain
    for actor in sample_analysis.actors:
        assert f"### {actor.name}\n" in plain
    assert plain.index("## Cast") < plain.index("## Text")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_inert_in_markdown(hostile):
    markdown = analysis_to_markdown(hostile_analysis(hostile))
    rendered = MarkdownIt("commonmark").render(markdown)
    tags = {tag for tag, _ in tags_of(rendered)}
    assert tags <= {"h1", "h2", "h3", "p", "ul", "li", "strong", "em"}, tags
    assert "<!--" not in rendered
    # No address in the shape GitHub-flavoured Markdown links by itself.
    assert "://" not in markdown and "www." not in markdown
    # Every hostile character is still there for the reader.
    assert flat(hostile) in unescaped(markdown) or "\x00" in hostile
    assert f"*(via Outlet {flat(hostile)})*" in unescaped(markdown) or "\x00" in hostile


def test_markdown_escapes_what_would_start_a_block():
    assert escape_line("# not a heading") == "\\# not a heading"
    assert escape_line("2024. A year") == "2024\\. A year"
    assert escape_line("- not a list") == "\\- not a list"
    assert escape_line("> not a quote") == "\\> not a quote"
    assert escape_line("    not code") == "not code"


# -- the command line -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("form", ["html", "markdown"])
def test_analyse_prints_a_page_or_markdown(sample_path, capsys, form):
    assert main(["analyse", "--format", form, str(sample_path)]) == 0
    out = capsys.readouterr().out
    if form == "html":
        ET.fromstring(out)
        assert out.startswith("<!DOCTYPE html>")
    else:
        assert out.startswith("# ") and "## Cast" in out


# -- the library's statements -----------------------------------------------------------------


@pytest.fixture
def library_dir(tmp_path) -> Path:
    """Two articles: one with a published date, one without."""
    data = tmp_path / "data"
    with open_library(data) as library:
        library.add_analysis(putin_article())  # published 2024-03-01
        b = ArticleBuilder(title="Undated note")
        b.actor("a1", "Ingrid Berg").text("Rain in Oslo. ")
        b.quote("Demand rose", "Ingrid Berg", "a1", kind="indirect")
        library.add_analysis(b.build())
    return data


def csv_rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == CSV_FIELDS
    return list(reader)


def test_csv_date_is_published_and_added_is_separate(capsys, library_dir):
    """The date column mixed published dates and times of adding."""
    assert main(["library", "--data-dir", str(library_dir), "export", "--format", "csv"]) == 0
    rows = csv_rows(capsys.readouterr().out)
    assert len(rows) == 4  # one per statement
    by_title = {}
    for row in rows:
        by_title.setdefault(row["title"], []).append(row)
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", row["added"])
    assert {r["date"] for r in by_title["Putin and Scholz discuss gas prices"]} == {"2024-03-01"}
    assert [r["date"] for r in by_title["Undated note"]] == [""]
    assert [r["text"] for r in by_title["Undated note"]] == ["Demand rose"]
    kinds = {(r["kind"], r["kind_code"]) for r in rows}
    assert kinds == {("Direct quote", "direct"), ("Reported speech", "indirect")}


def test_json_export_has_the_same_dates(capsys, library_dir):
    assert main(["library", "--data-dir", str(library_dir), "export"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["date"] is None, r["kind"]) for r in rows) == [
        (False, "direct"),
        (False, "direct"),
        (False, "indirect"),
        (True, "indirect"),
    ]
    assert all(r["added"] for r in rows)


def test_export_csv_writes_a_file_whole(library_dir, tmp_path):
    target = tmp_path / "statements.csv"
    with open_library(library_dir) as library:
        assert export_csv(library, target) == 4
    rows = csv_rows(target.read_text(encoding="utf-8"))
    assert [r["statement_id"] for r in rows] and len(rows) == 4
    assert list(tmp_path.glob(".*.part")) == []


def test_export_csv_that_cannot_be_written_names_the_file_and_leaves_no_trace(
    library_dir, tmp_path
):
    """A folder that does not exist, and a name that is a folder already (which even the
    superuser cannot replace by a file): a one-line problem naming it, nothing left behind."""
    taken = tmp_path / "taken.csv"
    (taken / "inside").mkdir(parents=True)
    for target in (tmp_path / "missing" / "statements.csv", taken):
        with open_library(library_dir) as library, pytest.raises(OutputError) as caught:
            export_csv(library, target)
        assert caught.value.subject == str(target)
        assert caught.value.problem.startswith("the file cannot be written (")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "taken.csv"]
    assert [p.name for p in taken.iterdir()] == ["inside"]


def test_statement_order_is_by_date_then_added(library_dir):
    """The export keeps its order (published date, else time added) while showing both."""
    with open_library(library_dir) as library:
        statements = list(library.statements())
    assert [s.date for s in statements] == sorted(s.date for s in statements)
    assert all(s.date == (s.published or s.added) for s in statements)


# -- the desktop app --------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """The window, not shown (so no model loads), its settings in a temporary place."""
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    win.shutdown()


def answer_dialog(monkeypatch, name: Path, chosen: str) -> list[tuple]:
    """Make the save dialog answer ``name`` with the filter ``chosen``; record its calls."""
    from PySide6.QtWidgets import QFileDialog

    calls: list[tuple] = []

    def answer(*args, **kwargs):
        calls.append(args)
        return str(name), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return calls


def test_export_is_disabled_without_an_article(window, sample_analysis):
    assert window.export_action.shortcut().toString() == "Ctrl+Shift+E"
    assert not window.export_action.isEnabled()
    window.show_analysis(sample_analysis)
    assert window.export_action.isEnabled()
    assert window.export_library_action.isEnabled()


@pytest.mark.parametrize(
    ("chosen", "suffix"),
    [
        ("Web page (*.html)", ".html"),
        ("Markdown (*.md)", ".md"),
        ("Analysis JSON (*.json)", ".json"),
    ],
)
def test_file_export_writes_each_format(
    window, qtbot, monkeypatch, tmp_path, sample_analysis, chosen, suffix
):
    from reader.output.json_document import analysis_to_dict

    window.show_analysis(sample_analysis)
    calls = answer_dialog(monkeypatch, tmp_path / "exported", chosen)
    with qtbot.waitSignal(window.exporter.exported, timeout=10_000):
        window.export_action.trigger()  # written on a pool thread
    [call] = calls
    assert call[3].split(";;") == [
        "Web page (*.html)", "Markdown (*.md)", "Analysis JSON (*.json)"
    ]  # fmt: skip
    written = (tmp_path / f"exported{suffix}").read_text(encoding="utf-8")
    if suffix == ".html":
        assert written == analysis_to_html(sample_analysis)
        assert text_of(written) == sample_analysis.article.text
    elif suffix == ".md":
        assert written == analysis_to_markdown(sample_analysis)
    else:
        assert json.loads(written) == analysis_to_dict(sample_analysis)
    assert window.status_text.text().endswith(f"exported{suffix}")
    assert not window.banner.isVisibleTo(window)


def test_a_name_with_a_suffix_chooses_its_format(
    window, qtbot, monkeypatch, tmp_path, sample_analysis
):
    window.show_analysis(sample_analysis)
    answer_dialog(monkeypatch, tmp_path / "notes.md", "Web page (*.html)")
    with qtbot.waitSignal(window.exporter.exported, timeout=10_000):
        window.export_action.trigger()
    assert (tmp_path / "notes.md").read_text(encoding="utf-8").startswith("# ")
    assert not (tmp_path / "notes.md.html").exists()


def test_a_failed_export_goes_to_the_banner_naming_the_file(
    window, qtbot, monkeypatch, tmp_path, sample_analysis
):
    window.show_analysis(sample_analysis)
    target = tmp_path / "no such folder" / "page.html"
    answer_dialog(monkeypatch, target, "Web page (*.html)")
    with qtbot.waitSignal(window.exporter.failed, timeout=10_000):
        window.export_action.trigger()
    assert window.banner.isVisibleTo(window)
    [line] = window.banner.text().splitlines()
    assert line.startswith(f"Cannot export to {target}: the file cannot be written (")
    assert window.analysis is sample_analysis  # still shown


def test_library_statements_are_exported_off_the_gui_thread(window, qtbot, monkeypatch, tmp_path):
    window.library.add_analysis(putin_article())
    b = ArticleBuilder(title="Undated note")
    b.actor("a1", "Ingrid Berg").text("Rain in Oslo. ")
    b.quote("Demand rose", "Ingrid Berg", "a1", kind="indirect")
    window.library.add_analysis(b.build())
    target = tmp_path / "statements"
    answer_dialog(monkeypatch, target, "Spreadsheet, CSV (*.csv)")
    window.export_library_action.trigger()
    assert window.exporter.busy()
    assert window.status_text.text() == "Exporting the library's statements to statements.csv…"
    qtbot.waitUntil(lambda: not window.exporter.busy(), timeout=10_000)
    assert window.status_text.text() == "Exported 4 statements to statements.csv"
    rows = csv_rows((tmp_path / "statements.csv").read_text(encoding="utf-8"))
    assert sorted(r["date"] for r in rows) == ["", "2024-03-01", "2024-03-01", "2024-03-01"]
    assert window.exporter._tasks is not None
    assert window.exporter._tasks.thread_.objectName() == "dramatis-export"


def test_a_failed_library_export_goes_to_the_banner(window, qtbot, monkeypatch, tmp_path):
    window.library.add_analysis(putin_article())
    target = tmp_path / "missing" / "statements.csv"
    answer_dialog(monkeypatch, target, "Spreadsheet, CSV (*.csv)")
    window.export_library_action.trigger()
    qtbot.waitUntil(lambda: not window.exporter.busy(), timeout=10_000)
    [line] = window.banner.text().splitlines()
    assert line.startswith(f"Cannot export to {target}: the file cannot be written (")
    assert not (tmp_path / "missing").exists()


def test_an_article_is_written_off_the_gui_thread(
    window, qtbot, monkeypatch, tmp_path, sample_analysis
):
    """The longest article takes seconds to render as a page (nothing long on the
    GUI thread)."""
    import threading

    import ui.export

    threads = []
    write = ui.export.write_analysis

    def recording(*args):
        threads.append(threading.current_thread())
        write(*args)

    monkeypatch.setattr(ui.export, "write_analysis", recording)
    window.show_analysis(sample_analysis)
    answer_dialog(monkeypatch, tmp_path / "page.html", "Web page (*.html)")
    with qtbot.waitSignal(window.exporter.exported, timeout=10_000):
        window.export_action.trigger()
    assert threads and threads[0] is not threading.main_thread()
    assert (tmp_path / "page.html").exists()


def _html_article(folder: Path) -> Analysis:
    """An analysis of an article read from ``folder/report.html``."""
    from reader.pipeline import analyse

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "report.html"
    source.write_text(
        "<html><body><h1>Ferry fares</h1><p>Ann Lee said the fares were unfair.</p></body></html>",
        encoding="utf-8",
    )
    return analyse(open_article(source))


@pytest.mark.slow
def test_export_never_suggests_or_overwrites_the_article_itself(
    window, qtbot, monkeypatch, tmp_path
):
    """The dialog suggested report.html beside report.html, the article's own
    path; choosing it replaced the article with its cast page."""
    articles = tmp_path / "articles"
    analysis = _html_article(articles)
    source = articles / "report.html"
    before = source.read_bytes()
    window.show_analysis(analysis)
    calls = answer_dialog(monkeypatch, source, "Web page (*.html)")
    with qtbot.waitSignal(window.exporter.failed, timeout=10_000):
        window.export_action.trigger()
    [call] = calls
    assert Path(call[2]) != source  # the suggestion is not the article
    assert source.read_bytes() == before  # and choosing the article writes nothing
    assert "that is the article the export was made from" in window.banner.text()


def test_export_suggests_the_folder_of_the_last_export_even_after_a_restart(
    window, qtbot, monkeypatch, tmp_path
):
    from ui.export import Exporter

    articles = tmp_path / "articles"
    analysis = _html_article(articles)
    window.show_analysis(analysis)
    exports = tmp_path / "exports"
    exports.mkdir()
    calls = answer_dialog(monkeypatch, exports / "ferry.html", "Web page (*.html)")
    with qtbot.waitSignal(window.exporter.exported, timeout=10_000):
        window.export_action.trigger()
    assert Path(calls[0][2]).parent != articles  # never beside the article by default
    fresh = Exporter(window)  # as after a restart: only the settings remember
    calls.clear()
    fresh.export_analysis(analysis)
    assert Path(calls[0][2]) == exports / "report.html"
    fresh.shutdown()


def test_the_command_line_and_the_window_write_the_forms_of_one_table():
    """``dramatis analyse --format`` and File > Export… take their forms, suffixes and
    renderers from ``reader.output.renderers`` alone."""
    import argparse

    import ui.export
    from reader.cli.analyse import add_arguments
    from reader.output.renderers import RENDERERS, renderer

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    choices = next(a.choices for a in parser._actions if a.dest == "format")
    assert tuple(choices) == tuple(f.key for f in RENDERERS) == ("json", "text", "html", "markdown")
    offered = (renderer("html"), renderer("markdown"), renderer("json"))
    assert offered == ui.export.FORMATS
    assert [ui.export.dialog_filter(f) for f in ui.export.FORMATS] == [
        "Web page (*.html)",
        "Markdown (*.md)",
        "Analysis JSON (*.json)",
    ]
    path, form = ui.export.chosen_format("/tmp/cast", "Markdown (*.md)")
    assert (path.name, form.key) == ("cast.md", "markdown")
