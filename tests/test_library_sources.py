"""The sources report of a library: counted in SQL, within an outlet and dates, copies once.

The library holds the three stories of ``source_articles`` (two in the Harbour Times, one
in the Valley Courier); every expected figure is counted by hand from their text.
"""

from __future__ import annotations

import sqlite3

import pytest
from schema_rollback import roll_back
from source_articles import FERRY, dredging, ferry, library_hours, three_stories

from reader.corrections.operations import ActorRef, Rename
from reader.library import Bounds, open_library
from reader.library.sources import SourcesReport, report_csv, report_dict


@pytest.fixture
def stocked(library):
    ids = [library.add_analysis(a)[0] for a in three_stories()]
    return library, ids


def counts(tallies) -> dict[str | None, int]:
    return {t.key: t.count for t in tallies}


def test_the_library_report_counts_every_source(stocked):
    library, _ = stocked
    report = library.sources_report()
    assert (report.articles, report.sources, report.statements) == (3, 10, 14)
    assert counts(report.named) == {"named": 7, "unnamed": 3}
    assert counts(report.kinds) == {"person": 7, "organisation": 1, "group": 2}
    assert counts(report.roles) == {
        "official": 4,  # Transport Minister Grace Obi, Officials, the Port Authority, Mayor
        "police": 0,
        "expert": 1,  # Dr Lena Fischer
        "spokesperson": 1,  # a spokesman for the contractor
        "business": 0,
        "citizen": 3,  # a resident of Port Ellen, Students, a student at the college
        "other": 0,
        None: 1,  # Jordan Ellis, who runs the café next door
    }
    assert counts(report.genders) == {"female": 3, "male": 3, None: 1}
    assert counts(report.quotation) == {"direct": 3, "mixed": 0, "indirect": 11}
    assert report.direct_share == pytest.approx(3 / 14)


def test_who_is_quoted_most_leaves_descriptions_out(stocked):
    """Four people said two things each; "Officials", "Students" and "A spokesman" are
    descriptions, filed under their article alone, and not listed."""
    library, _ = stocked
    most = library.sources_report(top=5).most_quoted
    assert [(a.name, a.statements, a.articles) for a in most] == [
        ("Daniel Reyes", 2, 1),
        ("Grace Obi", 2, 1),
        ("Lena Fischer", 2, 1),
        ("Tom Hardy", 2, 1),
        ("Jordan Ellis", 1, 1),
    ]


def test_an_outlet_keeps_its_own_articles_in_any_case(stocked):
    library, _ = stocked
    report = library.sources_report(Bounds(outlet="harbour times"))
    assert (report.articles, report.sources, report.statements) == (2, 6, 9)
    assert counts(report.genders) == {"female": 2, "male": 2, None: 0}
    assert [a.name for a in report.most_quoted] == [
        "Daniel Reyes",
        "Grace Obi",
        "Lena Fischer",
        "Port Authority",
    ]
    courier = library.sources_report(Bounds(outlet="Valley Courier"))
    assert (courier.articles, courier.sources, courier.statements) == (1, 4, 5)
    assert library.sources_report(Bounds(outlet="The Daily Nowhere")).sources == 0


def test_a_date_range_keeps_the_articles_dated_within_it(stocked):
    """The ferry is dated 1 March, the library hours 2 April, the dredging 10 May."""
    library, _ = stocked
    spring = library.sources_report(Bounds(dated_from="2024-04-01"))
    assert (spring.articles, spring.sources) == (2, 7)
    april = library.sources_report(Bounds(dated_from="2024-04-01", dated_to="2024-04-30"))
    assert (april.articles, april.sources) == (1, 4)
    both = library.sources_report(Bounds(outlet="Harbour Times", dated_to="2024-04-02"))
    assert (both.articles, both.sources) == (1, 3)


def test_one_article_lists_each_source_with_the_words_that_told_it(stocked):
    library, ids = stocked
    report = library.article_sources(ids[0])
    assert (report.articles, report.sources, report.statements) == (1, 3, 5)
    listed = {s.name: s for s in report.listed}
    obi, reyes, officials = listed["Grace Obi"], listed["Daniel Reyes"], listed["Officials"]
    assert (obi.role, obi.role_word, obi.gender, obi.gender_by, obi.gender_word) == (
        "official",
        "Minister",
        "female",
        "given-name",
        "Grace",
    )
    assert (reyes.role, reyes.gender, reyes.gender_by, reyes.gender_word) == (
        "citizen",
        "male",
        "honorific",
        "Mr",
    )
    assert (reyes.statements, reyes.direct, reyes.indirect) == (2, 1, 1)
    assert not officials.named and officials.gender is None


def test_a_copy_of_a_stored_story_is_counted_once(stocked):
    library, _ = stocked
    copy = ferry("Island News", FERRY + "\nReporting by the Island News desk.\n")
    copy_id = library.add_analysis(copy)[0]
    assert library.copies_among([copy_id])  # stored as the ferry story's copy
    report = library.sources_report()
    assert (report.articles, report.sources, report.statements) == (3, 10, 14)
    assert library.sources_report(Bounds(outlet="Island News")).sources == 0


def test_removing_an_article_removes_its_sources(stocked):
    library, ids = stocked
    library.remove(ids[2])
    report = library.sources_report()
    assert (report.articles, report.sources, report.statements) == (2, 6, 9)


def test_a_correction_is_followed(stocked):
    """Renamed Margaret Ellis, the café owner's given name now tells her gender."""
    library, ids = stocked
    library.correct(Rename(ActorRef("Jordan Ellis"), "Margaret Ellis"), ids[2])
    listed = {s.name: s for s in library.article_sources(ids[2]).listed}
    ellis = listed["Margaret Ellis"]
    assert (ellis.gender, ellis.gender_by, ellis.gender_word) == (
        "female",
        "given-name",
        "Margaret",
    )
    assert counts(library.sources_report().genders) == {"female": 4, "male": 3, None: 0}


def test_the_migration_fills_the_sources_of_articles_stored_before(tmp_path):
    data = tmp_path / "older"
    with open_library(data) as library:
        for analysis in (ferry(), dredging(), library_hours()):
            library.add_analysis(analysis)
        expected = report_dict(library.sources_report())
    conn = sqlite3.connect(data / "library.db", isolation_level=None)
    roll_back(conn, 13)  # before article_sources and its index
    assert "article_sources" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    with open_library(data) as library:
        assert report_dict(library.sources_report()) == expected


def test_the_report_as_csv(stocked):
    library, _ = stocked
    lines = report_csv(library.sources_report(Bounds(outlet="Valley Courier"))).splitlines()
    assert lines[0] == "section,key,label,count,share"
    assert "total,sources,Sources,4," in lines
    assert "Role,official,Officials and politicians,1,0.250" in lines
    assert "Gender (people),,Not stated,1,0.333" in lines
    assert "Statements,direct,Direct quote,1,0.200" in lines
    quoted = [line.split(",") for line in lines if line.startswith("Quoted most,")]
    assert [(name, n, share) for _, _, name, n, share in quoted] == [
        ("Tom Hardy", "2", "0.400"),
        ("Jordan Ellis", "1", "0.200"),
        ("Priya Nair", "1", "0.200"),
    ]


def test_an_empty_library_reports_nothing(library):
    report: SourcesReport = library.sources_report()
    assert (report.articles, report.sources, report.statements) == (0, 0, 0)
    assert report.direct_share is None and report.most_quoted == ()
