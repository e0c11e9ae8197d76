"""The named rules that find statements: what each is, which wins a tie, how far to trust it.

Every statement records the ``Rule`` that produced it. Two tables, one row per rule (a
third, the rule in words for readers, is ``reader.output.words.RULE_DESCRIPTIONS``):

* ``PRECEDENCE`` — the order in which statements claim text when two rules find the same
  statement: the earlier rule's statement is kept (``precedence_key``). A speaker that is
  only a pronoun, or no speaker at all, moves a statement down by ``PRONOUN_SPEAKER_STEP``
  or ``NO_SPEAKER_STEP`` places of 0.01 on the scale the order is written on;
* ``confidence(rule)`` — the share of the rule's statements on the training split of the
  attribution corpus that match a gold statement (quote detection at T = 0.3), computed by
  ``bench/calibrate_rules.py`` and committed as ``rule_confidence.py`` beside this module.
  Rerun it when rules change.

Precedence and confidence are separate on purpose: recalibrating never changes which
statements survive.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from pathlib import Path


class Rule(StrEnum):
    """How a statement was found."""

    QUOTE_MARKS = "quote_marks"  # a quotation beside a cue that has no content of its own
    QUOTE_DASH_NAME = "quote_dash_name"  # “…” — Name
    QUOTE_NAME_COLON = "quote_name_colon"  # Name: “…”
    VERB_THAT_CLAUSE = "verb_that_clause"  # said (that) the plan would work
    VERB_INFINITIVE = "verb_infinitive"  # promised to act
    VERB_PARTICLE = "verb_particle"  # spoke out against the plan
    VERB_CALL_ON = "verb_call_on"  # called for an inquiry
    VERB_BY_AGENT = "verb_by_agent"  # was judged unlawful by western powers
    VERB_TOPIC = "verb_topic"  # joked about moving to New Zealand
    VERB_NAMING = "verb_naming"  # called his orders “a crucial step”
    VERB_OBJECT = "verb_object"  # announced a ceasefire
    INVERTED = "inverted"  # …, Al Jazeera reported.
    PARENTHETICAL = "parenthetical"  # …, Mr. Bush said, …
    AS_CLAUSE = "as_clause"  # As experts have pointed out, …
    ACCORDING_TO = "according_to"  # according to X, …
    PER_SOURCE = "per_source"  # Per X, …
    NOMINAL = "nominal"  # his claim that …, her warning of …
    NOMINAL_TOPIC = "nominal_topic"  # a statement on the budget
    COLON_LINE = "colon_line"  # NAME: words (transcripts, headlines)
    HEADLINE = "headline"  # Putin Warns West Over Arms Supplies
    FLOATING = "floating"  # a paragraph in quotation marks after a speaker's statement
    FLOATING_SAME_PARAGRAPH = "floating_same_paragraph"  # X said. “…”
    FLOATING_DISTANT = "floating_distant"  # two paragraphs after the speaker's statement


#: The order in which rules claim a statement, on a scale of hundredths: higher comes first.
#: Equal places keep the order in which the statements were found.
PRECEDENCE: dict[Rule, int] = {
    Rule.VERB_THAT_CLAUSE: 85,
    Rule.VERB_INFINITIVE: 85,
    Rule.ACCORDING_TO: 80,
    Rule.QUOTE_MARKS: 75,
    Rule.INVERTED: 75,
    Rule.PER_SOURCE: 75,
    Rule.VERB_CALL_ON: 70,
    Rule.PARENTHETICAL: 70,
    Rule.QUOTE_DASH_NAME: 70,
    Rule.QUOTE_NAME_COLON: 70,
    Rule.AS_CLAUSE: 65,
    Rule.VERB_PARTICLE: 60,
    Rule.VERB_BY_AGENT: 60,
    Rule.VERB_NAMING: 60,
    Rule.VERB_OBJECT: 60,
    Rule.COLON_LINE: 60,
    Rule.FLOATING: 60,
    Rule.FLOATING_SAME_PARAGRAPH: 60,
    Rule.NOMINAL: 55,
    Rule.VERB_TOPIC: 50,
    Rule.HEADLINE: 50,
    Rule.NOMINAL_TOPIC: 45,
    Rule.FLOATING_DISTANT: 45,
}
PRONOUN_SPEAKER_STEP = 5
NO_SPEAKER_STEP = 30

#: Rules whose content is a noun phrase or a topic: without a speaker they describe an
#: action ("the plan announced on Monday"), not speech, so they need one.
NEEDS_SPEAKER = frozenset(
    {
        Rule.VERB_PARTICLE,
        Rule.VERB_BY_AGENT,
        Rule.VERB_TOPIC,
        Rule.VERB_NAMING,
        Rule.VERB_OBJECT,
        Rule.AS_CLAUSE,
    }
)

CONFIDENCE_FILE = Path(__file__).with_name("rule_confidence.py")


def precedence_key(rule: Rule, steps_down: int = 0) -> int:
    """Sort key for deduplication: smaller comes first."""
    return -(PRECEDENCE[rule] - steps_down)


@cache
def _confidences() -> dict[str, float]:
    from reader.attribution.rule_confidence import CALIBRATION

    return {name: row[0] for name, row in CALIBRATION.items()}


def confidence(rule: Rule) -> float | None:
    """The calibrated share of this rule's statements that are right, if measured."""
    return _confidences().get(rule.value)
