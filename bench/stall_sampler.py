"""Where the UI thread is during a stall: its Python stack sampled from another thread.

A Heartbeat (a 5 ms QTimer on the UI thread) notes when it last ran; a sampler thread looks
every 10 ms and, while the last beat is older than a threshold, records the UI thread's top
frames and every other thread's (sys._current_frames). Each stall's samples are kept with its
length, so a report can name what the longest stalls were doing.

A stall in which the UI thread is neither on a CPU nor waiting for one is blocked: on the
interpreter lock another thread holds, on the disk, or asleep in the event loop. A watcher
process (stall_watch.py) reads every thread's kernel state meanwhile, from outside: the report
gives per stall the UI thread's states (R running, S futex: a lock, most likely the
interpreter's; S poll: the event loop waiting; D: the disk) and the threads that were running.
"""

from __future__ import annotations

import mmap
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

SAMPLE_S = 0.010
# A stall's start → the UI thread's CPU time and run-queue wait in it (ms), where known.
Split = Callable[[float], tuple[float, float] | None]
SUSPECT_MS = 30.0
# A stall during which the watcher process woke this late, or the host took this much CPU
# time from the machine (steal), is counted as the machine's.
MACHINE_MS = 40.0


def _stack(frame: object, depth: int) -> tuple[str, ...]:
    entries = traceback.extract_stack(frame)[-depth:]  # type: ignore[arg-type]
    return tuple(f"{e.filename.rsplit('/', 2)[-1]}:{e.lineno} {e.name}" for e in entries)


