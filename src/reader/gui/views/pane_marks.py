"""The reading pane's marks: search terms, find-in-article matches and highlights, drawn over
the article's text, and the map between that text and the document."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QWidget

from reader.core.annotation import AnchorStatus, Highlight
from reader.core.article import StoredArticle
from reader.core.folding import FoldedText, fold_text
from reader.gui.preferences import ReadingPreferences
from reader.gui.style import Theme, resolve_theme
from reader.gui.text_mapping import TextMap
from reader.gui.views import highlights
from reader.gui.views.readings import reading_ranges, text_without_readings
from reader.gui.views.text_maps import PaneTextMap


class MarkedPane(QTextBrowser):
    """The marks of the article shown; ReadingPane renders the article and sets `_article`,
    `_body_start` (where its body begins in the document) and `_theme`."""

    highlight_clicked = Signal(int)  # highlight id
    context_menu_opening = Signal(QMenu, int)  # the menu, the highlight under it (0: none)
    text_map_built = Signal()  # the shown article's text can be highlighted now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: StoredArticle | None = None
        self._theme: Theme = resolve_theme(ReadingPreferences().theme)
        self._body_start = 0
        self._term_cursors: list[QTextCursor] = []
        self._folded_page: tuple[QTextDocument, int, tuple[str, FoldedText]] | None = None
        self._find_cursors: list[QTextCursor] = []
        self._find_index = -1
        self._find_text = ""
        self._highlights: list[Highlight] = []
        self._marks: list[highlights.Mark] = []
        self._chosen_highlight = 0
        self._reveal_when_mapped = 0  # a highlight asked for before the text map arrived
        self._text_maps = PaneTextMap(self)
        self._readings: list[tuple[int, int]] = []
        # Marks in text Qt has not laid out yet: drawn once it has (see _update_selections).
        self._waiting: list[QTextEdit.ExtraSelection] = []
        self._text_maps.built.connect(self._on_text_maps_built)
        self.verticalScrollBar().rangeChanged.connect(self._on_layout_grown)

    def set_terms(self, terms: tuple[str, ...], *, reveal: bool = True) -> None:
        """Mark the words a search matched; reveal scrolls to the first of them."""
        self._term_cursors = highlights.find_terms(self.document(), terms)
        if reveal and self._term_cursors:
            self._reveal(self._term_cursors[0])
        self._update_selections()

    def _clear_marks(self) -> None:
        """Nothing marked: the pane shows a message, not an article."""
        self._term_cursors, self._find_cursors = [], []
        self._highlights, self._marks, self._readings = [], [], []
        self._reveal_when_mapped = 0
        self._text_maps.clear()

    # -- find in article --------------------------------------------------------------------

    def find_all(self, text: str) -> int:
        """Highlight every match of text and go to the first one; returns how many. Text is
        compared as search compares it: Simplified and Traditional alike, width and case
        aside."""
        self._find_cursors = self._found_in_page(text)
        self._find_index, self._find_text = -1, text
        if self._find_cursors:
            self.find_step(forward=True)
        else:
            self._update_selections()
        return len(self._find_cursors)

    @property
    def find_count(self) -> int:
        return len(self._find_cursors)

    def find_step(self, *, forward: bool) -> int:
        """Move to the next (or previous) match; returns its 1-based index, 0 if none."""
        if not self._find_cursors:
            return 0
        step = 1 if forward else -1
        self._find_index = (self._find_index + step) % len(self._find_cursors)
        self._reveal(self._find_cursors[self._find_index])  # laid out up to it, then drawn
        self._update_selections()
        return self._find_index + 1

    def clear_find(self) -> None:
        self._find_cursors, self._find_index = [], -1
        self._update_selections()

    def _found(self) -> tuple[str, int]:
        """What the find bar found in this page, and which match is current."""
        return (self._find_text, self._find_index) if self._find_cursors else ("", -1)

    def _find_again(self, found: tuple[str, int]) -> None:
        """The find bar's matches in the page set again, the same one current."""
        text, index = found
        if text:
            self._find_cursors = self._found_in_page(text)
            self._find_index = min(index, len(self._find_cursors) - 1)
            self._update_selections()

    def _found_in_page(self, text: str) -> list[QTextCursor]:
        document = self.document()
        kept = self._folded_page
        if kept is None or kept[0] is not document or kept[1] != document.revision():
            # Folded once per page and kept while it is unchanged: the bar asks per keystroke.
            plain = document.toPlainText()
            kept = (document, document.revision(), (plain, fold_text(plain)))
            self._folded_page = kept
        return highlights.find_folded(document, kept[2], text)

    def _reveal(self, cursor: QTextCursor) -> None:
        shown = QTextCursor(cursor)
        shown.setPosition(cursor.selectionStart())
        self.setTextCursor(shown)
        self.ensureCursorVisible()
        self._on_layout_grown()  # laid out up to it now

    def _update_selections(self) -> None:
        theme = self._theme
        chosen = highlights.mark_selections(self._marks, theme, self._chosen_highlight)
        # A search's words are dashed underneath: their yellow alone was a yellow highlight's.
        chosen += highlights.selections(self._term_cursors, theme.term, theme.secondary)
        chosen += highlights.selections(self._find_cursors, theme.find)
        if 0 <= self._find_index < len(self._find_cursors):
            current = self._find_cursors[self._find_index]
            chosen += highlights.selections([current], theme.find_current)
        self.setExtraSelections(self._drawable(chosen))

    def _drawable(self, chosen: list[QTextEdit.ExtraSelection]) -> list[QTextEdit.ExtraSelection]:
        """What Qt can be given now; the rest waits in `_waiting`.

        Setting a selection, or taking one away, asks where it is drawn, which lays the
        document out up to it: one in a book's last chapter laid the whole book out at once.
        It waits instead until Qt's own layout, in steps after the book is shown (or resized),
        reaches it; one drawn already stays as it was drawn until then.
        """
        drawn = {_span(s): s for s in self.extraSelections()}
        now: list[QTextEdit.ExtraSelection] = []
        self._waiting = []
        for selection in chosen:
            if highlights.laid_out(selection.cursor):
                now.append(selection)
                continue
            self._waiting.append(selection)
            if (before := drawn.get(_span(selection))) is not None:
                now.append(before)
        return now

    def _forget_selections(self) -> None:
        """Before the document shown is replaced (and discarded): Qt would look for the
        marks drawn in it in the next one, laying that out up to where they were (to the
        end of a book). Taking them away asks where they were in this one, which lays it out
        again when it changed since (a new font): emptied, it has all of them at its start."""
        self._waiting = []
        if not all(highlights.laid_out(s.cursor) for s in self.extraSelections()):
            self.document().clear()
        self.setExtraSelections([])

    def _on_layout_grown(self, _low: int = 0, _high: int = 0) -> None:
        document = self.document()  # marks of a page replaced wait for nothing
        waiting = [s for s in self._waiting if s.cursor.document() is document]
        if any(highlights.laid_out(s.cursor) for s in waiting):
            self._update_selections()

    # -- highlights -------------------------------------------------------------------------

    @property
    def text_map_ready(self) -> bool:
        """Whether the shown article can be highlighted (its text map is built)."""
        return self._text_maps.current is not None

    @property
    def text_map(self) -> TextMap | None:
        """Where the article's text lies in the document; None while it is being built."""
        return self._text_maps.current

    def _map_text(self) -> None:
        text = self._article.text if self._article is not None else ""
        has_ruby = self._article is not None and "<rt>" in self._article.html
        self._readings = reading_ranges(self.document()) if has_ruby else []
        self._text_maps.update(text, self.toPlainText(), self._body_start, self._readings)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copying gives the article's text: ruby readings drawn in the pane stay out."""
        data = super().createMimeDataFromSelection()
        cursor = self.textCursor()
        if self._readings and cursor.hasSelection():
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            # Qt's own object is reused: a QMimeData made here would be freed by Python while
            # the clipboard still holds it (a crash when the application quits). Reading its
            # text first makes it fill itself from the selection once (Qt does that lazily),
            # so what is set next is what it keeps.
            data.text()
            data.clear()
            data.setText(text_without_readings(self.document(), start, end, self._readings))
        return data

    def _on_text_maps_built(self) -> None:
        self._place_highlights()
        self._update_selections()
        if self._reveal_when_mapped:
            self.reveal_highlight(self._reveal_when_mapped)
        self.text_map_built.emit()

    def set_highlights(self, items: Sequence[Highlight], chosen: int = 0) -> None:
        """Draw these highlights of the shown article; `chosen` is drawn underlined."""
        self._highlights, self._chosen_highlight = list(items), chosen
        self._place_highlights()
        self._update_selections()

    def choose_highlight(self, highlight_id: int) -> None:
        self._chosen_highlight = highlight_id
        self._update_selections()

    @property
    def marks(self) -> list[highlights.Mark]:
        return list(self._marks)

    def _place_highlights(self) -> None:
        self._marks = []
        text_map = self._text_maps.current
        if text_map is None:
            return  # placed when the map is built
        placed = []
        for item in self._highlights:
            span = None
            if item.status is not AnchorStatus.ORPHANED:
                span = text_map.to_document(item.start, item.end)
            if span is not None:
                placed.append((item, span))
        cursors = highlights.spans(self.document(), [span for _item, span in placed])
        for (item, _span), cursor in zip(placed, cursors, strict=True):
            fuzzy = item.status is AnchorStatus.FUZZY
            self._marks.append(highlights.Mark(item.id, item.color.value, cursor, fuzzy))

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code-point offsets into the article text, if it covers any."""
        cursor, text_map = self.textCursor(), self._text_maps.current
        if self._article is None or text_map is None or not cursor.hasSelection():
            return None
        return text_map.to_text(cursor.selectionStart(), cursor.selectionEnd())

    def highlight_at(self, position: int) -> int:
        """The id of the highlight drawn at a document position (the last drawn wins), or 0."""
        for mark in reversed(self._marks):
            if mark.cursor.selectionStart() <= position < mark.cursor.selectionEnd():
                return mark.highlight_id
        return 0

    def reveal_highlight(self, highlight_id: int) -> bool:
        """Scroll a highlight into view (once the text map is built); False when it is not
        drawn (orphaned)."""
        self._reveal_when_mapped = 0
        if self._text_maps.current is None:
            self._reveal_when_mapped = highlight_id
            orphaned = AnchorStatus.ORPHANED
            return any(h.id == highlight_id and h.status is not orphaned for h in self._highlights)
        for mark in self._marks:
            if mark.highlight_id == highlight_id:
                self._reveal(mark.cursor)
                # A third of the way down, not at the very edge where ensureCursorVisible stops.
                top = self.cursorRect(self.textCursor()).top()
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() + top - self.viewport().height() // 3)
                return True
        return False

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        highlight_id = self.highlight_at(position)
        if highlight_id:
            self.highlight_clicked.emit(highlight_id)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        position = self.cursorForPosition(event.pos()).position()
        self.context_menu_opening.emit(menu, self.highlight_at(position))
        menu.exec(event.globalPos())
        menu.deleteLater()


def _span(selection: QTextEdit.ExtraSelection) -> tuple[int, int]:
    return selection.cursor.anchor(), selection.cursor.position()
