"""`reader restore` while another Reader process has the library open."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.errors import StorageError
from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage.locks import LibraryLock
from tests.integration.test_cli import reader
from tests.reliability.conftest import fill, saved_notes

CHILD = Path(__file__).with_name("holder_child.py")
ROOT = Path(__file__).parents[2]


def _hold_open(paths: DataPaths) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(paths.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None and child.stdout.readline() == "OPEN\n"
    return child


def _save(child: subprocess.Popen[str], article_id: int, text: str) -> None:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(f"{article_id} {text}\n")
    child.stdin.flush()
    assert child.stdout.readline() == "SAVED\n"


def test_restore_is_refused_while_another_reader_holds_the_library(paths: DataPaths) -> None:
    with Library(paths) as lib:
        fill(lib, 3)
        backup = lib.backup()
    child = _hold_open(paths)
    try:
        inode = paths.database.stat().st_ino
        refused = reader(paths.root, "restore", str(backup.path))
        assert refused.returncode == 1
        assert refused.stderr == (
            "reader: error: the library is open in another Reader (close it first)\n"
        )
        assert paths.database.stat().st_ino == inode  # nothing moved
        assert not list(paths.root.glob("*.replaced-*"))
        _save(child, 1, "confirmed in the window after the refusal")
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=60)
    assert saved_notes(paths, [1]) == {1: "confirmed in the window after the refusal"}

    reader(paths.root, "restore", str(backup.path), check=True)  # once the window is closed
    assert saved_notes(paths, [1]) == {}


def test_a_killed_holder_leaves_no_stale_lock(paths: DataPaths) -> None:
    with Library(paths) as lib:
        fill(lib, 1)
        backup = lib.backup()
    child = _hold_open(paths)
    child.kill()
    child.wait(timeout=60)
    reader(paths.root, "restore", str(backup.path), check=True)


def test_shared_holders_do_not_block_each_other_and_block_a_restore(paths: DataPaths) -> None:
    first, second = LibraryLock(paths.library_lock), LibraryLock(paths.library_lock)
    paths.root.mkdir(parents=True)
    first.shared(timeout=0)
    second.shared(timeout=0)
    restorer = LibraryLock(paths.library_lock)
    assert not restorer.exclusive()
    first.release()
    assert not restorer.exclusive()
    second.release()
    assert restorer.exclusive()
    with pytest.raises(StorageError, match="being restored"):  # waits, then says why
        LibraryLock(paths.library_lock).shared(timeout=0.2)
    restorer.release()