class StallSampler:
    """Samples the calling (UI) thread's stack while `last_beat()` is older than SUSPECT_MS."""

    def __init__(self, last_beat: Callable[[], float], depth: int = 12) -> None:
        self._last_beat = last_beat
        self._depth = depth
        self._ui = threading.get_ident()
        self._ui_tid = threading.get_native_id()
        self._stop = threading.Event()
        self.stalls: list[tuple[float, float, list[tuple[str, ...]]]] = []  # (start, ms, stacks)
        # By the stall's start: the other threads' stacks (named) seen in its samples.
        self.stall_others: dict[float, Counter[str]] = {}
        self._sampled: Counter[str] = Counter()
        self.names: dict[int, str] = {}  # native thread id -> Python thread name
        self.watched: list[Row] = []  # time, tid, state, wchan, name
        self.machine: list[tuple[float, str, float]] = []  # time, LATE or STEAL, ms
        self._folder = Path(tempfile.mkdtemp(prefix="stall-watch-"))
        self._beat_file = self._folder / "beat"
        self._beat_file.write_bytes(bytes(8))
        self._beat_fd = self._beat_file.open("r+b")
        self._beat = mmap.mmap(self._beat_fd.fileno(), 8)
        self._watcher: subprocess.Popen[bytes] | None = None
        self.others: Counter[tuple[str, ...]] = Counter()  # other threads' tops meanwhile
        # Where the other threads were when this sampler itself woke > 50 ms late: the
        # interpreter (or the CPU) was held that long, most likely by one of them.
        self.late: Counter[tuple[str, ...]] = Counter()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self, *, sample: bool = True) -> None:
        """Start the watcher process; and with `sample`, the sampling of stacks (without it
        the watcher only notes the machine's own stalls: see machine_figures)."""
        watch = Path(__file__).with_name("stall_watch.py")
        out = self._folder / "watched"
        command = [sys.executable, str(watch), str(os.getpid()), str(self._beat_file), str(out)]
        self._watcher = subprocess.Popen(command)
        if sample:
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        if self._watcher is not None:
            self._watcher.terminate()
            self._watcher.wait()
            self.watched, self.machine = _read_watched(self._folder / "watched")

    def _run(self) -> None:
        current: list[tuple[str, ...]] = []
        beat = self._last_beat()
        woke = time.perf_counter()
        while not self._stop.wait(SAMPLE_S):
            slept, woke = time.perf_counter() - woke, time.perf_counter()
            if slept > 0.05:
                self._note_late()
            last = self._last_beat()
            self._beat[:8] = struct.pack("d", last)  # for the watcher
            if last != beat and current:
                self.stalls.append((beat, (last - beat) * 1000, current))
                self.stall_others[beat], self._sampled = self._sampled, Counter()
                current = []
            beat = last
            if (time.perf_counter() - last) * 1000 > SUSPECT_MS:
                self._sample(current)

    def _sample(self, current: list[tuple[str, ...]]) -> None:
        # The frames are let go of on return, before the next sleep: a frame held after its
        # call returns keeps its locals (a paint method's painter) alive, to be dropped later
        # on this thread.
        frames = sys._current_frames()
        frame = frames.pop(self._ui, None)
        if frame is not None:
            current.append(_stack(frame, self._depth))
        frames.pop(threading.get_ident(), None)
        self.others.update(_stack(f, 4) for f in frames.values())
        names = {t.ident: t.name for t in threading.enumerate()}
        self.names.update({t.native_id: t.name for t in threading.enumerate() if t.native_id})
        for ident, other in frames.items():
            stack = _stack(other, 5)
            if not stack[-1].startswith(_IDLE):
                self._sampled[f"{names.get(ident, ident)}: " + " <- ".join(reversed(stack))] += 1

    def _note_late(self) -> None:
        frames = sys._current_frames()
        frames.pop(threading.get_ident(), None)
        for frame in frames.values():
            stack = _stack(frame, 6)
            if not stack[-1].startswith(_IDLE):
                self.late[stack] += 1

    def _rows(self, start: float, ms: float) -> list[Row]:
        return [row for row in self.watched if start <= row[0] <= start + ms / 1000]

    def _kernel_view(self, start: float, ms: float) -> list[str]:
        """The UI thread's kernel states in the stall, the threads running, and the other
        threads' Python stacks sampled in it."""
        rows = self._rows(start, ms)
        ui = Counter(
            _kind(state, wchan) for _t, tid, state, wchan, _n, _c in rows if tid == self._ui_tid
        )
        running = Counter(
            self.names.get(tid, f"{name}/{tid}")
            for _t, tid, state, _w, name, _c in rows
            if state == "R" and tid != self._ui_tid and self.names.get(tid) != "stall-sampler"
        )
        late, steal = self._machine(start, ms)
        cpu: dict[int, list[float]] = {}
        for _t, tid, _s, _w, _n, used in rows:
            cpu.setdefault(tid, []).append(used)
        busy = sorted(((max(u) - min(u), tid) for tid, u in cpu.items()), reverse=True)
        lines = ["   UI thread (kernel): " + ", ".join(f"{k} x{n}" for k, n in ui.most_common())]
        lines.append(f"   machine: watcher process late {late:.0f} ms, steal time {steal:.0f} ms")
        lines.append(
            "   running meanwhile: " + ", ".join(f"{k} x{n}" for k, n in running.most_common(6))
        )
        lines.append(
            "   CPU used meanwhile (watched part): "
            + ", ".join(f"{self._name(tid, rows)} {ms:.0f} ms" for ms, tid in busy[:5] if ms)
        )
        for stack, n in self.stall_others.get(start, Counter()).most_common(4):
            lines.append(f"   other x{n}: {stack}")
        return lines

    def _name(self, tid: int, rows: list[Row]) -> str:
        if tid == self._ui_tid:
            return "UI"
        return self.names.get(tid) or next((f"{r[4]}/{tid}" for r in rows if r[1] == tid), "?")

    def _machine(self, start: float, ms: float) -> tuple[float, float]:
        """How late the watcher process woke (the longest) and the steal time, in a stall
        (and just after it: the watcher notes a late wake when it wakes)."""
        end = start + ms / 1000 + 0.05
        events = [(kind, value) for t, kind, value in self.machine if start <= t <= end]
        late = max((v for kind, v in events if kind == "LATE"), default=0.0)
        return late, sum(v for kind, v in events if kind == "STEAL")

    def machine_figures(self, long_at: dict[float, float]) -> dict[str, float]:
        """The machine's own stalls during the run, and the longest UI stall it did not
        share: a stall (from `long_at`, ms by start) with no late wake of the watcher process
        or steal time of MACHINE_MS or more in it. A process that only sleeps 5 ms at a time
        waking 100 ms late, or the host taking 100 ms of CPU from the machine, delays the UI
        thread alike; steal on the other CPU may count a stall of ours as the machine's."""
        late = [v for _t, kind, v in self.machine if kind == "LATE"]
        steal = sum(v for _t, kind, v in self.machine if kind == "STEAL")
        ours = [ms for start, ms in long_at.items() if max(self._machine(start, ms)) < MACHINE_MS]
        return {
            "watcher process: longest late wake": max(late, default=0.0),
            "watcher process: late wakes over 50 ms": float(sum(1 for v in late if v > 50)),
            "steal time during the run": steal,
            "longest stall the machine did not share": max(ours, default=0.0),
        }

    def _causes(self, over_ms: float) -> list[str]:
        """The stalls over `over_ms` counted by what the UI thread mostly was in them."""
        causes: Counter[str] = Counter()
        for start, ms, _stacks in self.stalls:
            if ms <= over_ms:
                continue
            ui = Counter(
                _kind(state, wchan).split(" (")[0]
                for _t, tid, state, wchan, _n, _c in self._rows(start, ms)
                if tid == self._ui_tid
            )
            late, steal = self._machine(start, ms)
            if late >= MACHINE_MS or steal >= MACHINE_MS:
                causes["machine (watcher late or steal)"] += 1
            else:
                causes[ui.most_common(1)[0][0] if ui else "not watched"] += 1
        return [
            "stalls by the UI thread's main state: "
            + ", ".join(f"{k} {n}" for k, n in causes.most_common())
        ]

    def report(self, over_ms: float = 50.0, worst: int = 8, split: Split | None = None) -> str:
        """The longest stalls with their most common stacks, and the frames seen most over
        all stalls longer than over_ms. With `split` (a stall's start → the UI thread's CPU
        time and run-queue wait in it, ms), also the stalls the UI thread spent most CPU in:
        on a loaded machine the longest stalls are mostly waits for a CPU, and those are
        the ones our own code made."""
        long = sorted((s for s in self.stalls if s[1] > over_ms), key=lambda s: -s[1])
        lines = [f"stalls over {over_ms:.0f} ms with samples: {len(long)}"]
        for start, ms, stacks in long[:worst]:
            lines.extend(_described(start, ms, stacks, split))
            lines.extend(self._kernel_view(start, ms))
        lines.extend(self._causes(over_ms))
        ours = [s for s in long if max(self._machine(s[0], s[1])) < MACHINE_MS]
        lines.append("the longest stalls the machine did not share:")
        for start, ms, stacks in ours[:worst]:
            lines.extend(_described(start, ms, stacks, split))
            lines.extend(self._kernel_view(start, ms))
        if split is not None:
            costly = sorted(self.stalls, key=lambda s: -(split(s[0]) or (0.0, 0.0))[0])
            lines.append("stalls with the most UI-thread CPU time:")
            for start, ms, stacks in costly[:worst]:
                lines.extend(_described(start, ms, stacks, split))
        tops: Counter[str] = Counter()
        for _start, _ms, stacks in long:
            for stack in stacks:
                tops.update(set(stack))
        lines.append("frames in most samples of long stalls:")
        lines.extend(f"   {n:4d} {entry}" for entry, n in tops.most_common(25))
        lines.append("other threads' tops while the UI thread stalled:")
        for stack, n in self.others.most_common(12):
            lines.append(f"   x{n}: " + " <- ".join(reversed(stack)))
        lines.append("threads running when the sampler woke over 50 ms late:")
        for stack, n in self.late.most_common(12):
            lines.append(f"   x{n}: " + " <- ".join(reversed(stack)))
        return "\n".join(lines)


