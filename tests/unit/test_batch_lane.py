"""The writer lane: batches stored in order in a thread of their own, results once stored."""

from __future__ import annotations

import threading

import pytest

from reader.services.batch_lane import BatchLane


def test_results_come_back_in_order_once_each_batch_is_stored() -> None:
    stored: list[int] = []

    def store(batch: list[int]) -> list[int]:
        stored.extend(batch)
        return [n * 10 for n in batch]

    with BatchLane(store) as lane:
        for batch in ([1, 2], [3], [4, 5, 6]):
            lane.put(batch)
        results = list(lane.finish())
    assert results == [10, 20, 30, 40, 50, 60]
    assert stored == [1, 2, 3, 4, 5, 6]


def test_the_caller_goes_on_while_a_batch_is_stored() -> None:
    release = threading.Event()

    def store(batch: list[int]) -> list[int]:
        release.wait(timeout=60)
        return batch

    with BatchLane(store) as lane:
        lane.put([1])
        lane.put([2])  # the first is being stored, the second waits: neither blocks us
        assert list(lane.done()) == []  # nothing is reported before it is stored
        release.set()
        assert list(lane.finish()) == [1, 2]


def test_a_failing_batch_is_raised_and_no_later_batch_is_stored() -> None:
    stored: list[int] = []

    def store(batch: list[int]) -> list[int]:
        if batch == [2]:
            raise OSError("disk full")
        stored.extend(batch)
        return batch

    results: list[int] = []
    with pytest.raises(OSError, match="disk full"), BatchLane(store) as lane:
        for batch in ([1], [2], [3]):
            lane.put(batch)
        results.extend(lane.finish())
    assert results == [1]
    assert stored == [1]


def test_leaving_early_stores_no_waiting_batch() -> None:
    started, release = threading.Event(), threading.Event()
    stored: list[int] = []

    def store(batch: list[int]) -> list[int]:
        started.set()
        release.wait(timeout=60)
        stored.extend(batch)
        return batch

    with pytest.raises(KeyboardInterrupt), BatchLane(store) as lane:
        lane.put([1])
        started.wait(timeout=60)
        lane.put([2])
        threading.Timer(0.2, release.set).start()
        raise KeyboardInterrupt
    assert stored == [1]  # the batch being stored was finished, the waiting one dropped
