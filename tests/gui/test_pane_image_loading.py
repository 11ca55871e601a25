"""The reading pane shows an article at once and decodes its photos on worker threads: each is
laid out at its size from the start, blank until decoded, and nothing moves when it comes."""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from reader.core.article import StoredArticle
from reader.gui.views import image_loading
from reader.gui.views.figures import image_positions
from reader.gui.views.reading_pane import ReadingPane
from reader.services.library import Library
from tests.gui.panes import images_decoded, new_pane, shown_image

IMAGE = QTextDocument.ResourceType.ImageResource.value
WORDS = "The ferry crossed the bay twice each morning, the gulls following it out. " * 3
COLOURS = ("#c03020", "#2050c0", "#20a040", "#c0a020", "#8030a0", "#30a0a0")


def save_photo(path: Path, colour: str, width: int = 1200, height: int = 800) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "JPEG", 90)


def photo_page(tmp_path: Path) -> Path:
    folder = tmp_path / "ferry_files"
    folder.mkdir()
    body = []
    for number, colour in enumerate(COLOURS):
        save_photo(folder / f"p{number}.jpg", colour)
        body.append(f'<p>{WORDS}</p><figure><img src="ferry_files/p{number}.jpg"></figure>')
    page = tmp_path / "ferry.html"
    page.write_text(
        "<html><head><title>The ferry</title></head><body><article><h1>The ferry</h1>"
        f"{''.join(body)}<p>{WORDS}</p></article></body></html>",
        "utf-8",
    )
    return page


def imported_photo_page(library: Library, tmp_path: Path) -> tuple[int, StoredArticle]:
    """The saved page of photos (`photo_page`), imported: its id and its article."""
    article_id = library.import_path(photo_page(tmp_path)).article_id
    assert article_id is not None
    return article_id, library.get_article(article_id)


def image_urls(article: StoredArticle) -> list[str]:
    return re.findall(r'<img src="(assets/[^"]+)"', article.html)


def near(colour: QColor, expected: str) -> bool:
    wanted = QColor(expected)
    return all(
        abs(a - b) < 12 for a, b in zip(colour.getRgb()[:3], wanted.getRgb()[:3], strict=True)
    )


