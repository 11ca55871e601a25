"""Worker processes for imports: one task each at a time, so a crash costs only its own task."""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import traceback
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Generic, TypeVar

from reader.errors import ImportFailed
from reader.workers import background_worker

log = logging.getLogger(__name__)

T = TypeVar("T")
# A worker's first-generation garbage threshold (Python's default: 700 allocations).
_GC_YOUNG = 50_000
# How long a worker asked to stop may take before it is killed.
_STOP_GRACE_S = 2.0
# A worker that holds more than this (resident, after a large file) ends once it has
# answered: the memory a parse took is seldom given back, and a worker kept between imports
# (see services.extraction) would hold it for as long as the window is used.
RETIRE_MB = 400


# A worker's first message, once it can take tasks.
_READY = "ready"


class WorkersUnavailable(Exception):
    """Worker processes cannot start here: the task was not run, and can be run in-process."""


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What one task came to: its value, or the exception it raised (in whichever process)."""

    value: T | None = None
    error: BaseException | None = None
    details: str = ""  # the worker's traceback, for the log

    def get(self) -> T:
        """The value; or the task's exception, raised here as if the task had run here."""
        if self.error is not None:
            if self.details and self.details not in getattr(self.error, "__notes__", ()):
                self.error.add_note(self.details)  # where it happened, for the log
            raise self.error
        return self.value  # type: ignore[return-value]


def run_here(fn: Callable[..., T], args: tuple[Any, ...]) -> Outcome[T]:
    """Run a task in this process, catching what it raises just as a worker would."""
    try:
        return Outcome(fn(*args))
    except Exception as exc:  # noqa: BLE001 - judged by the caller, as a worker's would be
        return Outcome(error=exc)


class _Worker:
    """One spawned process and the pipe it takes tasks from."""

    def __init__(self, context: Any, idle: bool) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child, idle), name="reader-import-worker", daemon=True
        )
        self.process.start()
        child.close()  # only the worker holds its end: its death shows as EOF here
        self.task: int | None = None
        self.ready = False  # it said so: a death from now on is its task's doing

    def stop(self, *, kill: bool) -> None:
        if kill:
            self.process.kill()
        else:
            with suppress(OSError):
                self.conn.send(None)
        self.process.join(_STOP_GRACE_S)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class WorkerPool:
    """Runs tasks (top-level functions and their arguments) in spawned worker processes.

    Each worker takes one task at a time, so when one dies (a segfault, the kernel's
    out-of-memory killer) exactly its task fails, with ImportFailed, and a new worker takes
    its place. Workers are spawned, not forked (forking a process that runs Qt threads can
    deadlock), and end by themselves when this process dies, even by SIGKILL. Leaving the
    pool kills workers still busy: a cancelled import does not wait for them.
    """

    def __init__(self, processes: int, *, idle: bool = False) -> None:
        """`idle`: workers for a window, run as idle tasks (see background_worker)."""
        self._size = max(1, processes)
        self._idle = idle
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        # A worker could not start here (see finished): later ones would not either.
        self.unavailable = False

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop(kill=worker.task is not None)
        self._workers = []

    def cancel(self) -> None:
        """Kill the workers busy with a task (their tasks are abandoned); idle ones stay, for
        whoever uses the pool next."""
        for worker in [w for w in self._workers if w.task is not None]:
            self._replace(worker)

    def keep(self, count: int) -> None:
        """Stop idle workers beyond `count` (a kept pool holds on to few processes)."""
        idle = [w for w in self._workers if w.task is None]
        for worker in idle[: max(0, len(self._workers) - count)]:
            worker.stop(kill=False)
            self._workers.remove(worker)

    def workers(self) -> int:
        """How many worker processes the pool has now."""
        return len(self._workers)

    def run(self, fn: Callable[..., T], args: tuple[Any, ...], poll: float) -> Outcome[T]:
        """Run one task in a worker and wait for its outcome (checking every `poll` s); in
        this process when workers cannot start here (see finished)."""
        outcome = self.start(0, fn, args)
        while outcome is None:
            done = self.finished(poll)
            outcome = next((o for task, o in done if task == 0), None)
        if isinstance(outcome.error, WorkersUnavailable):
            return run_here(fn, args)
        return outcome

    def idle(self) -> bool:
        """Whether a task started now would run at once."""
        return len(self._workers) < self._size or any(w.task is None for w in self._workers)

    def start(
        self, task: int, fn: Callable[..., Any], args: tuple[Any, ...]
    ) -> Outcome[Any] | None:
        """Hand task number `task` to an idle worker (see idle()); an Outcome when it could
        not be handed over (its arguments cannot be sent), else None: see finished()."""
        worker = next((w for w in self._workers if w.task is None), None)
        if worker is None:
            worker = _Worker(self._context, self._idle)
            self._workers.append(worker)
        try:
            worker.conn.send((fn, args))
        except BrokenPipeError:  # the idle worker died: the task goes to a new one
            self._replace(worker)
            return self.start(task, fn, args)
        except Exception as exc:  # noqa: BLE001 - a task that cannot be pickled fails alone
            return Outcome(error=exc)
        worker.task = task
        return None

    def finished(self, timeout: float) -> list[tuple[int, Outcome[Any]]]:
        """Tasks that ended within `timeout` seconds, by number; [] when none did.

        A task whose worker could not even start (it died before saying it was ready: the
        program cannot be re-run in a new process, say) ends with WorkersUnavailable, for the
        caller to run it itself.
        """
        busy = [w for w in self._workers if w.task is not None]
        if not busy:
            return []
        ready = multiprocessing.connection.wait(
            [w.conn for w in busy] + [w.process.sentinel for w in busy], timeout
        )
        done = []
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                task, outcome = worker.task, self._collect(worker)
                if task is not None and outcome is not None:
                    done.append((task, outcome))
        return done

    def _collect(self, worker: _Worker) -> Outcome[Any] | None:
        try:
            message = worker.conn.recv()
            if message == _READY:
                worker.ready = True
                if not worker.conn.poll():
                    return None
                message = worker.conn.recv()
        except (EOFError, OSError):  # it died before answering
            return self._died(worker)
        except Exception as exc:  # noqa: BLE001 - an answer that cannot be rebuilt here
            worker.task = None
            return Outcome(error=RuntimeError(f"{type(exc).__name__} reading a result: {exc}"))
        ok, payload, details, retiring = message
        worker.task = None
        if retiring:
            self._retire(worker)
        return Outcome(payload) if ok else Outcome(error=payload, details=details)

    def _retire(self, worker: _Worker) -> None:
        """A worker that said it ends (it grew too large): let it go; a task that needs a
        worker spawns a new one."""
        worker.stop(kill=False)
        self._workers.remove(worker)

    def _died(self, worker: _Worker) -> Outcome[Any]:
        worker.process.join(_STOP_GRACE_S)
        code, started = worker.process.exitcode, worker.ready
        self._replace(worker)
        if not started:
            self.unavailable = True
            log.warning("an import worker could not start (%s); working in-process", _how(code))
            return Outcome(error=WorkersUnavailable(f"a worker could not start ({_how(code)})"))
        log.error("an import worker died (%s)", _how(code))
        return Outcome(error=ImportFailed("importer_crashed", how=_how(code)))

    def _replace(self, worker: _Worker) -> None:
        worker.task = None
        worker.stop(kill=True)
        self._workers.remove(worker)  # a new one is spawned when a task needs it


