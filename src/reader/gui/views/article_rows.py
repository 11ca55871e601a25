"""Two-line article rows: the title on up to two lines, then site · section · date · time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPolygonF,
    QStaticText,
    QTextLayout,
    QTextOption,
    QTransform,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.article import ArticleSummary
from reader.gui.models.articles import PAINT_ROLE
from reader.gui.painting import saved
from reader.gui.style import read_text, secondary_text, swatch_colour

Index = QModelIndex | QPersistentModelIndex
PAD_X, PAD_Y, GUTTER, GAP = 6, 7, 16, 3
MARKER_WIDTH = 14  # each of bookmark and annotation at the end of the second line
LAYOUT_CACHE = 2048  # rows whose wrapped and elided text is kept (a few screens' worth)


@dataclass(frozen=True)
class RowText:
    """What a row paints, worked out once per article, state and width."""

    title_lines: tuple[str, ...]  # one or two; the second elided when the title goes on
    meta: str  # site · section · date · reading time, elided to its room
    markers: tuple[str, ...]  # "bookmark", "annotated"
    progress: float  # 0 when not started or finished: no bar
    # The same lines shaped once: drawing a QStaticText skips the text layout that drawText
    # does on every call (measured: 40 µs a line, most of a frame at 60 per second).
    shaped: tuple[QStaticText, ...] = ()


@dataclass(frozen=True)
class RowGeometry:
    """Where a row's parts go: its title lines, the details line under the last of them and
    the unread dot beside the first."""

    title_lines: tuple[QRect, ...]
    meta: QRect
    dot: QPointF


class CompactCellDelegate(QStyledItemDelegate):
    """The compact table's cells, painted once their row is read (PAINT_ROLE): until then
    only their background, for the frame or two it takes a worker to read them."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.isValid() and index.data(PAINT_ROLE) is None:
            widget = option.widget
            if widget is not None:
                panel = QStyle.PrimitiveElement.PE_PanelItemViewItem
                widget.style().drawPrimitive(panel, option, painter, widget)
            rect: QRect = option.rect
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            bar = QRectF(rect.left() + PAD_X, rect.top() + rect.height() * 0.3, 0.0, 0.0)
            bar.setSize(QSizeF((rect.width() - 2 * PAD_X) * 0.6, rect.height() * 0.4))
            _paint_bars(painter, colours_of(option.palette, selected).muted, (bar,))
            return
        super().paint(painter, option, index)


