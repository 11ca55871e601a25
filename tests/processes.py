"""Child processes in tests: the workers multiprocessing spawned, and test scripts run in a
child of their own because what they test ends in a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

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


def run_child(module: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m module` offscreen from the project's root, with faulthandler on so that
    a crash prints its stacks; its output is captured as text."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1"}
    return subprocess.run(
        [sys.executable, "-m", module],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).parents[1],
    )
