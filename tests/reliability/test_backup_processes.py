"""Automatic backups run in a process of their own: the window's threads never take one, a
command never waits for one, and a failed or killed attempt waits its hour in every process."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.paths import DataPaths
from reader.services import safekeeping
from reader.services.backup_runs import RUNNING_LOCK, Attempt, Attempts, BackupProcess
from reader.services.library import Library
from reader.storage.backup_check import check_backup
from reader.storage.backups import PARTIAL, BackupSet
from reader.storage.locks import LibraryLock
from tests.cli import reader
from tests.reliability.conftest import fill

HANG_GUARD_S = 120.0


def _until(condition: object, what: str) -> None:
    """Poll `condition` (a callable) until true; the guard only catches a hang."""
    deadline = time.monotonic() + HANG_GUARD_S
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def _large(paths: DataPaths) -> None:
    """A library above what the command line backs up on the spot."""
    with Library(paths) as lib:
        for n in range(6):
            words = " ".join(f"w{n}x{i}" for i in range(200_000))  # about 1.8 MB each
            lib.add_article(Article(title=f"Large {n}", text=words, html="<p>large</p>"))
    size = paths.database.stat().st_size  # closed: the log is checkpointed into it
    assert size > safekeeping.CHEAP_BYTES


def _last(paths: DataPaths) -> Attempt:
    last = Attempts(paths.backups).last()
    assert last is not None
    return last


def test_the_window_never_backs_up_on_its_own_threads(paths: DataPaths) -> None:
    with Library(paths) as lib:
        fill(lib, 5)  # small: the command line would back it up on the spot
        lib.backup_in_worker()
        lib.backup_if_due()
        lib.safekeeping.process.wait(HANG_GUARD_S)
        assert _last(paths).ok is True
        assert _last(paths).pid != os.getpid()
        [backup] = lib.backups.list()
        check_backup(backup.path)


@pytest.mark.slow
def test_a_command_returns_without_waiting_for_its_backup(paths: DataPaths) -> None:
    _large(paths)
    # Another backup "running": the command's own must wait behind it, the command must not.
    running = LibraryLock(paths.backups / RUNNING_LOCK)
    paths.backups.mkdir(parents=True, exist_ok=True)
    assert running.exclusive()
    try:
        result = reader(paths.root, "list", process=True)
        assert result.returncode == 0, result.stderr
        assert BackupSet(paths.backups).list() == []
    finally:
        running.release()
    _until(lambda: BackupSet(paths.backups).list(), "the detached backup")
    _until(lambda: _last(paths).ok is not None, "the attempt's record")
    assert _last(paths).ok is True
    [backup] = BackupSet(paths.backups).list()
    check_backup(backup.path)


def _damage_an_article(paths: DataPaths) -> None:
    conn = sqlite3.connect(paths.database)
    try:
        conn.execute("UPDATE article_content SET text = 'flipped bits' WHERE article_id = 1")
        conn.commit()
    finally:
        conn.close()


@pytest.mark.logs
def test_a_failed_backup_is_not_retried_by_the_next_process(paths: DataPaths) -> None:
    with Library(paths) as lib:
        fill(lib, 5)
    _damage_an_article(paths)  # every copy now fails its content check
    first = reader(paths.root, "list", process=True)
    assert first.returncode == 0, first.stderr
    failed = _last(paths)
    assert failed.ok is False and "content check" in failed.error
    assert Attempts(paths.backups).path.stat().st_mode & 0o077 == 0  # private, as the library
    second = reader(paths.root, "list", process=True)
    assert second.returncode == 0, second.stderr
    assert _last(paths) == failed  # not attempted again
    assert BackupSet(paths.backups).list() == []


@pytest.mark.slow
def test_a_kill_mid_backup_leaves_no_file_under_a_backup_name(paths: DataPaths) -> None:
    _large(paths)
    process = BackupProcess(paths.database, paths.backups, paths.library_lock, detached=True)
    process.start(safekeeping.BACKUP_AT_MOST_EVERY)
    _until(lambda: list(paths.backups.glob(f"*{PARTIAL}")), "the partial copy")
    pid = _last(paths).pid
    os.kill(pid, signal.SIGKILL)
    process.wait(HANG_GUARD_S)
    assert BackupSet(paths.backups).list() == []
    assert _last(paths).ok is None  # killed: still counts as this hour's attempt
    with Library(paths) as lib:
        lib.backup_if_due()  # small enough or not, it waits its hour
        lib.safekeeping.process.wait(HANG_GUARD_S)
    assert BackupSet(paths.backups).list() == []
    assert _last(paths).pid == pid


def _held_by_another(lock: Path) -> bool:
    probe = LibraryLock(lock)
    if probe.exclusive():
        probe.release()
        return False
    return True


@pytest.mark.slow
def test_a_restore_waits_for_a_detached_backup(paths: DataPaths) -> None:
    _large(paths)
    with Library(paths) as lib:
        earlier = lib.backup()
    running = LibraryLock(paths.backups / RUNNING_LOCK)
    assert running.exclusive()
    try:
        with Library(paths) as lib:
            lib.safekeeping.process.start(safekeeping.BACKUP_AT_MOST_EVERY)
            process = lib.safekeeping.process
        # The command is gone; its backup holds the library while it waits for its turn.
        _until(lambda: _held_by_another(paths.library_lock), "the backup's hold on the library")
        refused = reader(paths.root, "restore", str(earlier.path))
        assert refused.returncode == 1 and "open in another Reader" in refused.stderr
    finally:
        running.release()
    process.wait(HANG_GUARD_S)
    assert _last(paths).ok is True
    assert len(BackupSet(paths.backups).list()) == 2
    restored = reader(paths.root, "restore", str(earlier.path))
    assert restored.returncode == 0, restored.stderr
