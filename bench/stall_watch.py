"""The kernel's view of a process's threads during its UI thread's stalls, from outside it.

Run by StallSampler as a child process: `stall_watch.py PID BEAT_FILE OUT_FILE`. While the
heartbeat in BEAT_FILE (a float, CLOCK_MONOTONIC seconds, written by the watched process) is
older than the threshold, every thread of PID is read from /proc every 5 ms: its state (R
running or runnable, S sleeping, D disk), where it sleeps in the kernel (wchan: a futex is
most likely the interpreter lock, poll the event loop), and its CPU time. Being a process of
its own, the watcher sees the threads while one of them holds the interpreter lock; a thread
inside the watched process could not look before the lock came free.

Each line of OUT_FILE: `time tid state wchan cpu_ms name`; and, whatever the heartbeat,
`time LATE ms` when the watcher itself woke over LATE_MS late, `time STEAL ms` when the
machine's steal time grew (its CPUs were given to other machines by the host). A stall the
watcher was late for too, or with steal time in it, is the machine's, not the program's.
"""

from __future__ import annotations

import mmap
import os
import struct
import sys
import time
from pathlib import Path

PERIOD_S = 0.005
OLDER_THAN_S = 0.030
LATE_MS = 30.0
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def steal_ms() -> float:
    """The machine's steal time so far (all CPUs)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    return int(fields[8]) * TICK_MS if len(fields) > 8 else 0.0


def threads(pid: int) -> list[str]:
    rows = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        tid, base = task.name, str(task)
        try:
            stat = Path(f"{base}/stat").read_text()
            wchan = Path(f"{base}/wchan").read_text() or "-"
            on_cpu = int(Path(f"{base}/schedstat").read_text().split()[0]) // 1_000_000
        except (OSError, ValueError, IndexError):
            continue  # the thread ended meanwhile
        name = stat[stat.index("(") + 1 : stat.rindex(")")].replace(" ", "_")
        state = stat[stat.rindex(")") + 2 :].split()[0]
        rows.append(f"{tid} {state} {wchan if wchan != '0' else '-'} {on_cpu} {name}")
    return rows


def main() -> int:
    pid, beat_file, out_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    # Line-buffered: the watcher is ended by a signal, and what it buffered would be lost (the
    # machine's events are written whether or not the UI thread stalls).
    out_path = Path(out_file)
    with (
        Path(beat_file).open("rb") as beat_fd,
        out_path.open("w", encoding="utf-8", buffering=1) as out,
    ):
        beat = mmap.mmap(beat_fd.fileno(), 8, prot=mmap.PROT_READ)
        woke, stolen = time.monotonic(), steal_ms()
        while Path(f"/proc/{pid}").exists():
            now, steal = time.monotonic(), steal_ms()
            if (now - woke) * 1000 - PERIOD_S * 1000 > LATE_MS:
                out.write(f"{now:.4f} LATE {(now - woke) * 1000:.0f}\n")
            if steal > stolen:
                out.write(f"{now:.4f} STEAL {steal - stolen:.0f}\n")
            stolen = steal
            (last,) = struct.unpack("d", beat[:8])
            if last and now - last > OLDER_THAN_S:
                with_time = (f"{now:.4f} {row}" for row in threads(pid))
                out.write("\n".join(with_time) + "\n")
                out.flush()
            woke = time.monotonic()
            time.sleep(PERIOD_S)
    return 0


if __name__ == "__main__":
    sys.exit(main())
