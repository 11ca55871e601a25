"""The notes panel: the article's note, its highlights in text order, and an editor for one."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.annotation import AnchorStatus, ArticleAnnotations, Color, Highlight, Note
from reader.gui.painting import painting
from reader.gui.style import swatch_colour

# Typing pauses this long before a note is saved: long enough not to write on every key.
AUTOSAVE_DELAY_MS = 800
QUOTE_CHARS = 160
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DISABLED_SWATCH_ALPHA = 70  # of 255: a disabled swatch is a faint disc on any background


def swatch_icon(name: str, size: int = 14) -> QIcon:
    """A round swatch of a palette colour, for menus, buttons and the list.

    Its disabled look is drawn here too: the style's own greys a pixmap towards the palette's
    light colour, which on the dark theme made every disabled swatch a white disc.
    """
    icon = QIcon(_swatch_pixmap(swatch_colour(name), size))
    faded = swatch_colour(name)
    faded.setAlpha(DISABLED_SWATCH_ALPHA)
    icon.addPixmap(_swatch_pixmap(faded, size, outline=40), QIcon.Mode.Disabled)
    return icon


def _swatch_pixmap(colour: QColor, size: int, outline: int = 70) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    with painting(pixmap) as painter:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(128, 128, 128, outline))
        painter.setBrush(colour)
        painter.drawEllipse(1, 1, size - 2, size - 2)
    return pixmap


def color_label(color: Color | str, meaning: str | None = None) -> str:
    """A colour's name, with what it means to the reader when they said ("Yellow — Key claim")."""
    name = _color_name(color)
    return f"{name} — {meaning.strip()}" if meaning and meaning.strip() else name


def _color_name(color: Color | str) -> str:
    labels = {
        Color.YELLOW: QCoreApplication.translate("Colors", "Yellow"),
        Color.GREEN: QCoreApplication.translate("Colors", "Green"),
        Color.BLUE: QCoreApplication.translate("Colors", "Blue"),
        Color.PINK: QCoreApplication.translate("Colors", "Pink"),
        Color.PURPLE: QCoreApplication.translate("Colors", "Purple"),
    }
    return labels[Color.parse(color)]


