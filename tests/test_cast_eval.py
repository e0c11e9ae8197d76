"""The cast metrics of `dramatis eval --cast` on tiny gold sets written here.

Most tests score hand-built Analysis values, so the expected figures are exact and no
language model is needed; one test runs the command on the real pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from reader import cli
from reader.errors import DramatisError
from reader.evaluation import cast, cast_report
from reader.evaluation.cast import Counts, match_strength, name_form, score_article
from reader.evaluation.cast_gold import CastArticle, read_cast_gold
from reader.evaluation.metrics import GoldQuote
from reader.evaluation.polnear_cast import names_in, source_groups, take_slice
from reader.evaluation.polnear_cast import score_article as score_polnear
from reader.evaluation.scoring import read_gold
from reader.model import Actor, Analysis, Article, Entity, Quote

COUNCIL = """\
Council backs harbour plan

Mayor Aileen MacLeod said the plan would protect jobs. "We were never consulted," said Tom \
Reyes of the Port Ellis Fishermen's Association.

Photo: Getty Images

MacLeod told reporters the vote would come in May. Officials said the review would take months.
"""

COUNCIL_GOLD = {
    "beat": "local government",
    "part": "tuning",
    "actors": [
        {"name": "Aileen MacLeod", "kind": "person", "aliases": ["MacLeod", "Mayor MacLeod"]},
        {"name": "Tom Reyes", "kind": "person", "aliases": ["Reyes"]},
        {"name": "Port Ellis Fishermen's Association", "kind": "organisation"},
    ],
    "statements": [
        {"content": "the plan would protect jobs", "speaker": "Aileen MacLeod"},
        {"content": "We were never consulted", "speaker": "Tom Reyes"},
        {"content": "the vote would come in May", "speaker": "Aileen MacLeod"},
        {"content": "the review would take months", "speaker": None},
    ],
    "not_actors": ["Getty Images"],
}

ELECTION = """\
Okafor wins the seat

