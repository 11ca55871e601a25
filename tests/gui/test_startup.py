"""The window's start: it paints before reading the library, then fills in what it read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.models.sidebar import COUNT_ROLE, VIEW
from reader.gui.reading import LAST_ARTICLE_KEY
from reader.paths import DataPaths
from reader.services.library import Library
from reader.storage.articles import ArticleFilter
from tests.gui.conftest import HARBOUR_HTML, HARBOUR_TITLE, html_article
from tests.gui.settling import settled

# What the first paint must not wait for: search, the importers' extraction, the HTTP client.
NOT_BEFORE_PAINT = ("whoosh", "trafilatura", "lxml", "opencc", "httpx", "keyring")


def all_articles_count(window: MainWindow) -> object:
    sidebar = window.parts.sidebar
    assert sidebar.choose(VIEW, "all")
    return sidebar.currentIndex().data(COUNT_ROLE)


def test_the_list_and_the_counts_are_read_off_the_ui_thread(
    qtbot: QtBot, library: Library, filled: dict[str, int], settings: QSettings
) -> None:
    window = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(window)
    # Built, and nothing read yet: the answers come through the event loop, after the paint.
    assert all_articles_count(window) is None
    assert window.parts.article_model.rowCount() == 0
    assert window.parts.article_list.model() is window.parts.article_model
    settled(window, qtbot)
    assert all_articles_count(window) == len(filled)
    assert window.parts.article_model.rowCount() == len(filled)
    assert window.parts.counts_label.text().startswith(f"{len(filled)} articles")


def test_the_last_article_is_reopened_after_the_first_paint(
    qtbot: QtBot, library: Library, filled: dict[str, int], settings: QSettings
) -> None:
    settings.setValue(LAST_ARTICLE_KEY, filled["harbour"])
    window = MainWindow(library, settings, theme_override="light")
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    assert window.current.article_id is None  # shown, not painted yet
    assert not window.settled
    settled(window, qtbot)
    assert window.current.article_id == filled["harbour"]
    assert window.parts.article_list.selected_ids() == [filled["harbour"]]


def test_a_background_list_query_overtaken_by_a_chosen_view_is_dropped(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int]
) -> None:
    model = window.parts.article_model
    model.reload_next_on(window.count_lane)
    model.set_filter(ArticleFilter())  # all articles, queried on the lane
    model.set_filter(ArticleFilter(section="World"))  # at once, on the UI thread
    settled(window, qtbot)
    assert [model.article_id(row) for row in range(model.rowCount())] == [filled["harbour"]]


@pytest.mark.slow
def test_search_and_importers_are_not_imported_before_the_first_paint(tmp_path: Path) -> None:
    with Library(DataPaths(tmp_path)) as library:
        library.add_article(html_article(HARBOUR_TITLE, HARBOUR_HTML))
    probe = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), "gui", "--startup-probe"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(probe.stdout.splitlines()[0])
    loaded = set(report["modules"])
    assert "PySide6" in loaded and "reader" in loaded
    assert loaded.isdisjoint(NOT_BEFORE_PAINT), loaded & set(NOT_BEFORE_PAINT)
    # What the start made is kept out of the collector's full passes (see application.py).
    assert report["frozen"] > 10_000


def test_opening_articles_syncs_no_settings_until_the_window_closes(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int], settings: QSettings
) -> None:
    # A settings write syncs the file to disk on the UI thread: not at each opening.
    stored = Path(settings.fileName())
    first, last = list(filled.values())[:2]
    for article_id in (first, last):
        assert window.open_article(article_id)
    settled(window, qtbot)
    qtbot.wait(50)  # room for the settings' own deferred sync, if one was asked for
    assert "article=" not in (stored.read_text() if stored.exists() else "")
    window.close()
    settings.sync()
    assert f"article={last}" in stored.read_text()