def test_photos_are_decoded_off_the_ui_thread_once_the_article_shows(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id, article = imported_photo_page(library, tmp_path)
    urls = image_urls(article)
    assert len(urls) == len(COLOURS)
    on_ui_thread: list[bool] = []
    decode = image_loading.decode_image

    def recording(*args: object) -> QImage | None:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return decode(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(image_loading, "decode_image", recording)
    pane = new_pane(qtbot, 700, 600)
    pane.show_article(article, library.assets_dir(article_id))
    document = pane.document()
    height = document.size().height()
    # Shown before any photo is decoded: each one's room is there, blank, as wide as the
    # column was when it was asked for (before the scroll bar came).
    first = document.resource(IMAGE, QUrl(urls[0]))
    assert isinstance(first, QImage)
    assert pane.column_width() <= first.width() < 1200
    assert first.height() == round(800 * first.width() / 1200)
    assert first.pixelColor(first.width() // 2, 10).alpha() == 0
    assert pane.images_loading
    images_decoded(pane)
    assert on_ui_thread and not any(on_ui_thread)
    for url, colour in zip(urls, COLOURS, strict=True):
        photo = document.resource(IMAGE, QUrl(url))
        assert isinstance(photo, QImage)
        # Decoded at the column's width, not at 1,200 px and then scaled on the UI thread.
        assert (photo.width(), photo.height()) == (first.width(), first.height())
        assert near(photo.pixelColor(photo.width() // 2, 10), colour), url
    assert document.size().height() == height  # the page did not move when they came


def test_the_same_article_set_again_decodes_nothing_again(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id, article = imported_photo_page(library, tmp_path)
    pane = new_pane(qtbot, 700, 600)
    pane.show_article(article, library.assets_dir(article_id))
    images_decoded(pane)
    decoded: list[object] = []
    decode = image_loading.decode_image
    monkeypatch.setattr(
        image_loading, "decode_image", lambda *args: decoded.append(args) or decode(*args)
    )
    pane.show_details(dataclasses.replace(article, text=article.text + " "))  # set again
    assert not pane.images_loading
    url = image_urls(article)[0]
    photo = pane.document().resource(IMAGE, QUrl(url))
    assert isinstance(photo, QImage) and near(photo.pixelColor(5, 5), COLOURS[0])
    assert decoded == []


def test_a_photo_of_the_article_left_never_shows_in_the_next(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    """Two articles name their pictures alike ("assets/photo.jpg"); the first one's, decoded
    after the second opened, is not the second's."""
    article_id, article = imported_photo_page(library, tmp_path)
    html = f'<p>{WORDS}</p><p><img src="assets/photo.jpg"></p><p>{WORDS}</p>'
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, colour in ((first, COLOURS[0]), (second, COLOURS[1])):
        folder.mkdir()
        save_photo(folder / "photo.jpg", colour, 2400, 1600)
    pane = new_pane(qtbot, 700, 600)
    for _ in range(5):
        pane.show_article(dataclasses.replace(article, html=html), first)
        other = dataclasses.replace(article.summary, id=article_id + 1)
        pane.show_article(dataclasses.replace(article, summary=other, html=html), second)
        images_decoded(pane)
        photo = pane.document().resource(IMAGE, QUrl("assets/photo.jpg"))
        assert isinstance(photo, QImage) and near(photo.pixelColor(5, 5), COLOURS[1])


def test_a_photo_whose_frame_header_comes_after_a_large_exif_block_is_sized_and_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Only a photo's first 80 KB are read on the UI thread, unless its size is further on."""
    plain = tmp_path / "plain.jpg"
    save_photo(plain, COLOURS[2], 300, 200)
    data = plain.read_bytes()
    segment = b"\xff\xe1" + (60_000).to_bytes(2, "big") + bytes(59_998)  # APP1, as Exif is
    (tmp_path / "camera.jpg").write_bytes(data[:2] + segment * 2 + data[2:])
    pane = new_pane(qtbot, 700, 600)
    pane._assets_dir = tmp_path
    photo = shown_image(pane, "assets/camera.jpg")
    assert isinstance(photo, QImage) and (photo.width(), photo.height()) == (300, 200)
    assert near(photo.pixelColor(150, 100), COLOURS[2])


def test_a_photo_grows_sharp_with_a_wider_pane(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    """Found by a user's test: images opened in a narrow window kept that width when the
    window grew (they were decoded, or drawn, at the column's width then)."""
    article_id, article = imported_photo_page(library, tmp_path)
    url = image_urls(article)[0]
    pane = new_pane(qtbot, 700, 600)
    pane.resize(400, 600)
    pane.show_article(article, library.assets_dir(article_id))
    images_decoded(pane)
    narrow = pane.document().resource(IMAGE, QUrl(url))
    assert isinstance(narrow, QImage) and narrow.width() < 400
    pane.resize(1000, 600)
    qtbot.waitUntil(lambda: pane.column_width() > narrow.width() + 100)
    images_decoded(pane)
    wide = pane.document().resource(IMAGE, QUrl(url))
    assert isinstance(wide, QImage) and wide.width() >= pane.column_width() - 1
    assert near(wide.pixelColor(wide.width() // 2, 10), COLOURS[0])


def image_widths(pane: ReadingPane) -> list[float]:
    document = pane.document()
    widths = []
    for position in image_positions(document):
        cursor = QTextCursor(document)
        cursor.setPosition(position + 1)
        widths.append(cursor.charFormat().toImageFormat().width())
    return widths


def test_a_web_image_placeholder_grows_with_a_wider_pane(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    """Found by a user's test: a placeholder drawn in a narrow window stayed 170 px wide,
    its alt text cut short, when the window grew."""
    _, article = imported_photo_page(library, tmp_path)
    name = "web-" + "a" * 32 + ".png"
    html = f'<p>{WORDS}</p><p><img src="assets/{name}" alt="Gulls over the pier at dusk"></p>'
    article = dataclasses.replace(article, html=html)
    pane = new_pane(qtbot, 700, 600)
    pane.resize(400, 600)
    pane.show_article(article, tmp_path)
    (narrow,) = image_widths(pane)
    pane.resize(1000, 600)
    qtbot.waitUntil(lambda: pane.column_width() > narrow + 100)
    # Drawn again wider: its alt text on fewer lines, no longer cut short (the box is as
    # wide as its text needs, at most the column).
    qtbot.waitUntil(lambda: image_widths(pane)[0] > narrow + 100)


def test_a_pane_widened_while_a_photo_decodes_gets_it_at_the_new_width(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: the wider decode asked for while the first was under way was
    dropped, and the narrow one stayed, stretched."""
    article_id, article = imported_photo_page(library, tmp_path)
    decode = image_loading.decode_image

    def slow(*args: object) -> QImage | None:
        time.sleep(0.2)
        return decode(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(image_loading, "decode_image", slow)
    pane = new_pane(qtbot, 700, 600)
    pane.resize(400, 600)
    pane.show_article(article, library.assets_dir(article_id))
    pane.resize(1000, 600)  # at once: the first decodes are still under way
    qtbot.waitUntil(lambda: pane.column_width() > 500)
    images_decoded(pane)
    photo = pane.document().resource(IMAGE, QUrl(image_urls(article)[0]))
    assert isinstance(photo, QImage) and photo.width() >= pane.column_width() - 1


def test_an_image_that_does_not_decode_gives_its_room_back(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    """Found in review: a PNG cut short was laid out at its header's size, then left a
    blank hole there (refused at once, it took no room)."""
    _, article = imported_photo_page(library, tmp_path)
    assets = tmp_path / "cut"
    assets.mkdir()
    whole = QImage(600, 400, QImage.Format.Format_RGB32)
    whole.fill(QColor(COLOURS[0]))
    assert whole.save(str(assets / "cut.png"), "PNG")
    (assets / "cut.png").write_bytes((assets / "cut.png").read_bytes()[:200])
    html = f'<p>{WORDS}</p><p><img src="assets/cut.png"></p><p>{WORDS}</p>'
    article = dataclasses.replace(article, html=html)
    pane = new_pane(qtbot, 700, 600)
    pane.show_article(article, assets)
    laid_out = pane.document().size().height()
    images_decoded(pane)
    qtbot.waitUntil(lambda: pane.document().size().height() < laid_out - 300)