Ruth Okafor said she would fight for the north. Her rival Dan Pike conceded.
"""

ELECTION_GOLD = {
    "beat": "politics",
    "part": "heldout",
    "actors": [
        {"name": "Ruth Okafor", "kind": "person", "aliases": ["Okafor"]},
        {"name": "Dan Pike", "kind": "person", "aliases": []},
    ],
    "statements": [{"content": "she would fight for the north", "speaker": "Ruth Okafor"}],
}


def write_gold(folder: Path, stem: str, text: str, gold: dict) -> None:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    (folder / "articles" / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / "gold" / f"{stem}.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cast"
    write_gold(folder, "council", COUNCIL, COUNCIL_GOLD)
    write_gold(folder, "election", ELECTION, ELECTION_GOLD)
    return folder


def actor(id: str, name: str, kind: str, *aliases: str) -> Actor:
    return Actor(id=id, name=name, kind=kind, aliases=aliases)  # type: ignore[arg-type]


def quote(text: str, content: str, actor_id: str | None, speaker: str | None = None) -> Quote:
    start = text.index(content)
    end = start + len(content)
    return Quote(start, end, content, ((start, end),), "indirect", speaker, actor=actor_id)


def analysis_of(article: Article, actors: list[Actor], quotes: list[Quote]) -> Analysis:
    entities = tuple(
        Entity(start, start + len(a.name), a.name, "PERSON", a.id)
        for a in actors
        if (start := article.text.find(a.name)) >= 0
    )
    return Analysis(article, entities, tuple(quotes), tuple(actors))


def council_analysis(gold: CastArticle) -> Analysis:
    """Made to show every error once: a split, a person taken for an organisation, a
    not-actor, a spurious actor, a wrong speaker and a spurious statement."""
    text = gold.article.text
    actors = [
        actor("a1", "Aileen MacLeod", "person", "Mayor MacLeod"),
        actor("a2", "MacLeod", "person"),
        actor("a3", "Tom Reyes", "organisation"),
        actor("a4", "Port Ellis Fishermen's Association", "organisation"),
        actor("a5", "Getty Images", "organisation"),
        actor("a6", "Harbour", "person"),
    ]
    quotes = [
        quote(text, "the plan would protect jobs", "a1"),
        quote(text, "We were never consulted", "a3"),
        quote(text, "the vote would come in May", "a4"),
        quote(text, "the review would take months", None),
        quote(text, "Photo: Getty Images", "a5"),
    ]
    return analysis_of(gold.article, actors, quotes)


def election_analysis(gold: CastArticle) -> Analysis:
    text = gold.article.text
    actors = [actor("b1", "Ruth Okafor", "person", "Okafor")]
    return analysis_of(gold.article, actors, [quote(text, "she would fight for the north", "b1")])


def analyses(golds: tuple[CastArticle, ...]) -> list[Analysis]:
    made = {"council": council_analysis, "election": election_analysis}
    return [made[g.stem](g) for g in golds]


# Reading the gold --------------------------------------------------------------------------


def test_statement_offsets_point_into_the_opened_text_headline_included(gold_dir: Path):
    council, election = read_cast_gold(gold_dir)
    assert council.stem == "council" and election.part == "heldout"
    assert council.article.text.startswith("Council backs harbour plan\n")
    for gold in (council, election):
        for statement in gold.statements:
            text = gold.article.text[statement.start : statement.end]
            assert text == statement.content
    assert council.statements[3].speaker is None
    assert council.not_actors == ("Getty Images",)


def test_occurrence_picks_the_later_copy_of_repeated_content(tmp_path: Path):
    text = 'Vote\n\n"No," said Ann Lee. "No," said Bo Tan.\n'
    gold = {
        "beat": "politics",
        "part": "tuning",
        "actors": [{"name": "Bo Tan", "kind": "person"}],
        "statements": [{"content": "No", "speaker": "Bo Tan", "occurrence": 2}],
    }
    write_gold(tmp_path, "vote", text, gold)
    (article,) = read_cast_gold(tmp_path)
    assert article.statements[0].start == text.rindex('"No,') + 1


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"part": "training"}, "part 'training' is not one of"),
        ({"statements": [{"content": "not in the text", "speaker": None}]}, "statement 1"),
        ({"statements": [{"content": "the plan", "speaker": "Nobody"}]}, "'Nobody'"),
        ({"statements": [{"content": "the", "speaker": None, "occurrence": 9}]}, "occurrence"),
        ({"actors": [{"name": "X", "kind": "planet"}]}, "kind 'planet'"),
    ],
)
def test_malformed_gold_names_the_gold_file(tmp_path: Path, change: dict, problem: str):
    write_gold(tmp_path, "council", COUNCIL, {**COUNCIL_GOLD, **change})
    with pytest.raises(DramatisError, match=problem) as raised:
        read_cast_gold(tmp_path)
    assert "council.json" in str(raised.value)
    assert len(str(raised.value).splitlines()) == 1


def test_invalid_json_a_missing_article_and_an_empty_folder_are_user_errors(tmp_path: Path):
    write_gold(tmp_path, "council", COUNCIL, COUNCIL_GOLD)
    (tmp_path / "gold" / "council.json").write_text("{not json")
    with pytest.raises(DramatisError, match=r"council\.json: not valid JSON"):
        read_cast_gold(tmp_path)
    (tmp_path / "articles" / "council.txt").unlink()
    with pytest.raises(DramatisError, match="has no article file"):
        read_cast_gold(tmp_path)
    with pytest.raises(DramatisError, match="not a cast gold folder"):
        read_cast_gold(tmp_path / "articles")


# Names ------------------------------------------------------------------------------------


def test_name_forms_drop_case_possessives_titles_and_a_leading_the():
    assert name_form("Ms. MacLeod's") == ("macleod",)
    assert name_form("the Port Ellis Fishermen's Association") == name_form(
        "Port Ellis Fishermen's Association"
    )
    assert name_form("Mayor Aileen MacLeod") == ("aileen", "macleod")


def test_a_match_needs_a_shared_form_or_a_multi_token_form_inside_the_full_name():
    assert match_strength(["Aileen MacLeod", "MacLeod"], ["Aileen MacLeod", "MacLeod"]) == (2, 1)
    assert match_strength(["Tom Reyes"], ["Tom Reyes Jr"]) == (0, 1)
    assert match_strength(["Reyes"], ["Tom Reyes Jr"]) == (0, 0)  # one word is not enough
    assert match_strength(["Dan Pike"], ["Ruth Okafor", "Okafor"]) == (0, 0)


# The cast metrics -------------------------------------------------------------------------


@pytest.fixture
def council_score(gold_dir: Path):
    council = read_cast_gold(gold_dir)[0]
    return score_article(council, council_analysis(council))


def test_people_precision_and_recall(council_score):
    # Persons a1, a2 (both Aileen MacLeod) and a6 (nobody); Tom Reyes only as an organisation.
    people = council_score.people.scores()
    assert (people["system"], people["system_right"], people["gold"], people["gold_found"]) == (
        3,
        2,
        2,
        1,
    )
    assert people["precision"] == pytest.approx(2 / 3)
    assert people["recall"] == pytest.approx(1 / 2)


def test_sources_count_persons_and_organisations_with_statements(council_score):
    # System sources a1, a3, a4, a5; gold sources MacLeod and Reyes (the association says
    # nothing in the gold, so a4 speaking for it is wrong).
    sources = council_score.sources.scores()
    assert (sources["precision"], sources["recall"]) == (0.5, 1.0)


def test_split_people_non_persons_wrong_kinds_and_not_actors(council_score):
    assert council_score.split == ("Aileen MacLeod",)
    assert council_score.non_person == ("Tom Reyes",)
    assert council_score.wrong_kind == ("Tom Reyes",)
    assert council_score.matched_gold == 3
    assert council_score.not_actors == ("Getty Images",)


def test_statements_and_end_to_end(council_score):
    statements = council_score.statements.scores()
    assert (statements["precision"], statements["recall"]) == (0.8, 1.0)
    # Right end to end: a1's, a3's (Tom Reyes's actor, whatever its kind) and the unnamed
    # speaker's without an actor; a4 did not say "the vote would come in May".
    end_to_end = council_score.end_to_end.scores()
    assert (end_to_end["precision"], end_to_end["recall"]) == (3 / 5, 3 / 4)


def test_a_null_speaker_is_wrong_end_to_end_when_given_a_gold_actor(gold_dir: Path):
    council = read_cast_gold(gold_dir)[0]
    made = council_analysis(council)
    quotes = list(made.quotes)
    quotes[3] = quote(council.article.text, "the review would take months", "a1")
    score = score_article(
        council, Analysis(made.article, made.entities, tuple(quotes), made.actors)
    )
    assert score.end_to_end.system_right == 2


def test_every_error_has_a_category_names_and_offsets(council_score):
    by_category = {}
    for record in council_score.errors:
        by_category.setdefault(record["category"], []).append(record)
    assert {k: len(v) for k, v in by_category.items()} == {
        "split": 1,
        "non-person": 1,
        "spurious actor": 1,
        "not-actor became actor": 1,
        "wrong speaker": 1,
        "spurious statement": 1,
    }
    split = by_category["split"][0]
    assert split["gold_name"] == "Aileen MacLeod" and split["article"] == "council"
    assert split["system_names"] == [["Aileen MacLeod", "Mayor MacLeod"], ["MacLeod"]]
    wrong = by_category["wrong speaker"][0]
    assert wrong["gold_speaker"] == "Aileen MacLeod"
    assert wrong["predicted_actor"] == "Port Ellis Fishermen's Association"
    assert COUNCIL[wrong["start"] : wrong["end"]] == "the vote would come in May"
    assert by_category["spurious actor"][0]["system_names"] == [["Harbour"]]


def test_parts_pool_their_articles_and_beats_get_f1(gold_dir: Path):
    golds = read_cast_gold(gold_dir)
    scores = [score_article(g, a) for g, a in zip(golds, analyses(golds), strict=True)]
    summary = cast_report.summarise(scores)["cast"]
    parts = summary["parts"]
    assert parts["heldout"]["people"]["precision"] == 1.0
    assert parts["heldout"]["people"]["recall"] == 0.5  # Dan Pike is missed
    everything = parts["all"]["people"]
    assert (everything["system"], everything["system_right"]) == (4, 3)
    assert (everything["gold"], everything["gold_found"]) == (4, 2)
    assert parts["all"]["split_people"]["names"] == ["Aileen MacLeod (council)"]
    assert parts["all"]["wrong_kinds"]["kinds_right"] == pytest.approx(3 / 4)
    assert summary["beats"]["politics"]["statements_f1"] == 1.0
    assert summary["beats"]["local government"]["articles"] == 1


# The honest metric: role nouns, parts of one quotation, splits and merges -----

FERRY = """\
Ferry fares to rise

