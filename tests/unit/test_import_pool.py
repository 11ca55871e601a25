"""Import workers: outcomes in order, small imports in-process, a crash fails only its task."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import psutil
import pytest

from reader.errors import ImportFailed
from reader.importers.pipeline import SMALL_IMPORT, Job, in_order
from reader.importers.pool import RETIRE_MB, Outcome, WorkerPool
from reader.workers import BACKGROUND_NICENESS
from tests.processes import spawned_workers

# Task functions are top level: a spawned worker finds them by module and name.


def pid_of(n: int) -> tuple[int, int]:
    return n, os.getpid()


def niceness(n: int) -> tuple[int, int]:
    return n, os.nice(0)


def policy(n: int) -> tuple[int, int]:
    return n, os.sched_getscheduler(0)


def exit_on_nine(n: int) -> int:
    if n == 9:
        os._exit(70)  # as a worker dies when the kernel's out-of-memory killer takes it
    return 2 * n


def segfault_on_nine(n: int) -> int:
    if n == 9:
        os.kill(os.getpid(), signal.SIGSEGV)
    return 2 * n


def raise_on_nine(n: int) -> int:
    if n == 9:
        raise ValueError("nine is not welcome")
    return 2 * n


class TwoPartError(Exception):
    """An exception whose pickle cannot be rebuilt: its constructor takes two arguments but
    gives its base one, so unpickling calls it with one."""

    def __init__(self, message: str, detail: str) -> None:
        super().__init__(f"{message}: {detail}")


def raise_unrebuildable_on_nine(n: int) -> int:
    if n == 9:
        raise TwoPartError("nine", "is not welcome")
    return 2 * n


# What a task left behind in its worker (a parse's memory is seldom given back).
_LEFT: list[bytes] = []


def grow_past_the_budget(n: int) -> tuple[int, int]:
    """A task that leaves its worker holding more than RETIRE_MB, as a parse of a very large
    file does."""
    _LEFT.append(b"x" * ((RETIRE_MB + 64) * 2**20))  # written, so resident
    return n, os.getpid()


# A task that outlasts any hang guard: a close that waited for it would take this long.
ENDLESS_S = 600
# How long closing may take, even on a loaded machine, when it kills the busy workers.
HANG_GUARD_S = 60


def sleep_from_eight(n: int) -> int:
    if n >= SMALL_IMPORT:
        time.sleep(ENDLESS_S)
    return n


def _outcomes(fn: object, count: int, processes: int = 2) -> dict[int, Outcome[object]]:
    jobs = [Job(n, (fn, (n,))) for n in range(count)]  # type: ignore[arg-type]
    found = {}
    for step in in_order(jobs, processes):
        if step is not None:
            key, outcome = step
            assert outcome is not None
            found[key] = outcome
    assert list(found) == list(range(count)), "outcomes come back in the jobs' order"
    return found


def test_a_large_import_runs_in_workers_a_small_one_here() -> None:
    large = _outcomes(pid_of, 16)
    pids = [large[n].get()[1] for n in range(16)]  # type: ignore[index]
    assert set(pids[: SMALL_IMPORT - 1]) == {os.getpid()}, "the first files wait for no worker"
    assert os.getpid() not in pids[SMALL_IMPORT:], "the rest ran in worker processes"
    small = _outcomes(pid_of, SMALL_IMPORT - 1)
    assert {small[n].get()[1] for n in small} == {os.getpid()}  # type: ignore[index]


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_workers_run_below_the_importing_process() -> None:
    # Extraction is background work: the window's UI thread and the writer come first.
    outcomes = _outcomes(niceness, 16)
    here = os.nice(0)
    in_workers = {outcomes[n].get()[1] for n in range(SMALL_IMPORT, 16)}  # type: ignore[index]
    assert in_workers == {min(here + BACKGROUND_NICENESS, 19)}


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="no idle scheduling here")
def test_a_windows_workers_give_way_to_any_other_task() -> None:
    with WorkerPool(2, idle=True) as pool:
        assert pool.run(policy, (1,), 0.05).get() == (1, os.SCHED_IDLE)
    assert os.sched_getscheduler(0) != os.SCHED_IDLE  # the importing process is not one
    # The command line's import, with no window to keep responsive, only nices its workers:
    # an idle task all but stops on a machine kept busy by other programs.
    outcomes = _outcomes(policy, 16)
    in_workers = {outcomes[n].get()[1] for n in range(SMALL_IMPORT, 16)}  # type: ignore[index]
    assert in_workers == {os.sched_getscheduler(0)}


@pytest.mark.logs
@pytest.mark.parametrize("crash", [exit_on_nine, segfault_on_nine], ids=["exit", "segfault"])
def test_a_task_that_kills_its_worker_fails_alone(crash: object) -> None:
    found = _outcomes(crash, 16)
    with pytest.raises(ImportFailed, match="the importer crashed on this file"):
        found[9].get()
    assert [found[n].get() for n in range(16) if n != 9] == [2 * n for n in range(16) if n != 9]


def test_an_exception_in_a_worker_is_raised_by_get() -> None:
    found = _outcomes(raise_on_nine, 12)
    with pytest.raises(ValueError, match="nine is not welcome"):
        found[9].get()
    assert found[9].details and "raise_on_nine" in found[9].details  # the worker's traceback
    assert found[10].get() == 20


def test_closing_kills_busy_workers() -> None:
    jobs = [Job(n, (sleep_from_eight, (n,))) for n in range(12)]
    steps = in_order(jobs, 2, poll=0.05)
    for step in steps:
        if step is None:  # waiting for the sleeping workers
            break
    workers = spawned_workers(psutil.Process().children())
    assert workers
    began = time.monotonic()
    steps.close()
    # Waiting for the sleeping tasks would take ENDLESS_S, ten times the guard.
    assert time.monotonic() - began < HANG_GUARD_S
    _, alive = psutil.wait_procs(workers, timeout=HANG_GUARD_S)
    assert not alive


def test_an_exception_the_importing_process_cannot_rebuild_fails_only_its_task() -> None:
    found = _outcomes(raise_unrebuildable_on_nine, 12)
    with pytest.raises(RuntimeError, match="TwoPartError: nine: is not welcome"):
        found[9].get()
    assert [found[n].get() for n in range(12) if n != 9] == [2 * n for n in range(12) if n != 9]


@pytest.mark.skipif(
    not Path("/proc/self/statm").exists(), reason="a worker's memory is read on Linux only"
)
def test_a_worker_that_grew_past_its_budget_ends_once_it_has_answered() -> None:
    with WorkerPool(1) as pool:
        _n, big = pool.run(grow_past_the_budget, (1,), 0.05).get()
        assert pool.workers() == 0, "the grown worker ended after answering"
        assert not psutil.pid_exists(big) or psutil.Process(big).status() == psutil.STATUS_ZOMBIE
        _n, fresh = pool.run(pid_of, (2,), 0.05).get()
        assert fresh != big, "the next task has a new worker"
        _n, again = pool.run(pid_of, (3,), 0.05).get()
        assert again == fresh and pool.workers() == 1, "a small worker stays"