def _described(
    start: float, ms: float, stacks: list[tuple[str, ...]], split: Split | None
) -> list[str]:
    times = split(start) if split is not None else None
    how = f", UI on CPU {times[0]:.0f} ms, runnable not run {times[1]:.0f} ms" if times else ""
    lines = [f"-- {ms:.0f} ms{how}, {len(stacks)} samples"]
    for stack, n in Counter(stacks).most_common(2):
        lines.append(f"   x{n}:")
        lines.extend(f"      {entry}" for entry in stack)
    return lines


_IDLE = ("threading.py", "selectors.py", "queue.py", "connection.py")


Row = tuple[float, int, str, str, str, float]  # time, tid, state, wchan, name, CPU ms so far
Watched = tuple[list[Row], list[tuple[float, str, float]]]


def _read_watched(path: Path) -> Watched:
    """The threads' rows (time, tid, state, wchan, name) and the machine's events (time,
    LATE or STEAL, ms) the watcher wrote."""
    rows, machine = [], []
    with suppress(OSError):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 6:
                time_, tid, state, wchan, cpu, name = parts
                rows.append((float(time_), int(tid), state, wchan, name, float(cpu)))
            elif len(parts) == 3:
                machine.append((float(parts[0]), parts[1], float(parts[2])))
    return rows, machine


def _kind(state: str, wchan: str) -> str:
    """What a thread's kernel state says it is doing."""
    if state == "R":
        return "running"
    if state == "D":
        return f"disk ({wchan})"
    if "futex" in wchan:
        return "lock (futex)"
    if "poll" in wchan or "select" in wchan:
        return "poll"
    return f"{state} {wchan}"
