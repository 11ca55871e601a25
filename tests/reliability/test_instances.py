"""Two Readers on one library: a second window is refused; concurrent writers all succeed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage.database import Database
from tests.integration.test_cli import reader
from tests.reliability.conftest import article, fill, integrity

ROOT = Path(__file__).parents[2]


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *sys.path])
    env.pop("READER_DATA_DIR", None)
    return env


def _gui(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "gui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_second_window_is_refused_and_a_stale_lock_taken_over(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "lib")
    with Library(paths) as lib:
        fill(lib, 2)
    first = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(paths.root), "gui"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    try:
        deadline = time.monotonic() + 60
        while not paths.lock_file.exists() and time.monotonic() < deadline:
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            time.sleep(0.05)
        assert paths.lock_file.exists()

        shot = tmp_path / "second.png"
        second = _gui(paths.root, "--screenshot", str(shot))
        assert second.returncode == 1
        assert "already open" in second.stderr and str(paths.root) in second.stderr
        assert "Traceback" not in second.stderr
        assert not shot.exists()
    finally:
        first.send_signal(signal.SIGKILL)  # a crash: the lock file stays behind
        first.communicate(timeout=30)
    assert paths.lock_file.exists()

    shot = tmp_path / "third.png"
    third = _gui(paths.root, "--screenshot", str(shot))
    assert third.returncode == 0, third.stderr
    assert shot.exists()
    assert not paths.lock_file.exists()  # released on a clean exit


_NOTE_WRITER = """
import sys
from pathlib import Path
from reader.services.library import Library
from reader.paths import DataPaths
from reader.storage.database import Database
with Library(DataPaths(Path(sys.argv[1]))) as lib:
    for round in range(int(sys.argv[4])):
        for article_id in range(int(sys.argv[2]), int(sys.argv[3])):
            lib.annotations.set_note(article_id, f"note {article_id} round {round}")
            lib.set_bookmarked(article_id, round % 2 == 0)
print("done")
"""


@pytest.mark.slow
def test_notes_saved_by_two_processes_while_a_third_imports(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "lib")
    with Library(paths) as lib:
        fill(lib, 20)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for n in range(100, 160):
        a = article(n)
        (incoming / f"{n}.txt").write_text(f"{a.title}\n\n{a.text}", encoding="utf-8")
    rounds = 5
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _NOTE_WRITER, str(paths.root), str(lo), str(lo + 10), "5"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for lo in (1, 11)
    ]
    importing = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(paths.root), "import", str(incoming)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    for proc in (*writers, importing):
        _out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert integrity(paths.database) == "ok"
    with Library(paths) as lib:
        assert lib.count() == 80
        for article_id in range(1, 21):
            note = lib.annotations.for_article(article_id).note
            assert note is not None and note.text == f"note {article_id} round {rounds - 1}"
        assert lib.search("笔记 OR round", limit=1).total >= 0
        assert lib.search("kites", limit=1).total == 80
    bookmarked = json.loads(reader(paths.root, "list", "--json", check=True).stdout)
    assert sum(1 for a in bookmarked if a.get("bookmarked")) == 20


def _open_at_once(path: Path, count: int) -> None:
    barrier = threading.Barrier(count)

    def open_it() -> None:
        barrier.wait()
        Database(path).close()

    with ThreadPoolExecutor(count) as pool:
        for future in [pool.submit(open_it) for _ in range(count)]:
            future.result(timeout=60)  # re-raises what the opener raised


def test_several_readers_creating_one_new_library_at_once(tmp_path: Path) -> None:
    """Switching a new file to WAL, and migrating it, race: each opener must still succeed."""
    for trial in range(25):
        database_path = tmp_path / f"new-{trial}" / "library.sqlite3"
        _open_at_once(database_path, 4)
        assert integrity(database_path) == "ok"
