"""Automatic backups away from the front ends' threads: the record of the last attempt, which
every process of a library shares, and the processes that take them."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.process import BaseProcess
from pathlib import Path

from reader.errors import ReaderError, StorageError
from reader.paths import make_private
from reader.storage.backups import BackupSet
from reader.storage.locks import POLL_S, LibraryLock
from reader.workers import BACKGROUND_NICENESS, background_worker

log = logging.getLogger(__name__)

ATTEMPT_FILE = "last-attempt.json"
RUNNING_LOCK = "automatic.lock"
# A worker waits this long for another process's attempt (or a restore) to end.
LOCK_WAIT_S = 30.0

Reading = Callable[[], AbstractContextManager[sqlite3.Connection]]


@dataclass(frozen=True)
class Attempt:
    """The last automatic backup tried: when, by which process, and how it ended (None while
    running, or when the process running it was killed)."""

    started: datetime
    pid: int
    ok: bool | None
    error: str = ""


class Attempts:
    """The last attempt, kept in a small file in the backups folder: a backup that failed its
    check is not tried again by every command that follows within the hour."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ATTEMPT_FILE

    def last(self) -> Attempt | None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return Attempt(
                datetime.fromisoformat(raw["started"]), int(raw["pid"]), raw["ok"], raw["error"]
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None  # none yet, or unreadable: an attempt is allowed

    def recent(self, within: timedelta) -> bool:
        last = self.last()
        return last is not None and datetime.now(UTC) - last.started < within

    def record(self, attempt: Attempt) -> None:
        """Write it under a temporary name, then rename: a reader never sees half a record."""
        body = {
            "started": attempt.started.isoformat(),
            "pid": attempt.pid,
            "ok": attempt.ok,
            "error": attempt.error,
        }
        temporary = self.path.with_name(f".{ATTEMPT_FILE}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Owner-only, like everything else in the library's folder.
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, json.dumps(body).encode("utf-8"))
            finally:
                os.close(fd)
            temporary.replace(self.path)
        except OSError as exc:
            log.info("cannot record the backup attempt in %s: %s", self.path, exc)
            with suppress(OSError):
                temporary.unlink()


def attempt_backup(
    backups: BackupSet, reading: Reading, at_most_every: timedelta, wait: float = 0.0
) -> None:
    """Take an automatic backup unless one was tried within `at_most_every`.

    A lock on a file in the backups folder lets one process at a time attempt it (waiting up
    to `wait` seconds for another's attempt to end, which then counts as this one); the record
    is written before the copy starts, so a process killed halfway still counts as an attempt
    (its copy stays under a partial name, never a backup's: see BackupSet.create).
    """
    try:
        backups.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"could not back up the library: {exc}") from exc
    running = LibraryLock(backups.folder / RUNNING_LOCK)
    deadline = time.monotonic() + wait
    while not running.exclusive():
        if time.monotonic() >= deadline:
            return
        time.sleep(POLL_S)
    try:
        attempts = Attempts(backups.folder)
        if attempts.recent(at_most_every):
            return
        started = Attempt(datetime.now(UTC), os.getpid(), None)
        attempts.record(started)
        try:
            backup = backups.create(reading)
            make_private(backup.path)
        except ReaderError as exc:
            attempts.record(Attempt(started.started, started.pid, False, str(exc)))
            raise
        attempts.record(Attempt(started.started, started.pid, True))
    finally:
        running.release()


def backup_in_process(database: Path, folder: Path, lock: Path, at_most_every_s: float) -> None:
    """Worker side: hold the library shared (a restore waits for the copy), then attempt."""
    from reader.storage.database import Database

    db = Database(database, lock=lock)
    try:
        every = timedelta(seconds=at_most_every_s)
        attempt_backup(BackupSet(folder), db.reading, every, wait=LOCK_WAIT_S)
    finally:
        db.close()


class BackupProcess:
    """Starts automatic backups in a process of their own, below this one's priority.

    `detached` (the command line): the process outlives the command, which returns at once;
    it holds the library lock itself, so a restore waits for its copy. Otherwise (the window)
    a spawned child that ends with the window, even killed outright (background_worker).
    """

    def __init__(self, database: Path, folder: Path, lock: Path, *, detached: bool) -> None:
        self.lock = lock
        self._args = (str(database), str(folder), str(lock))
        self._detached = detached
        self._child: BaseProcess | subprocess.Popen[bytes] | None = None

    def start(self, at_most_every: timedelta) -> None:
        if self.running():
            return
        seconds = str(at_most_every.total_seconds())
        if self._detached:
            self._child = _detach([*self._args, seconds])
        else:
            context = multiprocessing.get_context("spawn")
            child = context.Process(target=_window_worker, args=(*self._args, seconds), daemon=True)
            child.start()
            self._child = child

    def running(self) -> bool:
        child = self._child
        if isinstance(child, subprocess.Popen):
            return child.poll() is None
        return child is not None and child.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """For tests and the bench: until the current attempt ends."""
        child = self._child
        if isinstance(child, subprocess.Popen):
            child.wait(timeout)
        elif child is not None:
            child.join(timeout)


DETACHED_MODULE = "reader.services.backup_runs"


def _window_worker(database: str, folder: str, lock: str, seconds: str) -> None:
    background_worker()
    _run(database, folder, lock, seconds)


def _run(database: str, folder: str, lock: str, seconds: str) -> None:
    with suppress(ReaderError):  # recorded in the attempt file; the front end reports it
        backup_in_process(Path(database), Path(folder), Path(lock), float(seconds))


def _detach(args: list[str]) -> subprocess.Popen[bytes]:
    options: dict[str, object] = {}
    if sys.platform == "win32":
        flags = subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS
        options["creationflags"] = flags | subprocess.BELOW_NORMAL_PRIORITY_CLASS
    else:
        options["start_new_session"] = True  # a Ctrl+C in the terminal is the command's
    # A bundled application is its own interpreter: its entry point reads these same
    # arguments and runs the backup instead of the command line.
    child: subprocess.Popen[bytes] = subprocess.Popen(
        [sys.executable, "-m", DETACHED_MODULE, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        **options,  # type: ignore[call-overload]
    )
    return child


def run_detached(args: list[str]) -> int:
    """The detached process of the command line: `python -m reader.services.backup_runs`,
    or the bundled application given the same arguments (see the bundle's entry point)."""
    if hasattr(os, "nice"):
        with suppress(OSError):
            os.nice(BACKGROUND_NICENESS)
    _run(*args[:4])
    return 0


if __name__ == "__main__":
    raise SystemExit(run_detached(sys.argv[1:]))
