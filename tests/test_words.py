"""Words for people, not tags: names for every label and kind, one plural, and
no spaCy tag or stored kind value in the text summary or the view's tooltips."""

from __future__ import annotations

import re

import pytest

from reader.model import Actor, Analysis, Article, Quote
from reader.output.text import WITHOUT_SPEAKER, summarise
from reader.output.words import (
    ACTOR_KIND_NAMES,
    LABEL_NAMES,
    STATEMENT_KIND_NAMES,
    actor_kind_name,
    format_name,
    label_name,
    plural,
    statement_kind_name,
)

#: What must never reach a reader (as whole words).
TAGS = re.compile(r"\b(GPE|NORP|CARDINAL|ORG|FAC|LOC|PERSON|indirect|mixed)\b")

#: spaCy's English (OntoNotes) entity labels.
SPACY_LABELS = (
    "CARDINAL DATE EVENT FAC GPE LANGUAGE LAW LOC MONEY NORP ORDINAL ORG PERCENT PERSON "
    "PRODUCT QUANTITY TIME WORK_OF_ART"
).split()


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (0, "article", "0 articles"),
        (1, "article", "1 article"),
        (2, "statement", "2 statements"),
        (1, "statement", "1 statement"),
        (1, "person", "1 person"),
        (3, "person", "3 people"),
        (1204, "entity", "1,204 entities"),
        (2, "match", "2 matches"),
        (2, "day", "2 days"),
        (5, "criterion", "5 criteria"),
    ],
)
def test_plural(count, noun, expected):
    forms = {"criterion": "criteria"}
    assert plural(count, noun, forms.get(noun)) == expected


def test_every_spacy_label_has_a_name_that_is_not_a_tag():
    for label in SPACY_LABELS:
        name = label_name(label)
        assert name == LABEL_NAMES[label]
        assert not TAGS.search(name), name
    assert label_name("SOMETHING_NEW") == "Other"
    assert len(set(LABEL_NAMES.values())) == len(LABEL_NAMES)  # no two labels share a name


def test_kinds_and_formats_have_names():
    assert {statement_kind_name(k) for k in STATEMENT_KIND_NAMES} == {
        "Direct quote",
        "Partly quoted",
        "Reported speech",
    }
    assert [actor_kind_name(k) for k in ACTOR_KIND_NAMES] == list(ACTOR_KIND_NAMES.values())
    assert format_name("html") == "Web page" and format_name("txt") == "Plain text"


def test_the_sample_summary_names_labels_and_kinds_in_words(sample_analysis):
    summary = summarise(sample_analysis)
    assert not TAGS.search(summary), TAGS.search(summary)
    assert "Names by kind:" in summary
    assert "Country, city or state" in summary
    assert "[reported speech]" in summary
    assert not re.search(r"\b1 (articles|statements|mentions|actors|names)\b", summary)


def _article(text: str) -> Article:
    return Article(title=None, text=text, source=None, format="txt", sha256="0" * 64)


def test_statements_without_a_known_speaker_are_listed():
    """The text summary used to drop statements no actor claims."""
    text = 'Smith said the plan works. "It will fail," a voice said.'
    said = Quote(12, 26, "the plan works", ((12, 26),), "indirect", "Smith", 0, 5, "said", 6, 10)
    voice = Quote(27, 41, '"It will fail,"', ((27, 41),), "direct", "a voice", 42, 49)
    smith = Actor("a1", "Smith", "person", ("Smith",), mentions=1, quotes=(0,))
    summary = summarise(Analysis(_article(text), quotes=(said, voice), actors=(smith,)))
    lines = summary.splitlines()
    assert lines[0] == "Smith said the plan works"
    assert lines[1] == "Plain text, 11 words, 0 names, 2 statements, 1 actor"
    assert "  Smith (Person): 1 mention, 1 statement" in lines
    heading = lines.index(f"{WITHOUT_SPEAKER}:")
    assert lines[heading + 1] == (
        '  - "It will fail," [direct quote] (speaker as written: a voice)'
    )
    assert "the plan works" not in "\n".join(lines[heading:])


def test_no_heading_when_every_statement_has_its_actor():
    said = Quote(0, 4, "Yes.", ((0, 4),), "direct")
    someone = Actor("a1", "Ann", "person", quotes=(0,))
    summary = summarise(Analysis(_article("Yes."), quotes=(said,), actors=(someone,)))
    assert WITHOUT_SPEAKER not in summary


def _tree_texts(tree) -> list[str]:
    """Every text and tooltip of a tree, children included."""
    found: list[str] = []
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while items:
        item = items.pop()
        for column in range(tree.columnCount()):
            found += [item.text(column), item.toolTip(column)]
        items += [item.child(i) for i in range(item.childCount())]
    return found


def test_view_tooltips_and_cast_panel_show_no_tags(qtbot, sample_analysis):
    from ui.style.colors import Theme
    from ui.widgets.actors_panel import ActorsPanel
    from ui.widgets.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    view.show_analysis(sample_analysis, Theme.LIGHT)
    view.finish_drawing()
    starts = [e.start for e in sample_analysis.names] + [
        q.start + 1 for q in sample_analysis.quotes
    ]
    tips = [view.tooltip_at(offset) for offset in starts]
    assert all(tips)
    assert not [t for t in tips if TAGS.search(t)]
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.show_analysis(sample_analysis, Theme.LIGHT)
    texts = _tree_texts(panel.tree)
    assert any("Country, city or state colour" in t for t in texts)
    assert not [t for t in texts if TAGS.search(t)]
    assert not [t for t in texts if re.search(r"\b1 (mentions|statements)\b", t)]
