"""Every statement names the rule that found it; precedence, not confidence, decides
which of two overlapping statements survives."""

from __future__ import annotations

import pytest

from reader.attribution import rules
from reader.attribution.rules import PRECEDENCE, Rule
from reader.opening import article_from_text
from reader.output.words import RULE_DESCRIPTIONS, rule_description
from reader.pipeline import analyse

CASES = [
    ("The minister said that the plan would work.", Rule.VERB_THAT_CLAUSE, "The minister"),
    ("The senator promised to vote against the bill.", Rule.VERB_INFINITIVE, "The senator"),
    ("According to the police, the suspect fled on foot.", Rule.ACCORDING_TO, "the police"),
    ("The plant, the union said, will close next year.", Rule.PARENTHETICAL, "the union"),
    ("Per the report, sales fell sharply in May.", Rule.PER_SOURCE, "the report"),
    ("The union issued a warning that the strike would go ahead.", Rule.NOMINAL, "The union"),
    ("The minister quipped: “Not today.”", Rule.QUOTE_MARKS, "The minister"),
    ("The government announced a ceasefire on Monday.", Rule.VERB_OBJECT, "The government"),
    ("The mayor called for an inquiry into the fire.", Rule.VERB_CALL_ON, "The mayor"),
    ("The ruling was judged unlawful by the court.", Rule.VERB_BY_AGENT, "the court"),
    ("The comedian joked about moving to Canada.", Rule.VERB_TOPIC, "The comedian"),
    (
        "Marc Lemaire: “The talks are over and we will strike tomorrow.”",
        Rule.QUOTE_NAME_COLON,
        "Marc Lemaire",
    ),
    (
        "“The talks are over and we will strike tomorrow.” — Marc Lemaire",
        Rule.QUOTE_DASH_NAME,
        "Marc Lemaire",
    ),
]


@pytest.mark.parametrize(("text", "rule", "speaker"), CASES, ids=[c[1].value for c in CASES])
def test_each_construction_is_found_by_its_named_rule(text, rule, speaker):
    quotes = analyse(article_from_text(text)).quotes
    assert [(q.rule, q.speaker) for q in quotes] == [(rule.value, speaker)]


def test_every_rule_has_words_and_a_place_in_the_order():
    assert set(RULE_DESCRIPTIONS) == set(Rule) == set(PRECEDENCE)


def test_description_names_the_cue_as_written():
    assert (
        rule_description("verb_that_clause", "said") == "reported speech: 'said' with a that-clause"
    )
    assert rule_description(None, "said") == ""
    assert rule_description("no_such_rule") == ""


def test_confidence_comes_from_the_calibrated_table_per_rule():
    quote = analyse(article_from_text("Maria Lopez said that the plan would work.")).quotes[0]
    assert quote.rule == Rule.VERB_THAT_CLAUSE.value
    assert quote.confidence == rules.confidence(Rule.VERB_THAT_CLAUSE)
    assert quote.confidence is not None and 0 < quote.confidence < 1


@pytest.mark.slow
def test_changing_confidences_never_changes_which_statements_survive(monkeypatch, sample_path):
    from reader.opening import open_article

    article = open_article(sample_path)
    before = [(q.start, q.end, q.rule) for q in analyse(article).quotes]
    inverted = {rule.value: 1.0 - (rules.confidence(rule) or 0.5) for rule in Rule}
    monkeypatch.setattr(rules, "_confidences", lambda: inverted)
    after = analyse(article).quotes
    assert [(q.start, q.end, q.rule) for q in after] == before
    # Speakers found through a pronoun or a title scale the rule's figure down.
    assert all(0 < q.confidence <= inverted[q.rule] for q in after)
