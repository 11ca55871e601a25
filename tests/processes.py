"""The worker processes tests look for: children that multiprocessing spawned."""

from __future__ import annotations

from collections.abc import Iterable

import psutil


def spawned_workers(processes: Iterable[psutil.Process]) -> list[psutil.Process]:
    """The live spawned workers among `processes` (children that ended earlier, in other
    tests, may linger as zombies until reaped: their command line cannot be read)."""
    found = []
    for process in processes:
        try:
            if "spawn_main" in " ".join(process.cmdline()):
                found.append(process)
        except (psutil.ZombieProcess, psutil.NoSuchProcess):
            continue
    return found
