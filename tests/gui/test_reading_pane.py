"""The reading pane: what it renders, where it reopens, what it refuses to load, its themes."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.article import Article
from reader.gui.main_window import MainWindow
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library
from tests.gui.conftest import KITE_TITLE, html_article
from tests.gui.panes import shown_image

IMAGE = QTextDocument.ResourceType.ImageResource.value


def png_bytes() -> bytes:
    image = QImage(4, 3, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def test_opening_renders_title_byline_and_subheadings(
    window: MainWindow, filled: dict[str, int]
) -> None:
    assert window.select_article(filled["kite"])
    pane = window.parts.pane
    text = pane.toPlainText()
    assert text.startswith(KITE_TITLE)
    assert "华文天下 · 国际 · October 26, 2024 · 李明" in text
    assert "传统工艺与新材料相结合" in text
    headings = []
    block = pane.document().begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            headings.append((block.blockFormat().headingLevel(), block.text()))
        block = block.next()
    assert headings == [(1, KITE_TITLE), (2, "传统工艺与新材料相结合")]


def test_opening_marks_read(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    window.select_article(filled["harbour"])
    qtbot.waitUntil(lambda: library.get_article(filled["harbour"]).summary.read)


def test_reading_position_is_restored_after_reopening(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    pane = window.parts.pane
    window.select_article(filled["essay"])
    bar = pane.verticalScrollBar()
    assert bar.maximum() > 0
    with qtbot.waitSignal(pane.position_changed, timeout=3000) as saved:
        bar.setValue(bar.maximum() // 2)
    assert saved.args is not None and saved.args[0] == filled["essay"]
    qtbot.waitUntil(lambda: abs(library.get_article(filled["essay"]).reading_position - 0.5) < 0.02)
    window.select_article(filled["kite"])
    assert bar.value() == 0 or pane.article is not None
    window.select_article(filled["essay"])
    assert abs(pane.fraction() - 0.5) < 0.02


def test_switching_articles_saves_the_pending_position(
    qtbot: QtBot, window: MainWindow, library: Library, filled: dict[str, int]
) -> None:
    pane = window.parts.pane
    window.select_article(filled["essay"])
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
    window.select_article(filled["kite"])  # before the debounce fired
    qtbot.waitUntil(lambda: library.get_article(filled["essay"]).reading_position > 0.95)


def test_load_resource_refuses_local_files_and_the_network(
    qtbot: QtBot, library: Library, filled: dict[str, int], tmp_path: Path
) -> None:
    pane = ReadingPane()
    qtbot.addWidget(pane)
    assets = library.assets_dir(filled["kite"])
    assets.mkdir(parents=True)
    (assets / "photo.png").write_bytes(png_bytes())
    outside = tmp_path / "outside.png"
    outside.write_bytes(png_bytes())
    (assets / "link.png").symlink_to(outside)
    pane.show_article(library.get_article(filled["kite"]), assets)
    for refused in (
        "/etc/passwd",
        "file:///etc/passwd",
        "assets/../../outside.png",
        "../outside.png",
        str(outside),
        "assets/link.png",
        "http://example.com/pixel.png",
        "https://example.com/a.png",
        "//example.com/a.png",
        "ftp://example.com/a.png",
        "data:text/html;base64,PGI+aGk8L2I+",
    ):
        # Refused as an invisible 1x1 image: for None Qt would read the file itself.
        blank = pane.loadResource(IMAGE, QUrl(refused))
        assert isinstance(blank, QImage) and blank.width() == 1, refused
        assert blank.pixelColor(0, 0).alpha() == 0, refused
    image = shown_image(pane, "assets/photo.png")
    assert isinstance(image, QImage) and image.width() == 4
    inline = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    image = shown_image(pane, inline)
    assert isinstance(image, QImage) and image.width() == 4
    stylesheet = QTextDocument.ResourceType.StyleSheetResource.value
    assert pane.loadResource(stylesheet, QUrl("assets/photo.png")) == QByteArray()


def test_theme_switch_changes_the_pane_colours(window: MainWindow, filled: dict[str, int]) -> None:
    pane = window.parts.pane
    window.select_article(filled["kite"])
    light = pane.palette().color(QPalette.ColorRole.Base).name()
    window.set_theme("dark")
    dark = pane.palette().color(QPalette.ColorRole.Base).name()
    assert (light, dark) == ("#ffffff", "#1c1d21")
    assert pane.theme.text in pane.document().defaultStyleSheet()
    assert pane.toPlainText().startswith(KITE_TITLE)  # still showing the article
    window.set_theme("sepia")
    assert pane.palette().color(QPalette.ColorRole.Base).name() == "#f6efe0"
    assert window.menu_actions.themes.checkedAction().data() == "sepia"


def test_zoom_changes_the_font_size(window: MainWindow, filled: dict[str, int]) -> None:
    window.select_article(filled["kite"])
    pane = window.parts.pane
    before = pane.document().defaultFont().pointSizeF()
    window.menu_actions.zoom_in.trigger()
    assert pane.document().defaultFont().pointSizeF() > before
    window.menu_actions.zoom_reset.trigger()
    assert pane.document().defaultFont().pointSizeF() == before


def test_find_highlights_every_match(window: MainWindow, filled: dict[str, int]) -> None:
    window.select_article(filled["essay"])
    window.menu_actions.find.trigger()
    bar = window.parts.find_bar
    assert bar.isVisible()
    bar.field.setText("river bends")
    pane = window.parts.pane
    assert pane.find_count == 120
    assert len(pane.extraSelections()) == 121  # every match, plus the current one
    assert bar.count.text() == "1 of 120"
    window.menu_actions.find_next.trigger()
    assert bar.count.text() == "2 of 120"
    bar.close_bar()
    assert pane.extraSelections() == []


def link_point(pane: ReadingPane, text: str) -> QPoint:
    """The middle of the first occurrence of `text` in the pane, in viewport coordinates."""
    cursor = pane.document().find(text)
    assert not cursor.isNull()
    start = QTextCursor(cursor)
    start.setPosition(cursor.selectionStart() + 1)
    return pane.cursorRect(start).center()


def test_clicking_a_web_link_opens_it_without_asking(
    qtbot: QtBot, window: MainWindow, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    for name in ("question", "information", "warning", "exec"):
        # Any dialog fails the test: a reader expects a click to open the link.
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail("a dialog was shown"))
    body = '<p>Read <a href="https://example.com/story">the full story</a> today.</p>'
    added = library.add_article(html_article("Linked", body))
    assert added.article_id is not None
    window.reload()
    assert window.open_article(added.article_id)
    pane = window.parts.pane
    point = link_point(pane, "full story")
    qtbot.mouseMove(pane.viewport(), point)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "https://example.com/story")
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert opened == ["https://example.com/story"]


def test_links_of_other_schemes_are_refused_in_the_status_bar(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    for name in ("question", "information", "warning", "exec"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: pytest.fail("a dialog was shown"))
    pane = window.parts.pane
    pane.anchorClicked.emit(QUrl("javascript:alert(1)"))
    pane.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert "file:///etc/passwd" in window.statusBar().currentMessage()
    pane.anchorClicked.emit(QUrl("mailto:editor@example.com"))
    pane.anchorClicked.emit(QUrl("http://example.com/a"))
    assert opened == ["mailto:editor@example.com", "http://example.com/a"]


def test_a_long_word_in_the_title_is_never_broken_in_a_narrow_pane(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    title = "Monitoring Distributed Reliability Engineering"
    text = "A paragraph about systems.\n\nAnother paragraph about them."
    added = library.add_article(Article(title=title, text=text, html=""))
    window.resize(480, 800)
    window.open_article(added.article_id or 0)
    pane = window.parts.pane
    qtbot.waitUntil(lambda: pane.article is not None)

    def breaks() -> list[str]:
        block = pane.document().begin()
        layout = block.layout()
        starts = [layout.lineAt(i).textStart() for i in range(layout.lineCount())]
        return [block.text()[start - 1] for start in starts[1:]]

    # Lines end between words, however narrow the column (Qt would break "Reliabilit-y").
    qtbot.waitUntil(lambda: len(breaks()) >= 2 and set(breaks()) == {" "}, timeout=5_000)
    narrow = len(breaks())
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: len(breaks()) < narrow)  # wider again: the title grows back


def test_hovering_a_link_shows_its_address_but_not_a_place_in_the_article(
    window: MainWindow, filled: dict[str, int]
) -> None:
    # A jump inside the article (a book's contents, a footnote, our own table link) has no
    # address worth reading: "#reader-table-0" or "#ch3" in the status bar is noise.
    assert window.select_article(filled["kite"])
    pane = window.parts.pane
    pane.highlighted.emit(QUrl("https://example.com/kites"))
    assert window.statusBar().currentMessage() == "https://example.com/kites"
    pane.highlighted.emit(QUrl("#reader-table-0"))
    assert window.statusBar().currentMessage() == ""
    pane.highlighted.emit(QUrl("#ch3"))
    assert window.statusBar().currentMessage() == ""
