"""What every worker process Reader spawns shares: it ends when the process that started it
is gone (the search index's rebuild workers and the importers' extraction workers alike), and
background workers run below the window's priority."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from contextlib import suppress

# How much lower a background worker runs than the process that started it (POSIX nice).
BACKGROUND_NICENESS = 10


def exit_with_parent() -> None:
    """End this process as soon as the process that started it is gone.

    A worker waiting for tasks, or busy with a long file, would otherwise go on for ever (or
    for minutes) after its parent was killed outright. multiprocessing hands every spawned
    child a sentinel of its parent (the end of a pipe only the parent holds open on POSIX, the
    parent's process handle on Windows): it becomes ready when the parent dies, whatever
    killed it. Nothing is cleaned up on the way out: a worker's results only ever go to the
    parent, and a segment being written is never committed.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        multiprocessing.connection.wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def background_worker(*, idle: bool = True) -> None:
    """Start a worker whose work nobody is waiting on second by second: it ends with its
    parent (exit_with_parent) and runs below it, so that on a busy machine the window's UI
    thread gets a core first, while idle cores still go to the worker.

    A worker of the window's (`idle`) also runs as an idle task where the system has them
    (Linux SCHED_IDLE, as desktop file indexers do): a niced worker still kept the UI thread
    waiting for a core, for up to 36 ms at a time while a 2-core machine imported; an idle
    task gives way at once. The cost is on a machine kept busy by other programs, where it
    runs slower still: the command line, with no window to keep responsive, only nices.
    """
    exit_with_parent()
    if hasattr(os, "nice"):  # not on Windows
        with suppress(OSError):
            os.nice(BACKGROUND_NICENESS)
    if idle and hasattr(os, "SCHED_IDLE"):  # Linux only
        with suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
