"""The attribution metrics on small made-up articles, and `dramatis eval` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import cli
from reader.evaluation.metrics import (
    GoldQuote,
    PredictedQuote,
    exact_key,
    exact_matches,
    is_ignored,
    match_quotes,
    merge_spans,
    names_agree,
    normalise_name,
    prf,
    speaker_correct,
    trim_span,
)
from reader.evaluation.scoring import GoldArticle, read_gold, score_article, summarise


def gold(
    start: int,
    end: int,
    kind: str = "direct",
    speaker: str | None = None,
    speaker_span: tuple[int, int] | None = None,
    speech: bool = True,
) -> GoldQuote:
    return GoldQuote(
        spans=((start, end),),
        text="",
        kind=kind,
        speaker=speaker,
        speaker_start=speaker_span[0] if speaker_span else None,
        speaker_end=speaker_span[1] if speaker_span else None,
        cue="said",
        cue_is_speech=speech,
    )


def predicted(
    *spans: tuple[int, int],
    speaker: str | None = None,
    speaker_span: tuple[int, int] | None = None,
    actor_names: tuple[str, ...] = (),
) -> PredictedQuote:
    return PredictedQuote(
        spans=merge_spans(spans),
        text="",
        kind="direct",
        speaker=speaker,
        speaker_start=speaker_span[0] if speaker_span else None,
        speaker_end=speaker_span[1] if speaker_span else None,
        actor_names=actor_names,
    )


# Quote detection ---------------------------------------------------------------------------


def test_a_match_needs_more_than_the_threshold_of_the_gold_characters():
    golds = [gold(0, 100)]
    half = [predicted((0, 50))]
    assert match_quotes(golds, half, 0.3) == [0]
    assert match_quotes(golds, half, 0.8) == [None]
    assert match_quotes(golds, [predicted((0, 30))], 0.3) == [None]  # exactly T is not enough
    assert match_quotes(golds, [predicted((0, 90))], 0.8) == [0]


def test_discontinuous_spans_count_their_union():
    golds = [gold(0, 100)]
    split = [predicted((0, 45), (55, 100))]
    assert match_quotes(golds, split, 0.8) == [0]


def test_one_prediction_does_not_match_two_golds():
    golds = [gold(0, 40), gold(50, 90)]
    covering_both = [predicted((0, 90))]
    assert match_quotes(golds, covering_both, 0.3) == [0, None]


def test_gold_in_text_order_takes_the_best_unused_prediction():
    # The later gold is listed first but is matched second, so the earlier gold takes the
    # long prediction it overlaps best, and the later one falls back to what is left.
    golds = [gold(60, 100), gold(0, 100)]
    long_one, short_one = predicted((0, 100)), predicted((60, 100))
    assert match_quotes(golds, [short_one, long_one], 0.3) == [0, 1]
    # With only one prediction the earlier gold uses it; the later one is left unmatched.
    assert match_quotes(golds, [long_one], 0.3) == [None, 0]


# Exact spans -------------------------------------------------------------------------------


def test_exact_span_trims_whitespace_quotation_marks_and_trailing_punctuation():
    text = " “Taxes will rise,” Smith said. «Non.» „Ja.“ "
    assert text[slice(*trim_span(text, (0, 20)))] == "Taxes will rise"
    start = text.index("«")
    assert text[slice(*trim_span(text, (start, start + 6)))] == "Non"
    start = text.index("„")
    assert text[slice(*trim_span(text, (start, start + 5)))] == "Ja"
    assert trim_span(text, (0, 2)) is None
    assert exact_key(text, ((0, 20),)) == exact_key(text, ((2, 17),))


def test_exact_matches_are_one_to_one():
    text = '"Taxes will rise," Smith said.'
    golds = [gold(0, 18)]
    assert exact_matches(text, golds, [predicted((1, 16))]) == 1
    assert exact_matches(text, golds, [predicted((1, 16)), predicted((0, 17))]) == 1
    assert exact_matches(text, golds, [predicted((1, 12))]) == 0


# Speakers ----------------------------------------------------------------------------------


def test_speaker_correct_by_span_overlap():
    g = gold(0, 10, speaker="Jane Smith", speaker_span=(20, 30))
    assert speaker_correct(g, predicted((0, 10), speaker="Smith", speaker_span=(25, 30)))
    assert speaker_correct(g, predicted((0, 10), speaker="she", speaker_span=(20, 30)))


def test_speaker_correct_by_normalised_name():
    g = gold(0, 10, speaker="Sen. Jane Smith", speaker_span=(20, 35))
    assert speaker_correct(g, predicted((0, 10), speaker="Smith", speaker_span=(90, 95)))
    assert speaker_correct(g, predicted((0, 10), speaker="JANE SMITH", speaker_span=(90, 100)))
    assert not speaker_correct(g, predicted((0, 10), speaker="Tom Jones", speaker_span=(90, 99)))


def test_titles_and_possessives_are_dropped_from_names():
    assert normalise_name("President Obama") == ("obama",)
    assert normalise_name("Mrs. Jane Smith’s") == ("jane", "smith")
    assert names_agree("Gov. Smith", "Secretary Smith")
    assert names_agree("Dr. Ana Pérez", "ana perez")
    assert not names_agree("Smith", "Smithson")  # tokens, not characters


def test_a_pronoun_speaker_is_correct_only_by_span():
    g = gold(0, 10, speaker="he", speaker_span=(20, 22))
    assert not speaker_correct(g, predicted((0, 10), speaker="He", speaker_span=(50, 52)))
    assert speaker_correct(g, predicted((0, 10), speaker="He", speaker_span=(20, 22)))
    named = gold(0, 10, speaker="Smith", speaker_span=(20, 25))
    assert not speaker_correct(named, predicted((0, 10), speaker="he", speaker_span=(50, 52)))


def test_actor_resolution_lets_a_resolved_pronoun_count_by_name():
    g = gold(0, 10, speaker="John Smith", speaker_span=(20, 30))
    p = predicted((0, 10), speaker="he", speaker_span=(50, 52), actor_names=("John Smith",))
    assert not speaker_correct(g, p)
    assert speaker_correct(g, p, use_actor=True)


def test_a_gold_quote_without_speaker_needs_a_prediction_without_one():
    g = gold(0, 10)
    assert speaker_correct(g, predicted((0, 10)))
    assert not speaker_correct(g, predicted((0, 10), speaker="Smith", speaker_span=(20, 25)))


# The speech-like restriction, scores by article ----------------------------------------------


def test_a_prediction_mostly_on_an_excluded_attribution_is_ignored():
    kept, excluded = [gold(0, 40)], [gold(50, 100, speech=False)]
    assert is_ignored(predicted((50, 90)), kept, excluded)
    assert not is_ignored(predicted((35, 90)), kept, excluded)  # touches a kept one
    assert not is_ignored(predicted((42, 56)), kept, excluded)  # mostly on nothing
    assert not is_ignored(predicted((50, 90)), kept, [])


def article(quotes: list[GoldQuote], text: str = "x" * 200) -> GoldArticle:
    return GoldArticle(id="synthetic/1", title=None, text=text, quotes=tuple(quotes))


def test_speechlike_restricts_gold_and_drops_predictions_on_excluded_attributions():
    a = article([gold(0, 40), gold(50, 100, speech=False)])
    predictions = [predicted((0, 40)), predicted((50, 90))]
    restricted = score_article(a, predictions, speechlike=True)
    assert (restricted.gold, restricted.predicted, restricted.ignored) == (1, 1, 1)
    assert restricted.matched[0.3] == 1
    everything = score_article(a, predictions, speechlike=False)
    assert (everything.gold, everything.predicted, everything.ignored) == (2, 2, 0)
    assert everything.matched[0.3] == 2


def test_recall_by_kind_and_end_to_end():
    a = article(
        [
            gold(0, 40, "direct", "Smith", (150, 155)),
            gold(50, 90, "indirect", "Jones", (160, 165)),
            gold(100, 140, "mixed", "Brown", (170, 175)),
        ]
    )
    predictions = [
        predicted((0, 40), speaker="Smith", speaker_span=(150, 155)),
        predicted((50, 90), speaker="Lee", speaker_span=(180, 183)),
        predicted((190, 200)),
    ]
    summary = summarise([score_article(a, predictions, speechlike=False)], speechlike=False)
    assert summary["recall_by_kind"]["direct"] == {"gold": 1, "matched": 1, "recall": 1.0}
    assert summary["recall_by_kind"]["indirect"]["recall"] == 1.0
    assert summary["recall_by_kind"]["mixed"]["recall"] == 0.0
    assert summary["speaker_accuracy"]["by_mention"]["accuracy"] == 0.5
    end_to_end = summary["end_to_end"]["by_mention"]
    assert end_to_end["correct"] == 1
    assert end_to_end["precision"] == pytest.approx(1 / 3)
    assert end_to_end["recall"] == pytest.approx(1 / 3)


def test_no_predictions_scores_zero_without_dividing_by_zero():
    assert prf(0, 0, 0, 5) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    summary = summarise([score_article(article([gold(0, 40)]), [], speechlike=True)], True)
    assert summary["quote_detection"]["0.3"]["f1"] == 0.0
    assert summary["speaker_accuracy"]["by_mention"]["accuracy"] == 0.0
    assert summarise([], speechlike=True)["exact_span"]["f1"] == 0.0


# The command -------------------------------------------------------------------------------

ARTICLES = [
    "Smith said that taxes would rise.",
    '"We will build the bridge," the mayor said on Monday. Critics disagreed.',
]


def gold_line(index: int, text: str) -> str:
    if index == 0:
        quotes = [
            {
                "quote": "taxes would rise",
                "quote_start": 16,
                "quote_end": 32,
                "quote_spans": [[16, 32]],
                "speaker": "Smith",
                "speaker_start": 0,
                "speaker_end": 5,
                "cue": "said",
                "cue_start": 6,
                "cue_end": 10,
                "kind": "indirect",
                "cue_is_speech": True,
            }
        ]
    else:
        quotes = [
            {
                "quote": '"We will build the bridge,"',
                "quote_start": 0,
                "quote_end": 27,
                "quote_spans": [[0, 27]],
                "speaker": "the mayor",
                "speaker_start": 28,
                "speaker_end": 37,
                "cue": "said",
                "cue_start": 38,
                "cue_end": 42,
                "kind": "direct",
                "cue_is_speech": True,
            },
            {
                "quote": "disagreed",
                "quote_start": 62,
                "quote_end": 71,
                "quote_spans": [[62, 71]],
                "speaker": "Critics",
                "speaker_start": 54,
                "speaker_end": 61,
                "cue": "disagreed",
                "cue_start": 62,
                "cue_end": 71,
                "kind": "indirect",
                "cue_is_speech": False,
            },
        ]
    record = {"id": f"synthetic/{index}", "title": None, "text": text, "quotes": quotes}
    return json.dumps(record)


def test_the_synthetic_gold_offsets_are_right():
    for index, text in enumerate(ARTICLES):
        for quote in json.loads(gold_line(index, text))["quotes"]:
            assert text[quote["quote_start"] : quote["quote_end"]] == quote["quote"]
            assert text[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker"]


def test_eval_command_reports_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(gold_line(i, t) for i, t in enumerate(ARTICLES)) + "\n")
    errors = tmp_path / "errors.jsonl"
    argv = ["eval", str(path), "--format", "json", "--speechlike", "--errors", str(errors)]
    assert cli.main(argv) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["articles"] == 2
    assert summary["gold_quotes"] == 2  # the belief ("disagreed") is not speech-like
    assert set(summary["quote_detection"]) == {"0.3", "0.8"}
    rates = [
        *(summary["quote_detection"][t][k] for t in ("0.3", "0.8") for k in ("precision", "f1")),
        summary["exact_span"]["recall"],
        summary["speaker_accuracy"]["by_mention"]["accuracy"],
        summary["speaker_accuracy"]["with_actor_resolution"]["accuracy"],
        summary["end_to_end"]["by_mention"]["f1"],
        *(figures["recall"] for figures in summary["recall_by_kind"].values()),
    ]
    assert all(0.0 <= rate <= 1.0 for rate in rates)
    assert summary["timing"]["seconds_per_article"] >= 0.0
    for line in errors.read_text().splitlines():
        assert json.loads(line)["article"].startswith("synthetic/")


def test_a_malformed_gold_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line(0, ARTICLES[0]) + "\n{not json\n")
    assert cli.main(["eval", str(path)]) == 2
    message = capsys.readouterr().err.strip()
    assert len(message.splitlines()) == 1
    assert str(path) in message and "line 2" in message


def test_bad_offsets_and_missing_files_are_user_errors(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    record = json.loads(gold_line(0, ARTICLES[0]))
    record["quotes"][0]["quote_spans"] = [[16, 999]]
    path.write_text(json.dumps(record) + "\n")
    with pytest.raises(cli.DramatisError, match="line 1"):
        read_gold([path])
    assert cli.main(["eval", str(tmp_path / "missing.jsonl")]) == 2
