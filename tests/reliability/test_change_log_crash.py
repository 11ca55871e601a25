"""A note committed by a process killed before it reached the index is still found."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.paths import DataPaths
from reader.services.library import Library
from tests.articles import PLAIN_EN, write

# The child saves a note and is SIGKILLed right after the first transaction commits: before
# anything else the library does for that note, such as telling the search index.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from contextlib import contextmanager
    from pathlib import Path
    from reader.services.library import Library
    from reader.paths import DataPaths

    lib = Library(DataPaths(Path(sys.argv[1])))
    commit = lib.db.transaction

    @contextmanager
    def commit_then_die(*args, **kwargs):
        with commit(*args, **kwargs) as conn:
            yield conn
        os.kill(os.getpid(), signal.SIGKILL)

    lib.db.transaction = commit_then_die
    lib.annotations.set_note(int(sys.argv[2]), "zebrafish seen from the quay")
    print("NOT KILLED", flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("in_worker", [False, True], ids=["command line", "window"])
def test_killed_right_after_the_commit(tmp_path: Path, in_worker: bool) -> None:
    paths = DataPaths(tmp_path / "lib")
    with Library(paths) as lib:
        article = lib.import_path(write(tmp_path / "in" / "harbour.txt", PLAIN_EN)).article_id
        assert article is not None and lib.search("harbour").hits
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(paths.root), str(article)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    with Library(paths) as lib:
        if in_worker:  # the window's catch-up runs in a worker process
            lib.update_search_index_in_worker()
        note = lib.annotations.for_article(article).note
        assert note is not None and "zebrafish" in note.text
        result = lib.search("zebrafish")
        assert [h.id for h in result.hits] == [article]
        assert result.message is None  # caught up from the change log: no reindex, no rebuild
