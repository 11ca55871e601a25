"""The window's index catch-up runs in a worker process: never on the window's own threads,
never outliving the window, and losing nothing to a crash."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from reader.paths import DataPaths
from reader.search.index import SearchIndex
from reader.search.layout import current_dir
from reader.services.index_worker import IndexWorker, WorkerStopped
from reader.services.library import Library
from tests.articles import PLAIN_EN, SAVED_PAGE_ZH, write
from tests.processes import spawned_workers


@pytest.fixture
def writers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The ids of the processes writing the index from this test's process (its workers'
    writes happen elsewhere, unpatched)."""
    seen: list[int] = []
    write = SearchIndex._write

    def recorded(self: SearchIndex, *args: Any, **kwargs: Any) -> None:
        seen.append(os.getpid())
        write(self, *args, **kwargs)

    monkeypatch.setattr(SearchIndex, "_write", recorded)
    yield seen


@pytest.mark.slow
def test_the_window_indexes_imports_in_another_process(tmp_path: Path, writers: list[int]) -> None:
    with Library(DataPaths(tmp_path / "lib")) as lib:
        assert lib.search_index_problem() is not None  # a new library: the index is built
        for _ in lib.rebuild_search_index():
            pass
        lib.update_search_index_in_worker()
        folder = tmp_path / "in"
        write(folder / "harbour.txt", PLAIN_EN)
        write(folder / "kite.txt", SAVED_PAGE_ZH)
        ids = {Path(r.path).name: r.article_id for r in lib.import_paths([folder])}
        harbour, kite = ids["harbour.txt"], ids["kite.txt"]
        assert harbour is not None and kite is not None
        assert [h.id for h in lib.search("harbour").hits] == [harbour]
        assert lib.annotations.set_note(kite, "zebrafish by the quay") is not None
        assert [h.id for h in lib.search("zebrafish").hits] == [kite]
        assert lib.indexer.lag() == 0
    assert writers == []  # found, yet never written by this process


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_worker_is_replaced_and_nothing_is_lost(tmp_path: Path) -> None:
    with Library(DataPaths(tmp_path / "lib")) as lib:
        for _ in lib.rebuild_search_index():
            pass
        lib.update_search_index_in_worker()
        harbour = lib.import_path(write(tmp_path / "harbour.txt", PLAIN_EN)).article_id
        assert [h.id for h in lib.search("harbour").hits] == [harbour]
        [worker] = spawned_workers(psutil.Process().children())
        worker.kill()
        worker.wait(timeout=10)
        kite = lib.import_path(write(tmp_path / "kite.txt", SAVED_PAGE_ZH)).article_id
        assert lib.annotations.set_note(harbour or 0, "zebrafish by the quay") is not None
        assert [h.id for h in lib.search("zebrafish").hits] == [harbour]
        assert kite is not None and lib.indexer.lag() == 0


def test_the_command_line_indexes_in_its_own_process(tmp_path: Path, writers: list[int]) -> None:
    with Library(DataPaths(tmp_path / "lib")) as lib:
        for _ in lib.rebuild_search_index():
            pass
        article = lib.import_path(write(tmp_path / "harbour.txt", PLAIN_EN)).article_id
        assert [h.id for h in lib.search("harbour").hits] == [article]
    assert set(writers) == {os.getpid()}


