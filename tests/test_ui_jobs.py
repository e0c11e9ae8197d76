"""The job tracker (ui/jobs.py): job ids, the one shown, and the worker's floor, which only
it moves."""

from __future__ import annotations

from ui.jobs import STOP_ALL, JobTracker


class FakeWorker:
    def __init__(self) -> None:
        self.floor = 0
        self.cancelled: list[int] = []

    def cancel(self, job: int) -> None:
        self.cancelled.append(job)


def test_a_new_request_drops_every_earlier_job():
    worker = FakeWorker()
    jobs = JobTracker(worker)
    assert jobs.start(2, "a.txt") == [1, 2]
    assert jobs.start(1, "b.txt") == [3]
    assert worker.floor == 3 and jobs.shown == 3 and jobs.shown_name == "b.txt"
    assert not jobs.finished(1)  # a result of a job no longer wanted
    assert jobs.dropped == [1]
    assert jobs.finished(3) and not jobs.running


def test_cancelling_stops_the_running_jobs_and_drops_their_results():
    worker = FakeWorker()
    jobs = JobTracker(worker)
    jobs.start(3, "a.txt")
    jobs.finished(2)
    assert jobs.cancel()  # the shown job was among them
    assert sorted(worker.cancelled) == [1, 3] and worker.floor == 4
    assert not jobs.finished(3) and jobs.dropped == [3]


def test_a_stored_article_shown_or_quitting_raises_the_floor():
    worker = FakeWorker()
    jobs = JobTracker(worker)
    jobs.start(1, "a.txt")
    jobs.drop_all()
    assert worker.floor == 2 and jobs.shown == -1 and not jobs.running
    jobs.stop_all()
    assert worker.floor == STOP_ALL