The Kestrel Bay Ferry Company said fares would rise in June. The company said the new boats \
would arrive in spring. A spokesman said the timetable was final.
"""

FERRY_GOLD = {
    "beat": "local government",
    "part": "tuning",
    "actors": [
        {"name": "Kestrel Bay Ferry Company", "kind": "organisation", "aliases": ["the company"]},
    ],
    "statements": [
        {"content": "fares would rise in June", "speaker": "Kestrel Bay Ferry Company"},
        {"content": "the new boats would arrive in spring", "speaker": "Kestrel Bay Ferry Company"},
        {"content": "the timetable was final", "speaker": None},
    ],
}


def scored(folder: Path, text: str, gold: dict, actors: list[Actor], quotes: list[Quote]):
    write_gold(folder, "story", text, gold)
    (story,) = read_cast_gold(folder)
    return score_article(story, analysis_of(story.article, actors, quotes))


def statement(text: str, *contents: str, actor_id: str | None) -> Quote:
    """One system statement whose content is the given fragments of ``text``."""
    spans = tuple((text.index(c), text.index(c) + len(c)) for c in contents)
    start, end = spans[0][0], spans[-1][1]
    return Quote(start, end, text[start:end], spans, "direct", None, actor=actor_id)


def ferry_score(folder: Path, spokesman_actor: str):
    text = FERRY
    actors = [
        actor("c1", "Kestrel Bay Ferry Company", "organisation"),
        actor("c2", "company", "organisation", "the company"),
    ]
    quotes = [
        quote(text, "fares would rise in June", "c1"),
        quote(text, "the new boats would arrive in spring", "c2"),
        quote(text, "the timetable was final", spokesman_actor),
    ]
    return scored(folder, FERRY, FERRY_GOLD, actors, quotes)


@pytest.mark.parametrize(
    ("name", "proper"),
    [
        ("the spokesman", False),
        ("Officials", False),
        ("The Minister", False),
        ("the Government", False),
        ("U.S. officials", False),
        ("Tom Reyes's lawyer", False),
        ("Her family", False),
        ("CEO", False),
        ("Aileen MacLeod", True),
        ("Mayor MacLeod", True),
        ("WHO", True),
        ("New Zealand government", True),
        ("al-Assad", True),
    ],
)
def test_role_nouns_and_descriptions_are_not_names(name: str, proper: bool):
    assert cast.is_proper_name(name) is proper


def test_a_sentence_start_makes_no_name_when_the_text_writes_the_word_in_lower_case():
    assert not cast.is_proper_name("Harbour board", "the harbour board met")
    assert cast.is_proper_name("Yonhap news agency", "the agency said")


def test_a_role_noun_actor_earns_no_credit_for_a_named_speaker(tmp_path: Path):
    # "the company" matches the gold company only through an alias.
    score = ferry_score(tmp_path, spokesman_actor=None)
    assert (score.end_to_end.system_right, score.end_to_end.gold_found) == (2, 2)
    (wrong,) = [r for r in score.errors if r["category"] == "wrong speaker"]
    assert wrong["gold_content"] == "the new boats would arrive in spring"
    assert wrong["predicted_actor"] == "company"


def test_a_role_noun_actor_is_right_where_the_gold_speaker_is_unnamed(tmp_path: Path):
    # "A spokesman" is unnamed in the gold; the system gave the statement to "the company".
    score = ferry_score(tmp_path, spokesman_actor="c2")
    statements = [r["gold_content"] for r in score.errors if r["category"] == "wrong speaker"]
    assert statements == ["the new boats would arrive in spring"]
    assert score.end_to_end.gold_found == 2


SPLIT = """\
Ferry to run all winter

