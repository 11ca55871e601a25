"""The window's index catch-up runs in a worker process: never on the window's own threads,
never outliving the window, and losing nothing to a crash."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from reader.paths import DataPaths
from reader.search.index import SearchIndex
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