# Starts the worker with one catch-up, then waits to be killed.
_WINDOW = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reader.paths import DataPaths
    from reader.services.library import Library

    lib = Library(DataPaths(Path(sys.argv[1])))
    for _ in lib.rebuild_search_index():
        pass
    lib.update_search_index_in_worker()
    lib.import_path(Path(sys.argv[2]))
    assert lib.search("harbour").hits
    print("READY", flush=True)
    time.sleep(600)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_the_worker_runs_below_the_window_and_exits_when_it_is_killed(tmp_path: Path) -> None:
    article = write(tmp_path / "harbour.txt", PLAIN_EN)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    window = subprocess.Popen(
        [sys.executable, "-c", _WINDOW, str(tmp_path / "lib"), str(article)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    children: list[psutil.Process] = []
    try:
        assert window.stdout is not None
        assert window.stdout.readline().strip() == "READY", window.stderr
        children = psutil.Process(window.pid).children(recursive=True)
        workers = spawned_workers(children)
        assert workers, "no index worker process was started"
        assert all(w.nice() > psutil.Process(window.pid).nice() for w in workers)
        window.send_signal(signal.SIGKILL)
        window.wait(timeout=10)
        _, alive = psutil.wait_procs(children, timeout=10)
        assert not alive, f"orphaned worker processes: {[p.pid for p in alive]}"
    finally:
        for child in children:
            with contextlib.suppress(psutil.NoSuchProcess):
                child.kill()
        window.kill()
        window.communicate(timeout=10)


@pytest.fixture
def behind(tmp_path: Path) -> Iterator[tuple[Library, int]]:
    """A library whose index misses one import (kept in the log) and an article id for it."""
    with Library(DataPaths(tmp_path / "lib")) as lib:
        for _ in lib.rebuild_search_index():
            pass
        lib.update_search_index_in_worker()
        lib.stop_search_index_worker()  # as the window at close: changes stay in the log
        harbour = lib.import_path(write(tmp_path / "harbour.txt", PLAIN_EN)).article_id
        assert harbour is not None and lib.indexer.lag() > 0
        yield lib, harbour


def _started_worker(worker: IndexWorker) -> psutil.Process:
    worker.catch_up_soon()
    [process] = spawned_workers(psutil.Process().children())
    return process


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP")
def test_closing_ends_a_worker_still_starting_up_without_waiting(
    behind: tuple[Library, int],
) -> None:
    lib, harbour = behind
    worker = IndexWorker(lib.paths.database, lib.paths.index_root)
    process = _started_worker(worker)
    process.suspend()  # a worker the busy machine has not let import its modules yet
    resumed = threading.Event()
    hang_guard = threading.Timer(60, lambda: (resumed.set(), process.resume()))
    hang_guard.start()
    try:
        worker.close()
        closed_while_stopped = not resumed.is_set()
    finally:
        hang_guard.cancel()
        with contextlib.suppress(psutil.NoSuchProcess):
            process.resume()
    assert closed_while_stopped, "close waited for a worker that had not started"
    process.wait(timeout=30)  # ended (by close, which also reaped it)
    assert lib.indexer.lag() > 0  # nothing applied: the log keeps it
    lib.update_search_index_in_worker()
    assert [h.id for h in lib.search("harbour").hits] == [harbour]  # the next start catches up
    assert lib.indexer.lag() == 0


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP")
def test_catch_ups_still_queued_at_close_end_as_stopped(behind: tuple[Library, int]) -> None:
    # The worker takes two catch-ups at a time; a third, still queued, is cancelled by close:
    # it ends as WorkerStopped (the log keeps the changes), never as a raw CancelledError.
    lib, _harbour = behind
    worker = IndexWorker(lib.paths.database, lib.paths.index_root)
    process = _started_worker(worker)
    process.suspend()
    outcomes: list[BaseException | int] = []

    def wait_for_catch_up() -> None:
        try:
            outcomes.append(worker.catch_up())
        except BaseException as exc:  # noqa: BLE001  (what the caller sees, whatever it is)
            outcomes.append(exc)

    waiters = [threading.Thread(target=wait_for_catch_up) for _ in range(3)]
    for waiter in waiters:
        waiter.start()
    for _ in range(600):  # hang guard
        if len(worker._pending) == 4:
            break
        time.sleep(0.05)
    assert len(worker._pending) == 4
    try:
        worker.close()
    finally:
        with contextlib.suppress(psutil.NoSuchProcess):
            process.resume()
    for waiter in waiters:
        waiter.join(timeout=60)
    assert len(outcomes) == 3
    assert all(type(outcome) is WorkerStopped for outcome in outcomes), outcomes


@pytest.mark.slow
@pytest.mark.skipif(fcntl is None, reason="needs fcntl")
def test_closing_lets_a_worker_finish_the_batch_it_is_writing(
    behind: tuple[Library, int],
) -> None:
    lib, harbour = behind
    live = current_dir(lib.paths.index_root)
    assert live is not None
    lock_file = live / "MAIN_WRITELOCK"  # Whoosh's write lock on the live index
    worker = IndexWorker(lib.paths.database, lib.paths.index_root)
    with lock_file.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # another writer: the worker's batch waits for it
        process = _started_worker(worker)
        for _ in range(600):  # hang guard
            if worker.writing:
                break
            time.sleep(0.1)
        assert worker.writing
        closer = threading.Thread(target=worker.close)
        closer.start()
        closer.join(timeout=0.5)
        waited = closer.is_alive()
        fcntl.flock(held, fcntl.LOCK_UN)
    closer.join(timeout=60)
    assert waited and not closer.is_alive(), "close did not wait for the batch being written"
    process.wait(timeout=30)
    assert lib.indexer.lag() == 0  # not killed: the batch and its cursor were written
    assert lib.search_index_problem() is None
    assert [h.id for h in lib.search("harbour").hits] == [harbour]
