"""Light commands (search, list, show) start fast: a real `reader` process that ran one has
not loaded the importers, exporters, capture, sync or their libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import reader

# What a search or a listing never needs; each costs start-up time (or pulls a library in).
HEAVY = (
    "reader.services.importing",
    "reader.services.annotating",
    "reader.services.capturing",
    "reader.importers.pipeline",
    "reader.importers.annotations",
    "reader.exporters.w3c",
    "reader.exporters.vault",
    "reader.capture.connector",
    "reader.sync.service",
    "reader.storage.foreign",
    "http.server",
    "httpx",
    "trafilatura",
    "lxml",
)

# The real command in a process of its own, reporting which modules it ended with.
_RUN = """
import json, sys
from reader.cli.main import main
code = main(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(sorted(sys.modules), out)
raise SystemExit(code)
"""


def loaded_by(data_dir: Path, report: Path, *args: str) -> set[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("READER_DATA_DIR", None)
    command = [sys.executable, "-c", _RUN, str(report), "--data-dir", str(data_dir), *args]
    proc = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(report.read_text(encoding="utf-8")))


@pytest.mark.slow
def test_search_list_and_show_leave_the_heavy_parts_unloaded(tmp_path: Path) -> None:
    data_dir = tmp_path / "library"
    article = tmp_path / "harbour.txt"
    article.write_text("Harbour lights\n\nThe ferry leaves the harbour at dawn.", encoding="utf-8")
    reader(data_dir, "import", str(article), check=True)
    report = tmp_path / "modules.json"
    for args in (("search", "harbour"), ("list",), ("show", "1")):
        loaded = loaded_by(data_dir, report, *args)
        assert "reader.services.library" in loaded  # the command did run through the library
        assert sorted(name for name in HEAVY if name in loaded) == [], args
    assert "whoosh" in loaded_by(data_dir, report, "search", "harbour")


def test_the_library_still_hands_out_what_it_loads_later(tmp_path: Path) -> None:
    """The import results, the sync service and the rest come on first use, once."""
    from reader.paths import DataPaths
    from reader.services import library
    from reader.services.importing import ImportStatus

    assert library.ImportStatus is ImportStatus
    with pytest.raises(AttributeError):
        _ = library.NoSuchThing  # type: ignore[attr-defined]
    lib = library.Library(DataPaths(tmp_path / "library"))
    try:
        assert lib.importing is lib.importing and lib.capturing is lib.capturing
        assert lib.sync.status().folder is None
    finally:
        lib.close()


def test_the_commands_tool_names_are_the_parsers() -> None:
    """`annotations import --from` offers the tools by a list kept apart from their parsers."""
    from reader.core.foreign import TOOLS
    from reader.importers.annotations import PARSERS

    assert tuple(PARSERS) == TOOLS


def test_threads_asking_at_once_share_each_part(tmp_path: Path) -> None:
    """The window's threads may ask for a part first at the same time: one part each, no hang."""
    import threading

    from reader.paths import DataPaths
    from reader.services.library import Library

    lib = Library(DataPaths(tmp_path / "library"))
    names = ("capturing", "importing", "annotations", "sync") * 3
    seen: list[tuple[str, int]] = []
    start = threading.Barrier(len(names))

    def ask(name: str) -> None:
        start.wait()
        seen.append((name, id(getattr(lib, name))))

    threads = [threading.Thread(target=ask, args=(name,)) for name in names]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads)
        assert len(seen) == len(names)
        for name in set(names):
            assert {part for asked, part in seen if asked == name} == {id(getattr(lib, name))}
    finally:
        lib.close()
