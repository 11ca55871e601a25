"""SIGKILL during a batched, multi-process import: every file reported imported is kept, and
no worker process outlives the import."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from tests.processes import spawned_workers
from tests.reliability import crashing_import
from tests.reliability.test_import_batches import story

CHILD = Path(__file__).with_name("import_child.py")
ROUNDS = 4
FILES = 800

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]


def _child(data_dir: Path, folder: Path, *extra: str, env: dict[str, str] | None = None) -> Any:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(folder), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **(env or {})},
    )


def test_kill_during_an_import_keeps_every_file_reported(tmp_path: Path) -> None:
    data_dir = tmp_path / "lib"
    rng = random.Random(4321)
    promised: dict[int, str] = {}
    cut_short = 0
    for round_ in range(ROUNDS):
        folder = tmp_path / f"in{round_}"
        for n in range(FILES):
            story(folder, round_ * 1000 + n)
        child = _child(data_dir, folder)
        assert child.stdout is not None
        first = next(line for line in child.stdout if line.startswith("IMPORTED"))
        time.sleep(rng.uniform(0.0, 1.5))  # anywhere in the batches after the first
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        lines = [first.rstrip("\n"), *out.splitlines()]
        reported = [line.split(" ", 2) for line in lines if line.startswith("IMPORTED")]
        promised.update({int(article_id): title for _, article_id, title in reported})
        cut_short += len(reported) < FILES
    assert cut_short, "every import finished before its kill; lower the delays"

    conn = sqlite3.connect(DataPaths(data_dir).database)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Library(DataPaths(data_dir)) as lib:
        for article_id, title in promised.items():
            assert lib.get_article(article_id).summary.title == title


def test_workers_exit_when_the_import_is_killed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for n in range(16):
        story(folder, n)
    slow = "0014.txt"  # extracted by a worker (the first files are extracted in-process)
    child = _child(tmp_path / "lib", folder, "slow", env={crashing_import.SLOW_NAME: slow})
    workers: list[psutil.Process] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == f"STARTED {slow}":
                break
        deadline = time.monotonic() + 20
        while not workers and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = spawned_workers(psutil.Process(child.pid).children(recursive=True))
        assert workers, "the import started no worker process"
        time.sleep(1.0)  # the slow file is in a worker's hands by now
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert not alive, f"orphaned import workers: {[p.pid for p in alive]}"
    finally:
        for worker in workers:  # orphans hold the child's stdout open
            with contextlib.suppress(psutil.NoSuchProcess):
                worker.kill()
        child.kill()
        child.communicate(timeout=10)
