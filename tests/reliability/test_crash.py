"""SIGKILL at random moments while importing and saving notes loses nothing that was saved."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library

KILLS = int(os.environ.get("READER_CRASH_KILLS", "20"))
CHILD = Path(__file__).with_name("crash_child.py")


def _run_and_kill(data_dir: Path, start: int, delay: float) -> list[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, err
    return out.splitlines()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_during_imports_and_notes(tmp_path: Path) -> None:
    data_dir = tmp_path / "lib"
    rng = random.Random(1234)
    promised_articles: dict[int, int] = {}
    promised_notes: dict[int, str] = {}
    start = 0
    for _ in range(KILLS):
        # Python and the library take ~0.3 s to start; kill anywhere in the busy part after.
        lines = _run_and_kill(data_dir, start, rng.uniform(0.35, 1.2))
        for line in lines:
            kind, article_id, rest = line.split(" ", 2)
            if kind == "IMPORTED":
                promised_articles[int(article_id)] = int(rest)
            else:
                promised_notes[int(article_id)] = rest
        start += 1000
    assert promised_notes, "the child never got to save anything; raise the delays"

    conn = sqlite3.connect(DataPaths(data_dir).database)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # No half-imported article: every row has its body.
    orphans = conn.execute(
        "SELECT count(*) FROM articles a LEFT JOIN article_content c ON c.article_id = a.id "
        "WHERE c.article_id IS NULL"
    ).fetchone()[0]
    assert orphans == 0
    conn.close()

    with Library(DataPaths(data_dir)) as lib:
        for article_id, n in promised_articles.items():
            assert lib.get_article(article_id).summary.title == f"Article {n}"
            assert (lib.assets_dir(article_id) / f"{n:08x}.png").is_file()
        for article_id, note in promised_notes.items():
            saved = lib.annotations.for_article(article_id).note
            assert saved is not None and saved.text == note
        assert not list(lib.paths.assets.glob("*.partial")), "next start cleans staging"
