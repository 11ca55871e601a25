"""Odd data folders: folders, FIFOs and files where Reader expects something else, long paths.

Each case gets a clear one-line error or recovers, in the CLI and at window start; nothing
hangs and nothing the user had is deleted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill

# SQLite's Unix VFS refuses paths this long (with the terminating NUL).
SQLITE_MAX_PATH = 512
# Room the library leaves for the files kept beside it (see storage/database.py).
LONGEST_BESIDE = 80
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def _article_file(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text("Kites over the harbour\n\nThe kites flew over the harbour.", "utf-8")
    return path


def _gui_start(data: Path) -> subprocess.CompletedProcess[str]:
    """The window, started on `data` offscreen (a screenshot: it exits by itself)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    shot = data.parent / "shot.png"
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "gui", "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,  # a hang fails the test instead of blocking the suite
    )


def _database_is_a_folder(data: Path) -> None:
    (data / "library.sqlite3").mkdir(parents=True)


def _database_is_a_fifo(data: Path) -> None:
    data.mkdir()
    os.mkfifo(data / "library.sqlite3")


def _wal_is_a_fifo(data: Path) -> None:
    with Library(DataPaths(data)) as lib:
        fill(lib, 1)
    os.mkfifo(data / "library.sqlite3-wal")


REFUSED: dict[str, tuple[Callable[[Path], None], str]] = {
    "database-folder": (_database_is_a_folder, "is a folder"),
    "database-fifo": (_database_is_a_fifo, "not a regular file"),
    "wal-fifo": (_wal_is_a_fifo, "not a regular file"),
}


@needs_fifo
@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_something_else_at_the_database_path_is_refused(tmp_path: Path, case: str) -> None:
    make, reason = REFUSED[case]
    data = tmp_path / "lib"
    make(data)
    before = sorted(p.name for p in data.iterdir())
    source = _article_file(tmp_path)
    for args in (("list",), ("search", "x"), ("import", str(source))):
        done = reader(data, *args)  # a FIFO opened by mistake would hang here (timeout)
        assert done.returncode == 1
        line = _one_line(done.stderr)
        assert reason in line and str(data) in line
    started = _gui_start(data)
    assert started.returncode == 1
    assert reason in _one_line(started.stderr)
    assert sorted(p.name for p in data.iterdir() if p.name != "reader.log") == before


def _long_folder(tmp_path: Path, total_bytes: int, component: int = 200) -> Path:
    """A folder whose library path is about `total_bytes` long, in components of at most
    `component` bytes."""
    need = total_bytes - len(os.fsencode(tmp_path)) - len("/library.sqlite3")
    parts = []
    while need > 1:
        size = min(component, need - 1)
        parts.append("d" * size)
        need -= size + 1
    return tmp_path.joinpath(*parts)


@pytest.mark.parametrize(
    ("size", "component", "reason"),
    [
        (SQLITE_MAX_PATH + 20, 200, "too long for SQLite"),  # fine for the system, not SQLite
        (5000, 200, "too long"),  # beyond PATH_MAX (4096 on Linux)
        (600, 300, "too long"),  # one name beyond NAME_MAX (255)
    ],
)
def test_a_data_folder_path_too_long(
    tmp_path: Path, size: int, component: int, reason: str
) -> None:
    data = _long_folder(tmp_path, size, component)
    for args in (("list",), ("search", "x"), ("import", str(_article_file(tmp_path)))):
        done = reader(data, *args)
        assert done.returncode == 1
        line = _one_line(done.stderr)
        assert reason.lower() in line.lower() or "name too long" in line.lower(), line
    started = _gui_start(data)
    assert started.returncode == 1
    assert "too long" in _one_line(started.stderr).lower()


def test_a_library_path_just_short_enough_works(tmp_path: Path) -> None:
    """Short enough for the library and for everything kept beside it (backups included)."""
    data = _long_folder(tmp_path, SQLITE_MAX_PATH - LONGEST_BESIDE - 4)
    reader(data, "import", str(_article_file(tmp_path)), check=True)
    assert "Kites over the harbour" in reader(data, "list", check=True).stdout
    assert "backed up" in reader(data, "backup", check=True).stdout


def test_a_library_path_too_long_for_its_backups_is_refused(tmp_path: Path) -> None:
    data = _long_folder(tmp_path, SQLITE_MAX_PATH - LONGEST_BESIDE + 4)
    done = reader(data, "import", str(_article_file(tmp_path)))
    assert done.returncode == 1 and "too long for SQLite" in done.stderr


@pytest.mark.logs
def test_backups_as_a_plain_file_is_set_aside(tmp_path: Path) -> None:
    data = tmp_path / "lib"
    data.mkdir()
    (data / "backups").write_text("the user's own file", encoding="utf-8")
    reader(data, "import", str(_article_file(tmp_path)), check=True)
    done = reader(data, "backup", check=True)
    assert "backed up" in done.stdout
    assert (data / "backups").is_dir() and list((data / "backups").glob("library-*"))
    kept = list(data.glob("backups.not-a-folder-*"))
    assert [p.read_text(encoding="utf-8") for p in kept] == ["the user's own file"]
    reader(data, "list", check=True)


@pytest.mark.logs
def test_index_folder_replaced_by_a_file_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    data = tmp_path / "lib"
    reader(data, "import", str(_article_file(tmp_path)), check=True)
    assert "harbour" in reader(data, "search", "kites", check=True).stdout
    index = DataPaths(data).index_root
    for round in range(2):  # twice: the second file must not replace the first one kept
        for child in sorted(index.rglob("*"), reverse=True):
            child.rmdir() if child.is_dir() else child.unlink()
        index.rmdir()
        index.write_text(f"not an index {round}", encoding="utf-8")
        done = reader(data, "search", "kites", check=True)
        assert "harbour" in done.stdout and "rebuilt" in done.stderr
        assert index.is_dir()
    kept = sorted(p.read_text(encoding="utf-8") for p in data.glob("index.not-an-index-*"))
    assert kept == ["not an index 0", "not an index 1"]


def test_index_folder_replaced_by_a_file_at_window_start(tmp_path: Path) -> None:
    data = tmp_path / "lib"
    reader(data, "import", str(_article_file(tmp_path)), check=True)
    index = DataPaths(data).index_root
    index.write_text("not an index", encoding="utf-8")  # never searched: no folder yet
    started = _gui_start(data)
    assert started.returncode == 0, started.stderr
    assert "Traceback" not in started.stderr


@needs_fifo
def test_a_fifo_as_the_log_file_does_not_hang(tmp_path: Path) -> None:
    data = tmp_path / "lib"
    data.mkdir()
    os.mkfifo(data / "reader.log")
    reader(data, "import", str(_article_file(tmp_path)), check=True)
    assert "Kites" in reader(data, "list", check=True).stdout
