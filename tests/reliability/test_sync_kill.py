"""A Reader killed in the middle of applying sync files loses nothing and applies them later."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from reader.paths import DataPaths
from reader.services.library import Library
from tests.articles import PLAIN_EN, write

# Applies the folder's files in a real process that is SIGKILLed inside the apply transaction,
# after the tables were written and before the commit.
CHILD = """
import os, signal, sys
from pathlib import Path
import reader.sync.service as service
from reader.services.library import Library
from reader.paths import DataPaths

real = service.apply_records

def apply_then_die(conn, records, fetch):
    real(conn, records, fetch)
    os.kill(os.getpid(), signal.SIGKILL)

service.apply_records = apply_then_die
Library(DataPaths(Path(sys.argv[1]))).sync_now()
"""


def _state(lib: Library) -> tuple[object, ...]:
    with lib.db.reading() as conn:
        return (
            conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            conn.execute("SELECT count(*) FROM highlights").fetchone()[0],
            conn.execute("SELECT count(*) FROM sync_files").fetchone()[0],
            conn.execute("SELECT count(*) FROM sync_fields").fetchone()[0],
        )


def test_a_kill_in_mid_apply_leaves_nothing_half_applied(tmp_path: Path) -> None:
    shared = tmp_path / "Sync"
    with Library(DataPaths(tmp_path / "a")) as a:
        a.sync.setup(shared, "alice")
        article = a.import_path(write(tmp_path / "in.txt", PLAIN_EN)).article_id
        assert article is not None
        a.annotations.highlight_quote(article, "fishing boats", note="kept")
        a.sync_now()
        library = a.sync.status().library
    with Library(DataPaths(tmp_path / "b")) as b:
        b.sync.join(library, shared, "bob")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "b")],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    with Library(DataPaths(tmp_path / "b")) as b:
        assert _state(b) == (0, 0, 0, 0)  # the killed transaction left nothing behind
        report = b.sync_now()
        assert report.applied_files == 1
        (summary,) = b.list_articles()
        assert [h.note for h in b.annotations.highlights(summary.id)] == ["kept"]
