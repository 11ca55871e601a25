"""One window per library: a QLockFile in the data directory, taken over after a crash."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

log = logging.getLogger(__name__)


class InstanceLock:
    """Held by the window that has the library open; a second window refuses to start.

    A second window writing the same library would be safe for SQLite, but the two would show
    each other's changes only after a restart and race on settings and the index rebuild, so
    the second one exits with a message instead. The lock names its owner's process id: a
    lock left by a crashed or killed Reader is stale and taken over at once.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = QLockFile(str(path))
        # Never stale by age: a window may stay open for weeks. A dead owner is still detected.
        self._lock.setStaleLockTime(0)
        self.owner: int | None = None

    def acquire(self) -> bool:
        """True when this process may open the library (also when no lock can be made at all:
        opening the library then reports the real problem, such as a read-only folder)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        if self._lock.tryLock(0):
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            log.warning("cannot lock %s (%s); going on without", self.path, self._lock.error())
            return True
        info = self._lock.getLockInfo()  # PySide6: (pid, hostname, appname)
        self.owner = int(info[0]) if info and info[0] else None
        return False

    def message(self) -> str:
        text = QCoreApplication.translate(
            "InstanceLock",
            "Reader is already open on the library in {folder}; switch to that window. "
            "(If no Reader is running, remove {lock} and start again.)",
        )
        return text.format(folder=self.path.parent, lock=self.path)

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()
