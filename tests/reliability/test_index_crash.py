"""SIGKILL while the search index is rebuilt or updated: the library opens, search recovers."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from tests.reliability.conftest import article, fill, integrity

KILLS = int(os.environ.get("READER_INDEX_KILLS", "6"))
ARTICLES = 1500


def _kill_later(args: list[str], delay: float) -> None:
    """Run `reader ARGS` and SIGKILL it, with the index workers it started, after `delay`."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # the rebuild's worker processes die with it
    )
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):  # finished first: a valid moment too
        os.killpg(child.pid, signal.SIGKILL)
    _, err = child.communicate(timeout=60)
    assert b"Traceback" not in err, err.decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_during_reindex_and_import(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "lib")
    with Library(paths) as lib:
        notes = fill(lib, ARTICLES, notes_every=50)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    for n in range(ARTICLES, ARTICLES + 300):
        a = article(n)
        (incoming / f"{n}.txt").write_text(f"{a.title}\n\n{a.text}", encoding="utf-8")

    rng = random.Random(4321)
    base = ["--data-dir", str(paths.root)]
    for kill in range(KILLS):
        # Python starts in ~0.3 s; a rebuild of 1,500 articles then takes about half a second.
        command = ["reindex"] if kill % 3 else ["import", str(incoming)]
        _kill_later(base + command, rng.uniform(0.3, 1.0))

    assert integrity(paths.database) == "ok"
    with Library(paths) as lib:
        total = lib.count()
        assert ARTICLES <= total <= ARTICLES + 300
        found = lib.search("kites", limit=1)
        assert found.total == total
        assert lib.search('"article 7 kites"').total >= 0  # phrase queries work too
        for article_id, text in notes.items():
            note = lib.annotations.for_article(article_id).note
            assert note is not None and note.text == text
        assert lib.search("笔记", limit=1).total == len(notes)
    # The next start finds the index healthy. A killed `reindex` leaves its build to be
    # resumed (by design); the next rebuild finishes it and leaves one generation behind.
    with Library(paths) as lib:
        assert lib.indexer.ensure_healthy() is None
        assert lib.search("harbour", limit=1).total == total
        for _ in lib.rebuild_search_index():
            pass
        assert lib.search("harbour", limit=1).total == total
    left = sorted(p.name for p in paths.index_root.iterdir() if p.is_dir())
    assert len(left) == 1 and left[0].startswith("gen-"), left
