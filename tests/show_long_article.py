"""Show a 100,000-word analysis in the real window, then quit (run by test_ui_long_article).

The analysis is the sample article's, repeated until it holds ``WORDS`` words, with every
offset moved along: as many highlights per word as a real article, so the window makes as
many Qt calls as it would for a long one. Prints what it showed; exits 0 unless Qt or the
binding fails.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.model import Analysis, Entity, Quote  # noqa: E402
from reader.opening import article_from_text, open_article  # noqa: E402
from reader.pipeline import analyse  # noqa: E402

WORDS = 100_000
SEPARATOR = "\n\n"


def _moved(span: tuple[int, int], by: int) -> tuple[int, int]:
    return span[0] + by, span[1] + by


def _shift(value: int | None, by: int) -> int | None:
    return None if value is None else value + by


def tiled(analysis: Analysis, words: int) -> Analysis:
    """``analysis`` repeated until its text has at least ``words`` words."""
    text = analysis.article.text
    copies = -(-words // len(text.split()))
    step = len(text) + len(SEPARATOR)
    entities: list[Entity] = []
    quotes: list[Quote] = []
    for n in range(copies):
        by = n * step
        entities += [
            dataclasses.replace(e, start=e.start + by, end=e.end + by) for e in analysis.entities
        ]
        quotes += [
            dataclasses.replace(
                q,
                start=q.start + by,
                end=q.end + by,
                spans=tuple(_moved(s, by) for s in q.spans),
                speaker_start=_shift(q.speaker_start, by),
                speaker_end=_shift(q.speaker_end, by),
                cue_start=_shift(q.cue_start, by),
                cue_end=_shift(q.cue_end, by),
            )
            for q in analysis.quotes
        ]
    per_copy = len(analysis.quotes)
    actors = [
        dataclasses.replace(
            a,
            mentions=a.mentions * copies,
            quotes=tuple(i + n * per_copy for n in range(copies) for i in a.quotes),
        )
        for a in analysis.actors
    ]
    article = article_from_text(SEPARATOR.join([text] * copies), title="A long article")
    return Analysis(article, tuple(entities), tuple(quotes), tuple(actors), analysis.version)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    sample = analyse(open_article(ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"))
    long_analysis = tiled(sample, WORDS)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as data:
        window = MainWindow(data_dir=data)
        window.show()
        app.processEvents()
        window.show_analysis(long_analysis)
        app.processEvents()
        shown = window.view.toPlainText() == long_analysis.article.text
        rows = window.actors.tree.topLevelItemCount()
        window.close()
        app.processEvents()
    words = len(long_analysis.article.text.split())
    print(
        f"shown={shown} words={words} entities={len(long_analysis.entities)} "
        f"statements={len(long_analysis.quotes)} cast_rows={rows}"
    )
    return 0 if shown else 3


if __name__ == "__main__":
    sys.exit(main())
