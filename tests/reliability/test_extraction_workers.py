"""The window's imports and captures extract in worker processes, kept warm between imports;
the command line's small imports extract in-process."""

from __future__ import annotations

import multiprocessing.spawn
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from reader.paths import DataPaths
from reader.services import capturing, importing
from reader.services.library import ImportStatus, Library
from tests.processes import spawned_workers
from tests.reliability import crashing_import, noting_import
from tests.reliability.noting_import import PIDS, noted

pytestmark = pytest.mark.slow

# How long the workers of a closed library may take to end, on a loaded machine.
HANG_GUARD_S = 60

PAGE = (
    "<html><head><title>Harbour notes {n}</title></head><body><article>"
    "<h1>Harbour notes {n}</h1>"
    "<p>The ferry leaves the harbour at dawn, and the gulls follow it out past the pier.</p>"
    "<p>By noon the quay is quiet again; note {n} was written on the bench by the lighthouse.</p>"
    "</article></body></html>"
)


@pytest.fixture
def pids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder the extraction functions note their process in (see noting_import)."""
    folder = tmp_path / "pids"
    folder.mkdir()
    monkeypatch.setenv(PIDS, str(folder))
    monkeypatch.setattr(importing, "import_contents", noting_import.import_contents)
    monkeypatch.setattr(capturing, "import_bytes", noting_import.import_bytes)
    monkeypatch.setattr(capturing, "_sent", noting_import.sent_article)
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library(DataPaths(tmp_path / "data")) as lib:
        yield lib


def pages(folder: Path, count: int, first: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(first, first + count):
        (folder / f"note-{n}.html").write_text(PAGE.format(n=n), encoding="utf-8")
    return folder


def live_workers() -> list[psutil.Process]:
    return spawned_workers(psutil.Process().children())


def test_a_window_import_extracts_nothing_in_its_own_process(
    library: Library, pids: Path, tmp_path: Path
) -> None:
    # Three files: a small import, which the command line extracts in-process.
    folder = pages(tmp_path / "pages", 3)
    library.extract_in_workers()
    results = list(library.import_paths([folder]))
    assert [r.status for r in results] == [ImportStatus.IMPORTED] * 3
    one = library.import_path(pages(tmp_path / "more", 1, first=3) / "note-3.html")
    assert one.status is ImportStatus.IMPORTED
    assert noted(pids), "the extractions ran"
    assert psutil.Process().pid not in noted(pids)
    if hasattr(os, "SCHED_IDLE"):  # the window's workers give way to its UI thread at once
        kept = live_workers()
        assert kept and all(os.sched_getscheduler(w.pid) == os.SCHED_IDLE for w in kept)


def test_a_window_capture_extracts_nothing_in_its_own_process(library: Library, pids: Path) -> None:
    library.extract_in_workers()
    pasted = library.import_text(PAGE.format(n=1).encode(), "pasted.html")
    assert pasted.status is ImportStatus.IMPORTED
    saved = library.save_page("https://example.org/notes/2", "Notes 2", PAGE.format(n=2))
    assert saved.result.status is ImportStatus.IMPORTED
    assert noted(pids), "the extractions ran"
    assert psutil.Process().pid not in noted(pids)


def test_the_command_line_extracts_a_small_import_in_process(
    library: Library, pids: Path, tmp_path: Path
) -> None:
    # Nothing waits for a worker to start (about a second) for a few files.
    results = list(library.import_paths([pages(tmp_path / "pages", 3)]))
    assert [r.status for r in results] == [ImportStatus.IMPORTED] * 3
    assert noted(pids) == {psutil.Process().pid}
    assert not live_workers()


def test_the_window_keeps_a_worker_for_the_next_import_until_the_library_closes(
    tmp_path: Path, pids: Path
) -> None:
    with Library(DataPaths(tmp_path / "data")) as library:
        library.extract_in_workers()
        list(library.import_paths([pages(tmp_path / "first", 12)]))
        kept = live_workers()
        assert len(kept) == 1, "one worker is kept after the import"
        first = noted(pids)
        list(library.import_paths([pages(tmp_path / "second", 1, first=12)]))
        assert noted(pids) == first, "the next import extracts in a worker already there"
        assert live_workers() == kept
    _gone, alive = psutil.wait_procs(kept, timeout=HANG_GUARD_S)
    assert not alive, "closing the library stops the kept worker"


def test_no_extraction_module_loads_in_a_process_that_isolates_extraction(
    tmp_path: Path,
) -> None:
    # A process of its own: the test process has loaded the extractor long ago. Loading it
    # (hundreds of modules) holds the interpreter lock the window's UI thread waits for.
    folder = pages(tmp_path / "pages", 3)
    child = subprocess.run(
        [sys.executable, "-m", "tests.reliability.isolated_child", str(tmp_path / "d"), folder],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_S * 3,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
    )
    assert child.returncode == 0, child.stderr
    lines = dict(line.split(" ", 1) for line in child.stdout.splitlines() if " " in line)
    assert lines["STATUSES"].split() == ["imported"] * 3 + ["duplicate", "imported"]
    assert "LOADED" in child.stdout
    assert lines.get("LOADED", "") == "", "extraction modules loaded in the calling process"


@pytest.mark.logs
def test_a_crash_in_a_kept_worker_fails_only_its_file(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(crashing_import.CRASH_NAME, "note-1.html")
    monkeypatch.setattr(importing, "import_contents", crashing_import.import_contents)
    library.extract_in_workers()
    warm = library.import_path(pages(tmp_path / "warm", 1, first=7) / "note-7.html")
    assert warm.status is ImportStatus.IMPORTED
    assert len(live_workers()) == 1, "a worker is kept: the crash below happens in it or beside it"
    results = list(library.import_paths([pages(tmp_path / "pages", 3)]))
    assert [r.status for r in results] == [
        ImportStatus.IMPORTED,
        ImportStatus.FAILED,
        ImportStatus.IMPORTED,
    ]
    assert "crashed" in (results[1].reason or "")
    later = library.import_path(pages(tmp_path / "more", 1, first=3) / "note-3.html")
    assert later.status is ImportStatus.IMPORTED, "the next import finds a working pool"


@pytest.mark.logs
def test_where_workers_cannot_start_the_window_says_so_once_and_extracts_here(
    library: Library,
    pids: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A spawned worker runs this program: one that ends at once never says it is ready.
    python = multiprocessing.spawn.get_executable()
    multiprocessing.spawn.set_executable(shutil.which("false") or "false")
    try:
        library.extract_in_workers()
        for n in range(3):
            one = library.import_path(pages(tmp_path / f"p{n}", 1, first=n) / f"note-{n}.html")
            assert one.status is ImportStatus.IMPORTED
    finally:
        multiprocessing.spawn.set_executable(python)
    starts = [r for r in caplog.records if "could not start" in r.getMessage()]
    assert len(starts) == 1, "one failed start, then extraction here without trying again"
    assert noted(pids) == {psutil.Process().pid}
