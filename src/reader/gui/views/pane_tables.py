"""The reading pane's tables: set for its column as it is drawn, opened apart when too wide."""

from __future__ import annotations

import hashlib
import html

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from reader.gui.style import Theme
from reader.gui.views.table_viewer import TableViewer
from reader.gui.views.tables import (
    PREVIEW_HEADINGS,
    TABLE_LINK,
    Fit,
    Measure,
    Table,
    estimator,
    fits,
    fitted_body,
    measurer,
    read_tables,
)

# Widths kept of tables measured before (a few bytes each): the page is set again when a table
# changes its fit as the pane is resized, and an article is often opened again.
KEPT_WIDTHS = 4096


class PaneTables(QObject):
    """The shown article's tables, measured once, and how each is shown at the width now."""

    opened = Signal(QWidget)  # a table too wide for the pane, in its own window

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._tables: list[Table] = []
        self._fits: tuple[Fit, ...] = ()
        # (font, digests of the stylesheet and of the table's HTML) → its narrowest width.
        self._widths: dict[tuple[str, bytes, bytes], float] = {}

    @property
    def fits(self) -> tuple[Fit, ...]:
        return self._fits

    def fitted(self, page: str, document: QTextDocument, column: int) -> str:
        """The page with its tables measured in the document's faces and set for `column`."""
        measure = self._measurer(document)
        estimate = estimator(document.defaultFont())
        self._tables = read_tables(page, measure, estimate) if "<table" in page else []
        self._fits = fits(self._tables, column)
        if not self._tables:
            return page
        return fitted_body(page, self._tables, column, self._preview)

    def _measurer(self, document: QTextDocument) -> Measure:
        """Measures in the document's faces, each table once while its widths are kept."""
        font, stylesheet = document.defaultFont(), document.defaultStyleSheet()
        measure, face = measurer(font, stylesheet), font.toString()
        sheet = hashlib.blake2b(stylesheet.encode()).digest()

        def kept(piece: str) -> float:
            key = (face, sheet, hashlib.blake2b(piece.encode()).digest())
            width = self._widths.get(key)
            if width is None:
                if len(self._widths) >= KEPT_WIDTHS:
                    self._widths.clear()
                width = self._widths[key] = measure(piece)
            return width

        return kept

    def changed(self, column: int) -> bool:
        """Whether a table would be shown otherwise in a column this wide."""
        return bool(self._tables) and fits(self._tables, column) != self._fits

    def _preview(self, index: int, table: Table) -> str:
        """What stands in for a table too wide for the column: its size, a link, its headings."""
        shown = " · ".join(html.escape(h) for h in table.headings[:PREVIEW_HEADINGS] if h)
        if len(table.headings) > PREVIEW_HEADINGS:
            shown += " · …"
        size = self.tr("Table: %n columns", "", table.columns)
        size += self.tr(", %n rows", "", table.rows)
        link = html.escape(self.tr("Open Table"))
        headings = f'<p class="table-headings">{shown}</p>' if shown else ""
        return (
            f'<p class="table-preview">{html.escape(size)} — '
            f'<a href="{TABLE_LINK}{index}">{link}</a></p>{headings}'
        )

    def open_link(self, link: str, document: QTextDocument, theme: Theme) -> bool:
        """Open the table a preview's link names; False when `link` is not one of ours."""
        if not link.startswith(TABLE_LINK):
            return False
        index = link.removeprefix(TABLE_LINK)
        if index.isdigit() and int(index) < len(self._tables):
            font, stylesheet = document.defaultFont(), document.defaultStyleSheet()
            table = self._tables[int(index)].html
            pane = self.parent()
            owner = pane if isinstance(pane, QWidget) else None
            viewer = TableViewer(table, font, stylesheet, theme, owner)
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            viewer.show()
            self.opened.emit(viewer)
        return True
