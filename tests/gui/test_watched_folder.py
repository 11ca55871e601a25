"""The watched folder: new complete files are imported once, partial downloads wait, and the
watch survives a restart of the window."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.watched_folder import CLOCK_SLACK_NS, STABLE_S, NewFiles, WatchedFolderPanel
from reader.services.library import ImportStatus, Library

STORY = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    + "<p>The harbour ferry will keep its winter timetable until April, the operator said, "
    "because the new boat has not yet passed its sea trials.</p>"
    * 3
    + "<p>{extra}</p></article></body></html>"
)


def page(title: str) -> bytes:
    return STORY.format(title=title, extra=title).encode("utf-8")


def test_new_complete_files_are_handed_out_once(tmp_path: Path) -> None:
    (tmp_path / "old.html").write_bytes(page("Old"))
    files = NewFiles(tmp_path, time.time_ns(), slack_ns=CLOCK_SLACK_NS)
    files.skip_present()
    assert files.scan(0.0) == []
    partial = tmp_path / "story.html.crdownload"
    partial.write_bytes(page("Story")[:50])
    (tmp_path / ".hidden.html").write_bytes(page("Hidden"))
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert files.scan(10.0) == [] and files.scan(20.0) == []  # a partial download waits
    partial.write_bytes(page("Story"))
    partial.rename(tmp_path / "story.html")
    assert files.scan(30.0) == []  # seen once: maybe still being written
    with (tmp_path / "story.html").open("ab") as growing:
        growing.write(b"<!-- more -->")
    assert files.scan(30.0 + STABLE_S) == []  # it changed: wait again
    assert files.scan(30.0 + 2 * STABLE_S) == [tmp_path / "story.html"]
    assert files.scan(100.0) == []  # never twice
    assert (tmp_path / "old.html").exists()  # there before the watch: never imported


@pytest.mark.slow
def test_a_downloaded_page_is_imported_and_reported(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "before.html").write_bytes(page("Already here"))
    window.watched.watch(folder)
    before = library.count()
    partial = folder / "ferry.html.part"
    partial.write_bytes(page("Ferry keeps winter timetable"))
    with qtbot.waitSignal(window.watched.imported, timeout=20_000) as done:
        partial.rename(folder / "ferry.html")
    result = done.args[0]
    assert result.status is ImportStatus.IMPORTED, result
    assert library.count() == before + 1
    assert "Ferry keeps winter timetable" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.parts.article_model.row_of(result.article_id) is not None)


@pytest.mark.slow
def test_the_watch_survives_a_restart_and_never_imports_twice(
    qtbot: QtBot, window: MainWindow, library: Library, settings: QSettings, tmp_path: Path
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    window.watched.watch(folder)
    with qtbot.waitSignal(window.watched.imported, timeout=20_000):
        (folder / "first.html").write_bytes(page("First story"))
    qtbot.waitUntil(lambda: not window.import_lane.busy)
    window.close()
    (folder / "second.md").write_text("# Second story\n\nWritten while Reader was closed.\n")
    count = library.count()
    again = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(again)
    assert again.watched.folder == folder
    seen: list[object] = []
    again.watched.imported.connect(seen.append)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not again.import_lane.busy)
    again.watched.scan()  # nothing new: first.html is known to the library already
    qtbot.waitUntil(lambda: not again.import_lane.busy)
    assert [getattr(r, "title", None) for r in seen] == ["Second story"]
    assert library.count() == count + 1
    panel = WatchedFolderPanel(again.watched)
    qtbot.addWidget(panel)
    assert panel.label.text() == str(folder)
    panel.stop.click()
    assert again.watched.folder is None and not panel.stop.isEnabled()
    again.close()
    third = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(third)
    assert third.watched.folder is None
    third.close()
    assert (folder / "first.html").exists()  # the watch only reads


def test_a_downloaded_book_is_handed_out(tmp_path: Path) -> None:
    from tests.epubs import build_epub, sample_book

    files = NewFiles(tmp_path, time.time_ns())
    (tmp_path / "keeper.epub").write_bytes(build_epub(sample_book()))
    assert files.scan(0.0) == []
    assert files.scan(STABLE_S) == [tmp_path / "keeper.epub"]


def test_a_file_stamped_just_before_the_watch_began_is_still_new(tmp_path: Path) -> None:
    """File times come from a clock that lags (Linux ticks every few ms; FAT keeps 2 s): a
    download finished right after the watch began may carry an earlier time."""
    finished = tmp_path / "finished.html"
    finished.write_bytes(page("Finished"))
    since = time.time_ns() + CLOCK_SLACK_NS // 2  # its times are earlier
    files = NewFiles(tmp_path, since, slack_ns=CLOCK_SLACK_NS)
    assert files.scan(0.0) == []
    assert files.scan(STABLE_S) == [finished]


def test_a_file_there_when_the_watch_began_waits_until_it_changes(tmp_path: Path) -> None:
    there = tmp_path / "there.html"
    there.write_bytes(page("There"))
    since = time.time_ns()
    files = NewFiles(tmp_path, since, slack_ns=CLOCK_SLACK_NS)
    files.skip_present()
    assert files.scan(0.0) == [] and files.scan(10.0) == []
    resumed = NewFiles(tmp_path, since)  # the window started again: no names known
    assert resumed.scan(0.0) == [] and resumed.scan(10.0) == []
    with there.open("ab") as growing:
        growing.write(b"<!-- still downloading -->")
    assert files.scan(20.0) == []
    assert files.scan(20.0 + STABLE_S) == [there]
