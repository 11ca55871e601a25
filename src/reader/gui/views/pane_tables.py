"""The reading pane's tables: set for its column as it is drawn, opened apart when too wide.

A table is measured by laying it out in a document of its own (a manual's page of 34 tables:
100-300 ms of the UI thread while an import ran). So the page is shown at once with what is
known (a width measured before, or a table that plainly fits); the other tables are measured
on a worker, and the page is set again only when one of them is shown otherwise.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, replace
from functools import cached_property

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QWidget

from reader.gui.style import Theme
from reader.gui.tasks import StopFlag, TaskRunner
from reader.gui.views.table_viewer import TableViewer
from reader.gui.views.tables import (
    PREVIEW_HEADINGS,
    TABLE_LINK,
    Estimate,
    Fit,
    Table,
    Unmeasured,
    estimator,
    fitted_body,
    measurer,
    read_tables,
)

# Widths kept of tables measured before (a few bytes each): the page is set again when a table
# changes its fit as the pane is resized, and an article is often opened again.
KEPT_WIDTHS = 4096
# How much of a page's tables (characters of their HTML, about 1,000 short cells) is estimated
# on the UI thread when it is shown, a few ms; the tables past it (a manual's page of thousands
# of cells, or of long ones: 0.3 s) are set as they are until the worker has measured them.
# Their text is there from the start: the search terms marked in them, the reading position
# restored on a page of about its final height, the find bar's matches.
ESTIMATED_CHARS = 40_000
_HEADING = re.compile(r"<h[1-6]\b", re.IGNORECASE)
Key = tuple[str, bytes, bytes]  # face, digests of the stylesheet and of the table's HTML


@dataclass(frozen=True)
class Face:
    """The document's faces as plain values: a QFont is not shared with the worker (its
    cached font engines belong to the thread that used it), each side builds its own."""

    font: str  # QFont.toString(): size, weight, style of the first family
    families: tuple[str, ...]
    stylesheet: str

    @classmethod
    def of(cls, document: QTextDocument) -> Face:
        font = document.defaultFont()
        return cls(font.toString(), tuple(font.families()), document.defaultStyleSheet())

    def qfont(self) -> QFont:
        font = QFont()
        font.fromString(self.font)
        font.setFamilies(list(self.families))
        return font

    @cached_property
    def _prefix(self) -> tuple[str, bytes]:
        face = f"{self.font}|{','.join(self.families)}"
        return face, hashlib.blake2b(self.stylesheet.encode()).digest()

    def key(self, piece: str) -> Key:
        return *self._prefix, hashlib.blake2b(piece.encode()).digest()


def measured_widths(
    face: Face, tables: list[str], column: float, known: dict[Key, float], stop: StopFlag
) -> dict[Key, float]:
    """On a worker: the widths each table needs measured to be set in `column`."""
    measure, found = measurer(face.qfont(), face.stylesheet), dict[Key, float]()

    def kept(piece: str) -> float:
        key = face.key(piece)
        width = known.get(key, found.get(key))
        if width is None:
            width = found[key] = measure(piece)
        return width

    for piece in tables:
        if stop():
            break
        Table(piece, 0, 0, (), kept).fit(column)  # measures one size after the other
    return found


class PaneTables(QObject):
    """The shown article's tables, measured once, and how each is shown at the width now."""

    opened = Signal(QWidget)  # a table too wide for the pane, in its own window
    measured = Signal()  # widths arrived for the shown tables: see `changed`

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._tables: list[Table] = []
        self._fits: tuple[Fit, ...] = ()
        self._face = Face("", (), "")
        self._widths: dict[Key, float] = {}
        self._lane = TaskRunner(1, self)
        self._generation = 0  # the tables shown now; a result for others only keeps widths
        self._asked: float | None = None  # the column the worker measures for now
        self._failed: tuple[str, Face] | None = None  # the page whose measuring failed
        self._estimate: tuple[tuple[str, tuple[str, ...]], Estimate] | None = None
        # The page and faces `_tables` were read from: the same page set again (its tables
        # measured, the pane resized) keeps its tables, with the cells and widths they read.
        self._read: tuple[str, Face] | None = None

    @property
    def measuring(self) -> bool:
        """Whether the tables shown are still being measured (set as first guessed)."""
        return self._asked is not None

    @property
    def fits(self) -> tuple[Fit, ...]:
        return self._fits

    @property
    def headed(self) -> bool:
        """Whether a table of the page set last holds a heading (<h1>–<h6>)."""
        return any(_HEADING.search(table.html) for table in self._tables)

    def fitted(self, page: str, document: QTextDocument, column: int) -> str:
        """The page with its tables set for `column` with the widths known; the others are
        measured on a worker (`measured` tells when they arrive)."""
        self._generation += 1
        self._asked = None
        self._lane.cancel_all()
        self._face = Face.of(document)
        if self._read != (page, self._face):
            estimate = self._estimator(document.defaultFont())
            self._tables = read_tables(page, self._kept, estimate) if "<table" in page else []
            self._read = page, self._face
            self._defer_past_budget()
        self._fits = self._fit(column)
        if not self._tables:
            return page
        return fitted_body(page, self._tables, self._fits, self._preview)

    def _defer_past_budget(self) -> None:
        """The tables past the page's first ESTIMATED_CHARS are never estimated here: until
        measured, they are set as they are."""
        read = 0
        for index, table in enumerate(self._tables):
            read += len(table.html)
            if read > ESTIMATED_CHARS:
                self._tables[index] = replace(table, estimate=None)

    def _estimator(self, font: QFont) -> Estimate:
        """The face's estimator, kept with the widths it found while the face is the same."""
        face = (self._face.font, self._face.families)
        if self._estimate is None or self._estimate[0] != face:
            self._estimate = face, estimator(font)
        return self._estimate[1]

    def _kept(self, piece: str) -> float:
        width = self._widths.get(self._face.key(piece))
        if width is None:
            raise Unmeasured(piece)
        return width

    def _fit(self, column: float) -> tuple[Fit, ...]:
        """Each table's fit in `column` so far; what is missing is measured on the worker."""
        found = [table.fit_so_far(column) for table in self._tables]
        missing = [
            table.html for table, (_, final) in zip(self._tables, found, strict=True) if not final
        ]
        if missing and self._asked != column and self._failed != self._read:
            self._measure_later(missing, column)
        elif not missing and self._asked is not None:
            self._lane.cancel_all()  # measuring for a column the pane has left
            self._asked = None
        return tuple(fit for fit, _ in found)

    def _measure_later(self, tables: list[str], column: float) -> None:
        self._lane.cancel_all()  # measured for another column: what it found is let go
        self._asked = column
        generation, face, known = self._generation, self._face, dict(self._widths)

        def job(stop: StopFlag) -> dict[Key, float]:
            return measured_widths(face, tables, column, known, stop)

        self._lane.start(
            job,
            finished=lambda found: self._arrived(generation, found),
            failed=lambda _message: self._gave_up(generation),
        )

    def _arrived(self, generation: int, found: dict[Key, float]) -> None:
        if len(self._widths) + len(found) > KEPT_WIDTHS:
            self._widths.clear()
        self._widths.update(found)  # a width is a fact of its face and table: kept either way
        if generation == self._generation:
            self._asked = None
            self.measured.emit()

    def _gave_up(self, generation: int) -> None:
        """The worker failed (and logged why): the tables stay as guessed, not asked again."""
        if generation == self._generation:
            self._asked, self._failed = None, self._read

    def changed(self, column: int) -> bool:
        """Whether a table would be shown otherwise in a column this wide (with the widths
        known: the others are measured, and `measured` emitted when they arrive)."""
        return bool(self._tables) and self._fit(column) != self._fits

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