class NotesPanel(QWidget):
    """Shows one article's annotations; reports edits, after a pause in typing, as signals.

    The editors are never refilled while they hold unsaved text, so a failed save leaves
    what the reader typed in place.
    """

    highlight_chosen = Signal(int)
    article_note_edited = Signal(str)
    highlight_note_edited = Signal(int, str)
    highlight_tags_edited = Signal(int, list)
    highlight_color_chosen = Signal(int, str)
    delete_requested = Signal(int)
    reattach_requested = Signal(int)
    confirm_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self._highlights: dict[int, Highlight] = {}
        self._meanings: Mapping[Color, str | None] = {}
        self._chosen = 0
        self._filling = False
        # Whether the reader may change an annotation (not another group member's).
        self.is_mine: Callable[[Highlight | Note | None], bool] = lambda _annotation: True
        self._build()
        self._article_timer = self._timer(self._on_article_timer_timeout)
        self._note_timer = self._timer(self._on_note_timer_timeout)
        self.show_annotations(None)
        self._fill_editor()

    def sizeHint(self) -> QSize:
        # Narrow: the reading column beside it matters more than long quotes on one line.
        return QSize(290, 600)

    def _timer(self, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(AUTOSAVE_DELAY_MS)
        timer.timeout.connect(slot)
        return timer

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.article_note = QPlainTextEdit()
        self.article_note.setPlaceholderText(self.tr("A note on the whole article (Markdown)"))
        self.article_note.setMaximumHeight(96)
        self.article_note.textChanged.connect(self._on_article_note_text_changed)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(12, 12))
        self.list.setSpacing(2)
        # Several at once for Delete; the editor shows one, so it follows single choices only.
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)
        self.list.itemClicked.connect(self._on_list_item_clicked)
        self.editor = QWidget()
        self._build_editor(self.editor)
        self.status = QLabel()
        self.status.setWordWrap(True)
        for label, widget, stretch in (
            (self.tr("Article note"), self.article_note, 0),
            (self.tr("Highlights"), self.list, 1),
            (None, self.editor, 0),
            (None, self.status, 0),
        ):
            if label:
                heading = QLabel(label)
                font = QFont(heading.font())
                font.setBold(True)
                heading.setFont(font)
                layout.addWidget(heading)
            layout.addWidget(widget, stretch)

    def _build_editor(self, box: QWidget) -> None:
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        # Narrow rows, so the panel leaves the article most of a small window: the colours
        # and a trash button, then (for a highlight that lost its place) what to do about it.
        colours = QHBoxLayout()
        colours.setSpacing(2)
        self.colour_buttons = QButtonGroup(box)
        for number, color in enumerate(Color, 1):
            button = QToolButton()
            button.setIcon(swatch_icon(color.value, 16))
            button.setCheckable(True)
            button.setToolTip(color_label(color))
            button.setAutoRaise(True)
            self.colour_buttons.addButton(button, number)
            colours.addWidget(button)
        self.colour_buttons.idClicked.connect(self._on_colour_buttons_id_clicked)
        colours.addStretch(1)
        self.delete_button = QToolButton()
        self.delete_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.delete_button.setAutoRaise(True)
        self.delete_button.setToolTip(self.tr("Delete this highlight and its note"))
        self.delete_button.setAccessibleName(self.tr("Delete"))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self._chosen))
        colours.addWidget(self.delete_button)
        layout.addLayout(colours)
        self.anchoring = QWidget()  # shown only while one of its buttons is
        anchoring = QHBoxLayout(self.anchoring)
        anchoring.setContentsMargins(0, 0, 0, 0)
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.confirm_button.setToolTip(self.tr("The passage shown is the right one: keep it."))
        self.confirm_button.clicked.connect(lambda: self.confirm_requested.emit(self._chosen))
        anchoring.addWidget(self.confirm_button)
        self.reattach_button = QPushButton(self.tr("Re-attach"))
        self.reattach_button.setToolTip(
            self.tr("Attach this highlight to the passage selected in the article.")
        )
        self.reattach_button.clicked.connect(lambda: self.reattach_requested.emit(self._chosen))
        anchoring.addWidget(self.reattach_button)
        anchoring.addStretch(1)
        layout.addWidget(self.anchoring)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.editingFinished.connect(self._on_tags_editing_finished)
        layout.addWidget(self.tags)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("A note on this highlight (Markdown)"))
        self.note.setMinimumHeight(90)
        self.note.textChanged.connect(self._on_note_text_changed)
        layout.addWidget(self.note)

    # -- what is shown ----------------------------------------------------------------------

    @property
    def chosen(self) -> int:
        return self._chosen

    def show_annotations(self, annotations: ArticleAnnotations | None) -> None:
        """Fill the panel for an article (None: no article), saving pending edits first."""
        self.flush()
        self._filling = True
        self.setEnabled(annotations is not None)
        note = annotations.note if annotations else None
        self.article_note.setPlainText(note.text if note else "")
        self.article_note.setReadOnly(not self.is_mine(note))
        self.article_note.setToolTip(self._by(note))
        self._filling = False
        self.status.clear()
        self.set_highlights(annotations.highlights if annotations else ())

    def set_color_meanings(self, meanings: Mapping[Color, str | None]) -> None:
        """Name each colour with its meaning in the swatches' tooltips and the list."""
        self._meanings = dict(meanings)
        for number, color in enumerate(Color, 1):
            button = self.colour_buttons.button(number)
            button.setToolTip(color_label(color, self._meanings.get(color)))
        for highlight in list(self._highlights.values()):
            self.update_highlight(highlight)

    def set_highlights(self, items: Sequence[Highlight], chosen: int | None = None) -> None:
        """Replace the list; the editors keep their text when the chosen highlight stays."""
        ordered = sorted(items, key=lambda h: (h.status is AnchorStatus.ORPHANED, h.start))
        self._highlights = {h.id: h for h in ordered}
        keep = self._chosen if chosen is None else chosen
        self.list.blockSignals(True)
        self.list.clear()
        for item in ordered:
            self.list.addItem(self._item(item))
        self.list.blockSignals(False)
        if keep not in self._highlights:
            keep = 0
        self.choose(keep, refill=keep != self._chosen or not keep)
        self._show_anchor_buttons()

    def update_highlight(self, highlight: Highlight) -> None:
        """A saved highlight: its row shows the new values; the editors are left alone."""
        if highlight.id not in self._highlights:
            return
        self._highlights[highlight.id] = highlight
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == highlight.id:
                fresh = self._item(highlight)
                item.setText(fresh.text())
                item.setIcon(fresh.icon())
                item.setToolTip(fresh.toolTip())
                item.setFont(fresh.font())

    def _item(self, highlight: Highlight) -> QListWidgetItem:
        quote = " ".join(highlight.quote.exact.split())
        if len(quote) > QUOTE_CHARS:
            quote = quote[: QUOTE_CHARS - 1] + "…"
        lines = [f"“{quote}”"]
        if highlight.note.strip():
            lines.append(highlight.note.strip().splitlines()[0])
        if by := self._by(highlight):
            lines.append(by)
        item = QListWidgetItem(swatch_icon(highlight.color.value), "\n".join(lines))
        item.setData(ID_ROLE, highlight.id)
        colour = color_label(highlight.color, self._meanings.get(highlight.color))
        if highlight.status is not AnchorStatus.ANCHORED:
            orphaned = highlight.status is AnchorStatus.ORPHANED
            item.setText(
                (
                    self.tr("⚠ Not found in the text — re-attach it")
                    if orphaned
                    else self.tr("≈ Found approximately — confirm or re-attach")
                )
                + "\n"
                + item.text()
            )
            explanation = (
                self.tr("The article changed and this passage was not found again.")
                if orphaned
                else self.tr("Found again approximately after the article changed.")
            )
            item.setToolTip("\n".join(t for t in (colour, explanation, by) if t))
            font = QFont(item.font())
            font.setItalic(True)
            item.setFont(font)
        else:
            item.setToolTip("\n".join(t for t in (colour, by) if t))
        return item

    def _by(self, annotation: Highlight | Note | None) -> str:
        """ "By NAME (read-only)" for another group member's annotation, else nothing."""
        if annotation is None or self.is_mine(annotation):
            return ""
        return self.tr("By {name} (read-only)").format(name=annotation.author)

    def choose(self, highlight_id: int, *, refill: bool = True) -> None:
        """Select a highlight in the list and put it in the editor (0: none)."""
        if refill and highlight_id != self._chosen:
            self._flush_note()
        self._chosen = highlight_id if highlight_id in self._highlights else 0
        self.list.blockSignals(True)
        self.list.clearSelection()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == self._chosen:
                item.setSelected(True)
                self.list.scrollToItem(item)
        self.list.blockSignals(False)
        if refill:
            self._fill_editor()

    def _fill_editor(self) -> None:
        highlight = self._highlights.get(self._chosen)
        self.editor.setEnabled(highlight is not None and self.is_mine(highlight))
        self._filling = True
        self.note.setPlainText(highlight.note if highlight else "")
        self.tags.setText(", ".join(highlight.tags) if highlight else "")
        self._filling = False
        button = self.colour_buttons.button(
            list(Color).index(highlight.color) + 1 if highlight else 1
        )
        self.colour_buttons.setExclusive(highlight is not None)
        for other in self.colour_buttons.buttons():
            other.setChecked(highlight is not None and other is button)
        self._show_anchor_buttons()

    def _show_anchor_buttons(self) -> None:
        """Re-attach for a highlight not exactly anchored; Confirm for a fuzzy one."""
        highlight = self._highlights.get(self._chosen)
        status = highlight.status if highlight else AnchorStatus.ANCHORED
        lost = status is not AnchorStatus.ANCHORED
        self.reattach_button.setVisible(lost)
        self.confirm_button.setVisible(status is AnchorStatus.FUZZY)
        self.anchoring.setVisible(lost)

    def show_error(self, message: str) -> None:
        self.status.setStyleSheet("color: #c0392b;")
        self.status.setText(message)

    def show_saved(self) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved"))

    # -- edits ------------------------------------------------------------------------------

    def flush(self) -> None:
        """Report pending edits now (before switching articles or closing)."""
        if self._article_timer.isActive():
            self._article_timer.stop()
            self._on_article_timer_timeout()
        self._flush_note()

    def _flush_note(self) -> None:
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._on_note_timer_timeout()

    def _on_article_note_text_changed(self) -> None:
        if not self._filling:
            self._article_timer.start()

    def _on_article_timer_timeout(self) -> None:
        self.article_note_edited.emit(self.article_note.toPlainText())

    def _on_note_text_changed(self) -> None:
        if not self._filling and self._chosen:
            self._note_timer.start()

    def _on_note_timer_timeout(self) -> None:
        if self._chosen:
            self.highlight_note_edited.emit(self._chosen, self.note.toPlainText())

    def _on_tags_editing_finished(self) -> None:
        highlight = self._highlights.get(self._chosen)
        if highlight is None:
            return
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        if tuple(tags) != highlight.tags:
            self.highlight_tags_edited.emit(highlight.id, tags)

    def _on_colour_buttons_id_clicked(self, number: int) -> None:
        highlight = self._highlights.get(self._chosen)
        if highlight is not None and list(Color)[number - 1] != highlight.color:
            self.highlight_color_chosen.emit(highlight.id, list(Color)[number - 1].value)

    @property
    def selected_ids(self) -> list[int]:
        """The highlights selected in the list, in its order (the chosen one when none)."""
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        ids = [int(self.list.item(row).data(ID_ROLE)) for row in rows]
        return ids or ([self._chosen] if self._chosen else [])

    def _on_list_item_selection_changed(self) -> None:
        selected = self.list.selectedItems()
        if len(selected) == 1:
            self.choose(int(selected[0].data(ID_ROLE)))
            self.highlight_chosen.emit(self._chosen)

    def _on_list_item_clicked(self, item: QListWidgetItem) -> None:
        # A click on the row already chosen still scrolls the pane back to it.
        if int(item.data(ID_ROLE)) == self._chosen:
            self.highlight_chosen.emit(self._chosen)
