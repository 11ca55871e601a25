"""The reading pane: a QTextBrowser that renders one article safely and comfortably."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from reader.core.article import StoredArticle
from reader.gui.preferences import ReadingPreferences
from reader.gui.style import Theme, resolve_theme
from reader.gui.views.article_html import (
    article_html,
    byline_parts,
    message_html,
    reading_css,
)
from reader.gui.views.figures import collapse_images, fit_images, image_positions
from reader.gui.views.headings import fit_title, size_headings, title_size
from reader.gui.views.kept_place import place_of, scroll_back
from reader.gui.views.pane_resources import ResourcePane
from reader.gui.views.placeholders import (
    web_image_alts,
)
from reader.gui.views.plain_text import PlainTextFit
from reader.gui.views.tables import Fit, Measure, measurer

log = logging.getLogger(__name__)

POSITION_SAVE_DELAY_MS = 600
SIDE_PADDING_PX, TOP_PADDING_PX, BOTTOM_PADDING_PX = 28, 36, 64
# Longer documents are laid out by Qt in steps after they are shown, not all at once (0.6 s
# for 800,000 characters): the position is restored again as the scroll range grows.
LAZY_LAYOUT_CHARS = 100_000


def _page_of(article: StoredArticle) -> tuple[object, ...]:
    """What the page drawn for an article depends on (not whether it was read, or how far)."""
    s = article.summary
    header = (s.title, s.site, s.section, s.published, s.author, s.bookmarked, s.language)
    return (*header, article.html, article.text)


class ReadingPane(ResourcePane):
    """Shows one article; reports where the reader is (debounced) as a fraction of its length."""

    position_changed = Signal(int, float)  # article id, fraction read
    article_changed = Signal(object)  # the StoredArticle now shown, or None
    rendered = Signal(object)  # the StoredArticle just drawn (shown, or its details changed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.offer_tags = False  # whether the byline links to the tag editor (tags_requested)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The column is set to fit (tables, images, long words wrap): what is left is a line
        # of CJK text overhanging by a fraction of a pixel into the side margin, which would
        # show a scroll bar that moves the page by one pixel. The pane never scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("readingPane")
        self._loading = False
        self._rendering = False  # a resize while the page is set must not set it again inside
        self._prefs = ReadingPreferences()
        self._theme = resolve_theme(self._prefs.theme)
        self._plain = PlainTextFit()
        self._title_pt = 0.0  # the title's size in the stylesheet, before fitting its words
        # Where a document's images are, and which document that is.
        self._images: tuple[QTextDocument, list[int]] | None = None
        self._pending_fraction: float | None = None  # to restore while a long layout grows
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(POSITION_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._on_save_timer_timeout)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_bar_value_changed)
        self.verticalScrollBar().rangeChanged.connect(self._on_scroll_bar_range_changed)
        self._tables.measured.connect(self._on_tables_measured)
        self._image_loader.refused.connect(self._on_image_loader_refused)
        self.apply_preferences(self._prefs)

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Tab goes on to the next pane, as everywhere in the window. QTextBrowser's own
        # stepped through the article's links (473 in a Wikipedia page) and scrolled the page
        # sideways to a link cut off in a wide table.
        return QAbstractScrollArea.focusNextPrevChild(self, forward)

    # -- what is shown ----------------------------------------------------------------------

    @property
    def article(self) -> StoredArticle | None:
        return self._article

    @property
    def theme(self) -> Theme:
        return self._theme

    def show_article(
        self, article: StoredArticle, assets_dir: Path | None, terms: tuple[str, ...] = ()
    ) -> None:
        """Render an article; with search terms, mark them and scroll to the first one."""
        self.flush_position()
        self._article, self._assets_dir = article, assets_dir
        self._web_alts = web_image_alts(article.html)
        self._highlights, self._chosen_highlight, self._reveal_when_mapped = [], 0, 0
        self._render(article.reading_position)
        self.set_terms(terms)
        self.article_changed.emit(article)

    def show_details(self, article: StoredArticle) -> None:
        """The article shown, with new metadata (edited details): its header is drawn again
        and the reader stays where they were."""
        if self._article is None or self._article.id != article.id:
            return
        drawn, self._article = _page_of(self._article), article
        if _page_of(article) == drawn:
            return  # marked read, or read further: the page is the same (a book: 0.1 s)
        self._render(self.fraction())

    def show_message(self, heading: str, lines: list[str]) -> None:
        """An empty-state page (nothing selected, empty library)."""
        self.flush_position()
        self._article, self._assets_dir = None, None
        self._image_loader.begin(None, None)
        self._clear_marks()
        self._loading = True
        self.setHtml(message_html(heading, lines))
        self._loading = False
        self._update_selections()
        self.article_changed.emit(None)

    def _render(self, fraction: float) -> None:
        self._loading = self._rendering = True
        try:
            if self._article is None:
                return
            date_text = self._date_text(self._article)
            tags = self.tr("Tags…") if self.offer_tags else ""
            bookmark = self.tr("★ Bookmarked") if self._article.summary.bookmarked else ""
            document = self._prepared(self._article, date_text, tags, bookmark)
            self._show_document(document)
            self._fit_title()
            # The title block, and the byline block when there is one, come before the body.
            header = 2 if tags or bookmark or byline_parts(self._article, date_text) else 1
            self._body_start = document.findBlockByNumber(header).position()
            self._map_text()
            self._place_highlights()
            self._find_cursors, self._find_index = [], -1
            self._settle(fraction)
        finally:
            self._loading = self._rendering = False
        if self._article is not None:
            self.rendered.emit(self._article)

    def _prepared(
        self, article: StoredArticle, date_text: str | None, tags: str, bookmark: str
    ) -> QTextDocument:
        """The article set in a new document, its headings sized and images fitted.

        The document has no layout yet: Qt lays a shown document out up to any position that
        changes, so fitting a book's last image in the shown one laid out the whole book
        (0.3 s of a 2 MB book's 0.45 s). The pane lays it out once, lazily, when it is shown.
        """
        document = QTextDocument(self)  # the pane loads its images (loadResource)
        document.setUndoRedoEnabled(False)
        self._image_loader.begin(document, article.id)
        self._apply_faces(self._prefs.families_for(article.summary.language), document)
        page = article_html(article, date_text, tags, bookmark)
        column = self._column_for_width()
        page = self._plain.fitted(page, self._measure(document), column)
        document.setHtml(self._tables.fitted(page, document, column))
        self._apply_column(document)  # after the page: setting it resets the root frame
        size_headings(document, in_tables=self._tables.headed)
        self._title_pt = title_size(document)
        self._fit_images(document)
        return document

    def _show_document(self, document: QTextDocument) -> None:
        """Show `document` instead of the one shown (deleted, with its cached images)."""
        shown = self.document()
        ours = shown.parent() is self  # the first one is the editor's own, deleted by it
        self._forget_selections()
        self.setDocument(document)
        if ours:
            shown.deleteLater()

    @property
    def table_fits(self) -> tuple[Fit, ...]:
        """How each of the article's tables is shown at the pane's width now."""
        return self._tables.fits

    def _date_text(self, article: StoredArticle) -> str | None:
        day: date | None = article.summary.published
        if day is None:
            return None
        # The format itself is translated: "MMMM d, yyyy" in English, "yyyy年M月d日" in Chinese.
        return QLocale().toString(QDate(day.year, day.month, day.day), self.tr("MMMM d, yyyy"))

    # -- look -------------------------------------------------------------------------------

    def _apply_faces(
        self, families: list[str] | None, document: QTextDocument | None = None
    ) -> None:
        """The document's font and stylesheet: the preferred faces, or an article's own."""
        families = families or self._prefs.families
        font = QFont()
        font.setFamilies(families)
        font.setPointSizeF(self._prefs.effective_size)
        document = document or self.document()
        document.setDefaultFont(font)
        document.setDefaultStyleSheet(
            reading_css(
                self._theme,
                families,
                self._prefs.effective_size,
                line_height=self._prefs.line_height,
                paragraph_spacing=self._prefs.paragraph_spacing,
            )
        )

    def apply_preferences(self, prefs: ReadingPreferences, theme: Theme | None = None) -> None:
        """Font, size, zoom and colours; the article is re-rendered at the same place."""
        fraction = self.fraction()
        self._prefs, self._theme = prefs, theme or resolve_theme(prefs.theme)
        self._apply_faces(None)
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Base, QColor(self._theme.background))
            palette.setColor(group, QPalette.ColorRole.Text, QColor(self._theme.text))
            palette.setColor(group, QPalette.ColorRole.Link, QColor(self._theme.link))
        self.setPalette(palette)
        if self._article is not None:
            terms = tuple(c.selectedText() for c in self._term_cursors)
            self._render(fraction)
            self.set_terms(terms, reveal=False)
        else:
            self._apply_column()

    def resizeEvent(self, event: QResizeEvent) -> None:
        fraction = self.fraction()
        super().resizeEvent(event)
        # A resize inside _render (the scroll bar appearing) leaves it loading: restoring
        # the position after it is no move of the reader's (the restore stopped, and the
        # position was saved where the first estimate of a book's length put it).
        with self._moving_itself():
            self._apply_column()
            self._fit_title()
            column = self.column_width()
            if self._tables.changed(column) or self._plain.changed(column):
                # A table changes its size or turns into a preview, or a plain text its face:
                # the page is set again (after the one being set, when this resize is in it).
                if self._rendering:
                    QTimer.singleShot(0, self._set_again)
                else:
                    self._set_again(fraction)
            self._fit_images()
            self._settle(fraction)

    @contextmanager
    def _moving_itself(self) -> Iterator[None]:
        """What scrolls the pane meanwhile is the pane's own doing, not a move of the
        reader's: the position restore goes on, and nothing is saved."""
        loading, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = loading

    def _set_again(self, fraction: float | None = None, *, keep_top: bool = False) -> None:
        """The page set again, the same text marked, selected and found; `keep_top` keeps
        the text at the top of the pane where it is (not the fraction read)."""
        terms = tuple(c.selectedText() for c in self._term_cursors)
        found, cursor = self._found(), self.textCursor()
        selection = cursor.anchor(), cursor.position()
        characters = self.document().characterCount()
        place = place_of(self, self._side_margin()) if keep_top else None
        self._render(self.fraction() if fraction is None else fraction)
        self.set_terms(terms, reveal=False)
        self._find_again(found)
        # Positions are the same in a page of the same text (a table set smaller, not one
        # shown as a preview instead).
        if self.document().characterCount() == characters:
            self._select(*selection)
        if place is not None:
            with self._moving_itself():
                scroll_back(self, place)
                self._pending_fraction = None  # laid out to there: its growing moves nothing

    @property
    def tables_measuring(self) -> bool:
        """Whether tables of the page are still being measured (set as first guessed)."""
        return self._tables.measuring

    def _on_tables_measured(self) -> None:
        if self._article is not None and self._tables.changed(self.column_width()):
            self._set_again(keep_top=True)

    def _select(self, anchor: int, position: int) -> None:
        if anchor == position:
            return
        value, cursor = self.verticalScrollBar().value(), QTextCursor(self.document())
        cursor.setPosition(anchor)
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        with self._moving_itself():
            self.setTextCursor(cursor)
            self.verticalScrollBar().setValue(value)  # selecting scrolls to the cursor

    def _fit_title(self) -> None:
        if self._article is not None:
            body = self._prefs.effective_size
            # Room for the scroll bar, which appears after the page is laid out and narrows
            # the column without resizing the pane.
            room = self.column_width() - self.verticalScrollBar().sizeHint().width()
            fit_title(self.document(), room, self._title_pt, body)

    def _measure(self, document: QTextDocument) -> Measure:
        return measurer(document.defaultFont(), document.defaultStyleSheet())

    def _side_margin(self) -> int:
        em = self._prefs.effective_size * self.logicalDpiY() / 72
        width = self.viewport().width()
        # A narrow pane keeps most of its width for text: the padding shrinks with it.
        padding = min(SIDE_PADDING_PX, width // 20)
        return max(padding, int((width - self._prefs.measure * em) / 2))

    def _column_for_width(self) -> int:
        return max(1, self.viewport().width() - 2 * self._side_margin())

    def _apply_column(self, document: QTextDocument | None = None) -> None:
        """Centre a column of at most the chosen measure (in ems), whatever the pane's width."""
        side = self._side_margin()
        root = (document or self.document()).rootFrame()
        fmt = root.frameFormat()
        if fmt.leftMargin() == side and fmt.topMargin() == TOP_PADDING_PX:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(TOP_PADDING_PX)
        fmt.setBottomMargin(BOTTOM_PADDING_PX)
        root.setFrameFormat(fmt)

    def _fit_images(self, document: QTextDocument | None = None) -> None:
        if self._article is None or "<img" not in self._article.html:
            return
        document = document or self.document()
        # The positions belong to one document: never fitted in another (out of range there).
        if self._images is None or self._images[0] is not document:
            self._images = (document, image_positions(document))
        fit_images(document, self._images[1], self.column_width(), self._redraw_placeholder)

    def _on_image_loader_refused(self, url: QUrl) -> None:
        """An image laid out at its header's size did not decode: its room goes, as an
        image refused at once takes none."""
        document = self.document()
        if self._images is None or self._images[0] is not document:
            return
        with self._moving_itself():
            collapse_images(document, self._images[1], url)

    def _settle(self, fraction: float) -> None:
        """Scroll to `fraction` of the article once laid out (a long one: as it is laid out)."""
        self._pending_fraction = None
        if self.document().characterCount() <= LAZY_LAYOUT_CHARS:
            self._finish_layout()
        elif fraction > 0:
            self._pending_fraction = fraction
        self.set_fraction(fraction)

    def _on_scroll_bar_range_changed(self, _low: int, _high: int) -> None:
        if self._pending_fraction is not None:
            with self._moving_itself():
                self.set_fraction(self._pending_fraction)

    def _finish_layout(self) -> None:
        # Qt lays long documents out in steps and adjusts the scroll range later still, so
        # right after setHtml the range is an estimate. Asking for the size completes the layout;
        # setting the range as QTextEdit would makes a restored fraction land where it was saved.
        height = self.document().size().height()
        self.verticalScrollBar().setRange(0, max(0, round(height) - self.viewport().height()))

    # -- reading position -------------------------------------------------------------------

    def fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(min(1.0, max(0.0, fraction)) * bar.maximum()))

    def flush_position(self) -> None:
        """Report a pending position now (before switching articles or closing)."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._on_save_timer_timeout()

    def _on_scroll_bar_value_changed(self, _value: int) -> None:
        if self._article is not None and not self._loading:
            self._pending_fraction = None  # the reader moved: stop restoring
            self._save_timer.start()

    def _on_save_timer_timeout(self) -> None:
        if self._article is not None:
            self.position_changed.emit(self._article.id, self.fraction())
