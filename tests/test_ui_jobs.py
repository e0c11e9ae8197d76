"""The job tracker (ui/jobs.py): job ids, the one shown, and the cancelling of jobs no longer
wanted, which only it does."""

from __future__ import annotations

from ui.jobs import JobTracker


def tracker() -> tuple[JobTracker, list[int]]:
    cancelled: list[int] = []
    return JobTracker(cancelled.append), cancelled


def test_a_new_request_cancels_every_earlier_job_not_finished():
    jobs, cancelled = tracker()
    assert jobs.start(2, "a.txt") == [1, 2]
    jobs.finished(2)
    assert jobs.start(1, "b.txt") == [3]
    assert cancelled == [1]  # job 2 had finished: nothing to stop
    assert jobs.shown == 3 and jobs.shown_name == "b.txt"
    assert not jobs.finished(1)  # a result of a job no longer wanted
    assert jobs.dropped == [1]
    assert jobs.finished(3) and not jobs.running


def test_cancelling_stops_the_running_jobs_and_drops_their_results():
    jobs, cancelled = tracker()
    jobs.start(3, "a.txt")
    jobs.finished(2)
    assert jobs.cancel()  # the shown job was among them
    assert cancelled == [1, 3]
    assert not jobs.finished(3) and jobs.dropped == [3]


def test_a_stored_article_shown_or_quitting_cancels_what_runs():
    jobs, cancelled = tracker()
    jobs.start(1, "a.txt")
    jobs.drop_all()
    assert cancelled == [1] and jobs.shown == -1 and not jobs.running
    jobs.start(2, "b.txt")
    jobs.stop_all()
    assert cancelled == [1, 2, 3] and not jobs.running
