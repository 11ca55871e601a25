"""Paints a search hit: its title, then two lines of snippet with the matched words marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.gui.models.articles import SUMMARY_ROLE
from reader.gui.models.search_results import SNIPPET_ROLE
from reader.gui.painting import saved
from reader.gui.style import secondary_text

Index = QModelIndex | QPersistentModelIndex
PADDING = 6
SNIPPET_LINES = 2
META_SHARE = 0.4  # of a hit's first line, at most, for its site and date
ELLIPSIS = "…"


def utf16_offset(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; the search engine counts code points."""
    return len(text[:index].encode("utf-16-le")) // 2


class SnippetDelegate(QStyledItemDelegate):
    """The title column of the search results."""

    @staticmethod
    def row_height(metrics: QFontMetrics) -> int:
        return metrics.height() * (1 + SNIPPET_LINES) + 2 * PADDING + 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # background, selection and focus as the platform draws them
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        dim = strong if selected else secondary_text(palette)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        with saved(painter):
            painter.setClipRect(option.rect)
            if not selected:  # a hairline between hits, which are taller than list rows
                rule = QColor(palette.color(QPalette.ColorRole.Text))
                rule.setAlpha(32)
                painter.setPen(rule)
                painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
            line = self._draw_title_line(painter, plain, index, rect, strong, dim)
            snippet, spans = index.data(SNIPPET_ROLE) or ("", ())
            top = rect.top() + line + 3
            area = QRect(rect.left(), top, rect.width(), rect.bottom() - top)
            self._draw_snippet(painter, option, snippet, spans, area, dim)

    def _draw_title_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        rect: QRect,
        strong: QColor,
        dim: QColor,
    ) -> int:
        """Title on the left (bold while unread), site and date on the right; returns height."""
        summary = index.data(SUMMARY_ROLE)
        meta_font = QFont(option.font)
        meta_font.setBold(False)  # the option's font is bold for unread rows
        metrics = QFontMetrics(meta_font)
        meta = ""
        if summary is not None:
            day = (summary.published or summary.added.date()).isoformat()
            # In a narrow list the title keeps most of the line: the site is shortened (then
            # left out) to leave the date whole, as together they pushed the title out.
            room = int(rect.width() * META_SHARE) - metrics.horizontalAdvance(f"{day} · ")
            site = summary.site or ""
            if site and room >= metrics.horizontalAdvance("Abc…"):
                site = metrics.elidedText(site, Qt.TextElideMode.ElideRight, room)
            else:
                site = ""
            meta = " · ".join(part for part in (site, day) if part)
        meta_width = metrics.horizontalAdvance(meta) + (12 if meta else 0)
        painter.setFont(meta_font)
        painter.setPen(dim)
        align = Qt.AlignmentFlag.AlignVCenter
        line = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.drawText(line, align | Qt.AlignmentFlag.AlignRight, meta)
        title_font = QFont(option.font)
        title_font.setBold(summary is not None and not summary.read)
        painter.setFont(title_font)
        painter.setPen(strong)
        title_metrics = QFontMetrics(title_font)
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        elided = title_metrics.elidedText(
            title, Qt.TextElideMode.ElideRight, rect.width() - meta_width
        )
        painter.drawText(line, align | Qt.AlignmentFlag.AlignLeft, elided)
        return max(metrics.height(), title_metrics.height())

    def _draw_snippet(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        snippet: str,
        spans: tuple[tuple[int, int], ...],
        rect: QRect,
        colour: QColor,
    ) -> None:
        snippet = snippet.replace("\n", " ")  # same length: the spans stay valid
        font = QFont(option.font)
        font.setBold(False)
        layout = QTextLayout(snippet, font)
        layout.setFormats(_mark_formats(snippet, spans))
        metrics = QFontMetrics(font)
        ellipsis_width = metrics.horizontalAdvance(ELLIPSIS)
        layout.beginLayout()
        y = 0.0
        lines = []
        for number in range(SNIPPET_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            last = number == SNIPPET_LINES - 1
            line.setLineWidth(rect.width() - (ellipsis_width if last else 0))
            line.setPosition(QPointF(0, y))
            y += line.height()
            lines.append(line)
        layout.endLayout()
        painter.setFont(font)
        painter.setPen(colour)
        for line in lines:
            line.draw(painter, QPointF(rect.left(), rect.top()))
        if lines:
            final = lines[-1]
            if final.textStart() + final.textLength() < len(snippet.encode("utf-16-le")) // 2:
                x = rect.left() + final.naturalTextWidth()
                painter.drawText(QPointF(x, rect.top() + final.y() + final.ascent()), ELLIPSIS)


def _mark_formats(
    snippet: str, spans: tuple[tuple[int, int], ...]
) -> list[QTextLayout.FormatRange]:
    marked = QTextCharFormat()
    marked.setFontWeight(QFont.Weight.Bold)
    marked.setBackground(QColor(255, 213, 79, 110))
    ranges = []
    for start, end in spans:
        if not 0 <= start < end <= len(snippet):
            continue
        fmt = QTextLayout.FormatRange()
        fmt.start = utf16_offset(snippet, start)
        fmt.length = utf16_offset(snippet, end) - fmt.start
        fmt.format = marked
        ranges.append(fmt)
    return ranges
