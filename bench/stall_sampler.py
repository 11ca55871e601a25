"""Where the UI thread is during a stall: its Python stack sampled from another thread.

A Heartbeat (a 5 ms QTimer on the UI thread) notes when it last ran; a sampler thread looks
every 10 ms and, while the last beat is older than a threshold, records the UI thread's top
frames (sys._current_frames). Each stall's samples are kept with its length, so a report
can name what the longest stalls were doing.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable

SAMPLE_S = 0.010
# A stall's start → the UI thread's CPU time and run-queue wait in it (ms), where known.
Split = Callable[[float], tuple[float, float] | None]
SUSPECT_MS = 30.0


def _stack(frame: object, depth: int) -> tuple[str, ...]:
    entries = traceback.extract_stack(frame)[-depth:]  # type: ignore[arg-type]
    return tuple(f"{e.filename.rsplit('/', 2)[-1]}:{e.lineno} {e.name}" for e in entries)


class StallSampler:
    """Samples the calling (UI) thread's stack while `last_beat()` is older than SUSPECT_MS."""

    def __init__(self, last_beat: Callable[[], float], depth: int = 12) -> None:
        self._last_beat = last_beat
        self._depth = depth
        self._ui = threading.get_ident()
        self._stop = threading.Event()
        self.stalls: list[tuple[float, float, list[tuple[str, ...]]]] = []  # (start, ms, stacks)
        self.others: Counter[tuple[str, ...]] = Counter()  # other threads' tops meanwhile
        # Where the other threads were when this sampler itself woke > 50 ms late: the
        # interpreter (or the CPU) was held that long, most likely by one of them.
        self.late: Counter[tuple[str, ...]] = Counter()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        current: list[tuple[str, ...]] = []
        beat = self._last_beat()
        woke = time.perf_counter()
        while not self._stop.wait(SAMPLE_S):
            slept, woke = time.perf_counter() - woke, time.perf_counter()
            if slept > 0.05:
                self._note_late()
            last = self._last_beat()
            if last != beat and current:
                self.stalls.append((beat, (last - beat) * 1000, current))
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

    def _note_late(self) -> None:
        frames = sys._current_frames()
        frames.pop(threading.get_ident(), None)
        for frame in frames.values():
            stack = _stack(frame, 6)
            if not stack[-1].startswith(("threading.py", "selectors.py", "queue.py")):
                self.late[stack] += 1

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
