"""At start the window checks the search index and rebuilds it with progress when needed."""

from __future__ import annotations

import shutil

import pytest
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.gui.maintenance import Maintenance
from reader.gui.tasks import TaskRunner
from reader.services.library import Library


def test_a_deleted_index_is_rebuilt_with_progress_in_the_status_line(
    qtbot: QtBot, library: Library
) -> None:
    for n in range(30):
        library.add_article(Article(title=f"风筝 {n}", text=f"第{n}只风筝飞上天。", html="<p/>"))
    assert len(library.search("风筝", limit=50).hits) == 30  # builds the index
    assert library.search_index_problem() is None
    library.indexer.close()
    shutil.rmtree(library.paths.index_root)
    assert library.search_index_problem() is not None

    search_lane, edit_lane = TaskRunner(1), TaskRunner(1)
    chores = Maintenance(library, search_lane, edit_lane, search_lane)
    lines: list[str] = []
    chores.status_changed.connect(lines.append)
    with qtbot.waitSignal(
        chores.status_changed, timeout=30_000, check_params_cb=lambda text: "built" in text
    ):
        chores.start()
    chores.stop()
    assert any("Rebuilding the search index" in line for line in lines)
    assert len(library.search("风筝", limit=50).hits) == 30
    search_lane.shut_down()
    edit_lane.shut_down()


@pytest.mark.logs
def test_a_damaged_index_says_why_it_was_rebuilt(qtbot: QtBot, library: Library) -> None:
    library.add_article(Article(title="Kites", text="Kites over the lake.", html="<p/>"))
    assert library.search("kites").hits
    library.indexer.close()
    for segment in library.paths.index_root.rglob("*.seg"):
        segment.write_bytes(b"garbage")
    search_lane, edit_lane = TaskRunner(1), TaskRunner(1)
    chores = Maintenance(library, search_lane, edit_lane, search_lane)
    with qtbot.waitSignal(
        chores.status_changed,
        timeout=30_000,
        check_params_cb=lambda text: text.startswith("Search index rebuilt ("),
    ):
        chores.start()
    chores.stop()
    assert [h.id for h in library.search("kites").hits] == [1]
    search_lane.shut_down()
    edit_lane.shut_down()