class ArticleRowDelegate(QStyledItemDelegate):
    """Paints column 0 of the article list as a two-line row; nothing here reads the library."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._cache: OrderedDict[tuple[ArticleSummary, int], RowText] = OrderedDict()
        self._palette_colours: dict[tuple[int, bool], _Colours] = {}
        self.set_font(parent.font())

    def set_font(self, font: QFont) -> None:
        """The list's font changed: new title and detail fonts, and every layout again."""
        self.title_font = QFont(font)
        self.unread_font = QFont(font)
        self.unread_font.setWeight(QFont.Weight.DemiBold)
        self.meta_font = QFont(font)
        self.meta_font.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
        self._title_metrics = QFontMetrics(self.unread_font)
        self._meta_metrics = QFontMetrics(self.meta_font)
        self._cache.clear()

    def row_height(self) -> int:
        title, meta = self._title_metrics.lineSpacing(), self._meta_metrics.lineSpacing()
        return PAD_Y * 2 + title * 2 + GAP + meta

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        size.setHeight(self.row_height())
        return size

    @staticmethod
    def text_width(row_width: int) -> int:
        """Room for the title and details in a row `row_width` pixels wide."""
        return max(1, row_width - GUTTER - PAD_X)

    # -- layout (cached) ----------------------------------------------------------------------

    def row_text(self, summary: ArticleSummary, row_width: int) -> RowText:
        key = (summary, row_width)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        found = self._lay_out(summary, self.text_width(row_width))
        self._cache[key] = found
        while len(self._cache) > LAYOUT_CACHE:
            self._cache.popitem(last=False)
        return found

    def _lay_out(self, summary: ArticleSummary, width: int) -> RowText:
        markers = tuple(
            name
            for name, on in (("bookmark", summary.bookmarked), ("annotated", summary.annotated))
            if on
        )
        meta_room = max(1, width - MARKER_WIDTH * len(markers))
        meta = self._meta_metrics.elidedText(
            meta_text(summary), Qt.TextElideMode.ElideRight, meta_room
        )
        position = summary.reading_position
        lines = self._title_lines(summary, width)
        font = self.title_font if summary.read else self.unread_font
        shaped = (*(_shaped(line, font) for line in lines), _shaped(meta, self.meta_font))
        return RowText(
            title_lines=lines,
            meta=meta,
            markers=markers,
            progress=position if 0.0 < position < 0.99 else 0.0,
            shaped=shaped,
        )

    def _title_lines(self, summary: ArticleSummary, width: int) -> tuple[str, ...]:
        """The title wrapped at words (or anywhere, for CJK) into two lines, the second elided."""
        font = self.title_font if summary.read else self.unread_font
        layout = QTextLayout(summary.title, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        first = layout.createLine()
        if not first.isValid():
            layout.endLayout()
            return ("",)
        first.setLineWidth(width)
        start = first.textStart() + first.textLength()
        layout.endLayout()
        title = summary.title
        if start >= len(title):
            return (title,)
        rest = QFontMetrics(font).elidedText(title[start:], Qt.TextElideMode.ElideRight, width)
        return (title[:start].rstrip(), rest)

    def geometry(self, rect: QRect, lines: int) -> RowGeometry:
        """The parts of a row in `rect` whose title takes `lines` (1 or 2) lines.

        Every row is as tall as a two-line one (uniform heights let the list scroll 100,000
        rows), so a one-line title has its details right under it and the two lines sit
        in the middle of the row rather than at its top above an empty line."""
        spacing, meta_height = self._title_metrics.lineSpacing(), self._meta_metrics.lineSpacing()
        left, width = rect.left() + GUTTER, self.text_width(rect.width())
        top = rect.top() + PAD_Y + (2 - lines) * spacing // 2
        titles = tuple(QRect(left, top + n * spacing, width, spacing) for n in range(lines))
        meta = QRect(left, top + lines * spacing + GAP, width, meta_height)
        return RowGeometry(titles, meta, QPointF(rect.left() + GUTTER / 2, top + spacing / 2))

    # -- painting -----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        summary = index.data(PAINT_ROLE)
        widget = option.widget
        if widget is not None:  # the selection and hover background, as other rows have it
            panel = QStyle.PrimitiveElement.PE_PanelItemViewItem
            widget.style().drawPrimitive(panel, option, painter, widget)
        rect: QRect = option.rect
        if not isinstance(summary, ArticleSummary):
            if index.isValid():  # a row still being read: where its two lines will be
                self._paint_placeholder(painter, self.geometry(rect, 1), self._colours(option))
            return
        text = self.row_text(summary, rect.width())
        colours = self._colours(option)
        where = self.geometry(rect, len(text.title_lines))
        with saved(painter):
            if not summary.read:
                self._paint_dot(painter, where.dot, colours.accent)
            self._paint_text(painter, where, summary.read, text, colours)
            self._paint_markers(painter, rect, where.meta.top(), text.markers, colours)
            if text.progress:
                width = round(self.text_width(rect.width()) * text.progress)
                bar = QRect(rect.left() + GUTTER, rect.bottom() - 2, width, 2)
                painter.fillRect(bar, colours.accent)

    def _paint_placeholder(self, painter: QPainter, where: RowGeometry, colours: _Colours) -> None:
        """Faint bars where a row's title and details go, for the frame or two until it is
        read (see ArticleTableModel.read_rows_on)."""
        bars = []
        for line, share in ((where.title_lines[0], 0.6), (where.meta, 0.35)):
            bar = QRectF(line.left(), line.top() + line.height() * 0.25, 0.0, 0.0)
            bar.setSize(QSizeF(line.width() * share, line.height() * 0.5))
            bars.append(bar)
        _paint_bars(painter, colours.muted, bars)

    def _paint_text(
        self, painter: QPainter, where: RowGeometry, read: bool, text: RowText, colours: _Colours
    ) -> None:
        painter.setFont(self.title_font if read else self.unread_font)
        painter.setPen(colours.read if read else colours.text)
        for line, place in zip(text.shaped[:-1], where.title_lines, strict=True):
            painter.drawStaticText(place.topLeft(), line)
        painter.setFont(self.meta_font)
        painter.setPen(colours.muted)
        painter.drawStaticText(where.meta.topLeft(), text.shaped[-1])

    def _colours(self, option: QStyleOptionViewItem) -> _Colours:
        """Worked out once per palette: paint runs for every row of every frame."""
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        key = (palette.cacheKey(), selected)
        found = self._palette_colours.get(key)
        if found is None:
            if len(self._palette_colours) > 16:
                self._palette_colours.clear()
            found = self._palette_colours[key] = colours_of(palette, selected)
        return found

    def _paint_dot(self, painter: QPainter, centre: QPointF, colour: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(centre, 3.5, 3.5)

    def _paint_markers(
        self,
        painter: QPainter,
        rect: QRect,
        top: int,
        markers: tuple[str, ...],
        colours: _Colours,
    ) -> None:
        height = self._meta_metrics.height()
        x = rect.right() - PAD_X - MARKER_WIDTH * len(markers) + 3
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        for name in markers:
            if name == "bookmark":  # a ribbon with a notch
                h, w = height - 3, 8
                y = top + 2
                painter.setBrush(colours.accent)
                painter.drawPolygon(
                    QPolygonF(
                        [QPointF(x, y), QPointF(x + w, y), QPointF(x + w, y + h),
                         QPointF(x + w / 2, y + h - 3), QPointF(x, y + h)]
                    )
                )  # fmt: skip
            else:  # a highlighter stroke
                painter.setBrush(colours.highlight)
                painter.drawRoundedRect(QRectF(x, top + height / 2 - 3, 10, 7), 2, 2)
            x += MARKER_WIDTH


def _shaped(text: str, font: QFont) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)
    static.prepare(QTransform(), font)
    return static


def meta_text(summary: ArticleSummary) -> str:
    """The second line: site · section · date · reading time (what is known of them)."""
    if summary.published is not None:
        day = summary.published.isoformat()
    else:  # the list sorts it by this day too (see storage.article_views.SORT_COLUMNS)
        day = QCoreApplication.translate("ArticleRows", "added {date}").format(
            date=summary.added.date().isoformat()
        )
    parts = [summary.site, summary.section, day]
    if summary.chars:
        parts.append(
            QCoreApplication.translate("ArticleRows", "{minutes} min").format(
                minutes=summary.reading_minutes
            )
        )
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class _Colours:
    text: QColor  # unread titles
    read: QColor  # read titles: dimmer, so read and unread differ by colour as well as weight
    muted: QColor  # the details line
    accent: QColor  # unread dot, bookmark, progress
    highlight: QColor  # the annotation marker


def _paint_bars(painter: QPainter, muted: QColor, bars: Sequence[QRectF]) -> None:
    """Faint rounded bars standing in for text not read yet."""
    colour = QColor(muted)
    colour.setAlpha(48)
    with saved(painter):
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for bar in bars:
            painter.drawRoundedRect(bar, 3, 3)


def colours_of(palette: QPalette, selected: bool) -> _Colours:
    """A row's colours in a palette, selected or not."""
    marker = swatch_colour("yellow")
    if selected:
        on = palette.color(QPalette.ColorRole.HighlightedText)
        return _Colours(on, on, on, on, marker)
    text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
    accent = QColor("#5a9cff" if base.lightness() < 128 else "#1f5fbf")
    return _Colours(text, read_text(palette), secondary_text(palette), accent, marker)
