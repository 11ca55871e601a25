"""A rebuild's worker processes never outlive it, even when it is killed outright."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import psutil
import pytest

from tests.processes import spawned_workers

# Rebuilds 40 documents with two processes, 16 documents each per batch: the first batch
# goes through the worker, then the document source stalls, leaving the worker idle and
# waiting for its next task (where an orphan used to wait for ever).
_REBUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reader.search import SearchDocument, SearchIndex

    def documents():
        for n in range(40):
            yield SearchDocument(id=n, title=f"title {n}", body="harbour kites " * 300)
        print("READY", flush=True)
        time.sleep(600)

    index = SearchIndex(Path(sys.argv[1]), rebuild_procs=2, batch_size=16)
    for _ in index.rebuild(documents(), 40):
        pass
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_workers_exit_when_the_rebuild_is_killed(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    rebuild = subprocess.Popen(
        [sys.executable, "-c", _REBUILD, str(tmp_path / "index")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    children: list[psutil.Process] = []
    try:
        assert rebuild.stdout is not None
        assert rebuild.stdout.readline().strip() == "READY", rebuild.stderr
        children = psutil.Process(rebuild.pid).children(recursive=True)
        workers = spawned_workers(children)
        assert workers, "the rebuild started no worker process"
        rebuild.send_signal(signal.SIGKILL)  # the rebuild only: its workers are left behind
        rebuild.wait(timeout=10)
        _, alive = psutil.wait_procs(children, timeout=10)
        assert not alive, f"orphaned worker processes: {[p.pid for p in alive]}"
    finally:
        # Orphans first: they hold the rebuild's stdout open, so communicate() would wait.
        for child in children:
            with contextlib.suppress(psutil.NoSuchProcess):
                child.kill()
        rebuild.kill()
        rebuild.communicate(timeout=10)