def _how(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return f"signal {-exitcode}"
    return f"exit code {exitcode}"


# --- the worker side ---------------------------------------------------------------------------


def _serve(conn: Connection, idle: bool) -> None:
    """A worker's life: run tasks from the pipe until told to stop or the parent is gone."""
    # Extraction is background work: the process that started it (the window's UI thread,
    # the writer) comes first, while idle cores still go to extraction.
    background_worker(idle=idle)
    # Ctrl-C reaches the whole process group: the parent decides, and ends its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Extraction makes many short-lived objects: collecting young ones less often, and never
    # scanning the modules loaded by the first task again, saves about a tenth of its time.
    gc.set_threshold(_GC_YOUNG, 20, 100)
    conn.send(_READY)
    for done in itertools.count():
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        fn, args = task
        try:
            reply: tuple[bool, Any, str] = (True, fn(*args), "")
        except Exception as exc:  # noqa: BLE001 - sent back, judged by the parent
            reply = (False, exc, traceback.format_exc())
        retiring = _resident_mb() > RETIRE_MB
        _answer(conn, reply, retiring)
        del task, fn, args, reply
        if retiring:
            return
        if done == 0:
            gc.collect()
            gc.freeze()


def _resident_mb() -> float:
    """This process's resident memory now, in MB (Linux; 0 elsewhere: no worker retires).

    Not the peak (getrusage): a spawned process inherits, across exec, the peak of the
    process that started it, so a worker of a large window would seem grown from its start.
    """
    try:
        pages = int(Path("/proc/self/statm").read_text(encoding="ascii").split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


def _sendable(reply: tuple[bool, Any, str]) -> tuple[bool, Any, str]:
    """The reply, or for an exception the parent could not rebuild from its pickle (one whose
    constructor takes other arguments than it gives its base) a RuntimeError saying what it
    was: one file's failure must not become an error reading the answer."""
    ok, payload, details = reply
    if ok:
        return reply
    try:
        pickle.loads(pickle.dumps(payload))
    except Exception:  # noqa: BLE001 - whatever fails, the parent would fail alike
        return (False, RuntimeError(f"{type(payload).__name__}: {payload}"), details)
    return reply


def _answer(conn: Connection, reply: tuple[bool, Any, str], retiring: bool) -> None:
    ok, payload, details = _sendable(reply)
    try:
        conn.send((ok, payload, details, retiring))
    except (EOFError, OSError):
        os._exit(1)  # the parent is gone
    except Exception as exc:  # noqa: BLE001 - a value or exception that cannot be pickled
        text = f"{type(exc).__name__} sending a result of {type(payload).__name__}: {exc}"
        conn.send((False, RuntimeError(text), details, retiring))


def cores() -> int:
    return os.cpu_count() or 1
