"""Ctrl+V in the article list and links dropped on the window become articles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from reader.gui.clipboard import PASTED_HTML, Pasted, import_pasted, pasted
from reader.gui.main_window import MainWindow
from reader.services.library import ImportResult, ImportStatus, Library
from tests.integration.test_import_url import article_page
from tests.web import html, serving

STORY = (
    "<html><head><title>Night trains return</title></head><body><article>"
    "<h1>Night trains return</h1>"
    + "<p>The night train to the coast will run again from June, the railway said, with "
    "sleeping cars rebuilt from the old fleet and a dining car.</p>"
    * 3
    + "</article></body></html>"
)
NOTE = """Market day moves to Thursday

From next month the weekly market moves from Saturday to Thursday, so that the square is free
for the summer concerts, the town hall said; the stalls keep their places.
"""


def mime(*, text: str = "", html_text: str = "", urls: tuple[str, ...] = ()) -> QMimeData:
    data = QMimeData()
    if text:
        data.setText(text)
    if html_text:
        data.setHtml(html_text)
    if urls:
        data.setUrls([QUrl(u) for u in urls])
    return data


@pytest.fixture(autouse=True)
def _clear_clipboard() -> Iterator[None]:
    yield
    # The clipboard owns the mime data it was given; left there, it is freed at exit after
    # Python's wrapper is gone, which crashes the interpreter on the way out.
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.clear()


def paste_in_list(qtbot: QtBot, window: MainWindow, data: QMimeData) -> None:
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    clipboard.setMimeData(data)
    articles = window.parts.article_list
    articles.setFocus()
    qtbot.keyClick(articles, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_pasted_url_is_fetched_on_the_import_lane(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    with (
        serving({"/pier.html": html(article_page())}) as site,
        qtbot.waitSignal(window.capture.url_imported, timeout=20_000) as done,
    ):
        paste_in_list(qtbot, window, mime(text=f"  {site.url('/pier.html')}\n"))
    result = done.args[0]
    assert isinstance(result, ImportResult) and result.ok, result
    assert library.get_article(result.article_id or 0).summary.source == site.url("/pier.html")
    assert window.parts.article_model.row_of(result.article_id or 0) is not None


def test_pasted_html_becomes_a_new_article(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    before = library.count()
    with qtbot.waitSignal(window.pasting.imported, timeout=20_000) as done:
        paste_in_list(qtbot, window, mime(html_text=STORY, text="Night trains return"))
    result = done.args[0]
    assert result.status is ImportStatus.IMPORTED and result.path == PASTED_HTML
    assert library.count() == before + 1
    assert library.get_article(result.article_id).summary.title == "Night trains return"
    assert window.parts.article_model.row_of(result.article_id) is not None
    assert "Pasted: Night trains return" in window.statusBar().currentMessage()


def test_pasted_text_becomes_a_new_article_and_again_is_a_duplicate(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    with qtbot.waitSignal(window.pasting.imported, timeout=20_000) as first:
        paste_in_list(qtbot, window, mime(text=NOTE))
    assert first.args[0].status is ImportStatus.IMPORTED
    assert library.get_article(first.args[0].article_id).summary.title == (
        "Market day moves to Thursday"
    )
    with qtbot.waitSignal(window.pasting.imported, timeout=20_000) as second:
        paste_in_list(qtbot, window, mime(text=NOTE))
    assert second.args[0].status is ImportStatus.DUPLICATE


def test_an_empty_clipboard_says_so_and_imports_nothing(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    # Focusing the list opens its current article, which is marked read a moment later on
    # the edit lane: that change is not the paste's, so it is let land first.
    window.parts.article_list.setFocus()
    qtbot.waitUntil(lambda: window.settled, timeout=10_000)
    before = library.last_change()
    paste_in_list(qtbot, window, mime())
    assert "Nothing to paste" in window.statusBar().currentMessage()
    assert library.last_change() == before and not window.import_lane.busy


def test_a_link_dragged_from_a_browser_is_captured(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    with serving({"/pier.html": html(article_page())}) as site:
        link = mime(urls=(site.url("/pier.html"),), text=site.url("/pier.html"))
        drop = QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.CopyAction,
            link,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        with qtbot.waitSignal(window.capture.url_imported, timeout=20_000) as done:
            window.dropEvent(drop)
        assert drop.isAccepted()
    assert done.args[0].ok and done.args[0].path == site.url("/pier.html")


def test_what_a_paste_holds() -> None:
    assert pasted(None) is None
    assert pasted(mime()) is None
    two = "https://a.example/x\nhttp://b.example/y\n"
    assert pasted(mime(text=two)) == Pasted(("https://a.example/x", "http://b.example/y"))
    assert pasted(mime(text="see https://a.example/x")) == Pasted(text="see https://a.example/x")
    assert pasted(mime(urls=("file:///etc/passwd",), text="x")) == Pasted(text="x")
    assert pasted(mime(urls=("https://a.example/",))) == Pasted(("https://a.example/",))


def test_a_fragment_without_an_article_falls_back_to_its_text(library: Library) -> None:
    # What a browser puts on the clipboard for a few copied words: HTML that holds no article.
    result = import_pasted(library, Pasted(html="<b></b>", text=NOTE))
    assert result.ok and result.path == "pasted.txt"
    failed = import_pasted(library, Pasted(html="<b></b>"))
    assert failed.status is ImportStatus.FAILED and failed.reason