"The ferry will run all winter," Nadia Sorel said. "Nobody will be stranded again."

"We asked for this for ten years.

"Now it is here," said Tomas Brink.

"Fares are fair," Sorel said. Brink said the boats were old. Sorel said she would not wait.
"""

SPLIT_GOLD = {
    "beat": "local government",
    "part": "tuning",
    "actors": [
        {"name": "Nadia Sorel", "kind": "person", "aliases": ["Sorel"]},
        {"name": "Tomas Brink", "kind": "person", "aliases": ["Brink"]},
    ],
    "statements": [
        {"content": "The ferry will run all winter", "speaker": "Nadia Sorel"},
        {"content": "Nobody will be stranded again", "speaker": "Nadia Sorel"},
        {"content": "We asked for this for ten years.", "speaker": "Tomas Brink"},
        {"content": "Now it is here", "speaker": "Tomas Brink"},
        {"content": "Fares are fair", "speaker": "Nadia Sorel"},
        {"content": "the boats were old", "speaker": "Tomas Brink"},
        {"content": "she would not wait", "speaker": "Nadia Sorel"},
    ],
}


def test_one_statement_covering_the_parts_of_a_quotation_finds_each(tmp_path: Path):
    text = SPLIT
    actors = [actor("n1", "Nadia Sorel", "person", "Sorel"), actor("t1", "Tomas Brink", "person")]
    quotes = [
        # Split around its cue, and across two paragraphs: one statement each.
        statement(text, "The ferry will run all winter", "Nobody will be stranded", actor_id="n1"),
        statement(text, "We asked for this", "Now it is here", actor_id="t1"),
        # Two of Sorel's statements with one of Brink's between them: only the first found.
        statement(text, "Fares are fair", "she would not wait", actor_id="n1"),
    ]
    score = scored(tmp_path, text, SPLIT_GOLD, actors, quotes)
    # Precision counts each system statement once; recall counts each part.
    assert score.statements == Counts(system=3, system_right=3, gold=7, gold_found=5)
    assert score.end_to_end == Counts(system=3, system_right=3, gold=7, gold_found=5)
    missed = [r["gold_content"] for r in score.errors if r["category"] == "missed statement"]
    assert missed == ["the boats were old", "she would not wait"]


def test_parts_given_to_the_wrong_speaker_are_each_wrong(tmp_path: Path):
    actors = [actor("n1", "Nadia Sorel", "person", "Sorel"), actor("t1", "Tomas Brink", "person")]
    quotes = [statement(SPLIT, "The ferry will run", "Nobody will be stranded", actor_id="t1")]
    score = scored(tmp_path, SPLIT, SPLIT_GOLD, actors, quotes)
    assert score.statements == Counts(system=1, system_right=1, gold=7, gold_found=2)
    assert score.end_to_end == Counts(system=1, system_right=0, gold=7, gold_found=0)


def test_split_organisations_and_merged_people_are_reported(tmp_path: Path):
    gold = {
        **SPLIT_GOLD,
        "actors": [
            *SPLIT_GOLD["actors"],
            {"name": "Kestrel Bay Ferry Company", "kind": "organisation"},
        ],
        "statements": [],
    }
    text = SPLIT + "Brink works for the Kestrel Bay Ferry Company. Kestrel Bay is hiring.\n"
    actors = [
        actor("n1", "Nadia Sorel", "person", "Sorel", "Brink"),  # two gold people in one
        actor("k1", "Kestrel Bay Ferry Company", "organisation"),
        actor("k2", "Kestrel Bay", "organisation"),
    ]
    score = scored(tmp_path, text, gold, actors, [])
    assert score.split_organisations == ("Kestrel Bay Ferry Company",)
    assert score.merged == ("Nadia Sorel + Tomas Brink",)
    assert score.split == ()
    categories = {r["category"]: r for r in score.errors}
    assert categories["merged people"]["gold_name"] == "Nadia Sorel + Tomas Brink"
    assert categories["merged people"]["system_names"] == [["Nadia Sorel", "Sorel", "Brink"]]
    assert categories["split organisation"]["system_kinds"] == ["organisation", "organisation"]

    summary = cast_report.summarise([score])
    part = summary["cast"]["parts"]["tuning"]
    assert part["split_organisations"] == {
        "count": 1,
        "names": ["Kestrel Bay Ferry Company (story)"],
    }
    assert part["merged_people"] == {"count": 1, "names": ["Nadia Sorel + Tomas Brink (story)"]}
    report = cast_report.format_report(summary).splitlines()
    assert "  split people 0" in report
    assert "  split organisations 1: Kestrel Bay Ferry Company (story)" in report
    assert "  merged people 1: Nadia Sorel + Tomas Brink (story)" in report


def test_a_surname_two_gold_people_share_merges_nobody(tmp_path: Path):
    gold = {
        "beat": "business",
        "part": "tuning",
        "actors": [
            {"name": "Fiona Hale", "kind": "person", "aliases": ["Ms Hale"]},
            {"name": "Callum Hale", "kind": "person", "aliases": ["Mr Hale"]},
        ],
        "statements": [],
    }
    text = "Hale v Hale\n\nFiona Hale and Callum Hale met. Ms Hale left. Mr Hale stayed.\n"
    actors = [actor("f1", "Fiona Hale", "person"), actor("c1", "Callum Hale", "person", "Hale")]
    assert scored(tmp_path, text, gold, actors, []).merged == ()


# The command, with the analysis stubbed and with the real pipeline --------------------------


def test_eval_cast_prints_a_line_per_measure(
    gold_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
):
    golds = {g.article.text: g for g in read_cast_gold(gold_dir)}
    made = {"council": council_analysis, "election": election_analysis}

    def analyse_each(articles: Iterable[Article]) -> Iterator[tuple[Article, Analysis]]:
        for article in articles:
            gold = golds[article.text]
            yield article, made[gold.stem](gold)

    import reader.nlp.parsing
    import reader.pipeline

    monkeypatch.setattr(reader.nlp.parsing, "load_nlp", lambda: None)
    monkeypatch.setattr(reader.pipeline, "analyse_each", analyse_each)
    errors = tmp_path / "errors.jsonl"
    argv = ["eval", "--cast", str(gold_dir), "--errors", str(errors), "--per-article"]
    assert cli.main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Cast gold: 2 articles (tuning 1, heldout 1)"
    assert "tuning, 1 articles" not in out  # "1 article"
    assert "tuning, 1 article" in out
    assert any(line.startswith("  people       P 0.67  R 0.50  F1 0.57") for line in out)
    assert any(line.startswith("  statements   P 0.80  R 1.00  F1 0.89") for line in out)
    assert "  split people 1: Aileen MacLeod (council)" in out
    assert "  not-actors that became actors 1: Getty Images (council)" in out
    assert any(line.startswith("  politics (1)") and "statements F1 1.00" in line for line in out)
    categories = [json.loads(line)["category"] for line in errors.read_text().splitlines()]
    assert categories.count("missed person") == 1  # Dan Pike
    assert "wrong speaker" in categories


def test_eval_cast_json_on_the_real_pipeline(gold_dir: Path, capsys: pytest.CaptureFixture[str]):
    assert cli.main(["eval", "--cast", str(gold_dir), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert set(summary["cast"]["parts"]) == {"tuning", "heldout", "all"}
    election = summary["cast"]["parts"]["heldout"]
    assert election["people"]["gold"] == 2 and election["statements"]["gold"] == 1
    assert 0.0 <= summary["cast"]["parts"]["all"]["sources"]["f1"] <= 1.0
    assert "per_article" not in summary


def test_long_name_lists_are_cut_in_the_text_report():
    part = {"count": 10, "names": [f"P{i} (x)" for i in range(10)]}
    assert cast_report._list_line("split people", part) == (
        "  split people 10: P0 (x), P1 (x), P2 (x), P3 (x), P4 (x), P5 (x), P6 (x), P7 (x)"
        " and 2 more"
    )


def test_a_bad_gold_folder_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    assert cli.main(["eval", "--cast", str(tmp_path)]) == 2
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1 and "not a cast gold folder" in message


# PolNeAR sources --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "names"),
    [
        ("Mr. Obama", ["Obama"]),
        ("Republican nominee Donald Trump", ["Donald Trump"]),
        ("Oversight Chairman Jason Chaffetz (R-Utah)", ["Jason Chaffetz"]),
        ("Rendell, a Clinton surrogate,", ["Rendell"]),
        ("Mr. Grassley and Mr. Leahy", ["Grassley", "Leahy"]),
        ("The New York Times", ["New York Times"]),
        ("Mr. King", ["King"]),
        ("Bashar al-Assad", ["Bashar al-Assad"]),
        ("the federal Securities and Exchange Commission", ["Securities and Exchange Commission"]),
        ("Federal Bureau of Prisons", ["Federal Bureau of Prisons"]),
        ("Federal and state officials", []),
        ("he", []),
        ("She", []),
        ("a spokesman", []),
        ("Officials", []),
        ("The Trump campaign", []),
        ("Republicans", []),
        ("North Korea", []),
        (None, []),
    ],
)
def test_names_of_speaker_mentions(mention: str | None, names: list[str]):
    assert names_in(mention) == names


def polnear_line(index: int) -> str:
    text = (
        f"Story {index}\n\nSen. Ann Lee said taxes would rise. Lee said more. "
        "Officials said nothing. Bo Tan believes it."
    )

    def attribution(speaker: str, content: str, speech: bool = True) -> dict:
        start = text.index(content)
        speaker_start = text.index(speaker)
        return {
            "quote": content,
            "quote_start": start,
            "quote_end": start + len(content),
            "speaker": speaker,
            "speaker_start": speaker_start,
            "speaker_end": speaker_start + len(speaker),
            "cue": "said",
            "kind": "indirect",
            "cue_is_speech": speech,
        }

    quotes = [
        attribution("Sen. Ann Lee", "taxes would rise"),
        attribution("Lee", "more"),
        attribution("Officials", "nothing"),
        attribution("Bo Tan", "it", speech=False),
    ]
    return json.dumps({"id": f"tiny/{index}", "title": None, "text": text, "quotes": quotes})


@pytest.fixture
def polnear_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(polnear_line(i) + "\n" for i in range(1, 7)), encoding="utf-8")
    return path


def test_a_surname_joins_the_fuller_name_and_non_speech_names_are_not_gold(polnear_file: Path):
    groups = source_groups(read_gold([polnear_file])[0].quotes)
    assert [(g.actor.names, g.mentions, g.speech) for g in groups] == [
        (("Ann Lee", "Lee"), 2, True),
        (("Bo Tan",), 1, False),
    ]


def test_sources_on_polnear_leave_out_actors_matching_only_non_speech_names(polnear_file: Path):
    gold = read_gold([polnear_file])[0]
    text = gold.text
    actors = [
        actor("p1", "Ann Lee", "person", "Lee"),
        actor("p2", "Bo Tan", "person"),
        actor("p3", "Story", "organisation"),
    ]
    quotes = [
        quote(text, "taxes would rise", "p1", "Sen. Ann Lee"),
        quote(text, "it.", "p2", "Bo Tan"),
        quote(text, "nothing", "p3", "Story"),
    ]
    article = Article(None, text, None, "txt", "")
    score = score_polnear(gold, analysis_of(article, actors, quotes), "tiny.jsonl")
    sources = score.sources.scores()
    assert (sources["system"], sources["system_right"], sources["gold"]) == (2, 1, 1)
    assert score.ignored_sources == 1  # Bo Tan only "believes"
    assert score.unnamed_sources == 0
    assert [r["category"] for r in score.errors] == ["spurious source"]
    silent = score_polnear(gold, analysis_of(article, actors, quotes[1:]), "tiny.jsonl")
    (missed,) = [r for r in silent.errors if r["category"] == "missed source"]
    assert missed["gold_name"] == "Ann Lee"
    assert missed["system_names"] == [["Ann Lee", "Lee"]]  # an actor, but it says nothing
    assert text[missed["start"] : missed["end"]] == "Ann Lee"


def test_an_actor_heard_only_through_pronouns_is_left_out(polnear_file: Path):
    gold = read_gold([polnear_file])[0]
    actors = [actor("p1", "Ann Lee", "person", "Lee"), actor("p4", "Carl Wu", "person")]
    quotes = [
        quote(gold.text, "taxes would rise", "p1", "Sen. Ann Lee"),
        quote(gold.text, "nothing", "p4", "they"),  # the gold names nobody there
    ]
    article = Article(None, gold.text, None, "txt", "")
    score = score_polnear(gold, analysis_of(article, actors, quotes), "tiny.jsonl")
    assert (score.sources.system, score.sources.system_right) == (1, 1)
    assert score.unnamed_sources == 1


def test_longer_forms_meet_through_a_shared_name_and_a_surname_joins_one_group():
    def said(speaker: str) -> GoldQuote:
        return GoldQuote(((0, 1),), "", "indirect", speaker, None, None, "said", True)

    mentions = ["Democrat Hillary Clinton", "Rival Hillary Clinton", "Hillary Clinton"]
    mentions += ["Bill Clinton", "Clinton", "Clinton"]
    groups = source_groups([said(m) for m in mentions])
    assert [(g.actor.names, g.mentions) for g in groups] == [
        (("Democrat Hillary Clinton", "Rival Hillary Clinton", "Hillary Clinton", "Clinton"), 5),
        (("Bill Clinton",), 1),
    ]


def test_slices_are_equal_and_in_order(polnear_file: Path):
    articles = read_gold([polnear_file])
    assert [a.id for a in take_slice(articles, 2, 3)] == ["tiny/3", "tiny/4"]
    assert sum(len(take_slice(articles, k, 4)) for k in range(1, 5)) == 6
    _, (part,) = cast_report.read_sources([polnear_file], (3, 3))
    assert part.label == "tiny.jsonl slice 3/3"
    assert [a.id for a in part.articles] == ["tiny/5", "tiny/6"]
    for bad in ("0/3", "4/3", "3", "a/b"):
        with pytest.raises(DramatisError, match="--slice must be K/N"):
            cast_report.parse_slice(bad)
