"""The window: web images never saved show as placeholders with their alt text (nothing is
fetched), and Article → Download Images fetches them off the UI thread and shows them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.views.placeholders import web_image_alts
from reader.services.library import Library
from tests.gui.panes import shown_image
from tests.integration.test_web_images import saved_page
from tests.web import Reply, png, serving

IMAGE = QTextDocument.ResourceType.ImageResource.value


def shown_asset(window: MainWindow, name: str) -> QImage:
    image = shown_image(window.parts.pane, f"assets/{name}")
    assert isinstance(image, QImage)
    return image


def test_placeholder_then_downloaded_image(
    qtbot: QtBot, window: MainWindow, library: Library, tmp_path: Path
) -> None:
    routes = {"/img/a.png": Reply(png(40, 30), headers={"Content-Type": "image/png"})}
    with serving(routes) as site:
        page = tmp_path / "pier.html"
        page.write_text(saved_page(site.url("/news/pier.html"), "/img/a.png"), "utf-8")
        article_id = library.import_path(page).article_id
        assert article_id is not None
        window.reload()
        assert window.open_article(article_id)
        (name,) = web_image_alts(library.get_article(article_id).html)
        placeholder = shown_asset(window, name)
        assert placeholder.width() > 100 and placeholder.height() > 20  # not the 1x1 refusal
        assert site.requested == []  # opening never fetches
        with qtbot.waitSignal(window.web_images.downloaded, timeout=20_000):
            window.menu_actions.download_images.trigger()
        assert site.requested == ["/img/a.png"]
        assert "Saved 1 image" in window.statusBar().currentMessage()
        shown = shown_asset(window, name)
        assert (shown.width(), shown.height()) == (40, 30)
        # The pane was shown again: its document holds the image, not the placeholder.
        cached = window.parts.pane.document().resource(IMAGE, QUrl(f"assets/{name}"))
        assert isinstance(cached, QImage) and cached.width() == 40


def test_alt_text_is_read_from_the_sanitized_html() -> None:
    name = "web-" + "a" * 32 + ".png"
    html = f'<p><img src="assets/{name}" alt="Gulls &amp; &quot;terns&quot;"></p>'
    assert web_image_alts(html) == {name: 'Gulls & "terns"'}
