"""Many articles parsed as one stream are analysed exactly as one at a time.

``reader.pipeline.analyse_each`` feeds the paragraphs of many articles through one parse
stream whose batches run on from one article into the next; ``analyse`` parses one article
in batches of its own, and the window (``ui/worker.py``) parses in the smaller batches a
cancel can stop between. All three must give the same ``Analysis``, compared here as the
JSON documents, on the sample, PolNeAR dev texts and the real-news articles of
``../shared`` (read where they are, never copied here: the test fails if they are missing),
and on two texts written here. The stream's bookkeeping (batches across texts, reading
ahead no further than a batch needs, letting go of each text's docs, one text dropped
while the others go on) is checked with a stand-in for spaCy.
"""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_nlp import FakeNlp

import reader.deadline
from reader import errors
from reader.deadline import AnalysisTooSlow, Deadline
from reader.model import Analysis, Article
from reader.nlp.parsing import MAX_CHUNK_CHARS, parse, parse_each
from reader.opening import article_from_text
from reader.output.json_document import analysis_to_json
from reader.pipeline import analyse, analyse_each

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"
SHARED = ROOT.parent / "shared"
POLNEAR_DEV = SHARED / "eval" / "polnear_dev.jsonl"
REALNEWS = SHARED / "realnews" / "gum" / "articles"
#: Every this many-th article of each set is compared, to keep the run short (11 and 8).
POLNEAR_STEP = 8
REALNEWS_STEP = 3

LINE = "Maria Lopez said the bridge over the river would open in May.\n"


def _shared(path: Path) -> Path:
    """A file or folder of ``../shared``, which this test needs: missing, it fails."""
    assert path.exists(), (
        f"{path} is missing: the stream's equivalence is checked on the shared "
        "evaluation texts, which sit beside the project in ../shared"
    )
    return path


