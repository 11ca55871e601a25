"""A read-only library can be browsed and searched; every change is refused in one line.

The folder is made read-only for real: chmod for an ordinary user, and a read-only remount
of a small tmpfs for root (whom chmod does not stop).
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill, remount, tiny_filesystem

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX read-only folders")

READ_ONLY = "is read-only; changes are off"


@dataclass
class Folder:
    """A folder that can be switched read-only and back."""

    path: Path
    switch: Callable[[bool], None]


def _chmod_tree(folder: Path, read_only: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o555 if read_only else 0o755)
        else:
            path.chmod(0o444 if read_only else 0o644)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Folder]:
    if os.geteuid() == 0:
        with tiny_filesystem(tmp_path / "small", "16m") as small:
            state = {"ro": False}

            def switch(read_only: bool) -> None:
                remount(small, "ro" if read_only else "rw")
                state["ro"] = read_only

            yield Folder(small, switch)
            if state["ro"]:
                switch(False)
    else:
        small = tmp_path / "small"
        small.mkdir()
        yield Folder(small, lambda read_only: _chmod_tree(small, read_only))
        _chmod_tree(small, False)


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _one_line(stderr: str) -> str:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def _library(folder: Folder, *, searched: bool = True) -> tuple[DataPaths, dict[int, str]]:
    paths = DataPaths(folder.path / "lib")
    with Library(paths) as lib:
        notes = fill(lib, 3, notes_every=1)
        if searched:
            assert lib.search("harbour").total == 3  # the index exists
    return paths, notes


@pytest.mark.slow
def test_cli_browses_a_read_only_library_and_refuses_changes(
    folder: Folder, tmp_path: Path
) -> None:
    paths, notes = _library(folder)
    data = paths.root
    incoming = tmp_path / "incoming.txt"
    incoming.write_text("New\n\nA new article about kites.", encoding="utf-8")
    before = _snapshot(folder.path)
    folder.switch(True)

    listed = reader(data, "list", check=True).stdout
    assert all(f"Article {n}" in listed for n in range(3))
    assert "Paragraph 0 of article 0" in reader(data, "show", "1", check=True).stdout
    assert notes[1] in reader(data, "notes", "1", check=True).stdout
    assert "3 matches" in reader(data, "search", "harbour", check=True).stdout

    changes = [
        ("import", str(incoming)),
        ("note", "1", "changed"),
        ("bookmark", "1"),
        ("tags", "1", "kites"),
        ("remove", "2"),
        ("backup",),
        ("reindex",),
    ]
    for args in changes:
        done = reader(data, *args)
        assert done.returncode == 1, args
        assert _one_line(done.stderr) == f"reader: error: the library in {data} {READ_ONLY}"

    folder.switch(False)
    assert _snapshot(folder.path) == before


def test_search_says_it_is_unavailable_without_an_index(folder: Folder) -> None:
    paths, _ = _library(folder, searched=False)
    folder.switch(True)
    done = reader(paths.root, "search", "harbour")
    assert done.returncode == 1
    line = _one_line(done.stderr)
    assert "search is unavailable" in line and "read-only" in line
    assert reader(paths.root, "list", check=True).stdout.count("Article") == 3


_KILLED_WRITER = """
import sys, time
from pathlib import Path
from reader.services.library import Library
from reader.paths import DataPaths
lib = Library(DataPaths(Path(sys.argv[1])))
lib.annotations.set_note(1, "last words before the crash")
print("READY", flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_crashed_library_with_its_wal_is_read(folder: Folder) -> None:
    """The last note is only in the -wal (with the -shm beside it): a read-only open sees it."""
    paths, _ = _library(folder, searched=False)
    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(paths.root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "READY"
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=30)
    wal = paths.database.with_name(paths.database.name + "-wal")
    assert wal.stat().st_size > 0
    folder.switch(True)
    assert "last words before the crash" in reader(paths.root, "notes", "1", check=True).stdout


def test_a_read_only_library_that_needs_an_upgrade_says_so(folder: Folder) -> None:
    paths, _ = _library(folder, searched=False)
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA user_version = 1")  # as if written by an older Reader
    conn.close()
    folder.switch(True)
    done = reader(paths.root, "list")
    assert done.returncode == 1
    line = _one_line(done.stderr)
    assert "read-only" in line and "upgrading" in line


def test_the_window_on_a_read_only_library(folder: Folder, qtbot: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from reader.gui.main_window import MainWindow

    paths, _ = _library(folder)
    before = _snapshot(folder.path)
    folder.switch(True)
    library = Library(paths)
    try:
        assert library.read_only
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        assert window.statusBar().currentMessage() == "Read-only library: changes are off"
        actions = window.menu_actions
        qtbot.waitUntil(lambda: window.settled)  # type: ignore[attr-defined] # the list's ids
        assert window.select_article(1) and window.selected_ids() == [1]
        changing = [actions.import_files, actions.import_folder, actions.import_annotations]
        changing += [*actions.article_actions, *actions.highlight_colors.values()]
        assert not any(action.isEnabled() for action in changing)
        assert actions.search.isEnabled() and actions.find.isEnabled()
        window.import_paths([tmp_path / "settings.ini"])  # a drop: refused with the message
        assert window.statusBar().currentMessage() == "Read-only library: changes are off"
        assert not library.get_article(1).summary.read  # opening it did not mark it read
        window.close()
    finally:
        library.close()
    folder.switch(False)
    assert _snapshot(folder.path) == before


def _dump(database: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _screenshot(data: Path, shot: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--data-dir",
            str(data),
            "gui",
            "--screenshot",
            str(shot),
            *args,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


@pytest.mark.slow
def test_a_screenshot_changes_nothing(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "lib")
    with Library(paths) as lib:
        fill(lib, 3, notes_every=1)
        lib.search("harbour")
    before = _dump(paths.database)
    shot = tmp_path / "shot.png"
    done = _screenshot(paths.root, shot, "--open", "2", "--search", "harbour")
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 0
    assert _dump(paths.database) == before  # not marked read, no position, nothing imported

    empty = DataPaths(tmp_path / "new")
    done = _screenshot(empty.root, tmp_path / "samples.png", "--open", "1")
    assert done.returncode == 0, done.stderr
    assert not empty.database.exists()  # the samples were shown from a scratch library
