"""What the reading pane's page refers to: its images (saved with the article, or web ones
shown as placeholders) and its links (followed in the browser, within the page, or refused)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QWidget

from reader.gui.views.article_html import TAGS_LINK
from reader.gui.views.figures import NATURAL_KEY
from reader.gui.views.image_loading import ImageLoader, blank_image
from reader.gui.views.pane_marks import MarkedPane
from reader.gui.views.pane_tables import PaneTables
from reader.gui.views.placeholders import (
    ALT_KEY,
    SMALLEST_WIDTH,
    WEB_IMAGE,
    placeholder_image,
)
from reader.gui.views.resources import find_image

SAFE_LINK_SCHEMES = ("http", "https", "mailto")
COLUMN_WIDE = 100_000  # a placeholder's widest: whatever the column is


class ResourcePane(MarkedPane):
    """The pane's images and links; ReadingPane sets `_assets_dir` and `_web_alts` with each
    article it shows."""

    tags_requested = Signal()  # the byline's Tags… link was clicked
    link_hovered = Signal(str)  # the address under the mouse, "" when it leaves the link
    link_refused = Signal(str)  # a link of another scheme than web or e-mail was clicked
    table_opened = Signal(QWidget)  # a table too wide for the pane was opened in its window

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._assets_dir: Path | None = None
        self._web_alts: dict[str, str] = {}  # web images not downloaded: alt text by name
        self._tables = PaneTables(self)
        self._image_loader = ImageLoader(self)
        self._image_loader.decoded.connect(self.viewport().update)
        self._tables.opened.connect(self.table_opened)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.highlighted.connect(self._on_self_highlighted)

    def column_width(self) -> int:
        fmt = self.document().rootFrame().frameFormat()
        return max(1, int(self.viewport().width() - fmt.leftMargin() - fmt.rightMargin()))

    # -- resources and links ----------------------------------------------------------------

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        # A refusal is never None or a null image: Qt then reads the local file itself (any
        # path, even /dev/zero), QTextDocument for a null answer and the image handler for an
        # image it cannot decode. An invisible 1x1 image and empty bytes stop both.
        if type != QTextDocument.ResourceType.ImageResource.value:
            return QByteArray()
        url = QUrl(name)
        source = find_image(url, self._assets_dir)
        placeholder = WEB_IMAGE.fullmatch(url.path()) if source is None else None
        if placeholder is not None and placeholder.group(1) in self._web_alts:
            return self._placeholder(self._web_alts[placeholder.group(1)])
        if source is None:
            return blank_image()
        # No wider than the column: decoded (on a worker) at that size.
        width, height, column = source.width, source.height, self.column_width()
        if width > column:
            width, height = column, max(1, round(height * column / width))
        return self._image_loader.image(url, source, width, height)

    @property
    def images_loading(self) -> bool:
        """Whether images of the page are still being decoded (shown blank meanwhile)."""
        return self._image_loader.busy

    def _placeholder(self, alt: str) -> QImage:
        """A web image never downloaded: nothing is fetched, its alt text is shown."""
        # The theme's colours: the pane's palette does not follow sepia or dark.
        text, line = QColor(self._theme.secondary), QColor(self._theme.rule)
        return _column_wide(placeholder_image(alt, self.column_width(), self.font(), text, line))

    def _redraw_placeholder(self, url: QUrl, image: QImage, width: int) -> QImage | None:
        """A placeholder fitted to a new width, drawn again at it with readable text; a photo
        shown wider than it was decoded is decoded again at that width (scaled meanwhile)."""
        alt = image.text(ALT_KEY)
        if not alt:
            if width > image.width() and image.text(NATURAL_KEY):
                self._image_loader.grow(url, width)
            return None
        text, line = QColor(self._theme.secondary), QColor(self._theme.rule)
        return _column_wide(
            placeholder_image(alt, width, self.font(), text, line, smallest=SMALLEST_WIDTH)
        )

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        if url.toString() == TAGS_LINK:
            self.tags_requested.emit()
            return
        if self._tables.open_link(url.toString(), self.document(), self._theme):
            return
        if not url.scheme() and url.hasFragment():
            self.scrollToAnchor(url.fragment())
            return
        if url.scheme().lower() not in SAFE_LINK_SCHEMES:
            # javascript:, file:, data:… never leave the pane, whatever the page says.
            self.link_refused.emit(url.toDisplayString())
            return
        # A click is the reader's choice, as in a browser: no dialog in between.
        QDesktopServices.openUrl(url)

    def open_source(self) -> bool:
        """The shown article's original web page in the browser; False when it has none."""
        source = QUrl(self._article.url or "") if self._article is not None else QUrl()
        if not source.isValid() or source.scheme().lower() not in ("http", "https"):
            return False
        QDesktopServices.openUrl(source)
        return True

    def _on_self_highlighted(self, url: QUrl) -> None:
        # A place in the article itself ("#ch3", a footnote, a table's link) has no address
        # worth showing.
        inside = url.isRelative() and not url.path() and url.hasFragment()
        self.link_hovered.emit("" if url.isEmpty() or inside else url.toDisplayString())


def _column_wide(placeholder: QImage) -> QImage:
    """A placeholder's box may be as wide as the column, however wide (see figures._fit)."""
    placeholder.setText(NATURAL_KEY, str(COLUMN_WIDE))
    return placeholder
