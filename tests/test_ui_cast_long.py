"""A long article's Cast lists the first statements of each actor at once and the rest when
asked for, or when one of them is chosen in the text (never frozen); past ``ROWS_AT_ONCE``
rows, the later groups are made on the next turns of the event loop."""

from __future__ import annotations

from reader.model import Actor, Analysis, Quote
from reader.opening import article_from_text
from ui.widgets.actors_panel import (
    MORE_ROLE,
    QUOTE_ROLE,
    ROWS_AT_ONCE,
    SHOWN_STATEMENTS,
    ActorsPanel,
)


def _analysis(statements: int) -> Analysis:
    sentences = [f"Okafor said point {n} mattered." for n in range(statements)]
    text = " ".join(sentences)
    quotes = []
    for n in range(statements):
        words = f"point {n} mattered"
        start = text.index(words + ".", text.index(f"said point {n} "))
        quotes.append(Quote(start, start + len(words), words, ((start, start + len(words)),),
                            "indirect", speaker="Okafor", actor="okafor"))  # fmt: skip
    actor = Actor(
        "okafor", "Tom Okafor", "person", ("Okafor",), statements, tuple(range(statements))
    )
    return Analysis(article_from_text(text), (), tuple(quotes), (actor,))


def _children(panel: ActorsPanel) -> list:
    top = panel.tree.topLevelItem(0)
    return [top.child(i) for i in range(top.childCount())]


def test_the_first_statements_are_listed_and_the_rest_on_asking(qtbot):
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.show_analysis(_analysis(SHOWN_STATEMENTS + 70))
    rows = _children(panel)
    assert len(rows) == SHOWN_STATEMENTS + 1
    more = rows[-1]
    assert more.data(0, MORE_ROLE) == "okafor"
    assert more.text(0) == "Show 70 more statements…"
    panel.tree.itemClicked.emit(more, 0)
    rows = _children(panel)
    assert [r.data(0, QUOTE_ROLE) for r in rows] == list(range(SHOWN_STATEMENTS + 70))


def test_a_statement_chosen_in_the_text_is_listed_and_selected(qtbot):
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.show_analysis(_analysis(SHOWN_STATEMENTS + 5))
    panel.select_statement(SHOWN_STATEMENTS + 3)
    assert panel.tree.currentItem().data(0, QUOTE_ROLE) == SHOWN_STATEMENTS + 3
    assert all(r.data(0, MORE_ROLE) is None for r in _children(panel))


def test_a_short_cast_has_no_more_row(qtbot):
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.show_analysis(_analysis(3))
    assert [r.data(0, QUOTE_ROLE) for r in _children(panel)] == [0, 1, 2]


def _many_speakers(speakers: int, each: int) -> Analysis:
    """``speakers`` actors with ``each`` statements apiece, in one text."""
    quotes, actors = [], []
    text = ""
    for s in range(speakers):
        indices = []
        for n in range(each):
            words = f"point {s}-{n} mattered"
            sentence = f"Speaker{s} said {words}. "
            start = len(text) + sentence.index(words)
            text += sentence
            indices.append(len(quotes))
            quotes.append(Quote(start, start + len(words), words, ((start, start + len(words)),),
                                "indirect", speaker=f"Speaker{s}", actor=f"s{s}"))  # fmt: skip
        actors.append(Actor(f"s{s}", f"Speaker{s}", "person", (), each, tuple(indices)))
    return Analysis(article_from_text(text), (), tuple(quotes), tuple(actors))


def test_a_long_cast_makes_its_later_rows_on_the_next_turns_of_the_event_loop(qtbot):
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    analysis = _many_speakers(6, 40)  # 240 rows, more than are made at once
    panel.show_analysis(analysis)
    tops = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    made = sum(top.childCount() for top in tops)
    assert ROWS_AT_ONCE <= made < 240  # the first groups now, the rest later
    qtbot.waitUntil(lambda: sum(top.childCount() for top in tops) == 240, timeout=5000)
    assert all(top.isExpanded() for top in tops)  # every speaker stays open


def test_a_statement_of_a_group_not_made_yet_is_found_at_once(qtbot):
    panel = ActorsPanel()
    qtbot.addWidget(panel)
    panel.show_analysis(_many_speakers(6, 40))
    panel.select_statement(239)  # the last speaker's last statement
    assert panel.tree.currentItem().data(0, QUOTE_ROLE) == 239
