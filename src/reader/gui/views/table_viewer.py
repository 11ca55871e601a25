"""A table too wide for the reading pane, in its own window that scrolls both ways."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette, QShowEvent
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from reader.gui.style import Theme
from reader.gui.views.tables import set_cells

MARGIN_PX = 16


class TableViewer(QDialog):
    """The whole table at the pane's size and colours; cells never wrap inside a word."""

    def __init__(
        self, table: str, font: QFont, stylesheet: str, theme: Theme, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Table"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        # The table keeps its natural width: this window scrolls sideways, the pane never does.
        self.browser.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        document = self.browser.document()
        document.setDefaultFont(font)
        document.setDefaultStyleSheet(stylesheet)
        document.setDocumentMargin(MARGIN_PX)
        document.setHtml(f"<html><body>{set_cells(table)}</body></html>")
        palette = self.browser.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(theme.background))
        palette.setColor(QPalette.ColorRole.Text, QColor(theme.text))
        self.browser.setPalette(palette)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._size_to(parent)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The browser follows its cursor as it is laid out at its width, which can leave a
        # wide table scrolled to its end: the reader starts at the first column.
        self.browser.horizontalScrollBar().setValue(0)
        self.browser.verticalScrollBar().setValue(0)

    def _size_to(self, parent: QWidget | None) -> None:
        natural = self.browser.document().idealWidth() + 2 * MARGIN_PX + 24
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        height = self.browser.document().size().height() + 2 * MARGIN_PX + 24
        self.resize(
            int(min(natural, screen.width() * 0.9)), int(min(height, screen.height() * 0.7))
        )
