"""Library storage: schema and migrations, all-or-nothing writes, dedupe, round trips."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from test_library_builder import VERSION, ArticleBuilder, putin_article

from reader.errors import LibraryError
from reader.library import MARK_END, MARK_START, open_library
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION
from reader.model import Analysis, Article
from reader.paths import DATA_DIR_ENV, data_dir, library_path
from reader.reading import Reading


class CountingAnalyser:
    """Returns prepared analyses by article text and counts the calls."""

    def __init__(self, *analyses: Analysis, version: str = VERSION) -> None:
        self.by_sha = {a.article.sha256: a for a in analyses}
        self.version = version
        self.calls = 0

    def __call__(self, article: Article) -> Analysis:
        self.calls += 1
        prepared = self.by_sha.get(article.sha256)
        if prepared is None:
            return Analysis(article, version=self.version)
        return dataclasses.replace(prepared, article=article, version=self.version)


def write(tmp_path: Path, analysis: Analysis, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_text(analysis.article.text, encoding="utf-8")
    return path


def test_paths_prefer_argument_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert library_path(tmp_path).name == "library.db"
    monkeypatch.delenv(DATA_DIR_ENV)
    assert "dramatis" in str(data_dir()).lower()


def test_new_library_is_migrated_and_uses_wal(tmp_path):
    with open_library(tmp_path, version=VERSION) as library:
        conn = library.connection
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "entities", "statements", "actors", "article_actors"} <= tables
    assert {"articles_fts", "statements_fts"} <= tables
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_reopening_does_not_migrate_again(tmp_path):
    open_library(tmp_path, version=VERSION).close()
    with open_library(tmp_path, version=VERSION) as library:
        assert library.count() == 0


def test_library_from_a_newer_version_is_refused_and_kept(tmp_path):
    open_library(tmp_path, version=VERSION).close()
    conn = sqlite3.connect(library_path(tmp_path))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(LibraryError, match="newer version"):
        open_library(tmp_path, version=VERSION)


def test_analysis_round_trips_exactly(tmp_path):
    analysis = putin_article()
    with open_library(tmp_path, version=VERSION) as library:
        article_id, was_new = library.add_analysis(analysis)
        assert was_new
        stored = library.analysis(article_id)
    assert stored == analysis


def test_add_file_stores_then_shows_without_reanalysing(tmp_path):
    analysis = putin_article()
    path = write(tmp_path, analysis)
    analyser = CountingAnalyser(analysis)
    with open_library(tmp_path / "data", version=VERSION) as library:
        first_id, first, was_new = Reading(library, analyser).add_file(path)
        again_id, again, again_new = Reading(library, analyser).add_file(path)
        copy_id, _, copy_new = Reading(library, analyser).add_file(
            write(tmp_path, analysis, "copy.txt")
        )
        assert library.count() == 1
        stored = library.article(first_id)
    assert was_new and not again_new and not copy_new
    assert first_id == again_id == copy_id
    assert analyser.calls == 1
    assert again.quotes == first.quotes and again.actors == first.actors
    assert stored.first_opened <= stored.last_opened


def test_changed_analysis_version_reanalyses_on_demand_and_in_bulk(tmp_path):
    # A second story, not a copy of the first (reader.library.copies): it says more.
    more = (
        " Later that evening the two delegations met again over dinner at the embassy, where"
        " advisers drafted a joint statement on pipeline maintenance, winter storage targets"
        " and a schedule of monthly meetings between the energy ministries of both countries."
    )
    one, two = putin_article(), putin_article(more)
    with open_library(tmp_path, version="old") as library:
        library.add_analysis(dataclasses.replace(one, version="old"))
        library.add_analysis(dataclasses.replace(two, version="old"))
    analyser = CountingAnalyser(one, two, version="new")
    with open_library(tmp_path, version="new") as library:
        assert len(library.stale_ids()) == 2
        path = write(tmp_path, one)
        article_id, analysis, was_new = Reading(library, analyser).add_file(path)
        assert not was_new and analysis.version == "new" and analyser.calls == 1
        assert article_id not in library.stale_ids() and len(library.stale_ids()) == 1
        assert Reading(library, analyser).reanalyse_all() == 1
        assert library.stale_ids() == []
        assert analyser.calls == 2
        assert library.count() == 2
        # The statements were replaced, not duplicated: 2 articles x 2 by Putin.
        assert len(library.said("Putin")) == 4


def test_a_failing_write_leaves_no_half_article(tmp_path):
    good = putin_article()
    broken_quote = dataclasses.replace(good.quotes[0], kind=None)  # violates NOT NULL
    broken = dataclasses.replace(good, quotes=(*good.quotes, broken_quote))
    with open_library(tmp_path, version=VERSION) as library:
        with pytest.raises(sqlite3.IntegrityError):
            library.add_analysis(broken)
        conn = library.connection
        for table in ("articles", "entities", "statements", "article_actors", "actors"):
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
        assert library.search("Putin") == []
        library.add_analysis(good)
        assert library.count() == 1


def test_remove_deletes_article_analysis_index_and_orphan_actors(tmp_path):
    other = ArticleBuilder(title="Scholz alone")
    other.actor("a1", "Olaf Scholz").quote("Germany stands firm", "Olaf Scholz", "a1")
    with open_library(tmp_path, version=VERSION) as library:
        putin_id, _ = library.add_analysis(putin_article())
        library.add_analysis(other.build())
        library.remove(putin_id)
        assert library.search("gas") == []
        assert library.said("Putin") == []
        assert [a.name for a in library.actors()] == ["Olaf Scholz"]
        assert len(library.said("Scholz")) == 1
        with pytest.raises(LibraryError, match="no article with id"):
            library.remove(putin_id)
        assert library.integrity_ok()


def test_articles_listing_and_unknown_id(tmp_path):
    with open_library(tmp_path, version=VERSION) as library:
        article_id, _ = library.add_analysis(putin_article())
        [listed] = library.articles()
        assert listed.id == article_id and listed.title.startswith("Putin")
        with pytest.raises(LibraryError, match="no article with id 999"):
            library.analysis(999)


@pytest.mark.slow
def test_real_pipeline_on_the_sample_article(tmp_path, sample_path):
    """One smoke test through spaCy: stored, then shown again from the library."""
    with open_library(tmp_path) as library:
        article_id, analysis, was_new = Reading(library).add_file(sample_path)
        assert was_new and analysis.entities
        assert library.analysis(article_id) == analysis
        [hit] = library.search("Putin")
        assert hit.id == article_id and f"{MARK_START}Putin{MARK_END}" in hit.snippet
        _, again, was_new = Reading(library).add_file(sample_path)
        assert not was_new and again == analysis
