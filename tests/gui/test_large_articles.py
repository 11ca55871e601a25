"""Long articles: their text map is built on a worker, and the pane does not wait for layout."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.core.annotation import Color
from reader.gui.main_window import MainWindow
from reader.gui.text_mapping import TextMap
from reader.gui.views import reading_pane, text_maps
from reader.services.library import Library
from tests.gui.conftest import html_article


class GatedBuilds:
    """TextMap.build, recording the thread it ran on and waiting for `gate` first."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.threads: list[threading.Thread] = []

    def build(
        self, text: str, document: str, body_start: int = 0, hidden: Sequence[tuple[int, int]] = ()
    ) -> TextMap:
        self.threads.append(threading.current_thread())
        assert self.gate.wait(10)
        # The real one: only the pane's is gated.
        return TextMap.build(text, document, body_start, hidden)


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[GatedBuilds]:
    builds = GatedBuilds()
    monkeypatch.setattr(text_maps, "SYNC_MAP_CHARS", 0)  # every article takes the long road
    gated_map = type("GatedTextMap", (), {"build": staticmethod(builds.build)})
    monkeypatch.setattr(text_maps, "TextMap", gated_map)
    yield builds
    builds.gate.set()


def select_text(window: MainWindow, start: int, end: int) -> None:
    cursor = QTextCursor(window.parts.pane.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.parts.pane.setTextCursor(cursor)


def test_the_text_map_is_built_off_the_ui_thread_and_highlighting_waits_for_it(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], gated: GatedBuilds
) -> None:
    pane, yellow = window.parts.pane, window.menu_actions.highlight_colors[Color.YELLOW]
    assert window.select_article(filled["harbour"])
    body = pane.toPlainText().index("The fishing boats")
    select_text(window, body, body + len("The fishing boats"))
    assert not pane.text_map_ready and not yellow.isEnabled()
    assert not window.annotations.commands.highlight_selection(Color.YELLOW)
    with qtbot.waitSignal(pane.text_map_built, timeout=5000):
        gated.gate.set()
    assert gated.threads and threading.main_thread() not in gated.threads
    assert yellow.isEnabled()
    assert window.annotations.commands.highlight_selection(Color.YELLOW)
    qtbot.waitUntil(lambda: len(pane.marks) == 1)
    [highlight] = library.annotations.highlights(filled["harbour"])
    assert highlight.quote.exact == "The fishing boats"


def test_a_map_finished_after_the_article_changed_is_dropped(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int], gated: GatedBuilds
) -> None:
    pane = window.parts.pane
    window.select_article(filled["kite"])
    window.select_article(filled["harbour"])
    gated.gate.set()
    qtbot.waitUntil(lambda: pane.text_map_ready)
    qtbot.waitUntil(lambda: window.settled)
    text_map = pane.text_map
    assert text_map is not None
    harbour = library.get_article(filled["harbour"]).text
    start = harbour.index("Tourists")
    span = text_map.to_document(start, start + len("Tourists"))
    assert span is not None
    assert pane.toPlainText()[span[0] : span[1]] == "Tourists"


def test_maps_of_articles_gone_through_before_they_were_built_are_never_built(
    qtbot: QtBot, window: MainWindow, filled: dict[str, int], gated: GatedBuilds
) -> None:
    """Going through articles one after another queued a map of each on the lane, each
    holding the interpreter lock beside the UI thread: only the one shown now is built."""
    pane = window.parts.pane
    assert len(filled) >= 3
    order = list(filled.values())
    for article_id in order:
        window.select_article(article_id)
    qtbot.waitUntil(lambda: len(gated.threads) == 1)  # the first one's, waiting at the gate
    gated.gate.set()
    qtbot.waitUntil(lambda: pane.text_map_ready)
    qtbot.waitUntil(lambda: window.settled)
    assert len(gated.threads) == 2  # the first (running when the others came) and the last
    assert pane.article is not None and pane.article.id == order[-1]


def test_a_long_article_reopens_at_its_position_without_a_full_layout_first(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    paragraphs = [
        f"Paragraph {n}: the river bends and the town listens to its clocks, again." * 3
        for n in range(800)
    ]
    html = "".join(f"<p>{p}</p>" for p in paragraphs)
    result = library.add_article(html_article("Long", html), path="long")
    assert result.article_id is not None
    article_id = result.article_id
    library.set_reading_position(article_id, 0.5)
    window.reload()
    qtbot.waitUntil(lambda: window.settled)
    assert window.open_article(article_id)
    pane = window.parts.pane
    assert pane.document().characterCount() > reading_pane.LAZY_LAYOUT_CHARS
    qtbot.waitUntil(lambda: abs(pane.fraction() - 0.5) < 0.02, timeout=10_000)


def test_an_ordinary_article_is_mapped_off_the_ui_thread(
    qtbot: QtBot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A few thousand characters took the UI thread tens of milliseconds to map at once.
    builds = GatedBuilds()
    builds.gate.set()
    monkeypatch.setattr(
        text_maps, "TextMap", type("Recorded", (), {"build": staticmethod(builds.build)})
    )
    paragraphs = [
        f"Paragraph {n}: the harbour wakes before the town does, quietly." for n in range(80)
    ]
    html = "".join(f"<p>{p}</p>" for p in paragraphs)
    result = library.add_article(html_article("Medium", html), path="medium")
    assert result.article_id is not None
    window.reload()
    qtbot.waitUntil(lambda: window.settled)
    assert window.open_article(result.article_id)
    assert 4_000 < len(window.parts.pane.toPlainText()) < 20_000
    qtbot.waitUntil(lambda: window.parts.pane.text_map_ready)
    assert builds.threads and threading.main_thread() not in builds.threads
