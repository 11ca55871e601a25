"""Background tasks: generator jobs on a thread pool, reported as signals on the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from reader.errors import ReaderError
from reader.gui.tasks import StopFlag, TaskRunner
from tests.processes import run_child


def test_progress_and_result_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner(1)
    ui_thread = threading.get_ident()
    seen: list[tuple[int, bool]] = []
    results: list[object] = []

    def job(stop: StopFlag) -> Iterator[int]:
        assert threading.get_ident() != ui_thread
        yield from range(3)
        return "done"  # type: ignore[return-value]

    runner.start(
        job,
        progressed=lambda n: seen.append((n, threading.get_ident() == ui_thread)),
        finished=results.append,
    )
    qtbot.waitUntil(lambda: bool(results) and not runner.busy)
    assert results == ["done"]
    assert seen == [(0, True), (1, True), (2, True)]


def test_expected_errors_fail_with_their_message(qtbot: QtBot) -> None:
    runner = TaskRunner(1)

    def job(stop: StopFlag) -> None:
        raise ReaderError("the disk is full")

    failures: list[str] = []
    runner.start(job, failed=failures.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert failures == ["the disk is full"]


@pytest.mark.logs
def test_bugs_fail_without_killing_the_worker(qtbot: QtBot) -> None:
    runner = TaskRunner(1)
    failures: list[str] = []
    results: list[object] = []
    runner.start(lambda stop: 1 / 0, failed=failures.append)
    runner.start(lambda stop: 42, finished=results.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert failures and "ZeroDivisionError" in failures[0]
    assert results == [42]


def test_cancel_stops_a_generator_between_steps(qtbot: QtBot) -> None:
    runner = TaskRunner(1)
    gate = threading.Event()
    steps: list[int] = []
    cancelled: list[bool] = []

    def job(stop: StopFlag) -> Iterator[int]:
        for n in range(1000):
            gate.wait(5)
            yield n

    task = runner.start(job, progressed=steps.append, cancelled=lambda: cancelled.append(True))
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert cancelled == [True]
    assert len(steps) < 1000
    assert runner.shut_down(5000)


def test_a_lane_dropped_right_after_its_task_ran_does_not_crash() -> None:
    """The task's end is still queued when the lane goes; in a child process, since the
    failure is a crash."""
    proc = run_child("tests.gui.dropped_lanes_child")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "50 lanes dropped"
