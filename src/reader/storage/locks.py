"""The library lock: held shared by every open library, exclusively by a restore.

An advisory OS lock on a small file beside the database, so the system drops it when a process
dies (no stale locks to clean up). Any number of Readers may hold it shared at once; a restore
needs it alone, so it can never swap the file away under a window that is still writing.
POSIX uses flock(2); Windows uses LockFileEx, which has shared locks too (msvcrt has none).
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from reader.errors import StorageError

log = logging.getLogger(__name__)

POLL_S = 0.05


class LibraryLock:
    """One hold on the lock file: take it with `shared()` or `exclusive()`, then `release()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def shared(self, timeout: float) -> None:
        """Wait up to `timeout` seconds while a restore holds it exclusively.

        Without a lock file to hold (a read-only folder) the library opens anyway: nothing can
        restore into such a folder either.
        """
        fd = self._open()
        if fd is None:
            return
        deadline = time.monotonic() + timeout
        while not self._try_shared(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise StorageError(
                    f"the library in {self.path.parent} is being restored by another Reader; "
                    "try again in a moment"
                )
            time.sleep(POLL_S)
        self._fd = fd

    def _try_shared(self, fd: int) -> bool:
        try:
            return _try_lock(fd, exclusive=False)
        except OSError as exc:  # a filesystem without locks: as without a lock file
            log.info("cannot lock %s (%s); going on without", self.path, exc)
            return True

    def exclusive(self) -> bool:
        """Take it alone, without waiting; False when any other holder has it open."""
        fd = self._open()
        if fd is None:
            return False
        if not _try_lock(fd, exclusive=True):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            _unlock(fd)
            os.close(fd)

    def _open(self) -> int | None:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            pass
        try:
            return os.open(self.path, os.O_RDONLY)
        except OSError as exc:
            log.info("cannot open the lock file %s (%s); going on without", self.path, exc)
            return None


if sys.platform == "win32":
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = [
            ("Internal", ctypes.c_void_p),
            ("InternalHigh", ctypes.c_void_p),
            ("Offset", wintypes.DWORD),
            ("OffsetHigh", wintypes.DWORD),
            ("hEvent", wintypes.HANDLE),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _LOCKFILE_FAIL_IMMEDIATELY = 0x1
    _LOCKFILE_EXCLUSIVE_LOCK = 0x2

    def _try_lock(fd: int, *, exclusive: bool) -> bool:
        # One byte at offset 0; Windows lets a lock range lie beyond the end of the file.
        flags = _LOCKFILE_FAIL_IMMEDIATELY | (_LOCKFILE_EXCLUSIVE_LOCK if exclusive else 0)
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        overlapped = _Overlapped()
        return bool(_kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(overlapped)))

    def _unlock(fd: int) -> None:
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        overlapped = _Overlapped()
        _kernel32.UnlockFileEx(handle, 0, 1, 0, ctypes.byref(overlapped))

else:
    import fcntl

    def _try_lock(fd: int, *, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