def _articles() -> list[Article]:
    texts = [SAMPLE.read_text(encoding="utf-8")]
    lines = _shared(POLNEAR_DEV).read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in lines[::POLNEAR_STEP] if line.strip()]
    paths = sorted(_shared(REALNEWS).glob("*.txt"))[::REALNEWS_STEP]
    texts += [path.read_text(encoding="utf-8") for path in paths]
    # Written here: a paragraph longer than a parse chunk, cut inside it, and short lines
    # that fill a batch with the pieces of several articles.
    long_paragraph = " ".join(
        f"Officials in district {n} said the new budget would cut waiting times."
        for n in range(MAX_CHUNK_CHARS // 60)
    )
    assert len(long_paragraph) > MAX_CHUNK_CHARS
    texts += [f"Budget row\n{long_paragraph}\n", "Short notes\n" + LINE * 3]
    return [article_from_text(text, title=f"article {n}") for n, text in enumerate(texts)]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = _articles()
    assert len(found) >= 20
    return found


def _documents(analyses: list[Analysis]) -> list[str]:
    return [analysis_to_json(analysis) for analysis in analyses]


@pytest.mark.slow
def test_one_stream_the_window_s_batches_and_one_at_a_time_give_the_same_analyses(articles):
    one_at_a_time = _documents([analyse(article) for article in articles])
    streamed = list(analyse_each(articles))
    assert [article for article, _ in streamed] == articles
    results = [result for _, result in streamed]
    assert all(isinstance(result, Analysis) for result in results)
    assert _documents(results) == one_at_a_time  # type: ignore[arg-type]
    progress: list[int] = []
    in_the_window = [
        analyse(article, progress=lambda done, _: progress.append(done), cancelled=lambda: False)
        for article in articles
    ]
    assert _documents(in_the_window) == one_at_a_time
    # The window's batches are smaller: more of them than articles.
    assert len(progress) > 2 * len(articles)
    assert sum(len(a.quotes) for a in results) > 100  # type: ignore[union-attr]


def test_a_slow_article_is_refused_in_a_stream_and_the_others_analysed(monkeypatch):
    real = Deadline.passed

    def passed(self: Deadline) -> bool:
        return Path(str(self.subject)).name == "slow.txt" or real(self)

    monkeypatch.setattr(Deadline, "passed", passed)
    articles = [
        article_from_text(f"Report {n}\n" + LINE * 3, source=Path(f"{name}.txt"))
        for n, name in enumerate(("first", "slow", "last"))
    ]
    results = dict((article.source, result) for article, result in analyse_each(articles))
    refused = results[Path("slow.txt")]
    assert isinstance(refused, AnalysisTooSlow)
    assert refused.problem == errors.ANALYSIS_TOO_SLOW.format(
        seconds=reader.deadline.ANALYSIS_SECONDS
    )
    for name in ("first.txt", "last.txt"):
        analysis = results[Path(name)]
        assert isinstance(analysis, Analysis) and analysis.quotes, name


# -- the stream's bookkeeping, with a stand-in for spaCy -----------------------------------


class Doc:
    """A parsed piece: its text, and a weak reference can be kept to it."""

    def __init__(self, text: str) -> None:
        self.text = text


class CountingNlp(FakeNlp):
    """``FakeNlp`` whose docs can be watched, recording the size of every batch."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def pipe(self, texts, batch_size):  # type: ignore[no-untyped-def]
        docs = [Doc(text) for text in texts]
        self.batches += 1
        self.sizes.append(len(docs))
        return docs


def _paragraphs(parsed: object) -> list[tuple[int, str]]:
    assert isinstance(parsed, list)
    return [(p.start, p.doc.text) for p in parsed]


def test_batches_run_on_from_one_text_into_the_next():
    texts = [f"Headline {n}\n\n" + LINE * (n + 1) for n in range(12)]
    nlp = CountingNlp()
    streamed = list(parse_each(enumerate(texts), nlp))  # type: ignore[arg-type]
    # 90 pieces in batches of 64: two batches, not one or more a text.
    assert nlp.sizes == [64, 26]
    assert [key for key, _ in streamed] == list(range(12))
    for (_, parsed), text in zip(streamed, texts, strict=True):
        assert _paragraphs(parsed) == _paragraphs(parse(text, FakeNlp()))  # type: ignore[arg-type]


@pytest.mark.slow
def test_the_stream_reads_ahead_no_further_than_a_batch_and_lets_go_of_each_text():
    pulled: list[int] = []

    def texts() -> Iterator[tuple[int, str]]:
        for n in range(6):
            pulled.append(n)
            yield n, LINE * 100  # more than a batch of pieces each

    nlp = CountingNlp()
    stream = parse_each(texts(), nlp)  # type: ignore[arg-type]
    key, parsed = next(stream)
    assert key == 0 and len(_paragraphs(parsed)) == 100
    assert pulled == [0, 1]  # the second text's first pieces filled the batch
    assert isinstance(parsed, list)
    watched = [weakref.ref(paragraph.doc) for paragraph in parsed]
    del parsed
    key, _ = next(stream)
    gc.collect()
    assert key == 1
    assert all(ref() is None for ref in watched)  # nothing of the first text is kept
    assert pulled == [0, 1, 2]


def test_a_text_whose_check_fails_is_dropped_and_the_others_parsed():
    nlp = CountingNlp()
    checked: list[str] = []

    def check(key: str) -> None:
        checked.append(key)
        if key == "slow" and checked.count("slow") == 2:
            raise AnalysisTooSlow(f"{key}.txt", "too slow")

    texts = [("first", LINE * 10), ("slow", LINE * 200), ("last", LINE * 10)]
    streamed = dict(parse_each(texts, nlp, check=check))  # type: ignore[arg-type]
    assert isinstance(streamed["slow"], AnalysisTooSlow)
    assert len(_paragraphs(streamed["first"])) == 10
    assert len(_paragraphs(streamed["last"])) == 10
    # The slow text was dropped at its second batch: 54 of its pieces were parsed, its
    # other 146 never, and the last text came straight after.
    assert sum(nlp.sizes) == 10 + 54 + 10
    assert nlp.sizes == [64, 10]
